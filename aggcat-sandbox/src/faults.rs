//! Fault injection for clients' tests: dropped connections, `503`s, trickled, truncated and
//! mislabelled answers, at a rate (seeded, so reproducible) or scripted per request.
//!
//! Faults apply to the API (`/v1/…`, `/rest-war/v1/…`) and to the token endpoint; other paths
//! are never faulted. For each such request the sandbox first looks for a scripted
//! [`FaultRule`] that matches it (first match in insertion order; its count goes down by one
//! and it is removed at zero), and otherwise draws one number from its seeded generator
//! against the plan's rates.
//!
//! | [`Fault`] | spec | what the client sees | request processed? |
//! |---|---|---|---|
//! | [`Fault::Drop`] | `drop` | the connection closes without an answer | no |
//! | [`Fault::Unavailable`] without Retry-After | `503` | `503` with a `Status` document (`api.service.unavailable`) | no |
//! | [`Fault::Unavailable`] with Retry-After | `503-retry-after=SECS` | the same plus `Retry-After: SECS` | no |
//! | [`Fault::Trickle`] | `trickle` or `trickle=BYTES/MILLIS` | the real answer, its body sent BYTES bytes every MILLIS ms (default 1 byte every 10 ms) | yes |
//! | [`Fault::Truncate`] | `truncate` | the real status and headers, `Content-Length` of the whole body, half of it, then the connection closes | yes |
//! | [`Fault::WrongContentType`] | `wrong-content-type` | the real answer labelled `Content-Type: text/html; charset=utf-8` | yes |
//!
//! "Processed" faults run the request (its effects, e.g. a created login, are kept) and then
//! spoil the answer; the others never reach the handlers.
//!
//! A plan in text form (the `serve --faults` flag) is a comma-separated list of `SPEC:RATE`,
//! rates between 0 and 1 adding up to at most 1, e.g. `503:0.1,drop:0.05,trickle=1/20:0.02`.
//!
//! ```
//! use aggcat_sandbox::faults::{Fault, FaultPlan, FaultRule};
//!
//! // 10 % of requests get a 503, 5 % are dropped, reproducibly.
//! let plan: FaultPlan = "503:0.1,drop:0.05".parse()?;
//! let plan = plan.seed(42);
//! // And the first login request is dropped, whatever the rates say.
//! let plan = plan.script(
//!     FaultRule::new(Fault::Drop).method("POST").path("/v1/institutions/*"),
//! );
//! assert_eq!(plan.rates().len(), 2);
//! # Ok::<(), aggcat_sandbox::faults::FaultSpecError>(())
//! ```

use std::collections::VecDeque;
use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::bank::prng::Prng;
use crate::error::ApiError;

/// Default trickle: one byte of body every 10 ms.
pub const DEFAULT_TRICKLE_BYTES: usize = 1;
/// Default pause between trickled chunks.
pub const DEFAULT_TRICKLE_INTERVAL: Duration = Duration::from_millis(10);
/// How long a truncated answer waits after its partial body before closing the connection,
/// so that the partial body is flushed to the client first.
const TRUNCATE_LINGER: Duration = Duration::from_millis(50);
/// The content type of [`Fault::WrongContentType`] answers.
pub const WRONG_CONTENT_TYPE: &str = "text/html; charset=utf-8";

/// One kind of injected fault (see the [module documentation](self) for what each does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fault {
    /// Close the connection without answering; the request is not processed.
    Drop,
    /// Answer `503 Service Unavailable` with a `Status` document, with `Retry-After: secs`
    /// when `retry_after` is `Some(secs)`; the request is not processed.
    Unavailable {
        /// The `Retry-After` value in seconds, or no header.
        retry_after: Option<u32>,
    },
    /// Process the request, then send the body `bytes` bytes every `interval`.
    Trickle {
        /// Bytes per chunk (at least 1).
        bytes: usize,
        /// Pause before each chunk.
        interval: Duration,
    },
    /// Process the request, then announce the whole body's `Content-Length`, send half of it
    /// and close the connection.
    Truncate,
    /// Process the request, then label the answer `text/html; charset=utf-8`.
    WrongContentType,
}

impl Fault {
    /// `503` without `Retry-After`.
    pub const UNAVAILABLE: Fault = Fault::Unavailable { retry_after: None };

    /// `503` with `Retry-After: secs`.
    pub fn unavailable_retry_after(secs: u32) -> Self {
        Self::Unavailable {
            retry_after: Some(secs),
        }
    }

    /// Trickle at the default pace (1 byte every 10 ms).
    pub fn trickle() -> Self {
        Self::Trickle {
            bytes: DEFAULT_TRICKLE_BYTES,
            interval: DEFAULT_TRICKLE_INTERVAL,
        }
    }

    /// Whether the request reaches the handlers before the answer is spoiled.
    pub fn processes_request(&self) -> bool {
        matches!(
            self,
            Self::Trickle { .. } | Self::Truncate | Self::WrongContentType
        )
    }
}

impl fmt::Display for Fault {
    /// The spec form accepted by [`Fault::from_str`] (`drop`, `503-retry-after=2`, …).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Drop => f.write_str("drop"),
            Self::Unavailable { retry_after: None } => f.write_str("503"),
            Self::Unavailable {
                retry_after: Some(secs),
            } => write!(f, "503-retry-after={secs}"),
            Self::Trickle { bytes, interval } => {
                write!(f, "trickle={bytes}/{}", interval.as_millis())
            }
            Self::Truncate => f.write_str("truncate"),
            Self::WrongContentType => f.write_str("wrong-content-type"),
        }
    }
}

/// Why a fault or fault plan spec was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum FaultSpecError {
    /// The fault name is not one of the known ones.
    #[error(
        "unknown fault {0:?}; expected drop, 503, 503-retry-after=SECS, trickle, \
         trickle=BYTES/MILLIS, truncate or wrong-content-type"
    )]
    UnknownFault(String),
    /// A fault's argument is not a number of the expected form.
    #[error("invalid argument in fault {fault:?}: {reason}")]
    Argument {
        /// The fault spec.
        fault: String,
        /// What is wrong.
        reason: String,
    },
    /// A plan entry is not `FAULT:RATE`.
    #[error("fault plan entry {0:?} is not FAULT:RATE (e.g. 503:0.1)")]
    Entry(String),
    /// A rate is not a number between 0 and 1.
    #[error("rate {rate:?} of fault {fault} is not a number between 0 and 1")]
    Rate {
        /// The fault.
        fault: String,
        /// The rate as given.
        rate: String,
    },
    /// The rates add up to more than 1.
    #[error("fault rates add up to {0}, more than 1")]
    RateSum(f64),
}

impl FromStr for Fault {
    type Err = FaultSpecError;

    /// Parses `drop`, `503`, `503-retry-after=SECS`, `trickle`, `trickle=BYTES/MILLIS`,
    /// `truncate` or `wrong-content-type` (case-insensitive).
    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let spec = spec.trim();
        let lower = spec.to_ascii_lowercase();
        let argument = |reason: &str| FaultSpecError::Argument {
            fault: spec.to_owned(),
            reason: reason.to_owned(),
        };
        let (name, arg) = match lower.split_once('=') {
            Some((name, arg)) => (name, Some(arg)),
            None => (lower.as_str(), None),
        };
        match (name, arg) {
            ("drop", None) => Ok(Self::Drop),
            ("503", None) => Ok(Self::UNAVAILABLE),
            ("503-retry-after", Some(secs)) => secs
                .parse::<u32>()
                .map(Self::unavailable_retry_after)
                .map_err(|_| argument("Retry-After must be a whole number of seconds")),
            ("trickle", None) => Ok(Self::trickle()),
            ("trickle", Some(pace)) => {
                let (bytes, millis) = pace
                    .split_once('/')
                    .ok_or_else(|| argument("expected trickle=BYTES/MILLIS, e.g. trickle=1/20"))?;
                let bytes = bytes
                    .parse::<usize>()
                    .ok()
                    .filter(|b| *b > 0)
                    .ok_or_else(|| argument("BYTES must be a whole number of at least 1"))?;
                let millis = millis
                    .parse::<u64>()
                    .map_err(|_| argument("MILLIS must be a whole number of milliseconds"))?;
                Ok(Self::Trickle {
                    bytes,
                    interval: Duration::from_millis(millis),
                })
            }
            ("truncate", None) => Ok(Self::Truncate),
            ("wrong-content-type", None) => Ok(Self::WrongContentType),
            ("drop" | "503" | "truncate" | "wrong-content-type", Some(_)) => {
                Err(argument("this fault takes no argument"))
            }
            ("503-retry-after", None) => Err(argument("expected 503-retry-after=SECS")),
            _ => Err(FaultSpecError::UnknownFault(spec.to_owned())),
        }
    }
}

/// Which requests a [`FaultRule`] applies to: a method (any when unset) and a path (any API
/// or token request when unset; exact, or a prefix when it ends with `*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultRule {
    fault: Fault,
    method: Option<String>,
    path: Option<String>,
    times: u32,
}

impl FaultRule {
    /// A rule giving `fault` to the next request (any method, any API or token path), once.
    pub fn new(fault: Fault) -> Self {
        Self {
            fault,
            method: None,
            path: None,
            times: 1,
        }
    }

    /// Only requests with this method (case-insensitive, e.g. `"POST"`).
    pub fn method(mut self, method: &str) -> Self {
        self.method = Some(method.trim().to_ascii_uppercase());
        self
    }

    /// Only requests whose path (as sent, without the query) is `path`, e.g.
    /// `/v1/institutions/100000/logins`; a trailing `*` makes it a prefix
    /// (`/v1/accounts/*`). The token endpoint is `/oauth/v1/get_access_token_by_saml`.
    pub fn path(mut self, path: &str) -> Self {
        self.path = Some(path.to_owned());
        self
    }

    /// Applies to the next `times` matching requests (default 1); `0` disables the rule.
    pub fn times(mut self, times: u32) -> Self {
        self.times = times;
        self
    }

    /// The fault this rule injects.
    pub fn fault(&self) -> Fault {
        self.fault
    }

    fn matches(&self, method: &Method, path: &str) -> bool {
        let method_ok = self.method.as_deref().is_none_or(|m| m == method.as_str());
        let path_ok = match self.path.as_deref() {
            None => true,
            Some(pattern) => match pattern.strip_suffix('*') {
                Some(prefix) => path.starts_with(prefix),
                None => path == pattern,
            },
        };
        method_ok && path_ok
    }
}

/// Faults to inject: rates (drawn from a generator seeded with [`FaultPlan::seed`]) and
/// scripted rules. The default plan injects nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FaultPlan {
    seed: u64,
    rates: Vec<(Fault, f64)>,
    script: Vec<FaultRule>,
}

impl FaultPlan {
    /// A plan without faults (seed 0).
    pub fn new() -> Self {
        Self::default()
    }

    /// Seeds the generator that draws the rates (default 0): the same seed and the same
    /// sequence of requests give the same faults.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Injects `fault` into this fraction of the eligible requests (0 to 1; the rates of a
    /// plan add up to at most 1, checked by [`FaultPlan::validate`] and when the sandbox
    /// starts).
    pub fn rate(mut self, fault: Fault, probability: f64) -> Self {
        self.rates.push((fault, probability));
        self
    }

    /// Adds a scripted rule (applied before the rates).
    pub fn script(mut self, rule: FaultRule) -> Self {
        self.script.push(rule);
        self
    }

    /// The rates.
    pub fn rates(&self) -> &[(Fault, f64)] {
        &self.rates
    }

    /// Whether the plan injects nothing.
    pub fn is_empty(&self) -> bool {
        self.rates.iter().all(|(_, rate)| *rate == 0.0)
            && self.script.iter().all(|rule| rule.times == 0)
    }

    /// Checks that every rate lies in `0..=1` and that they add up to at most 1.
    pub fn validate(&self) -> Result<(), FaultSpecError> {
        let mut sum = 0.0;
        for (fault, rate) in &self.rates {
            if !(0.0..=1.0).contains(rate) {
                return Err(FaultSpecError::Rate {
                    fault: fault.to_string(),
                    rate: rate.to_string(),
                });
            }
            sum += rate;
        }
        // Tolerate rounding in sums like 0.1 + 0.2 + 0.7.
        if sum > 1.0 + 1e-9 {
            return Err(FaultSpecError::RateSum(sum));
        }
        Ok(())
    }
}

impl fmt::Display for FaultPlan {
    /// The rates in the form [`FaultPlan::from_str`] reads (`none` for no rates); scripted
    /// rules and the seed are not shown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.rates.is_empty() {
            return f.write_str("none");
        }
        for (i, (fault, rate)) in self.rates.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{fault}:{rate}")?;
        }
        Ok(())
    }
}

impl FromStr for FaultPlan {
    type Err = FaultSpecError;

    /// Parses `FAULT:RATE[,FAULT:RATE…]` (see the [module documentation](self)); an empty
    /// string is the empty plan. The seed is 0; set it with [`FaultPlan::seed`].
    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let mut plan = FaultPlan::new();
        for entry in spec.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (fault, rate) = entry
                .rsplit_once(':')
                .ok_or_else(|| FaultSpecError::Entry(entry.to_owned()))?;
            let fault: Fault = fault.parse()?;
            let rate_value = rate
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|r| (0.0..=1.0).contains(r))
                .ok_or_else(|| FaultSpecError::Rate {
                    fault: fault.to_string(),
                    rate: rate.trim().to_owned(),
                })?;
            plan = plan.rate(fault, rate_value);
        }
        plan.validate()?;
        Ok(plan)
    }
}

/// Counts of injected faults (part of [`crate::SandboxStats`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FaultStats {
    /// Connections closed without an answer.
    pub dropped: u64,
    /// `503` answers without `Retry-After`.
    pub unavailable: u64,
    /// `503` answers with `Retry-After`.
    pub unavailable_retry_after: u64,
    /// Answers whose body was trickled.
    pub trickled: u64,
    /// Answers cut short.
    pub truncated: u64,
    /// Answers with the wrong content type.
    pub wrong_content_type: u64,
}

impl FaultStats {
    /// All injected faults.
    pub fn total(&self) -> u64 {
        self.dropped
            + self.unavailable
            + self.unavailable_retry_after
            + self.trickled
            + self.truncated
            + self.wrong_content_type
    }
}

#[derive(Debug, Default)]
struct FaultCounters {
    dropped: AtomicU64,
    unavailable: AtomicU64,
    unavailable_retry_after: AtomicU64,
    trickled: AtomicU64,
    truncated: AtomicU64,
    wrong_content_type: AtomicU64,
}

#[derive(Debug)]
struct InjectorState {
    prng: Prng,
    rates: Vec<(Fault, f64)>,
    script: VecDeque<FaultRule>,
}

/// The live fault state of a running sandbox: the plan's rates and seeded generator, the
/// queue of scripted rules and the counters. Cloning shares it.
#[derive(Debug, Clone)]
pub struct FaultInjector {
    state: Arc<Mutex<InjectorState>>,
    counters: Arc<FaultCounters>,
}

impl FaultInjector {
    /// The injector of `plan` (which must be [valid](FaultPlan::validate)).
    pub fn new(plan: FaultPlan) -> Result<Self, FaultSpecError> {
        plan.validate()?;
        Ok(Self {
            state: Arc::new(Mutex::new(InjectorState {
                prng: Prng::new(plan.seed),
                rates: plan.rates,
                script: plan.script.into_iter().filter(|r| r.times > 0).collect(),
            })),
            counters: Arc::default(),
        })
    }

    /// Appends a scripted rule (it applies after the rules already queued).
    pub fn inject(&self, rule: FaultRule) {
        if rule.times > 0 {
            self.lock().script.push_back(rule);
        }
    }

    /// Removes every scripted rule not used up yet (the rates stay).
    pub fn clear_script(&self) {
        self.lock().script.clear();
    }

    /// How many scripted faults are still to come (sum of the rules' remaining counts).
    pub fn pending(&self) -> u64 {
        self.lock()
            .script
            .iter()
            .map(|rule| u64::from(rule.times))
            .sum()
    }

    /// The counters of injected faults.
    pub fn stats(&self) -> FaultStats {
        let c = &self.counters;
        FaultStats {
            dropped: c.dropped.load(Ordering::Relaxed),
            unavailable: c.unavailable.load(Ordering::Relaxed),
            unavailable_retry_after: c.unavailable_retry_after.load(Ordering::Relaxed),
            trickled: c.trickled.load(Ordering::Relaxed),
            truncated: c.truncated.load(Ordering::Relaxed),
            wrong_content_type: c.wrong_content_type.load(Ordering::Relaxed),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, InjectorState> {
        // The state stays consistent even if a holder panicked (no multi-step updates).
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The fault for a request to `path` (eligible paths only; see [`is_faultable`]): a
    /// matching scripted rule first, else one draw against the rates. Counts what it returns.
    pub fn decide(&self, method: &Method, path: &str) -> Option<Fault> {
        if !is_faultable(path) {
            return None;
        }
        let fault = {
            let mut state = self.lock();
            let scripted = state
                .script
                .iter()
                .position(|rule| rule.matches(method, path));
            match scripted {
                Some(index) => {
                    let rule = &mut state.script[index];
                    let fault = rule.fault;
                    rule.times -= 1;
                    if rule.times == 0 {
                        state.script.remove(index);
                    }
                    Some(fault)
                }
                None if state.rates.is_empty() => None,
                None => {
                    let draw = state.prng.unit();
                    let mut upper = 0.0;
                    state.rates.iter().find_map(|(fault, rate)| {
                        upper += rate;
                        (draw < upper).then_some(*fault)
                    })
                }
            }
        }?;
        let c = &self.counters;
        let counter = match fault {
            Fault::Drop => &c.dropped,
            Fault::Unavailable { retry_after: None } => &c.unavailable,
            Fault::Unavailable {
                retry_after: Some(_),
            } => &c.unavailable_retry_after,
            Fault::Trickle { .. } => &c.trickled,
            Fault::Truncate => &c.truncated,
            Fault::WrongContentType => &c.wrong_content_type,
        };
        counter.fetch_add(1, Ordering::Relaxed);
        tracing::info!(%method, path, %fault, "injecting fault");
        Some(fault)
    }
}

/// Whether requests to `path` may be faulted: the API under `/v1` and `/rest-war/v1`, and
/// the token endpoint.
pub fn is_faultable(path: &str) -> bool {
    let under = |prefix: &str| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    under("/v1") || under("/rest-war/v1") || path == crate::routes::token::TOKEN_PATH
}

/// The `503` answer of [`Fault::Unavailable`].
pub fn unavailable_response(retry_after: Option<u32>) -> Response {
    let mut response = ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "SYSTEM_ERROR",
        "api.service.unavailable",
        "The service is temporarily unavailable (injected fault); try again later.",
    )
    .into_response();
    if let Some(secs) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}

/// Spoils a processed answer according to `fault` (`Trickle`, `Truncate`,
/// `WrongContentType`; other faults leave it as is).
pub async fn spoil(fault: Fault, response: Response) -> Response {
    match fault {
        Fault::WrongContentType => {
            let mut response = response;
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(WRONG_CONTENT_TYPE),
            );
            response
        }
        Fault::Trickle { bytes, interval } => {
            let (mut parts, body) = response.into_parts();
            let full = match axum::body::to_bytes(body, usize::MAX).await {
                Ok(full) => full,
                Err(e) => {
                    return ApiError::internal(format!("cannot buffer the answer: {e}"))
                        .into_response();
                }
            };
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(full.len()));
            let chunk = bytes.max(1);
            let stream = futures_util::stream::unfold(full, move |rest: Bytes| async move {
                if rest.is_empty() {
                    return None;
                }
                tokio::time::sleep(interval).await;
                let mut rest = rest;
                let head = rest.split_to(chunk.min(rest.len()));
                Some((Ok::<_, std::io::Error>(head), rest))
            });
            Response::from_parts(parts, Body::from_stream(stream))
        }
        Fault::Truncate => {
            let (mut parts, body) = response.into_parts();
            let full = match axum::body::to_bytes(body, usize::MAX).await {
                Ok(full) => full,
                Err(e) => {
                    return ApiError::internal(format!("cannot buffer the answer: {e}"))
                        .into_response();
                }
            };
            let sent = full.slice(..full.len() / 2);
            // Announce more than will come, even for an empty answer.
            let announced = full.len().max(sent.len() + 1);
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(announced));
            let stream = futures_util::stream::unfold(Some(sent), |state| async move {
                match state {
                    Some(sent) => Some((Ok(sent), None)),
                    None => {
                        // Let the partial body reach the socket, then fail the body so that
                        // the connection is closed.
                        tokio::time::sleep(TRUNCATE_LINGER).await;
                        Some((
                            Err(std::io::Error::other("answer truncated (injected fault)")),
                            None,
                        ))
                    }
                }
            });
            Response::from_parts(parts, Body::from_stream(stream))
        }
        Fault::Drop | Fault::Unavailable { .. } => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fault_specs_round_trip() {
        for fault in [
            Fault::Drop,
            Fault::UNAVAILABLE,
            Fault::unavailable_retry_after(7),
            Fault::trickle(),
            Fault::Trickle {
                bytes: 64,
                interval: Duration::from_millis(250),
            },
            Fault::Truncate,
            Fault::WrongContentType,
        ] {
            assert_eq!(fault.to_string().parse::<Fault>(), Ok(fault), "{fault}");
        }
        assert_eq!("DROP".parse::<Fault>(), Ok(Fault::Drop));
    }

    #[test]
    fn bad_specs_are_typed_errors() {
        assert!(matches!(
            "explode".parse::<Fault>(),
            Err(FaultSpecError::UnknownFault(_))
        ));
        for spec in [
            "trickle=0/10",
            "trickle=1",
            "trickle=a/b",
            "503-retry-after=x",
            "503-retry-after",
            "drop=1",
        ] {
            assert!(
                matches!(spec.parse::<Fault>(), Err(FaultSpecError::Argument { .. })),
                "{spec}"
            );
        }
        assert!(matches!(
            "drop".parse::<FaultPlan>(),
            Err(FaultSpecError::Entry(_))
        ));
        assert!(matches!(
            "drop:1.5".parse::<FaultPlan>(),
            Err(FaultSpecError::Rate { .. })
        ));
        assert!(matches!(
            "drop:0.6,503:0.6".parse::<FaultPlan>(),
            Err(FaultSpecError::RateSum(_))
        ));
        assert!(matches!(
            FaultInjector::new(FaultPlan::new().rate(Fault::Drop, -0.1)),
            Err(FaultSpecError::Rate { .. })
        ));
    }

    #[test]
    fn plan_parses_rates() {
        let plan: FaultPlan = "503:0.1, drop:0.05 ,trickle=2/30:0.02,503-retry-after=3:0.01"
            .parse()
            .unwrap();
        assert_eq!(
            plan.rates(),
            &[
                (Fault::UNAVAILABLE, 0.1),
                (Fault::Drop, 0.05),
                (
                    Fault::Trickle {
                        bytes: 2,
                        interval: Duration::from_millis(30)
                    },
                    0.02
                ),
                (Fault::unavailable_retry_after(3), 0.01),
            ]
        );
        assert!("".parse::<FaultPlan>().unwrap().is_empty());
    }

    #[test]
    fn scripted_rules_match_method_and_path_in_order() {
        let injector = FaultInjector::new(FaultPlan::new()).unwrap();
        injector.inject(
            FaultRule::new(Fault::Drop)
                .method("post")
                .path("/v1/institutions/*")
                .times(2),
        );
        injector.inject(FaultRule::new(Fault::Truncate).path("/v1/accounts"));
        assert_eq!(injector.pending(), 3);
        let get = Method::GET;
        let post = Method::POST;
        // Not matching: wrong method, wrong path, not an API path.
        assert_eq!(injector.decide(&get, "/v1/institutions/1/logins"), None);
        assert_eq!(injector.decide(&post, "/v1/accountsx"), None);
        assert_eq!(injector.decide(&post, "/health"), None);
        assert_eq!(injector.decide(&get, "/v1/accounts"), Some(Fault::Truncate));
        assert_eq!(
            injector.decide(&post, "/v1/institutions/1/logins"),
            Some(Fault::Drop)
        );
        assert_eq!(
            injector.decide(&post, "/v1/institutions/2/logins"),
            Some(Fault::Drop)
        );
        assert_eq!(injector.decide(&post, "/v1/institutions/3/logins"), None);
        assert_eq!(injector.pending(), 0);
        let stats = injector.stats();
        assert_eq!((stats.dropped, stats.truncated, stats.total()), (2, 1, 3));
    }

    #[test]
    fn rates_are_reproducible_from_the_seed_and_roughly_right() {
        let plan: FaultPlan = "503:0.25,drop:0.25".parse().unwrap();
        let run = |seed: u64| {
            let injector = FaultInjector::new(plan.clone().seed(seed)).unwrap();
            (0..4000)
                .map(|_| injector.decide(&Method::GET, "/v1/accounts"))
                .collect::<Vec<_>>()
        };
        let first = run(9);
        assert_eq!(first, run(9));
        assert_ne!(first, run(10));
        let count = |f: Fault| first.iter().filter(|d| **d == Some(f)).count();
        // 1000 expected of each; a seeded run, so these bounds never flake.
        assert!(
            (900..1100).contains(&count(Fault::UNAVAILABLE)),
            "{}",
            count(Fault::UNAVAILABLE)
        );
        assert!(
            (900..1100).contains(&count(Fault::Drop)),
            "{}",
            count(Fault::Drop)
        );
    }

    #[test]
    fn only_api_and_token_paths_are_faultable() {
        for path in [
            "/v1",
            "/v1/accounts",
            "/rest-war/v1/accounts",
            "/oauth/v1/get_access_token_by_saml",
        ] {
            assert!(is_faultable(path), "{path}");
        }
        for path in ["/", "/v10/accounts", "/oauth/v1/other", "/rest-war"] {
            assert!(!is_faultable(path), "{path}");
        }
    }
}
