//! Responses with content the schemas do not declare (a newer service) decode leniently: unknown
//! families are kept, and every item is logged as a debug event.

use std::io::Write;
use std::sync::{Arc, Mutex};

use aggcat_client::{ApiResponse, StatusCode, header::HeaderMap};
use aggcat_types::{Account, AccountList, DecodeOptions};

/// A `MakeWriter` collecting the formatted events.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Self;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

const XML: &str = r#"<ns8:AccountList xmlns="http://schema.intuit.com/platform/fdatafeed/account/v1" xmlns:ns2="http://schema.intuit.com/platform/fdatafeed/bankingaccount/v1" xmlns:ns8="http://schema.intuit.com/platform/fdatafeed/accountlist/v1"><ns2:BankingAccount risk="low"><accountId>1</accountId><institutionId>100000</institutionId></ns2:BankingAccount><f:FutureAccount xmlns:f="urn:example:future"><accountId>2</accountId></f:FutureAccount></ns8:AccountList>"#;

#[test]
fn decode_keeps_unknown_families_and_logs_each_item_at_debug_level() {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(captured.clone())
        .finish();
    let response = ApiResponse::new(StatusCode::OK, HeaderMap::new(), XML);
    let list: AccountList =
        tracing::subscriber::with_default(subscriber, || response.decode()).unwrap();
    let [Account::Banking(_), Account::Unknown(future)] = &list.accounts[..] else {
        panic!("{list:?}")
    };
    assert_eq!(future.name(), "FutureAccount");
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert!(lines.iter().all(|l| l.contains("DEBUG")), "{log}");
    assert!(
        lines[0].contains("unknown attribute risk at AccountList > BankingAccount > @risk"),
        "{log}"
    );
    assert!(
        lines[1].contains(
            "unknown element FutureAccount (urn:example:future) at AccountList > FutureAccount"
        ),
        "{log}"
    );

    // strict options refuse the same body
    let strict = ApiResponse::new(StatusCode::OK, HeaderMap::new(), XML)
        .with_decode_options(DecodeOptions::new().strict(true));
    let err = strict.decode::<AccountList>().unwrap_err();
    let aggcat_client::Error::UndecodableBody { source, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(matches!(
        source.kind(),
        aggcat_types::DecodeErrorKind::Unrecognized(_)
    ));
    assert_eq!(source.path(), "AccountList > BankingAccount > @risk");
}
