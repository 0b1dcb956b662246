//! `Client::institutions_cache`: the refresh policy (fresh cache reused without a request,
//! stale cache downloaded again, forced refresh), damaged cache files, failed and invalid
//! downloads, progress reports — against an in-process sandbox whose request counter
//! (`SandboxStats::api_calls`) shows whether the list was downloaded.

mod support;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aggcat_client::institutions::{
    CacheError, CachedInstitutions, DownloadReason, InstitutionsCache, OnBadCache, Origin,
    Progress, RefreshPolicy,
};
use aggcat_client::{Client, ClientConfig};
use aggcat_sandbox::catalog::JP_MORGAN_CHASE_ID;
use aggcat_sandbox::faults::{Fault, FaultRule};
use aggcat_sandbox::{AppRegistration, RunningSandbox, Sandbox};

const CATALOG_SIZE: usize = 400;

struct Env {
    _app: tempfile::TempDir,
    cache_dir: tempfile::TempDir,
    sandbox: RunningSandbox,
    client: Client,
}

impl Env {
    async fn start() -> Env {
        let app = tempfile::tempdir().expect("tempdir");
        let files = aggcat_sandbox::init(app.path()).expect("aggcat_sandbox::init");
        let registration = AppRegistration::from_config_file(&files.config).expect("app");
        let sandbox = Sandbox::builder()
            .app(registration)
            .catalog_size(CATALOG_SIZE)
            .start()
            .await
            .expect("sandbox start");
        let config = ClientConfig::from_file(&files.config)
            .expect("aggcat.toml")
            .customer_id("cache-customer")
            .base_url(sandbox.base_url())
            .token_url(sandbox.token_url())
            .build()
            .expect("config");
        Env {
            _app: app,
            cache_dir: tempfile::tempdir().expect("tempdir"),
            client: Client::new(config).expect("client"),
            sandbox,
        }
    }

    fn cache(&self) -> InstitutionsCache {
        self.client
            .institutions_cache(self.cache_dir.path())
            .name("sandbox")
    }

    /// `GET /institutions` (and any other API call) the sandbox served so far.
    fn api_calls(&self) -> u64 {
        self.sandbox.stats().api_calls
    }

    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.cache_dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

fn set_downloaded_at(info_path: &Path, date: &str) {
    let mut info: serde_json::Value =
        serde_json::from_slice(&std::fs::read(info_path).unwrap()).unwrap();
    info["downloaded_at"] = date.into();
    std::fs::write(info_path, serde_json::to_vec(&info).unwrap()).unwrap();
}

fn days_ago(days: i64) -> String {
    (chrono::Local::now() - chrono::Duration::days(days)).to_rfc3339()
}

fn assert_chase_first(list: &CachedInstitutions) {
    let hits = list.search("chase", 5);
    assert_eq!(
        hits[0].institution.institution_id,
        JP_MORGAN_CHASE_ID,
        "{:?}",
        hits.iter()
            .map(|h| &h.institution.institution_name)
            .collect::<Vec<_>>()
    );
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[tokio::test]
async fn a_fresh_cache_is_reused_without_a_request() {
    let env = Env::start().await;
    let cache = env.cache();
    assert!(cache.cached_info().unwrap().is_none());

    let first = cache.load().await.unwrap();
    assert!(matches!(
        first.origin,
        Origin::Downloaded(DownloadReason::NoCache)
    ));
    assert!(!first.from_cache());
    assert_eq!(env.api_calls(), 1);
    assert_eq!(first.index.len(), CATALOG_SIZE);
    assert_eq!(first.info.count, CATALOG_SIZE);
    assert_eq!(first.info.source, env.client.config().base_url().as_str());
    assert_eq!(
        first.info.bytes,
        std::fs::metadata(cache.xml_path()).unwrap().len()
    );
    assert!(first.info.age().unwrap() < Duration::from_secs(3600));
    assert_eq!(
        env.files(),
        ["institutions-sandbox.json", "institutions-sandbox.xml"]
    );
    assert_chase_first(&first);

    let second = cache.load().await.unwrap();
    assert!(second.from_cache());
    assert_eq!(env.api_calls(), 1, "a fresh cache needs no request");
    assert_eq!(second.info, first.info);
    assert_eq!(second.institutions(), first.institutions());
    assert_eq!(cache.cached_info().unwrap().unwrap(), first.info);
    assert_chase_first(&second);

    // Another handle on the same files (as another process would be) reuses them too.
    let other = env
        .client
        .institutions_cache(env.cache_dir.path())
        .name("sandbox")
        .policy(RefreshPolicy::WhenMissing)
        .load()
        .await
        .unwrap();
    assert!(other.from_cache());
    assert_eq!(env.api_calls(), 1);
    // Another name is another cache.
    let renamed = env.cache().name("other").load().await.unwrap();
    assert!(!renamed.from_cache());
    assert_eq!(env.api_calls(), 2);
}

#[tokio::test]
async fn a_stale_cache_is_downloaded_again() {
    let env = Env::start().await;
    let cache = env.cache().max_age(Duration::from_secs(24 * 3600));
    cache.load().await.unwrap();
    assert_eq!(env.api_calls(), 1);

    // Two days old: too old for a maximum age of one day.
    set_downloaded_at(&cache.info_path(), &days_ago(2));
    let old = cache.cached_info().unwrap().unwrap();
    assert!(old.age().unwrap() > Duration::from_secs(47 * 3600));
    let list = cache.load().await.unwrap();
    match &list.origin {
        Origin::Downloaded(DownloadReason::Expired { downloaded_at }) => {
            assert_eq!(*downloaded_at, old.downloaded_at)
        }
        other => panic!("expected Expired, got {other:?}"),
    }
    assert_eq!(env.api_calls(), 2);
    assert!(list.info.age().unwrap() < Duration::from_secs(3600));
    assert_eq!(cache.cached_info().unwrap().unwrap(), list.info);
    assert!(cache.load().await.unwrap().from_cache());
    assert_eq!(env.api_calls(), 2);

    // Still within a longer maximum age, and any age with WhenMissing.
    set_downloaded_at(&cache.info_path(), &days_ago(2));
    let week = cache.clone().max_age(Duration::from_secs(7 * 24 * 3600));
    assert!(week.load().await.unwrap().from_cache());
    set_downloaded_at(&cache.info_path(), &days_ago(400));
    let forever = cache.clone().policy(RefreshPolicy::WhenMissing);
    assert!(forever.load().await.unwrap().from_cache());
    assert_eq!(env.api_calls(), 2);

    // A date in the future (a clock that was changed) counts as too old.
    set_downloaded_at(&cache.info_path(), &days_ago(-1));
    let list = week.load().await.unwrap();
    assert!(matches!(
        list.origin,
        Origin::Downloaded(DownloadReason::Expired { .. })
    ));
    assert_eq!(env.api_calls(), 3);
}

#[tokio::test]
async fn a_forced_refresh_always_downloads() {
    let env = Env::start().await;
    let cache = env.cache();
    cache.load().await.unwrap();
    let refreshed = cache.refresh().await.unwrap();
    assert!(matches!(
        refreshed.origin,
        Origin::Downloaded(DownloadReason::Forced)
    ));
    assert_eq!(env.api_calls(), 2);
    assert_chase_first(&refreshed);
    let always = cache.clone().policy(RefreshPolicy::Always);
    assert_eq!(always.refresh_policy(), RefreshPolicy::Always);
    assert!(!always.load().await.unwrap().from_cache());
    assert!(!always.load().await.unwrap().from_cache());
    assert_eq!(env.api_calls(), 4);
    // The rewritten cache serves the next load.
    assert!(cache.load().await.unwrap().from_cache());
    assert_eq!(env.api_calls(), 4);
    assert_eq!(
        env.files(),
        ["institutions-sandbox.json", "institutions-sandbox.xml"],
        "no temporary file left behind"
    );
}

#[tokio::test]
async fn a_corrupt_cache_is_downloaded_again_or_reported() {
    let env = Env::start().await;
    let cache = env.cache();
    cache.load().await.unwrap();
    let xml = std::fs::read(cache.xml_path()).unwrap();
    let strict = cache.clone().on_bad_cache(OnBadCache::Fail);

    // Half a file (as a crash of a non-atomic writer would leave).
    let half = &xml[..xml.len() / 2];
    std::fs::write(cache.xml_path(), half).unwrap();
    let error = strict.load().await.unwrap_err();
    assert!(
        matches!(&error, CacheError::Corrupt { path, .. } if path == &cache.xml_path()),
        "{error:?}"
    );
    assert!(error.is_bad_cache());
    let text = error.to_string();
    assert!(
        text.contains("damaged") && text.contains("refresh"),
        "{text}"
    );
    assert_eq!(env.api_calls(), 1, "OnBadCache::Fail downloads nothing");
    assert_eq!(std::fs::read(cache.xml_path()).unwrap(), half, "left alone");

    let repaired = cache.load().await.unwrap();
    match &repaired.origin {
        Origin::Downloaded(DownloadReason::BadCache(problem)) => {
            assert!(matches!(problem, CacheError::Corrupt { .. }), "{problem}")
        }
        other => panic!("expected BadCache, got {other:?}"),
    }
    assert_eq!(env.api_calls(), 2);
    assert_eq!(std::fs::read(cache.xml_path()).unwrap(), xml);
    assert!(cache.load().await.unwrap().from_cache());

    // Same size, not an Institutions document.
    let mut garbage = xml.clone();
    garbage[..12].copy_from_slice(b"<NotThis xy=");
    std::fs::write(cache.xml_path(), &garbage).unwrap();
    let error = strict.load().await.unwrap_err();
    assert!(
        error
            .to_string()
            .contains("not a valid Institutions document"),
        "{error}"
    );
    assert!(std::error::Error::source(&error).is_some());
    assert!(!cache.load().await.unwrap().from_cache());
    assert_eq!(env.api_calls(), 3);

    // A damaged info file.
    std::fs::write(cache.info_path(), b"{ not json").unwrap();
    assert!(strict.load().await.unwrap_err().is_bad_cache());
    assert!(!cache.load().await.unwrap().from_cache());
    assert_eq!(env.api_calls(), 4);

    // An unreadable XML file (here a directory in its place).
    std::fs::remove_file(cache.xml_path()).unwrap();
    std::fs::create_dir(cache.xml_path()).unwrap();
    std::fs::write(cache.xml_path().join("inside"), b"").unwrap();
    let error = strict.load().await.unwrap_err();
    assert!(
        matches!(&error, CacheError::Unreadable { path, .. } if path == &cache.xml_path()),
        "{error:?}"
    );
    assert!(error.to_string().contains("cannot read"), "{error}");
    // Downloading again works, but the file cannot be replaced: a typed write error, and no
    // info file is left to vouch for the directory.
    let error = cache.load().await.unwrap_err();
    assert!(
        matches!(&error, CacheError::Write { path, .. } if path == &cache.xml_path()),
        "{error:?}"
    );
    assert_eq!(env.api_calls(), 5);
    assert_eq!(env.files(), ["institutions-sandbox.xml"]);
}

#[tokio::test]
async fn a_failed_download_keeps_the_cache() {
    let env = Env::start().await;
    let cache = env.cache();
    let first = cache.load().await.unwrap();
    // Every attempt of GET /institutions answers 503 (more than the client repeats it).
    env.sandbox.inject(
        FaultRule::new(Fault::UNAVAILABLE)
            .method("GET")
            .path("/v1/institutions")
            .times(50),
    );
    let error = cache.refresh().await.unwrap_err();
    let client_error = error.as_client_error().expect("a download error");
    assert!(client_error.is_unavailable(), "{client_error}");
    assert!(matches!(error, CacheError::Download(_)));
    let kept = cache.load().await.unwrap();
    assert!(kept.from_cache());
    assert_eq!(kept.info, first.info);
}

#[tokio::test]
async fn an_invalid_list_is_a_typed_error_and_never_cached() {
    use support::raw::{Action, RawServer};
    let server = RawServer::start(|r| {
        if r.path.starts_with("/oauth") {
            Action::token()
        } else {
            Action::status(200, "<html><body>Gateway</body></html>")
                .with_header("Content-Type", "application/xml")
        }
    })
    .await;
    let client = Client::new(server.config().build().unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let error = client
        .institutions_cache(dir.path())
        .load()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, CacheError::InvalidList { url, .. } if url == client.config().base_url().as_str()),
        "{error:?}"
    );
    assert!(error.to_string().contains("base_url"), "{error}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn progress_is_reported_for_the_download_and_the_decoding() {
    let env = Env::start().await;
    let seen: Arc<Mutex<Vec<Progress>>> = Arc::default();
    let log = Arc::clone(&seen);
    let cache = env
        .cache()
        .on_progress(move |p| log.lock().unwrap().push(p));
    let list = cache.load().await.unwrap();
    let events = std::mem::take(&mut *seen.lock().unwrap());
    let bytes = list.info.bytes;
    let downloads: Vec<(u64, Option<u64>)> = events
        .iter()
        .filter_map(|p| match *p {
            Progress::Download { received, total } => Some((received, total)),
            _ => None,
        })
        .collect();
    assert_eq!(downloads.first().unwrap().0, 0);
    assert_eq!(downloads.last().unwrap().0, bytes);
    assert!(
        downloads.windows(2).all(|w| w[0].0 < w[1].0),
        "{downloads:?}"
    );
    // the list is decoded as it arrives (in parts of 64 KiB): one count per institution
    let counts: Vec<u64> = events
        .iter()
        .filter_map(|p| match *p {
            Progress::Items { count } => Some(count),
            _ => None,
        })
        .collect();
    assert_eq!(counts, (1..=list.info.count as u64).collect::<Vec<_>>());
    assert!(!events.iter().any(|p| matches!(p, Progress::Decode { .. })));

    // From the cache: decoding only.
    assert!(cache.load().await.unwrap().from_cache());
    let events = std::mem::take(&mut *seen.lock().unwrap());
    assert!(!events.is_empty());
    assert!(
        events
            .iter()
            .all(|p| matches!(p, Progress::Decode { total, .. } if *total == bytes))
    );
}

#[tokio::test]
async fn the_default_name_follows_the_base_url() {
    let env = Env::start().await;
    let cache = env.client.institutions_cache(env.cache_dir.path());
    let port = env.sandbox.addr().port();
    let expected: PathBuf = env
        .cache_dir
        .path()
        .join(format!("institutions-127.0.0.1_{port}_v1.xml"));
    assert_eq!(cache.xml_path(), expected);
    assert_eq!(cache.dir(), env.cache_dir.path());
    let debug = format!("{cache:?}");
    assert!(
        debug.contains("MaxAge") && debug.contains("Redownload"),
        "{debug}"
    );
}
