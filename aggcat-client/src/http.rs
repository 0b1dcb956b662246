//! The app's HTTP stack: the caller's own `reqwest::Client`, or one built from the
//! configuration — connect timeout, proxy (honouring `NO_PROXY`), extra root certificates,
//! a client certificate, the user agent, and no redirects.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use secrecy::{ExposeSecret as _, SecretString};
use url::Url;

use crate::error::Error;

/// The HTTP settings collected by the builder.
#[derive(Clone, Default)]
pub(crate) struct HttpSettings {
    /// The caller's own client, used as it is.
    pub(crate) client: Option<reqwest::Client>,
    /// Proxy URL for every request (`http://host:port`, user info allowed).
    pub(crate) proxy: Option<String>,
    /// Hosts reached without the proxy (`NO_PROXY` syntax); `None`: the `NO_PROXY` /
    /// `no_proxy` environment variable.
    pub(crate) no_proxy: Option<String>,
    /// PEM files of extra trusted root certificates.
    pub(crate) ca_files: Vec<PathBuf>,
    /// The client certificate (PEM, with its chain) and its private key's file (`None`:
    /// the key is in the certificate file).
    pub(crate) client_certificate: Option<(PathBuf, Option<PathBuf>)>,
}

impl fmt::Debug for HttpSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpSettings")
            .field("own_client", &self.client.is_some())
            .field("proxy", &self.proxy.as_deref().map(redact_proxy))
            .field("no_proxy", &self.no_proxy)
            .field("ca_files", &self.ca_files)
            .field("client_certificate", &self.client_certificate)
            .finish()
    }
}

/// What the configuration's HTTP stack is, for [`crate::ClientConfig`]'s accessors and
/// `Debug` (the proxy's password is never kept here).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct HttpSummary {
    pub(crate) own_client: bool,
    pub(crate) proxy: Option<String>,
    pub(crate) ca_files: Vec<PathBuf>,
    pub(crate) client_certificate: Option<PathBuf>,
}

/// Settings of the built client that are not plumbing.
pub(crate) struct BuildParams<'a> {
    pub(crate) connect_timeout: Duration,
    pub(crate) accept_invalid_certs: bool,
    pub(crate) user_agent: &'a str,
}

/// A proxy URL for messages: the password replaced by `****`.
pub(crate) fn redact_proxy(text: &str) -> String {
    match proxy_url(text) {
        Ok(mut url) if url.password().is_some() => {
            let _ = url.set_password(Some("****"));
            url.to_string()
        }
        Ok(url) => url.to_string(),
        // Unparsable: it may hold a password anywhere; show only its length.
        Err(_) => format!("<{} characters>", text.chars().count()),
    }
}

/// The proxy URL; `host:port` without a scheme means `http://host:port`.
fn proxy_url(text: &str) -> Result<Url, url::ParseError> {
    let text = text.trim();
    if text.contains("://") {
        Url::parse(text)
    } else {
        Url::parse(&format!("http://{text}"))
    }
}

impl HttpSettings {
    /// Whether any setting would configure a client the caller brought.
    pub(crate) fn configures_a_client(&self) -> bool {
        self.proxy.is_some()
            || self.no_proxy.is_some()
            || !self.ca_files.is_empty()
            || self.client_certificate.is_some()
    }

    /// The client to use: the caller's, or a new one. `env` reads environment variables
    /// (`NO_PROXY`, `no_proxy`).
    pub(crate) fn build(
        &self,
        params: &BuildParams<'_>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<(reqwest::Client, HttpSummary), Error> {
        if let Some(client) = &self.client {
            let summary = HttpSummary {
                own_client: true,
                ..HttpSummary::default()
            };
            return Ok((client.clone(), summary));
        }
        let mut builder = reqwest::Client::builder()
            .connect_timeout(params.connect_timeout)
            .danger_accept_invalid_certs(params.accept_invalid_certs)
            // A redirect would change the signed URL and forward the Authorization header.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(params.user_agent);
        let mut summary = HttpSummary::default();
        if let Some(text) = &self.proxy {
            let (proxy, shown) = self.proxy(text, env)?;
            builder = builder.proxy(proxy);
            summary.proxy = Some(shown);
        }
        let mut roots = Vec::new();
        for file in &self.ca_files {
            let certificates = read_ca_file(file)?;
            roots.push((file, certificates.clone()));
            for certificate in certificates {
                builder = builder.add_root_certificate(certificate);
            }
            summary.ca_files.push(file.clone());
        }
        if let Some((cert_file, key_file)) = &self.client_certificate {
            builder = builder.identity(read_identity(cert_file, key_file.as_deref())?);
            summary.client_certificate = Some(cert_file.clone());
        }
        match builder.build() {
            Ok(client) => Ok((client, summary)),
            Err(error) => Err(self.explain_build_failure(error, &roots)),
        }
    }

    /// `Proxy::all` for `text`, with the `NO_PROXY` list, and its redacted form.
    fn proxy(
        &self,
        text: &str,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<(reqwest::Proxy, String), Error> {
        let shown = redact_proxy(text);
        let fix = "use an http(s) URL such as http://proxy.example.com:3128 (user info allowed: \
                   http://user:password@host:3128)";
        let url = proxy_url(text).map_err(|e| {
            Error::config_with_source(format!("the proxy {shown} is not a valid URL"), fix, e)
        })?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(Error::config(
                format!("the proxy {shown} is not an http(s) URL with a host"),
                fix,
            ));
        }
        let proxy = reqwest::Proxy::all(url.as_str()).map_err(|e| {
            Error::config_with_source(format!("the proxy {shown} cannot be used"), fix, e)
        })?;
        let no_proxy = match &self.no_proxy {
            Some(list) => reqwest::NoProxy::from_string(list),
            // As reqwest::NoProxy::from_env, through `env`.
            None => env("NO_PROXY")
                .or_else(|| env("no_proxy"))
                .map(|list| reqwest::NoProxy::from_string(&list).unwrap_or_default()),
        };
        Ok((proxy.no_proxy(no_proxy), shown))
    }

    /// Names the file that made the client impossible to build, when one did.
    fn explain_build_failure(
        &self,
        error: reqwest::Error,
        roots: &[(&PathBuf, Vec<reqwest::Certificate>)],
    ) -> Error {
        for (file, certificates) in roots {
            let mut alone = reqwest::Client::builder().tls_built_in_root_certs(false);
            for certificate in certificates {
                alone = alone.add_root_certificate(certificate.clone());
            }
            if let Err(e) = alone.build() {
                return Error::config_with_source(
                    format!(
                        "the CA file {} holds a certificate that cannot be used as a trusted root",
                        file.display()
                    ),
                    "give PEM X.509 CA certificates (-----BEGIN CERTIFICATE-----)",
                    e,
                );
            }
        }
        if let Some((cert_file, _)) = &self.client_certificate {
            return Error::config_with_source(
                format!(
                    "the client certificate {} (or its key) cannot be used",
                    cert_file.display()
                ),
                "give the certificate and its unencrypted private key in PEM; the key must \
                 match the certificate",
                error,
            );
        }
        Error::Transport(error)
    }
}

/// Largest certificate or key file read (16 MiB; system CA bundles are a few hundred KB).
const MAX_PEM_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The bytes of `file`, refusing more than [`MAX_PEM_FILE_BYTES`] (a device such as
/// `/dev/zero` named by mistake is not read into memory).
fn read_bounded(file: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;

    let mut bytes = Vec::new();
    std::fs::File::open(file)?
        .take(MAX_PEM_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_PEM_FILE_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("larger than {MAX_PEM_FILE_BYTES} bytes"),
        ));
    }
    Ok(bytes)
}

/// The certificates of a PEM CA file (one or more `CERTIFICATE` blocks).
fn read_ca_file(file: &Path) -> Result<Vec<reqwest::Certificate>, Error> {
    let fix = "give a PEM file of X.509 CA certificates (-----BEGIN CERTIFICATE-----); \
               convert DER with `openssl x509 -inform der -in ca.der -out ca.pem`";
    let bytes = read_bounded(file).map_err(|e| {
        Error::config_with_source(
            format!("cannot read the CA file {}", file.display()),
            "check the path (ca_file in the app config file is relative to the file's \
             directory); a CA bundle is at most 16 MiB",
            e,
        )
    })?;
    let certificates = reqwest::Certificate::from_pem_bundle(&bytes).map_err(|e| {
        Error::config_with_source(
            format!("the CA file {} is not valid PEM", file.display()),
            fix,
            e,
        )
    })?;
    if certificates.is_empty() {
        return Err(Error::config(
            format!("the CA file {} holds no certificate", file.display()),
            fix,
        ));
    }
    Ok(certificates)
}

/// The client identity from a certificate file (PEM, leaf first, then its chain) and a key
/// file (or the key inside the certificate file).
fn read_identity(cert_file: &Path, key_file: Option<&Path>) -> Result<reqwest::Identity, Error> {
    let read = |file: &Path, what: &str| {
        read_bounded(file)
            .and_then(|bytes| {
                String::from_utf8(bytes)
                    .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
            })
            .map(SecretString::from)
            .map_err(|e| {
                Error::config_with_source(
                    format!("cannot read the client {what} {}", file.display()),
                    "check the path (relative paths in the app config file are relative to \
                     the file's directory) and that it is a PEM text file",
                    e,
                )
            })
    };
    let certificate = read(cert_file, "certificate")?;
    let key = match key_file {
        Some(file) => Some((file, read(file, "key")?)),
        None => None,
    };
    let key_text = key.as_ref().map_or(&certificate, |(_, text)| text);
    let key_origin = key.as_ref().map_or(cert_file, |(file, _)| file);
    let key_pem = key_text.expose_secret();
    if key_pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        || key_pem.contains("Proc-Type: 4,ENCRYPTED")
    {
        return Err(Error::config(
            format!(
                "the client certificate's key {} is encrypted",
                key_origin.display()
            ),
            "store it unencrypted with restricted permissions: `openssl pkey -in client.key \
             -out client-plain.key && chmod 600 client-plain.key`",
        ));
    }
    if !key_pem.contains("PRIVATE KEY-----") {
        return Err(Error::config(
            format!("no private key found in {}", key_origin.display()),
            "give the client certificate's key with client_key_file (PEM: PRIVATE KEY, RSA \
             PRIVATE KEY or EC PRIVATE KEY), or append it to the certificate file",
        ));
    }
    let combined = match &key {
        Some((_, key_text)) => SecretString::from(format!(
            "{}\n{}",
            key_text.expose_secret(),
            certificate.expose_secret()
        )),
        None => certificate.clone(),
    };
    reqwest::Identity::from_pem(combined.expose_secret().as_bytes()).map_err(|e| {
        Error::config_with_source(
            format!(
                "the client certificate {} and its key are not a valid PEM identity",
                cert_file.display()
            ),
            "give the certificate (-----BEGIN CERTIFICATE-----, leaf first) and its private key \
             in PEM",
            e,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> BuildParams<'static> {
        BuildParams {
            connect_timeout: Duration::from_secs(1),
            accept_invalid_certs: false,
            user_agent: "test",
        }
    }

    fn config_problem(result: Result<(reqwest::Client, HttpSummary), Error>) -> String {
        match result {
            Err(Error::Config { problem, .. }) => problem,
            Err(other) => panic!("expected a config error, got {other:?}"),
            Ok(_) => panic!("expected a config error, got a client"),
        }
    }

    #[test]
    fn proxy_urls_are_checked_and_passwords_never_shown() {
        assert_eq!(
            redact_proxy("http://user:hunter2@proxy:3128"),
            "http://user:****@proxy:3128/"
        );
        assert_eq!(
            redact_proxy("proxy.example:3128"),
            "http://proxy.example:3128/"
        );
        let no_env = |_: &str| None;
        let settings = |proxy: &str| HttpSettings {
            proxy: Some(proxy.to_owned()),
            ..HttpSettings::default()
        };
        let (_, summary) = settings("http://u:hunter2@127.0.0.1:3128")
            .build(&params(), &no_env)
            .unwrap();
        assert_eq!(
            summary.proxy.as_deref(),
            Some("http://u:****@127.0.0.1:3128/")
        );
        for bad in ["ftp://proxy:21", "http://", "http://u:hunter2@[::1"] {
            let problem = config_problem(settings(bad).build(&params(), &no_env));
            assert!(problem.contains("proxy"), "{bad}: {problem}");
            assert!(!problem.contains("hunter2"), "{problem}");
        }
    }

    #[test]
    fn ca_file_problems_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let no_env = |_: &str| None;
        let with_ca = |file: PathBuf| HttpSettings {
            ca_files: vec![file],
            ..HttpSettings::default()
        };
        let missing = dir.path().join("missing-ca.pem");
        let problem = config_problem(with_ca(missing).build(&params(), &no_env));
        assert!(problem.contains("missing-ca.pem"), "{problem}");
        // An endless device: refused after the limit.
        let problem = config_problem(with_ca(PathBuf::from("/dev/zero")).build(&params(), &no_env));
        assert!(problem.contains("/dev/zero"), "{problem}");
        let empty = dir.path().join("empty-ca.pem");
        std::fs::write(&empty, "no certificate here\n").unwrap();
        let problem = config_problem(with_ca(empty).build(&params(), &no_env));
        assert!(
            problem.contains("empty-ca.pem") && problem.contains("no certificate"),
            "{problem}"
        );
        let garbage = dir.path().join("garbage-ca.pem");
        std::fs::write(
            &garbage,
            "-----BEGIN CERTIFICATE-----\nMIIBnotbase64!!\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let problem = config_problem(with_ca(garbage).build(&params(), &no_env));
        assert!(problem.contains("garbage-ca.pem"), "{problem}");
        // Valid base64, not a certificate.
        let not_x509 = dir.path().join("not-x509.pem");
        std::fs::write(
            &not_x509,
            "-----BEGIN CERTIFICATE-----\nAAECAwQFBgcICQoLDA0ODw==\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let problem = config_problem(with_ca(not_x509).build(&params(), &no_env));
        assert!(problem.contains("not-x509.pem"), "{problem}");
    }

    #[test]
    fn client_certificate_problems_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let no_env = |_: &str| None;
        let cert = dir.path().join("client.crt");
        std::fs::write(
            &cert,
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let key = dir.path().join("client.key");
        std::fs::write(
            &key,
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n",
        )
        .unwrap();
        let with = |key: Option<PathBuf>| HttpSettings {
            client_certificate: Some((cert.clone(), key)),
            ..HttpSettings::default()
        };
        let problem = config_problem(with(Some(key.clone())).build(&params(), &no_env));
        assert!(
            problem.contains("client.key") && problem.contains("encrypted"),
            "{problem}"
        );
        let problem = config_problem(with(None).build(&params(), &no_env));
        assert!(
            problem.contains("no private key") && problem.contains("client.crt"),
            "{problem}"
        );
        let problem =
            config_problem(with(Some(dir.path().join("nope.key"))).build(&params(), &no_env));
        assert!(problem.contains("nope.key"), "{problem}");
    }
}
