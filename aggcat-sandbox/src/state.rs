//! State shared by all request handlers.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use axum::body::Bytes;
use chrono::{DateTime, Utc};

use crate::auth::tokens::{NonceStore, TokenStore};
use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::registry::AppRegistry;

/// Time-related settings of a running sandbox.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Lifetime of minted access tokens.
    pub token_lifetime: chrono::Duration,
    /// Clock skew tolerated around the assertion's `NotBefore`/`NotOnOrAfter`.
    pub assertion_skew: chrono::Duration,
    /// Accepted distance between `oauth_timestamp` and the sandbox clock (both directions);
    /// nonces are remembered this long.
    pub timestamp_window: chrono::Duration,
}

/// Request counters (atomics, shared with [`crate::RunningSandbox`]).
#[derive(Debug, Default)]
pub struct Counters {
    saml_exchanges: AtomicU64,
    saml_rejections: AtomicU64,
    api_calls: AtomicU64,
    api_rejections: AtomicU64,
}

/// A snapshot of the [`Counters`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SandboxStats {
    /// Successful SAML → token exchanges (tokens minted).
    pub saml_exchanges: u64,
    /// Refused token requests.
    pub saml_rejections: u64,
    /// API calls that passed OAuth verification.
    pub api_calls: u64,
    /// API calls refused by OAuth verification.
    pub api_rejections: u64,
}

impl Counters {
    pub(crate) fn saml_exchange(&self) {
        self.saml_exchanges.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn saml_rejection(&self) {
        self.saml_rejections.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn api_call(&self) {
        self.api_calls.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn api_rejection(&self) {
        self.api_rejections.fetch_add(1, Ordering::Relaxed);
    }

    /// The current values.
    pub fn snapshot(&self) -> SandboxStats {
        SandboxStats {
            saml_exchanges: self.saml_exchanges.load(Ordering::Relaxed),
            saml_rejections: self.saml_rejections.load(Ordering::Relaxed),
            api_calls: self.api_calls.load(Ordering::Relaxed),
            api_rejections: self.api_rejections.load(Ordering::Relaxed),
        }
    }
}

/// Everything handlers need; cloned cheaply as `Arc<AppState>`.
#[derive(Debug)]
pub struct AppState {
    /// Registered apps.
    pub registry: AppRegistry,
    /// Live access tokens.
    pub tokens: TokenStore,
    /// Seen OAuth nonces.
    pub nonces: NonceStore,
    /// The institution catalog.
    pub catalog: Arc<Catalog>,
    /// The encoded `Institutions` document of [`AppState::catalog`] (filled by the first
    /// `GET /institutions`).
    pub institutions_xml: OnceLock<Bytes>,
    /// The API operations (store, test bank; see [`crate::ops`]).
    pub ops: crate::ops::Ops,
    /// The clock.
    pub clock: Arc<dyn Clock>,
    /// Time settings.
    pub settings: Settings,
    /// Counters.
    pub counters: Arc<Counters>,
}

impl AppState {
    /// The sandbox clock's current time.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}

/// The state type handed to axum.
pub type SharedState = Arc<AppState>;
