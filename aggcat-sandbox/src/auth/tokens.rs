//! Access tokens minted by the SAML exchange and the nonces seen by the OAuth verifier.
//!
//! Both stores live in memory; expired entries are pruned as new ones are added, in order of
//! expiry (a min-heap), so adding costs O(log n) however many entries are alive.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::sync::{Mutex, PoisonError};

use chrono::{DateTime, Utc};
use rand::Rng;
use rand::distributions::Alphanumeric;
use secrecy::SecretString;
use sha2::{Digest, Sha256};

/// Prefix of every access token (as Intuit's).
pub const TOKEN_PREFIX: &str = "qyprd";
/// Length of an access token.
pub const TOKEN_LEN: usize = 48;
/// Length of a token secret.
pub const TOKEN_SECRET_LEN: usize = 40;

/// A minted access token and what it is bound to.
/// (`Debug` shows the secret as `[REDACTED]`.)
#[derive(Clone, Debug)]
pub struct TokenGrant {
    /// The token (`qyprd` + 43 alphanumerics); not secret on its own (it travels in headers).
    pub token: String,
    /// The token secret (HMAC key half).
    pub secret: SecretString,
    /// The app's consumer key.
    pub consumer_key: String,
    /// The customer (SAML NameID).
    pub customer_id: String,
    /// When the token stops being accepted.
    pub expires_at: DateTime<Utc>,
}

/// Live access tokens.
#[derive(Debug, Default)]
pub struct TokenStore {
    tokens: Mutex<TokenState>,
}

#[derive(Debug, Default)]
struct TokenState {
    grants: HashMap<String, TokenGrant>,
    /// The tokens by expiry, soonest first.
    expiry: BinaryHeap<Reverse<(DateTime<Utc>, String)>>,
}

impl TokenStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Mints a fresh token for (`consumer_key`, `customer_id`), valid until `expires_at`.
    pub fn issue(
        &self,
        consumer_key: &str,
        customer_id: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> TokenGrant {
        let mut state = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
        let TokenState { grants, expiry } = &mut *state;
        while let Some(Reverse((until, _))) = expiry.peek()
            && *until <= now
        {
            if let Some(Reverse((_, token))) = expiry.pop() {
                grants.remove(&token);
            }
        }
        let token = loop {
            let candidate = format!(
                "{TOKEN_PREFIX}{}",
                random_alphanumeric(TOKEN_LEN - TOKEN_PREFIX.len())
            );
            if !grants.contains_key(&candidate) {
                break candidate;
            }
        };
        let grant = TokenGrant {
            token: token.clone(),
            secret: SecretString::from(random_alphanumeric(TOKEN_SECRET_LEN)),
            consumer_key: consumer_key.to_owned(),
            customer_id: customer_id.to_owned(),
            expires_at,
        };
        expiry.push(Reverse((expires_at, token.clone())));
        grants.insert(token, grant.clone());
        grant
    }

    /// The grant of `token` if it is known and not expired at `now`.
    pub fn lookup(&self, token: &str, now: DateTime<Utc>) -> Option<TokenGrant> {
        let state = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
        state
            .grants
            .get(token)
            .filter(|grant| grant.expires_at > now)
            .cloned()
    }

    /// Number of stored (possibly expired, not yet pruned) tokens.
    pub fn len(&self) -> usize {
        self.tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .grants
            .len()
    }

    /// Whether no token is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Nonces seen per consumer key, remembered while their timestamp is inside the window.
#[derive(Debug, Default)]
pub struct NonceStore {
    seen: Mutex<NonceState>,
}

/// A (consumer key, nonce) pair, remembered as the first 128 bits of its SHA-256: 16 bytes
/// however long the strings (a busy sandbox remembers every nonce of the last minutes; two
/// pairs share a key with probability 2^-128).
type NonceKey = u128;

fn nonce_key(consumer_key: &str, nonce: &str) -> NonceKey {
    let mut hash = Sha256::new();
    hash.update((consumer_key.len() as u64).to_le_bytes());
    hash.update(consumer_key.as_bytes());
    hash.update(nonce.as_bytes());
    let digest = hash.finalize();
    let mut first = [0u8; 16];
    first.copy_from_slice(&digest[..16]);
    u128::from_le_bytes(first)
}

#[derive(Debug, Default)]
struct NonceState {
    /// The (consumer key, nonce) pairs seen.
    keys: HashSet<NonceKey>,
    /// The same with the instant after which they may be forgotten, soonest first.
    expiry: BinaryHeap<Reverse<(DateTime<Utc>, NonceKey)>>,
}

impl NonceStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records `nonce` for `consumer_key`; returns `false` when it was already recorded and is
    /// still remembered. `forget_after` is when the nonce's timestamp leaves the window.
    pub fn check_and_record(
        &self,
        consumer_key: &str,
        nonce: &str,
        now: DateTime<Utc>,
        forget_after: DateTime<Utc>,
    ) -> bool {
        let key = nonce_key(consumer_key, nonce);
        let mut state = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        let NonceState { keys, expiry } = &mut *state;
        while let Some(Reverse((until, _))) = expiry.peek()
            && *until < now
        {
            if let Some(Reverse((_, key))) = expiry.pop() {
                keys.remove(&key);
            }
        }
        if !keys.insert(key) {
            return false;
        }
        expiry.push(Reverse((forget_after, key)));
        true
    }

    /// Number of remembered nonces.
    pub fn len(&self) -> usize {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .keys
            .len()
    }

    /// Whether no nonce is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn random_alphanumeric(len: usize) -> String {
    rand::rngs::OsRng
        .sample_iter(&Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn tokens_have_the_intuit_shape_and_expire() {
        let store = TokenStore::new();
        let now = t("2020-01-01T00:00:00Z");
        let grant = store.issue("ck", "cust", now, t("2020-01-01T01:00:00Z"));
        assert_eq!(grant.token.len(), TOKEN_LEN);
        assert!(grant.token.starts_with(TOKEN_PREFIX));
        assert!(grant.token.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_eq!(grant.secret.expose_secret().len(), TOKEN_SECRET_LEN);
        let found = store
            .lookup(&grant.token, t("2020-01-01T00:59:59Z"))
            .unwrap();
        assert_eq!(found.customer_id, "cust");
        assert!(
            store
                .lookup(&grant.token, t("2020-01-01T01:00:00Z"))
                .is_none()
        );
        assert!(store.lookup("qyprdunknown", now).is_none());
        assert!(!format!("{grant:?}").contains(grant.secret.expose_secret()));
    }

    #[test]
    fn each_issue_gives_a_new_token() {
        let store = TokenStore::new();
        let now = t("2020-01-01T00:00:00Z");
        let later = t("2020-01-01T01:00:00Z");
        let a = store.issue("ck", "cust", now, later);
        let b = store.issue("ck", "cust", now, later);
        assert_ne!(a.token, b.token);
        assert_eq!(store.len(), 2);
        // Issuing after expiry prunes the old ones.
        store.issue(
            "ck",
            "cust",
            t("2020-01-01T02:00:00Z"),
            t("2020-01-01T03:00:00Z"),
        );
        assert_eq!(store.len(), 1);
    }

    #[test]
    fn nonces_are_single_use_per_consumer_within_the_window() {
        let store = NonceStore::new();
        let now = t("2020-01-01T00:00:00Z");
        let until = t("2020-01-01T00:05:00Z");
        assert!(store.check_and_record("ck", "n1", now, until));
        assert!(!store.check_and_record("ck", "n1", now, until));
        assert!(store.check_and_record("other", "n1", now, until));
        assert!(store.check_and_record("ck", "n2", now, until));
        // Once forgotten, the nonce is accepted again (its timestamp would be refused anyway).
        assert!(store.check_and_record(
            "ck",
            "n1",
            t("2020-01-01T00:06:00Z"),
            t("2020-01-01T00:11:00Z")
        ));
    }

    #[test]
    fn nonces_are_forgotten_in_order_of_their_own_window() {
        let store = NonceStore::new();
        let now = t("2020-01-01T00:00:00Z");
        // Recorded in this order, forgotten in the other.
        assert!(store.check_and_record("ck", "late", now, t("2020-01-01T00:10:00Z")));
        assert!(store.check_and_record("ck", "early", now, t("2020-01-01T00:05:00Z")));
        let between = t("2020-01-01T00:06:00Z");
        let until = t("2020-01-01T00:16:00Z");
        assert!(store.check_and_record("ck", "early", between, until));
        assert!(!store.check_and_record("ck", "late", between, until));
        let after = t("2020-01-01T00:11:00Z");
        assert!(store.check_and_record("ck", "late", after, t("2020-01-01T00:21:00Z")));
        assert!(!store.check_and_record("ck", "early", after, until));
        assert_eq!(store.len(), 2);
        // The pair, not the concatenation, is the key.
        assert!(store.check_and_record("c", "kearly", after, until));
    }

    #[test]
    fn many_live_tokens_are_pruned_by_expiry() {
        let store = TokenStore::new();
        let start = t("2020-01-01T00:00:00Z");
        for minute in 0..100 {
            let issued = start + chrono::Duration::minutes(minute);
            store.issue("ck", "cust", issued, issued + chrono::Duration::minutes(10));
        }
        // Issued at minutes 90..=99 and alive at minute 99 (expiring at 100..=109).
        assert_eq!(store.len(), 10);
    }
}
