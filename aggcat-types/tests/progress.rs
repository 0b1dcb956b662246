//! `from_xml_with_progress`: progress reports while decoding a large document.

use std::fmt::Write as _;

use aggcat_types::Institutions;
use aggcat_types::runtime::PROGRESS_STEP;

fn catalog(count: u32) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Institutions xmlns="http://schema.intuit.com/platform/fdatafeed/institution/v1">"#,
    );
    for i in 0..count {
        write!(
            xml,
            "<institution><institutionId>{id}</institutionId><institutionName>Bank #{i} &amp; Co</institutionName>\
             <homeUrl>https://bank{i}.example/</homeUrl><virtual>{virt}</virtual><unknown><x>skipped</x></unknown></institution>",
            id = 100_000 + i,
            virt = i % 10 == 0,
        )
        .unwrap();
    }
    xml.push_str("</Institutions>\n<!-- end -->\n");
    xml
}

#[test]
fn progress_is_reported_while_decoding_a_large_document() {
    let xml = catalog(5_000);
    let total = xml.len() as u64;
    assert!(total > 500_000, "{total}");
    let mut calls: Vec<(u64, u64)> = Vec::new();
    let decoded: Institutions =
        aggcat_types::from_xml_with_progress(xml.as_bytes(), |done, all| calls.push((done, all)))
            .unwrap();
    let plain: Institutions = aggcat_types::from_xml(xml.as_bytes()).unwrap();
    assert_eq!(decoded, plain);
    assert_eq!(decoded.institution.len(), 5_000);

    assert!(calls.len() > 1, "{calls:?}");
    assert!(calls.iter().all(|&(_, all)| all == total), "{calls:?}");
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0), "{calls:?}");
    assert_eq!(calls.last(), Some(&(total, total)));
    // Throttled: consecutive reports are at least PROGRESS_STEP apart (the last one excepted).
    let (last, before) = calls.split_last().unwrap();
    assert!(
        before.windows(2).all(|w| w[1].0 - w[0].0 >= PROGRESS_STEP),
        "{calls:?}"
    );
    assert!(before.iter().all(|&(done, _)| done <= last.0));
    assert!(calls.len() as u64 <= total / PROGRESS_STEP + 2, "{calls:?}");
}

#[test]
fn a_small_document_gets_only_the_final_report() {
    let xml = catalog(2);
    let mut calls = Vec::new();
    let _: Institutions =
        aggcat_types::from_xml_with_progress(xml.as_bytes(), |done, all| calls.push((done, all)))
            .unwrap();
    let total = xml.len() as u64;
    assert_eq!(calls, [(total, total)]);
}

#[test]
fn a_failed_decode_gives_the_same_error() {
    let mut xml = catalog(3_000);
    xml.truncate(xml.len() - 40);
    let mut calls = Vec::new();
    let err = aggcat_types::from_xml_with_progress::<Institutions>(xml.as_bytes(), |done, all| {
        calls.push((done, all))
    })
    .unwrap_err();
    let plain = aggcat_types::from_xml::<Institutions>(xml.as_bytes()).unwrap_err();
    assert_eq!(err.to_string(), plain.to_string());
    let total = xml.len() as u64;
    assert!(!calls.is_empty());
    assert!(
        calls
            .iter()
            .all(|&(done, all)| all == total && done <= total)
    );
}
