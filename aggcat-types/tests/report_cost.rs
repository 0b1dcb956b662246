//! The report costs nothing while nothing is unrecognized: decoding with a report (or strictly)
//! allocates exactly what a plain decode allocates. Counted with a global allocator wrapper, so
//! this file holds a single test (tests of one binary run in parallel).

use std::alloc::System;
use std::hint::black_box;

use aggcat_types::{DecodeOptions, TransactionList};
use cap::Cap;

#[global_allocator]
static ALLOC: Cap<System> = Cap::new(System, usize::MAX);

/// Bytes allocated while `f` runs (whatever it frees again): the least of three runs, after a
/// first one that pays any one-time initialisation (the test harness's own thread may allocate
/// meanwhile, never less).
fn allocated_by(mut f: impl FnMut()) -> usize {
    f();
    (0..3)
        .map(|_| {
            let before = ALLOC.total_allocated();
            f();
            ALLOC.total_allocated() - before
        })
        .min()
        .unwrap_or_default()
}

fn transactions(n: usize, extra: &str) -> String {
    let mut xml = String::from(
        r#"<ns9:TransactionList xmlns="http://schema.intuit.com/platform/fdatafeed/transaction/v1" xmlns:ns8="http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1" xmlns:ns9="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1" notRefreshedReason="NOT_NECESSARY">"#,
    );
    for i in 0..n {
        xml.push_str(&format!(
            "\n  <ns8:BankingTransaction><id>{i}</id><currencyType>USD</currencyType>\
             <payeeName>SAFEWAY STORE {i}</payeeName><postedDate>2020-03-01T00:00:00-08:00</postedDate>\
             <amount>-42.17</amount><pending>false</pending>{}</ns8:BankingTransaction>",
            if i == n / 2 { extra } else { "" }
        ));
    }
    xml.push_str("\n</ns9:TransactionList>");
    xml
}

#[test]
fn reporting_allocates_nothing_while_nothing_is_unrecognized() {
    let xml = transactions(500, "");
    let plain = allocated_by(|| {
        black_box(aggcat_types::from_xml::<TransactionList>(xml.as_bytes()).unwrap());
    });
    let reported = allocated_by(|| {
        let (list, report) = aggcat_types::from_xml_with_report::<TransactionList>(
            xml.as_bytes(),
            &DecodeOptions::new(),
        )
        .unwrap();
        assert!(report.is_empty(), "{report}");
        black_box(list);
    });
    let strict = allocated_by(|| {
        black_box(
            aggcat_types::from_xml_with::<TransactionList>(
                xml.as_bytes(),
                &DecodeOptions::new().strict(true),
            )
            .unwrap(),
        );
    });
    assert!(plain > 0);
    assert_eq!(
        reported, plain,
        "a report that stays empty allocates nothing"
    );
    assert_eq!(strict, plain, "strict decoding allocates nothing more");

    // one unknown element: the report allocates for that item only, whatever the document's size
    let cost = |n: usize| {
        let xml = transactions(n, "<futureField>x</futureField>");
        let plain = allocated_by(|| {
            black_box(aggcat_types::from_xml::<TransactionList>(xml.as_bytes()).unwrap());
        });
        let reported = allocated_by(|| {
            let (list, report) = aggcat_types::from_xml_with_report::<TransactionList>(
                xml.as_bytes(),
                &DecodeOptions::new(),
            )
            .unwrap();
            assert_eq!(report.total(), 1);
            black_box(list);
        });
        reported - plain
    };
    let small = cost(10);
    assert!(small > 0, "the item itself is recorded");
    assert_eq!(
        cost(1_000),
        small,
        "and nothing else grows with the document"
    );
}
