//! The client's per-call cost: a signed, typed call against a raw `reqwest` GET of the same
//! bytes from the same server, in one run.
//!
//! The server is a minimal axum app in this process, doing no verification work: a token
//! endpoint (`POST /oauth/v1/get_access_token_by_saml`, answers a fixed token and counts its
//! requests) and one fixed response (`GET /v1/institutions/{id}`: the `InstitutionDetail`
//! fixture `tests/fixtures/institution_detail.xml`, 1,780 bytes, `application/xml`).
//!
//! - `call/typed_get_institution_details`: [`Client::get_institution_details`] — URL, OAuth
//!   1.0a HMAC-SHA1 signature with the cached token, the per-attempt timeout and deadline,
//!   the retry loop, the `aggcat.request` span, reading the body under the size limit and
//!   decoding it into an `InstitutionDetail`.
//! - `call/signed_execute`: [`Client::execute`] of the same `GET`: everything above but the
//!   decoding (the client's send path alone).
//! - `call/raw_reqwest_get`: `reqwest::Client::get(url).send()` and `.bytes()` of the same
//!   URL: the floor (HTTP over loopback, the server's work).
//! - `call/decode_only`: `aggcat_types::from_xml::<InstitutionDetail>` of the same bytes,
//!   no I/O (what the typed call adds to the signed one).
//! - `call/xml_floor`: a bare quick-xml `NsReader` pass over the same bytes (namespace of
//!   every element, unescaped text, no values: the floor any decoder pays, as in
//!   aggcat-types' decode bench).
//!
//! Both run on one current-thread tokio runtime that also runs the server, one call at a
//! time, over a kept-alive connection. The token is obtained once, before measuring: the
//! bench asserts that the token endpoint saw exactly **one** request (one SAML signing)
//! after warm-up and again after every measurement, so the figures never include an RSA
//! signature.
//!
//! After criterion's figures (only under `cargo bench`), the bench prints the ratios typed /
//! raw and signed / raw measured in alternating rounds (raw, signed, typed, decode, floor,
//! then the order rotates; 200 calls per round, 31 rounds, the median of the per-round
//! ratios), which is what `BENCHMARKS.md` quotes: on a noisy machine a ratio taken from
//! interleaved rounds is steadier than separate criterion estimates. It then prints decode /
//! floor from rotating rounds of those two, and the floor's time against the raw GET's: what
//! the bare parse of the body, which any decoder pays, adds to a call.
//!
//! Run: `cargo bench -p aggcat-client --bench call`.
//!
//! Instruction counts (repeatable on a busy machine): with `CALL_BENCH_CALLGRIND=N` set, the
//! binary skips criterion and, after warm-up, runs N calls of each kind (`call::raw_calls`,
//! `call::signed_calls`, `call::typed_calls`, `call::decode_only`, `call::floor_only`); under
//! `valgrind
//! --tool=callgrind` the inclusive cost of each function divided by N is instructions per
//! call (see `BENCHMARKS.md`).

use std::hint::black_box;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use aggcat_client::{ApiRequest, Client, ClientConfig};
use aggcat_types::InstitutionDetail;
use axum::Router;
use axum::http::header::CONTENT_TYPE;
use axum::routing::{get, post};
use criterion::{Criterion, criterion_group};
use tokio::runtime::Runtime;

/// The bare XML parse (the same pass as aggcat-types' decode bench and examples).
#[path = "../../aggcat-types/examples/support/floor.rs"]
mod floor;

/// The fixed answer of `GET /v1/institutions/{id}`.
const DETAIL: &[u8] = include_bytes!("../../tests/fixtures/institution_detail.xml");
/// The institution of the fixture.
const INSTITUTION: i64 = 24_211;
/// A token endpoint answer (40-character secret, 48-character token, as the service's).
const TOKEN_ANSWER: &str = "oauth_token_secret=ZlWb4DqHDDnRmGcYxsO3nbKxY5jT0yu1WmBQmvVx\
                            &oauth_token=qyprdbQ4QhF4XbvWxmM1Mr8uJTBgeIOaQ26gqFm7DXckzg0z";

/// The minimal server: its address and how many token requests it answered.
struct Server {
    addr: SocketAddr,
    token_requests: Arc<AtomicU64>,
}

async fn start_server() -> Server {
    let token_requests = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&token_requests);
    let app = Router::new()
        .route(
            "/oauth/v1/get_access_token_by_saml",
            post(move || {
                let counter = Arc::clone(&counter);
                async move {
                    counter.fetch_add(1, Ordering::SeqCst);
                    ([(CONTENT_TYPE, "text/plain")], TOKEN_ANSWER)
                }
            }),
        )
        .route(
            "/v1/institutions/{id}",
            get(|| async { ([(CONTENT_TYPE, "application/xml")], DETAIL) }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a local port");
    let addr = listener.local_addr().expect("local address");
    tokio::spawn(async move {
        axum::serve(listener, app).await.expect("bench server");
    });
    Server {
        addr,
        token_requests,
    }
}

/// Everything the calls need, on one current-thread runtime.
struct Setup {
    runtime: Runtime,
    server: Server,
    client: Client,
    raw: reqwest::Client,
    url: String,
    /// Keeps the app's key and config files while the bench runs.
    _dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("tokio runtime");
        let server = runtime.block_on(start_server());
        // A real app: key, certificate and consumer credentials as `aggcat-sandbox init`
        // writes them (the server checks nothing, the client signs everything).
        let dir = tempfile::tempdir().expect("temporary directory");
        let files = aggcat_sandbox::init(dir.path()).expect("app files");
        let base = format!("http://{}", server.addr);
        let config = ClientConfig::from_file(&files.config)
            .expect("app config")
            .base_url(format!("{base}/v1"))
            .token_url(format!("{base}/oauth/v1/get_access_token_by_saml"))
            .customer_id("bench-customer")
            .build()
            .expect("client config");
        let client = Client::new(config).expect("client");
        let raw = reqwest::Client::new();
        let url = format!("{base}/v1/institutions/{INSTITUTION}");
        let setup = Self {
            runtime,
            server,
            client,
            raw,
            url,
            _dir: dir,
        };
        // Warm-up: the token exchange (the one SAML signing), both connections, and a check
        // that both routes give the same bytes.
        let detail = setup.typed_once();
        assert_eq!(detail.institution_id, INSTITUTION);
        assert_eq!(setup.raw_once(), DETAIL);
        assert_eq!(setup.signed_once(), DETAIL);
        for _ in 0..50 {
            setup.typed_once();
            setup.signed_once();
            setup.raw_once();
        }
        setup.assert_one_signing("after warm-up");
        setup
    }

    fn typed_once(&self) -> InstitutionDetail {
        self.runtime
            .block_on(self.client.get_institution_details(INSTITUTION))
            .expect("typed call")
    }

    fn signed_once(&self) -> bytes::Bytes {
        let response = self
            .runtime
            .block_on(
                self.client
                    .execute(ApiRequest::get(format!("/institutions/{INSTITUTION}"))),
            )
            .expect("signed call");
        assert_eq!(response.status(), 200);
        response.body().clone()
    }

    fn raw_once(&self) -> bytes::Bytes {
        self.runtime.block_on(async {
            self.raw
                .get(&self.url)
                .send()
                .await
                .expect("raw GET")
                .bytes()
                .await
                .expect("raw body")
        })
    }

    /// Exactly one SAML signing (one token request) for the token's lifetime: the bench
    /// reuses the token.
    fn assert_one_signing(&self, when: &str) {
        let seen = self.server.token_requests.load(Ordering::SeqCst);
        assert_eq!(seen, 1, "token requests {when}: {seen}, expected exactly 1");
        let exchanges = self.client.app().stats().token_exchanges;
        assert_eq!(exchanges, 1, "client token exchanges {when}: {exchanges}");
    }
}

/// `n` typed calls (the function callgrind's `CALL_BENCH_CALLGRIND` mode reports on).
#[inline(never)]
fn typed_calls(setup: &Setup, n: usize) {
    for _ in 0..n {
        black_box(setup.typed_once());
    }
}

/// `n` signed calls without decoding.
#[inline(never)]
fn signed_calls(setup: &Setup, n: usize) {
    for _ in 0..n {
        black_box(setup.signed_once());
    }
}

/// `n` raw GETs (the baseline).
#[inline(never)]
fn raw_calls(setup: &Setup, n: usize) {
    for _ in 0..n {
        black_box(setup.raw_once());
    }
}

/// `n` decodes of the response bytes, no I/O.
#[inline(never)]
fn decode_only(n: usize) {
    for _ in 0..n {
        black_box(decode(black_box(DETAIL)));
    }
}

fn decode(bytes: &[u8]) -> InstitutionDetail {
    aggcat_types::from_xml::<InstitutionDetail>(bytes).expect("the fixture decodes")
}

/// `n` bare parses of the response bytes, no I/O.
#[inline(never)]
fn floor_only(n: usize) {
    for _ in 0..n {
        black_box(floor::pass(black_box(DETAIL)).expect("well-formed").work);
    }
}

fn bench_call(c: &mut Criterion) {
    let setup = Setup::new();
    let mut group = c.benchmark_group("call");
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("raw_reqwest_get", |b| b.iter(|| setup.raw_once()));
    setup.assert_one_signing("after the raw GETs");
    group.bench_function("signed_execute", |b| b.iter(|| setup.signed_once()));
    setup.assert_one_signing("after the signed calls");
    group.bench_function("typed_get_institution_details", |b| {
        b.iter(|| setup.typed_once())
    });
    setup.assert_one_signing("after the typed calls");
    group.bench_function("decode_only", |b| b.iter(|| decode(black_box(DETAIL))));
    group.bench_function("xml_floor", |b| {
        b.iter(|| floor::pass(black_box(DETAIL)).expect("well-formed").work)
    });
    group.finish();
}

mod group {
    use super::*;

    criterion_group!(benches, bench_call);
}

/// The ratios typed / raw and signed / raw from rounds of `per_round` calls of each kind,
/// the order rotating from round to round so that a drift of the machine's speed cancels out.
fn interleaved_ratio(rounds: usize, per_round: usize) {
    let setup = Setup::new();
    // The calls (0 raw, 1 signed, 2 typed), then, in rounds of their own, the CPU-only work
    // (0 decode, 1 floor): microseconds per call in each round. (Mixing the two in one
    // rotation made the calls' times bimodal.)
    let calls = rotating_rounds(
        rounds,
        |kind| {
            match kind {
                0 => raw_calls(&setup, per_round),
                1 => signed_calls(&setup, per_round),
                _ => typed_calls(&setup, per_round),
            }
            per_round
        },
        3,
    );
    setup.assert_one_signing("after the interleaved rounds");
    let parses = rotating_rounds(
        rounds,
        |kind| {
            if kind == 0 {
                decode_only(per_round);
            } else {
                floor_only(per_round);
            }
            per_round
        },
        2,
    );
    let ratio = |micros: &[Vec<f64>], kind: usize| {
        median(
            micros[kind]
                .iter()
                .zip(&micros[0])
                .map(|(x, base)| x / base)
                .collect(),
        )
    };
    let raw = median(calls[0].clone());
    let floor = median(parses[1].clone());
    println!(
        "call/ratio: typed get_institution_details / raw GET = {:.3}, signed execute / raw GET = \
         {:.3} (medians of {rounds} rotating rounds of {per_round} calls; per call raw {raw:.1} \
         µs, signed {:.1} µs, typed {:.1} µs); SAML signings: 1",
        ratio(&calls, 2),
        ratio(&calls, 1),
        median(calls[1].clone()),
        median(calls[2].clone()),
    );
    println!(
        "call/parse: decode / XML floor = {:.3} (medians of {rounds} rotating rounds of \
         {per_round}; decode {:.1} µs, floor {floor:.1} µs); XML floor / raw GET = {:.3} (medians \
         of separate rounds)",
        median(
            parses[0]
                .iter()
                .zip(&parses[1])
                .map(|(decode, floor)| decode / floor)
                .collect()
        ),
        median(parses[0].clone()),
        floor / raw,
    );
}

/// `rounds` rounds running each of `kinds` kinds once (`run(kind)`, returning how many
/// operations it did), the order rotating from round to round so that a drift of the
/// machine's speed cancels out; microseconds per operation of each kind in each round.
fn rotating_rounds(
    rounds: usize,
    mut run: impl FnMut(usize) -> usize,
    kinds: usize,
) -> Vec<Vec<f64>> {
    let mut micros = vec![Vec::with_capacity(rounds); kinds];
    for round in 0..rounds {
        for step in 0..kinds {
            let kind = (round + step) % kinds;
            let started = Instant::now();
            let n = run(kind);
            micros[kind].push(started.elapsed().as_secs_f64() * 1e6 / n as f64);
        }
    }
    micros
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    if let Some(n) = std::env::var("CALL_BENCH_CALLGRIND")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        let setup = Setup::new();
        raw_calls(&setup, n);
        signed_calls(&setup, n);
        typed_calls(&setup, n);
        decode_only(n);
        floor_only(n);
        setup.assert_one_signing("after the counted calls");
        println!(
            "ran {n} raw, signed and typed calls, {n} decodes and {n} bare parses; SAML \
             signings: 1"
        );
        return;
    }
    group::benches();
    // `cargo bench` passes `--bench`; `cargo test --benches` runs each bench once and
    // skips the rounds.
    if std::env::args().any(|a| a == "--bench") {
        interleaved_ratio(31, 200);
    }
    Criterion::default().configure_from_args().final_summary();
}
