//! Institution search over the sandbox's default catalog (18,716 institutions).
//!
//! `search/index/<query>` is [`SearchIndex::search`] (top 20); `search/naive/<query>` is the
//! baseline the python-aggcat manual suggests: lower-case substring scan over every name (names
//! lower-cased once beforehand, so only the scan is measured). The naive scan finds neither
//! typos ("chse") nor words out of order ("credit union texas"), and does not rank.
//! `build` is the one-off cost of indexing the catalog.
//!
//! Run: `cargo bench -p aggcat-client --bench search`.

use std::hint::black_box;
use std::time::Duration;

use aggcat_client::institutions::{SearchIndex, SearchItem};
use aggcat_sandbox::catalog;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

const QUERIES: &[&str] = &[
    "chase",
    "wells fargo",
    "chse",
    "first national",
    "credit union texas",
    "b",
];

fn items(catalog: &catalog::Catalog) -> Vec<SearchItem> {
    catalog
        .entries()
        .iter()
        .map(|e| SearchItem::new(e.id, e.name.clone(), Some(&e.home_url)))
        .collect()
}

/// The baseline: every name containing the lower-cased query, in catalog order.
fn naive_search(lowered: &[(i64, String)], query: &str) -> Vec<i64> {
    let query = query.to_lowercase();
    lowered
        .iter()
        .filter(|(_, name)| name.contains(&query))
        .map(|(id, _)| *id)
        .collect()
}

fn bench_search(c: &mut Criterion) {
    let catalog = catalog::Catalog::generate(catalog::DEFAULT_SIZE);
    assert_eq!(catalog.len(), 18_716);
    let index = SearchIndex::build(items(&catalog));
    let lowered: Vec<(i64, String)> = catalog
        .entries()
        .iter()
        .map(|e| (e.id, e.name.to_lowercase()))
        .collect();

    // Sanity: the benchmark measures searches that find what they should.
    let top = index.search("chase", 20);
    assert!(top.iter().any(|h| h.id == catalog::JP_MORGAN_CHASE_ID));
    assert!(
        index
            .search("chse", 20)
            .iter()
            .any(|h| h.id == catalog::JP_MORGAN_CHASE_ID)
    );
    for query in QUERIES {
        let hits = index.search(query, 20);
        let naive = naive_search(&lowered, query);
        eprintln!(
            "{query:?}: index {} hits (best {:?}), naive {} names",
            hits.len(),
            hits.first()
                .and_then(|h| catalog.get(h.id))
                .map(|e| &e.name),
            naive.len()
        );
    }

    let mut group = c.benchmark_group("search");
    for query in QUERIES {
        group.bench_with_input(BenchmarkId::new("index", query), query, |b, q| {
            b.iter(|| index.search(black_box(q), 20))
        });
        group.bench_with_input(BenchmarkId::new("naive", query), query, |b, q| {
            b.iter(|| naive_search(&lowered, black_box(q)))
        });
    }
    group.finish();

    let items = items(&catalog);
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("index_18716", |b| {
        b.iter(|| SearchIndex::build(black_box(items.clone())))
    });
    group.finish();
}

mod group {
    use super::*;

    criterion_group! {
        name = benches;
        config = Criterion::default()
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        targets = bench_search
    }
}
criterion_main!(group::benches);
