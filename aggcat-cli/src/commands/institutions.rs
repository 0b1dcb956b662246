//! `aggcat institutions`, `aggcat search`, `aggcat institution`: presenters over the
//! library's institution cache and search ([`aggcat_client::institutions`]).

use aggcat_client::institutions::{CacheInfo, CachedInstitutions};
use aggcat_types::{Institution, Institutions};
use chrono::SecondsFormat;

use crate::cache;
use crate::cli::Format;
use crate::context::Session;
use crate::error::CliResult;
use crate::output::{Output, write_stdout};
use crate::views;

/// Where the list came from, on standard error.
fn describe(count: usize, info: &CacheInfo, from_cache: bool) {
    let how = if from_cache { "cached" } else { "downloaded" };
    eprintln!(
        "{} institutions, {how} {} from {}{}",
        count,
        info.downloaded_at
            .to_rfc3339_opts(SecondsFormat::Secs, false),
        info.source,
        if from_cache {
            " (--refresh downloads again)"
        } else {
            ""
        }
    );
}

/// `aggcat institutions [--refresh]`.
pub async fn list(session: &Session, refresh: bool, out: Output) -> CliResult<()> {
    let list = cache::institutions(session, refresh).await?;
    let table = views::institutions_table(list.institutions());
    let (info, from_cache) = (list.info.clone(), list.from_cache());
    let document = Institutions {
        institution: list.into_index().into_institutions(),
    };
    out.table(&table, &document)?;
    describe(document.institution.len(), &info, from_cache);
    Ok(())
}

/// The best `limit` institutions of `list` for `query`, best first (the library's ranking).
pub fn rank<'a>(list: &'a CachedInstitutions, query: &str, limit: usize) -> Vec<&'a Institution> {
    list.search(query, limit)
        .into_iter()
        .map(|hit| hit.institution)
        .collect()
}

/// `aggcat search WORDS… [--limit N] [--refresh]`.
pub async fn search(
    session: &Session,
    words: &[String],
    limit: usize,
    refresh: bool,
    out: Output,
) -> CliResult<()> {
    let list = cache::institutions(session, refresh).await?;
    if !list.from_cache() {
        describe(list.index.len(), &list.info, false);
    }
    let query = words.join(" ");
    let hits = rank(&list, &query, limit);
    let document = Institutions {
        institution: hits.iter().map(|i| (*i).clone()).collect(),
    };
    let table = views::institutions_table(hits.iter().copied())
        .empty_note(format!("No institution matches \"{query}\"."));
    out.table(&table, &document)
}

/// `aggcat institution ID`: the details, then the credential fields.
pub async fn show(session: &Session, id: i64, out: Output) -> CliResult<()> {
    let detail = session.client().get_institution_details(id).await?;
    let keys = aggcat_client::credential_fields(&detail);
    let fields = views::credential_fields_table(&detail, &keys);
    match out.format() {
        Format::Json => out.json(&detail),
        // One CSV table: the credential fields, each with its institution id.
        Format::Csv => out.table(&fields, &detail),
        Format::Table => {
            write_stdout(&views::institution_record(&detail).render_text())?;
            write_stdout("\nCredential fields (asked in this order):\n")?;
            write_stdout(&fields.render_text())
        }
    }
}
