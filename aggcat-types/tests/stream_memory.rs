//! The memory a stream holds does not grow with the number of items: the peak of the heap
//! (counted by this test binary's allocator, the `cap` crate) is the same for 5,000 and 100,000
//! transactions, and a small fraction of the document.
//!
//! One test in this binary, so that no other test allocates while it measures.

use std::alloc::System;
use std::io::{BufReader, Read};

use aggcat_types::{ListStream, TransactionList};
use cap::Cap;

/// The system allocator, counting the bytes in use and their peak.
#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

/// A `TransactionList` of `n` transactions of three families, produced as it is read.
struct Generated {
    n: u64,
    next: u64,
    pending: Vec<u8>,
    at: usize,
    ended: bool,
}

impl Generated {
    fn new(n: u64) -> Self {
        Self {
            n,
            next: 0,
            pending: br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ns9:TransactionList xmlns="http://schema.intuit.com/platform/fdatafeed/transaction/v1" xmlns:ns6="http://schema.intuit.com/platform/fdatafeed/ibnktransaction/v1" xmlns:ns7="http://schema.intuit.com/platform/fdatafeed/cctransaction/v1" xmlns:ns8="http://schema.intuit.com/platform/fdatafeed/bnktransaction/v1" xmlns:ns9="http://schema.intuit.com/platform/fdatafeed/transactionlist/v1" notRefreshedReason="NOT_NECESSARY">"#.to_vec(),
            at: 0,
            ended: false,
        }
    }
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.pending.len() {
            self.pending.clear();
            self.at = 0;
            if self.next < self.n {
                let i = self.next;
                self.next += 1;
                let family =
                    ["ns8:BankingTransaction", "ns7:CreditCardTransaction"][(i % 2) as usize];
                self.pending = format!(
                    "<{family}><id>{i}</id><currencyType>USD</currencyType>\
                     <institutionTransactionId>FIT-{i:08}</institutionTransactionId>\
                     <payeeName>PAYEE {i} &amp; CO</payeeName><memo>memo of transaction {i}</memo>\
                     <postedDate>2013-08-10T00:00:00.397-07:00</postedDate><amount>-{i}.25</amount>\
                     <runningBalanceAmount>1024.50</runningBalanceAmount><pending>false</pending>\
                     <categorization><common><normalizedPayeeName>payee</normalizedPayeeName></common>\
                     <context><source>CAT</source><categoryName>Food &amp; Dining</categoryName></context>\
                     </categorization></{family}>\n"
                )
                .into_bytes();
            } else if !self.ended {
                self.ended = true;
                self.pending = b"</ns9:TransactionList>\n".to_vec();
            } else {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.pending.len() - self.at);
        buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Streams `n` transactions; returns the bytes read and the heap's peak so far.
fn stream(n: u64) -> (u64, usize) {
    let mut stream = ListStream::<TransactionList, _>::new(BufReader::new(Generated::new(n)));
    let mut count = 0;
    let mut ids = 0i64;
    for item in stream.by_ref() {
        let transaction = item.expect("decodes");
        ids += transaction.id();
        count += 1;
    }
    assert_eq!(count, n);
    assert_eq!(ids, (0..n as i64).sum::<i64>());
    assert!(stream.rest().is_some());
    (stream.position(), ALLOCATOR.max_allocated())
}

#[test]
fn the_peak_does_not_depend_on_the_number_of_items() {
    let before = ALLOCATOR.max_allocated();
    let (small_bytes, small_peak) = stream(5_000);
    let (large_bytes, large_peak) = stream(100_000);
    eprintln!(
        "heap peak before {before} B; after {small_bytes} bytes streamed {small_peak} B; \
         after {large_bytes} bytes {large_peak} B; a Transaction is {} B",
        std::mem::size_of::<aggcat_types::Transaction>()
    );
    assert!(large_bytes > 50_000_000, "{large_bytes}");
    // one part (64 KiB of XML), the reader's buffer, one window of input and the items of one
    // part (a `Transaction` takes a few KiB): under 2 MiB above what the harness held, whatever
    // the length
    assert!(small_peak < before + (2 << 20), "peak {small_peak} B");
    // twenty times the items, the same peak (within 10%)
    assert!(
        large_peak - before <= (small_peak - before) * 11 / 10,
        "the peak grew with the items: {small_peak} B for 5,000, {large_peak} B for 100,000"
    );
}
