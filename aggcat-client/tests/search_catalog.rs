//! Institution search over the sandbox's default catalog of 18,716 institutions.

use std::sync::OnceLock;

use aggcat_client::institutions::{Hit, SearchIndex, SearchItem};
use aggcat_sandbox::catalog::{Catalog, DEFAULT_SIZE, JP_MORGAN_CHASE_ID};

/// The default catalog and its index, built once for all tests.
fn fixture() -> &'static (Catalog, SearchIndex) {
    static FIXTURE: OnceLock<(Catalog, SearchIndex)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let catalog = Catalog::generate(DEFAULT_SIZE);
        let index = SearchIndex::build(
            catalog
                .iter()
                .map(|e| SearchItem::new(e.id, e.name.clone(), Some(&e.home_url))),
        );
        (catalog, index)
    })
}

fn rank_of(hits: &[Hit], id: i64) -> usize {
    hits.iter()
        .position(|h| h.id == id)
        .unwrap_or_else(|| panic!("{id} not in {hits:?}"))
}

#[test]
fn behaves_on_the_full_catalog() {
    let (catalog, index) = fixture();
    assert_eq!(index.len(), 18_716);
    let name = |hit: &Hit| catalog.get(hit.id).unwrap().name.as_str();

    // "chase": the brand before the places called Chase.
    let hits = index.search("chase", 20);
    let jpm = rank_of(&hits, JP_MORGAN_CHASE_ID);
    for place in [14_484, 13_718, 14_777] {
        assert!(
            jpm < rank_of(&hits, place),
            "{:?}",
            hits.iter().map(name).collect::<Vec<_>>()
        );
    }
    // As in the manual, the main bank of the brand before its cards (14910, 14554), though
    // their names start with "Chase".
    assert_eq!(
        hits[0].id,
        JP_MORGAN_CHASE_ID,
        "{:?}",
        hits.iter().map(name).collect::<Vec<_>>()
    );
    // Every institution of the manual's example is found, Quicken Visa through chase.com.
    for id in [13_278, 13_640, 14_554, 14_910, 14_777, 13_718, 14_484] {
        rank_of(&hits, id);
    }

    // A typo.
    let hits = index.search("chse", 20);
    let jpm = rank_of(&hits, JP_MORGAN_CHASE_ID);
    assert!(jpm < rank_of(&hits, 14_484) && jpm < rank_of(&hits, 13_718));

    assert_eq!(name(&index.search("wells", 5)[0]), "Wells Fargo");
    assert_eq!(name(&index.search("Wells Fargo", 5)[0]), "Wells Fargo");
    assert_eq!(
        name(&index.search("navy federal", 5)[0]),
        "Navy Federal Credit Union"
    );
    assert_eq!(name(&index.search("fidelty", 5)[0]), "Fidelity Investments");
    assert_eq!(name(&index.search("schwab", 5)[0]), "Charles Schwab");
    assert_eq!(
        name(&index.search("bank of america", 5)[0]),
        "Bank of America"
    );

    // Accents fold both ways: "crédit" is "credit"; "levis" finds "Lévis".
    let credit = index.search("crédit", 50);
    assert_eq!(credit, index.search("credit", 50));
    assert_eq!(credit.len(), 50);
    if let Some(levis) = catalog.iter().find(|e| e.name.contains("Lévis")) {
        let hits = index.search(&levis.name.replace('é', "e"), 5);
        assert_eq!(hits[0].id, levis.id);
    }

    // Multi-word: institutions with all the words come first.
    let hits = index.search("credit union texas", 50);
    assert_eq!(hits[0].matched_words, 3);
    assert!(
        hits.windows(2)
            .all(|w| w[0].matched_words >= w[1].matched_words)
    );
    let hits = index.search("first national", 20);
    assert!(hits.iter().all(|h| name(h).starts_with("First National")));

    assert!(index.search("", 10).is_empty());
    assert!(index.search("  --  ", 10).is_empty());
    assert!(index.search("qqqxxzz", 10).is_empty());
}

#[test]
fn every_sampled_institution_is_found_first_by_its_name() {
    let (catalog, index) = fixture();
    for entry in catalog.iter().step_by(61) {
        let hits = index.search(&entry.name, 3);
        assert_eq!(hits[0].id, entry.id, "{}", entry.name);
        assert_eq!(hits[0].matched_words, hits[0].query_words);
        let lower = index.search(&entry.name.to_lowercase(), 3);
        assert_eq!(lower[0].id, entry.id, "{}", entry.name);
    }
}
