//! Institution search in the library: the catalog downloaded once with a progress report,
//! cached on disk, and searched with typo tolerance and ranking
//! (`aggcat_client::institutions`), the "better search" python-aggcat's manual promised.
//!
//! ```sh
//! cargo run -p aggcat-client --example search -- chase
//! cargo run -p aggcat-client --example search -- jp morgn chse --limit 3
//! # keep the cache between runs:
//! AGGCAT_CACHE_DIR=/tmp/aggcat-cache cargo run -p aggcat-client --example search -- wells
//! ```

#[path = "support/mod.rs"]
mod support;

use std::error::Error;
use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;

use aggcat_client::institutions::{DownloadReason, Origin, Progress};

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let mut limit = 10;
    let mut words = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--limit" {
            limit = args
                .next()
                .and_then(|n| n.parse().ok())
                .ok_or("--limit takes a number")?;
        } else {
            words.push(arg);
        }
    }
    let query = if words.is_empty() {
        "chase".to_owned()
    } else {
        words.join(" ")
    };

    let session = support::Session::start("search-example").await?;
    // The cache directory: AGGCAT_CACHE_DIR, else a temporary one (downloaded every run).
    let temporary = tempfile::tempdir()?;
    let dir = std::env::var_os("AGGCAT_CACHE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| temporary.path().to_owned());

    // A percentage on standard error while the list downloads and decodes (on a terminal).
    let terminal = std::io::stderr().is_terminal();
    let cache = session
        .client
        .institutions_cache(&dir)
        .on_progress(move |progress| {
            if !terminal {
                return;
            }
            let (what, done, total) = match progress {
                Progress::Download { received, total } => ("downloading", received, total),
                Progress::Decode { consumed, total } => ("decoding", consumed, Some(total)),
                _ => return,
            };
            if let Some(total) = total.filter(|&t| t > 0) {
                eprint!("\r{what} {:3}%   ", done * 100 / total);
                let _ = std::io::stderr().flush();
            }
        });
    let list = cache.load().await?;
    if terminal {
        eprint!("\r{:30}\r", "");
    }
    let origin = match &list.origin {
        Origin::Cached => "read from the cache".to_owned(),
        Origin::Downloaded(DownloadReason::NoCache) => "downloaded (no cache yet)".to_owned(),
        Origin::Downloaded(DownloadReason::Expired { downloaded_at }) => {
            format!("downloaded (the cache of {downloaded_at} was too old)")
        }
        Origin::Downloaded(DownloadReason::BadCache(problem)) => {
            format!("downloaded (the cache was unusable: {problem})")
        }
        other => format!("{other:?}"),
    };
    println!(
        "{} institutions, {origin}: {}",
        list.index.len(),
        cache.xml_path().display()
    );

    let hits = list.search(&query, limit);
    println!("\ntop {} for {query:?}:", hits.len());
    println!("{:>6}  {:<45} {:>7}  home page", "id", "name", "score");
    for hit in &hits {
        println!(
            "{:>6}  {:<45} {:>7}  {}",
            hit.institution.institution_id,
            hit.institution.institution_name,
            hit.score,
            hit.institution.home_url.as_deref().unwrap_or("-")
        );
    }
    if hits.is_empty() {
        println!("(no institution matches)");
    }

    // The second load needs no request: the cache is fresh (the default maximum age is a day).
    let again = cache.load().await?;
    if terminal {
        eprint!("\r{:30}\r", "");
    }
    println!(
        "\nloaded again: {}",
        if again.from_cache() {
            "from the cache, no request"
        } else {
            "downloaded"
        }
    );
    session.finish().await;
    Ok(())
}
