//! `aggcat institutions`, `aggcat search`, `aggcat institution`.

use aggcat_types::{Institution, Institutions};

use crate::cache::{self, CacheInfo};
use crate::cli::Format;
use crate::context::Session;
use crate::error::CliResult;
use crate::output::{Output, write_stdout};
use crate::search::{SearchIndex, SearchItem};
use crate::views;

/// Where the list came from, on standard error.
fn describe(count: usize, info: &CacheInfo, from_cache: bool) {
    let how = if from_cache { "cached" } else { "downloaded" };
    eprintln!(
        "{} institutions, {how} {} from {}{}",
        count,
        info.downloaded_at,
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
    let table = views::institutions_table(&list.institutions);
    let document = Institutions {
        institution: list.institutions,
    };
    out.table(&table, &document)?;
    describe(document.institution.len(), &list.info, list.from_cache);
    Ok(())
}

/// Ranks `institutions` for `query`, best first.
pub fn rank<'a>(
    institutions: &'a [Institution],
    query: &str,
    limit: usize,
) -> Vec<&'a Institution> {
    let index = SearchIndex::build(institutions.iter().map(|i| {
        SearchItem::new(
            i.institution_id,
            i.institution_name.clone(),
            i.home_url.as_deref(),
        )
    }));
    let by_id: std::collections::HashMap<i64, &Institution> =
        institutions.iter().map(|i| (i.institution_id, i)).collect();
    index
        .search(query, limit)
        .iter()
        .filter_map(|hit| by_id.get(&hit.id).copied())
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
    if !list.from_cache {
        describe(list.institutions.len(), &list.info, list.from_cache);
    }
    let query = words.join(" ");
    let hits = rank(&list.institutions, &query, limit);
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
