//! Institutions: the catalog cached on disk and searched by name — the "helper method on the
//! client that will have a better search" python-aggcat's manual promised.
//!
//! `GET /institutions` answers the whole catalog (about 19,000 institutions, megabytes of XML,
//! slow at Intuit), so applications keep a copy and search it locally:
//!
//! * [`Client::institutions_cache`](crate::Client::institutions_cache) →
//!   [`InstitutionsCache`]: where the list is cached, when it is downloaded again
//!   ([`RefreshPolicy`]: a maximum age, or forced with [`InstitutionsCache::refresh`]), what to
//!   do with damaged files ([`OnBadCache`]), and a progress callback ([`Progress`]).
//!   [`InstitutionsCache::load`] returns [`CachedInstitutions`]: the list with its index, its
//!   [`CacheInfo`] and its [`Origin`]. Errors are [`CacheError`]s.
//! * [`InstitutionIndex`]: institutions with their search index, also buildable from any list
//!   (e.g. [`Client::get_institutions`](crate::Client::get_institutions));
//!   [`InstitutionIndex::search`] ranks them for a free-text query and returns
//!   [`InstitutionHit`]s with scores.
//! * [`SearchIndex`]: the index itself over (id, name, home URL) [`SearchItem`]s: prefixes,
//!   typos, accents, brand-aware ranking (the rules are in [`search`]).
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use aggcat_client::{Client, ClientConfig};
//!
//! let client = Client::new(ClientConfig::from_file("aggcat.toml")?.customer_id("42").build()?)?;
//! // Downloaded on first use, then read from disk for a day (the default maximum age).
//! let institutions = client.institutions_cache("cache").load().await?;
//! for hit in institutions.search("chase", 5) {
//!     println!("{} {}", hit.institution.institution_id, hit.institution.institution_name);
//! }
//! # Ok(()) }
//! ```

mod cache;
mod error;
mod index;
pub mod search;

pub use cache::{
    CacheInfo, CachedInstitutions, DEFAULT_MAX_AGE, DownloadReason, InstitutionsCache, OnBadCache,
    Origin, Progress, RefreshPolicy,
};
pub use error::CacheError;
pub use index::{InstitutionHit, InstitutionIndex};
pub use search::{Hit, MAX_QUERY_WORDS, SearchIndex, SearchItem, normalize};
