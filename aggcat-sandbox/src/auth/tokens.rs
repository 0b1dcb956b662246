//! Access tokens minted by the SAML exchange and the nonces seen by the OAuth verifier.
//!
//! Both stores live in memory; expired entries are pruned as new ones are added, in order of
//! expiry (a min-heap), so adding costs O(log n) however many entries are alive. The tokens
//! of a deleted customer are dropped at once ([`TokenStore::revoke_customer`]).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};

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

/// Live access tokens; clones share them (the token endpoint issues, the OAuth check looks
/// up, the customer deletion revokes).
#[derive(Debug, Default, Clone)]
pub struct TokenStore {
    tokens: Arc<Mutex<TokenState>>,
}

/// Who a token was minted for: (consumer key, customer id).
type CustomerKey = (String, String);

#[derive(Debug, Default)]
struct TokenState {
    grants: HashMap<String, TokenGrant>,
    /// The live tokens of each customer.
    by_customer: HashMap<CustomerKey, Vec<String>>,
    /// The tokens by expiry, soonest first. Revoked tokens stay until they expire or the heap
    /// is rebuilt (when they are more than half of it).
    expiry: BinaryHeap<Reverse<(DateTime<Utc>, String)>>,
}

impl TokenState {
    /// Forgets `token` (if known) in `grants` and `by_customer`.
    fn forget(&mut self, token: &str) -> Option<TokenGrant> {
        let grant = self.grants.remove(token)?;
        let key = (grant.consumer_key.clone(), grant.customer_id.clone());
        if let Some(tokens) = self.by_customer.get_mut(&key) {
            tokens.retain(|t| t != token);
            if tokens.is_empty() {
                self.by_customer.remove(&key);
            }
        }
        Some(grant)
    }

    /// Drops the tokens expired at `now`.
    fn prune(&mut self, now: DateTime<Utc>) {
        while let Some(Reverse((until, _))) = self.expiry.peek()
            && *until <= now
        {
            if let Some(Reverse((_, token))) = self.expiry.pop() {
                // A revoked token's entry may outlive it; only an expired grant goes.
                if self
                    .grants
                    .get(&token)
                    .is_some_and(|grant| grant.expires_at <= now)
                {
                    self.forget(&token);
                }
            }
        }
    }
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
        state.prune(now);
        let token = loop {
            let candidate = format!(
                "{TOKEN_PREFIX}{}",
                random_alphanumeric(TOKEN_LEN - TOKEN_PREFIX.len())
            );
            if !state.grants.contains_key(&candidate) {
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
        state.expiry.push(Reverse((expires_at, token.clone())));
        state
            .by_customer
            .entry((consumer_key.to_owned(), customer_id.to_owned()))
            .or_default()
            .push(token.clone());
        state.grants.insert(token, grant.clone());
        grant
    }

    /// Drops every token minted for `customer_id` of `consumer_key` (the customer was
    /// deleted); returns how many there were. Later requests with them get `token_rejected`.
    pub fn revoke_customer(&self, consumer_key: &str, customer_id: &str) -> usize {
        let mut state = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
        let key = (consumer_key.to_owned(), customer_id.to_owned());
        let Some(tokens) = state.by_customer.remove(&key) else {
            return 0;
        };
        for token in &tokens {
            state.grants.remove(token);
        }
        // The heap keeps the revoked tokens' entries until they expire: rebuild it when they
        // are the majority, so that memory follows the live tokens (amortized O(1) a token).
        if state.expiry.len() > 2 * state.grants.len() + 64 {
            let live: Vec<_> = state
                .grants
                .values()
                .map(|grant| Reverse((grant.expires_at, grant.token.clone())))
                .collect();
            state.expiry = BinaryHeap::from(live);
        }
        tokens.len()
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

/// `len` random alphanumerics from the thread's CSPRNG (ChaCha, seeded and periodically
/// reseeded from the OS); drawing each character from the OS (`OsRng`) cost a `getrandom`
/// system call per character, 88 per token.
fn random_alphanumeric(len: usize) -> String {
    rand::thread_rng()
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

    #[test]
    fn revoking_a_customer_drops_all_its_tokens_and_only_those() {
        let store = TokenStore::new();
        let now = t("2020-01-01T00:00:00Z");
        let later = t("2020-01-01T01:00:00Z");
        let first = store.issue("ck", "gone", now, later);
        let second = store.issue("ck", "gone", now, later);
        let other_customer = store.issue("ck", "stays", now, later);
        let other_app = store.issue("ck2", "gone", now, later);
        assert_eq!(store.revoke_customer("ck", "gone"), 2);
        assert!(store.lookup(&first.token, now).is_none());
        assert!(store.lookup(&second.token, now).is_none());
        assert!(store.lookup(&other_customer.token, now).is_some());
        assert!(store.lookup(&other_app.token, now).is_some());
        assert_eq!(store.len(), 2);
        assert_eq!(store.revoke_customer("ck", "gone"), 0);
        // A clone shares the tokens.
        assert_eq!(store.clone().revoke_customer("ck", "stays"), 1);
        assert!(store.lookup(&other_customer.token, now).is_none());
        // A new token for the same customer works again.
        let again = store.issue("ck", "gone", now, later);
        assert!(store.lookup(&again.token, now).is_some());
    }

    #[test]
    fn revoked_tokens_do_not_keep_memory_and_expiry_spares_the_live_ones() {
        let store = TokenStore::new();
        let start = t("2020-01-01T00:00:00Z");
        let lifetime = chrono::Duration::hours(1);
        for n in 0..1000 {
            let customer = format!("c{n}");
            store.issue("ck", &customer, start, start + lifetime);
            assert_eq!(store.revoke_customer("ck", &customer), 1);
        }
        let keep = store.issue("ck", "keep", start, start + lifetime);
        {
            let state = store.tokens.lock().unwrap();
            assert_eq!(state.grants.len(), 1);
            assert_eq!(state.by_customer.len(), 1);
            // Rebuilt whenever it is longer than twice the live tokens plus 64 (not 1,001).
            assert!(state.expiry.len() <= 67, "{}", state.expiry.len());
        }
        // Pruning at the expiry of the revoked entries leaves the live token of the same
        // instant alone only if it is not expired: issue one that outlives them.
        let later = store.issue("ck", "later", start, start + lifetime * 2);
        store.issue("ck", "x", start + lifetime, start + lifetime * 3);
        assert!(store.lookup(&keep.token, start + lifetime).is_none());
        assert!(store.lookup(&later.token, start + lifetime).is_some());
        let state = store.tokens.lock().unwrap();
        assert!(
            !state
                .by_customer
                .contains_key(&("ck".to_owned(), "keep".to_owned()))
        );
        assert!(state.grants.contains_key(&later.token));
    }
}
