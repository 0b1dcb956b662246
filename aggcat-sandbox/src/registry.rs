//! Registered applications: what Intuit knew about an app (consumer key and secret, SAML
//! identity provider id, uploaded certificate).

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use rsa::RsaPublicKey;
use rsa::pkcs8::DecodePublicKey;
use secrecy::SecretString;
use serde::Deserialize;
use x509_cert::Certificate;
use x509_cert::der::{DecodePem, Encode};

/// OID of `rsaEncryption` (PKCS#1), the only key type the SAML exchange uses.
const RSA_ENCRYPTION_OID: &str = "1.2.840.113549.1.1.1";

/// Why an application could not be registered.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The config file is not valid TOML of the expected shape.
    #[error("invalid config file {path}: {source}")]
    Config {
        /// The file.
        path: PathBuf,
        /// The parse error.
        #[source]
        source: Box<toml::de::Error>,
    },
    /// A field has an unusable value.
    #[error("invalid {field}: {reason}")]
    InvalidField {
        /// The field name.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// The certificate is not a PEM X.509 certificate.
    #[error("invalid certificate: {0}")]
    Certificate(String),
    /// The certificate's key is not an RSA key.
    #[error("the certificate's public key is not RSA (algorithm {0})")]
    NotRsa(String),
    /// Two registrations share a consumer key.
    #[error("consumer key {0} is registered twice")]
    DuplicateConsumerKey(String),
}

/// The on-disk `aggcat.toml` (see ARCHITECTURE.md); unknown keys are ignored.
#[derive(Debug, Deserialize)]
pub struct AppConfigFile {
    /// OAuth consumer key.
    pub consumer_key: String,
    /// OAuth consumer secret.
    pub consumer_secret: SecretString,
    /// SAML identity provider id.
    pub issuer_id: String,
    /// PKCS#8 PEM private key, relative to the config file's directory.
    pub private_key_file: Option<PathBuf>,
    /// Self-signed X.509 PEM certificate, relative to the config file's directory.
    pub certificate_file: PathBuf,
    /// API base URL (absent = Intuit's).
    pub base_url: Option<String>,
    /// Token endpoint URL (absent = Intuit's).
    pub token_url: Option<String>,
}

impl AppConfigFile {
    /// Reads and parses a config file.
    pub fn read(path: &Path) -> Result<Self, RegistryError> {
        let text = std::fs::read_to_string(path).map_err(|source| RegistryError::Io {
            path: path.to_owned(),
            source,
        })?;
        toml::from_str(&text).map_err(|source| RegistryError::Config {
            path: path.to_owned(),
            source: Box::new(source),
        })
    }
}

/// One application as the token endpoint and the OAuth verifier know it.
#[derive(Clone)]
pub struct AppRegistration {
    consumer_key: String,
    consumer_secret: SecretString,
    issuer_id: String,
    public_key: RsaPublicKey,
    /// The key's big-endian modulus and exponent when `ring` verifies with it (1,024 to 8,192
    /// bits, an odd exponent from 3 to 2^33 - 1: every usual key); `ring` verifies a
    /// signature about ten times faster than the `rsa` crate, which checks the others.
    ring_key: Option<(Vec<u8>, Vec<u8>)>,
}

impl fmt::Debug for AppRegistration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppRegistration")
            .field("consumer_key", &self.consumer_key)
            .field("consumer_secret", &self.consumer_secret)
            .field("issuer_id", &self.issuer_id)
            .field(
                "public_key_bits",
                &(rsa::traits::PublicKeyParts::size(&self.public_key) * 8),
            )
            .finish()
    }
}

impl AppRegistration {
    /// Registers an app from its credentials and the PEM of its X.509 certificate.
    ///
    /// The certificate's validity period is not checked (Intuit took self-signed, often
    /// long-expired certificates); only its RSA public key is used.
    pub fn new(
        consumer_key: impl Into<String>,
        consumer_secret: impl Into<SecretString>,
        issuer_id: impl Into<String>,
        certificate_pem: &str,
    ) -> Result<Self, RegistryError> {
        let public_key = public_key_from_certificate_pem(certificate_pem)?;
        Self::with_public_key(consumer_key, consumer_secret, issuer_id, public_key)
    }

    /// Registers an app whose certificate's RSA public key is already known (e.g. a published
    /// test vector that comes with a key rather than a certificate file).
    pub fn with_public_key(
        consumer_key: impl Into<String>,
        consumer_secret: impl Into<SecretString>,
        issuer_id: impl Into<String>,
        public_key: RsaPublicKey,
    ) -> Result<Self, RegistryError> {
        let consumer_key = consumer_key.into();
        let issuer_id = issuer_id.into();
        if consumer_key.trim().is_empty() {
            return Err(RegistryError::InvalidField {
                field: "consumer_key",
                reason: "must not be empty".into(),
            });
        }
        if issuer_id.trim().is_empty() {
            return Err(RegistryError::InvalidField {
                field: "issuer_id",
                reason: "must not be empty".into(),
            });
        }
        let ring_key = ring_verifiable(&public_key);
        Ok(Self {
            consumer_key,
            consumer_secret: consumer_secret.into(),
            issuer_id,
            public_key,
            ring_key,
        })
    }

    /// Reads an `aggcat.toml` and the certificate it names (relative paths are resolved
    /// against the config file's directory).
    pub fn from_config_file(path: impl AsRef<Path>) -> Result<Self, RegistryError> {
        let path = path.as_ref();
        let config = AppConfigFile::read(path)?;
        let dir = path.parent().unwrap_or_else(|| Path::new("."));
        let cert_path = dir.join(&config.certificate_file);
        let pem = std::fs::read_to_string(&cert_path).map_err(|source| RegistryError::Io {
            path: cert_path.clone(),
            source,
        })?;
        Self::new(
            config.consumer_key,
            config.consumer_secret,
            config.issuer_id,
            &pem,
        )
    }

    /// The OAuth consumer key.
    pub fn consumer_key(&self) -> &str {
        &self.consumer_key
    }

    /// The OAuth consumer secret.
    pub fn consumer_secret(&self) -> &SecretString {
        &self.consumer_secret
    }

    /// The SAML identity provider id (expected as Issuer and Audience).
    pub fn issuer_id(&self) -> &str {
        &self.issuer_id
    }

    /// The RSA key of the registered certificate.
    pub fn public_key(&self) -> &RsaPublicKey {
        &self.public_key
    }

    /// Whether `signature` is this app's RSASSA-PKCS1-v1_5 SHA-1 signature of `message`
    /// (the signature must be exactly as long as the modulus).
    pub fn verify_rsa_sha1(&self, message: &[u8], signature: &[u8]) -> bool {
        use rsa::signature::Verifier;
        match &self.ring_key {
            Some((n, e)) => ring::signature::RsaPublicKeyComponents { n, e }
                .verify(
                    &ring::signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
                    message,
                    signature,
                )
                .is_ok(),
            None => rsa::pkcs1v15::Signature::try_from(signature).is_ok_and(|signature| {
                rsa::pkcs1v15::VerifyingKey::<sha1::Sha1>::new(self.public_key.clone())
                    .verify(message, &signature)
                    .is_ok()
            }),
        }
    }
}

#[cfg(test)]
impl AppRegistration {
    /// Whether signatures are verified with `ring` (else with the `rsa` crate).
    pub(crate) fn verifies_with_ring(&self) -> bool {
        self.ring_key.is_some()
    }

    /// The same app, verified with the `rsa` crate (to compare the two).
    pub(crate) fn without_ring(mut self) -> Self {
        self.ring_key = None;
        self
    }
}

/// The big-endian modulus and exponent of `key` if `ring`'s RSA verifier accepts the key.
fn ring_verifiable(key: &RsaPublicKey) -> Option<(Vec<u8>, Vec<u8>)> {
    use rsa::traits::PublicKeyParts;
    let bits = key.n().bits();
    let e = key.e().to_bytes_be();
    let e_value = e.iter().try_fold(0u64, |value, byte| {
        value.checked_mul(256).map(|v| v | u64::from(*byte))
    })?;
    ((1024..=8192).contains(&bits) && e_value % 2 == 1 && (3..1 << 33).contains(&e_value))
        .then(|| (key.n().to_bytes_be(), e))
}

/// Extracts the RSA public key of a PEM X.509 certificate.
pub fn public_key_from_certificate_pem(pem: &str) -> Result<RsaPublicKey, RegistryError> {
    let cert = Certificate::from_pem(pem.trim().as_bytes())
        .map_err(|e| RegistryError::Certificate(e.to_string()))?;
    let spki = &cert.tbs_certificate.subject_public_key_info;
    let oid = spki.algorithm.oid.to_string();
    if oid != RSA_ENCRYPTION_OID {
        return Err(RegistryError::NotRsa(oid));
    }
    let der = spki
        .to_der()
        .map_err(|e| RegistryError::Certificate(e.to_string()))?;
    RsaPublicKey::from_public_key_der(&der).map_err(|e| RegistryError::Certificate(e.to_string()))
}

/// All registered apps, by consumer key.
#[derive(Debug, Clone, Default)]
pub struct AppRegistry {
    apps: HashMap<String, AppRegistration>,
}

impl AppRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an app; consumer keys must be unique.
    pub fn insert(&mut self, app: AppRegistration) -> Result<(), RegistryError> {
        if self.apps.contains_key(app.consumer_key()) {
            return Err(RegistryError::DuplicateConsumerKey(
                app.consumer_key().to_owned(),
            ));
        }
        self.apps.insert(app.consumer_key().to_owned(), app);
        Ok(())
    }

    /// The app with this consumer key.
    pub fn get(&self, consumer_key: &str) -> Option<&AppRegistration> {
        self.apps.get(consumer_key)
    }

    /// Number of registered apps.
    pub fn len(&self) -> usize {
        self.apps.len()
    }

    /// Whether no app is registered.
    pub fn is_empty(&self) -> bool {
        self.apps.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::sync::OnceLock;

    /// A certificate made by `init` (RSA 2048, self-signed), generated once per test run.
    fn generated_cert() -> String {
        static PEM: OnceLock<String> = OnceLock::new();
        PEM.get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let files = crate::init::init(dir.path()).expect("init");
            std::fs::read_to_string(files.certificate).expect("read the certificate")
        })
        .clone()
    }

    #[test]
    fn parses_a_generated_certificate() {
        let app = AppRegistration::new("key", "secret".to_owned(), "issuer", &generated_cert())
            .expect("registers");
        assert_eq!(rsa::traits::PublicKeyParts::size(app.public_key()), 256);
        let debug = format!("{app:?}");
        assert!(!debug.contains("secret\""), "{debug}");
        assert!(debug.contains("REDACTED"), "{debug}");
    }

    #[test]
    fn garbage_certificate_is_an_error() {
        let err = AppRegistration::new("k", "s".to_owned(), "i", "not a pem").unwrap_err();
        assert!(matches!(err, RegistryError::Certificate(_)), "{err}");
    }

    #[test]
    fn empty_consumer_key_is_rejected() {
        let err = AppRegistration::new(" ", "s".to_owned(), "i", &generated_cert()).unwrap_err();
        assert!(matches!(
            err,
            RegistryError::InvalidField {
                field: "consumer_key",
                ..
            }
        ));
    }

    #[test]
    fn duplicate_consumer_keys_are_rejected() {
        let app = AppRegistration::new("k", "s".to_owned(), "i", &generated_cert()).unwrap();
        let mut registry = AppRegistry::new();
        registry.insert(app.clone()).unwrap();
        assert!(matches!(
            registry.insert(app),
            Err(RegistryError::DuplicateConsumerKey(_))
        ));
        assert_eq!(registry.len(), 1);
    }

    #[test]
    fn reads_a_config_file_with_relative_certificate() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("c.crt"), generated_cert()).unwrap();
        std::fs::write(
            dir.path().join("aggcat.toml"),
            "consumer_key = \"ck\"\nconsumer_secret = \"cs\"\nissuer_id = \"iss\"\n\
             private_key_file = \"k.key\"\ncertificate_file = \"c.crt\"\n",
        )
        .unwrap();
        let app = AppRegistration::from_config_file(dir.path().join("aggcat.toml")).unwrap();
        assert_eq!(app.consumer_key(), "ck");
        assert_eq!(app.issuer_id(), "iss");
    }

    #[test]
    fn missing_field_in_config_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("aggcat.toml");
        std::fs::write(&path, "consumer_key = \"ck\"\n").unwrap();
        let err = AppRegistration::from_config_file(&path).unwrap_err();
        assert!(matches!(err, RegistryError::Config { .. }), "{err}");
    }
}
