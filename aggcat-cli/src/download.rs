//! Downloading the institution list with a byte progress bar.
//!
//! `GET /institutions` answers megabytes (Intuit's list had about 19,000 entries and was
//! slow). [`aggcat_client::Client::execute`] returns whole bodies only, so this module makes
//! the same signed call itself, built from the protocol primitives of `aggcat-auth` (SAML
//! assertion → OAuth token → HMAC-SHA1 signed request), and reads the body chunk by chunk to
//! advance the bar, sized from the response's `Content-Length`.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use aggcat_auth::RsaSigningKey;
use aggcat_auth::oauth1::{self, Credentials};
use aggcat_auth::saml::AssertionBuilder;
use aggcat_client::{ClientConfig, Error, StatusCode};
use indicatif::{ProgressBar, ProgressStyle};
use url::Url;

use crate::error::{CliError, CliResult};
use crate::report;

/// The secrets of the app a session uses (the client keeps its own copies private).
#[derive(Clone)]
pub struct AppSecrets {
    /// The OAuth consumer secret.
    pub consumer_secret: String,
    /// The PEM file of the app's RSA key.
    pub private_key_file: PathBuf,
}

impl fmt::Debug for AppSecrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppSecrets")
            .field("consumer_secret", &"[REDACTED]")
            .field("private_key_file", &self.private_key_file)
            .finish()
    }
}

/// A progress bar on standard error for `total` bytes (a spinner when unknown); hidden when
/// standard error is not a terminal.
fn byte_bar(total: Option<u64>) -> ProgressBar {
    match total {
        Some(total) => {
            let bar = ProgressBar::new(total);
            bar.set_style(
                ProgressStyle::with_template(
                    "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar
        }
        None => {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} {bytes} {bytes_per_sec}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        }
    }
}

/// `GET {base}/institutions`, signed for the customer of `config`, with a progress bar.
/// Returns the raw XML body.
pub async fn institutions(config: &ClientConfig, secrets: &AppSecrets) -> CliResult<Vec<u8>> {
    let key = RsaSigningKey::from_pem_file(&secrets.private_key_file)
        .map_err(|e| report::client_error(&Error::Key(e)))?;
    let http = reqwest::Client::builder()
        .connect_timeout(config.connect_timeout())
        .timeout(config.request_timeout())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| report::client_error(&Error::Transport(e)))?;

    let (token, token_secret) = access_token(&http, config, &key).await?;

    let base = config.base_url().as_str().trim_end_matches('/');
    let url = Url::parse(&format!("{base}/institutions"))
        .map_err(|e| CliError::auth(format!("the base URL {base} is not usable: {e}")))?;
    let credentials = Credentials::new(config.consumer_key(), &secrets.consumer_secret)
        .with_token(&token, &token_secret);
    let authorization = oauth1::authorization_header("GET", &url, &[], &credentials);
    let mut response = http
        .get(url)
        .header(reqwest::header::AUTHORIZATION, authorization)
        .header(reqwest::header::ACCEPT, "application/xml")
        .send()
        .await
        .map_err(|e| report::client_error(&Error::Transport(e)))?;
    let status = response.status();
    let bar = byte_bar(response.content_length());
    bar.set_message("downloading institutions");
    let mut body = Vec::with_capacity(response.content_length().unwrap_or(0) as usize);
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                body.extend_from_slice(&chunk);
                bar.inc(chunk.len() as u64);
            }
            Ok(None) => break,
            Err(e) => {
                bar.abandon();
                return Err(report::client_error(&Error::Transport(e)));
            }
        }
    }
    bar.finish_and_clear();
    if status != StatusCode::OK {
        let response = aggcat_client::ApiResponse::new(status, Default::default(), body);
        return Err(report::client_error(&response.into_error()));
    }
    Ok(body)
}

/// One SAML → OAuth exchange: `(token, token secret)`.
async fn access_token(
    http: &reqwest::Client,
    config: &ClientConfig,
    key: &RsaSigningKey,
) -> CliResult<(String, String)> {
    let assertion = AssertionBuilder::new(config.issuer_id(), config.customer_id())
        .sign(key)
        .map_err(|e| report::client_error(&Error::Saml(e)))?;
    let body = format!(
        "saml_assertion={}",
        oauth1::percent_encode(&assertion.to_base64())
    );
    let response = http
        .post(config.token_url().clone())
        .header(
            reqwest::header::AUTHORIZATION,
            oauth1::consumer_key_header(config.consumer_key()),
        )
        .header(
            reqwest::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body(body)
        .send()
        .await
        .map_err(|e| report::client_error(&Error::Transport(e)))?;
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|e| report::client_error(&Error::Transport(e)))?;
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(text.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    if status != StatusCode::OK {
        return Err(report::client_error(&Error::Token {
            status,
            oauth_problem: value("oauth_problem"),
        }));
    }
    match (value("oauth_token"), value("oauth_token_secret")) {
        (Some(token), Some(secret)) => Ok((token, secret)),
        _ => Err(report::client_error(&Error::MalformedTokenResponse {
            status,
            reason: "no oauth_token or oauth_token_secret in the reply",
        })),
    }
}

/// A spinner on standard error while `work` runs on a blocking thread.
pub async fn with_spinner<T: Send + 'static>(
    message: String,
    work: impl FnOnce() -> T + Send + 'static,
) -> CliResult<T> {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_message(message);
    bar.enable_steady_tick(Duration::from_millis(120));
    let result = tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| CliError::general(format!("background work failed: {e}")));
    bar.finish_and_clear();
    result
}
