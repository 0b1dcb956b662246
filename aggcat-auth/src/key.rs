//! The application's RSA private key: loading from PEM (PKCS#1 or PKCS#8) and RSA-SHA1
//! (PKCS#1 v1.5) signing.
//!
//! The PEM text is held in a [`SecretString`] while it is parsed; the parsed key lives in an
//! [`RsaSigningKey`] whose `Debug` output never shows key material (the inner
//! `rsa::RsaPrivateKey` zeroizes itself on drop).
//!
//! ```
//! use aggcat_auth::key::{KeyError, RsaSigningKey};
//!
//! let err = RsaSigningKey::from_pem("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
//!     .unwrap_err();
//! assert!(matches!(err, KeyError::UnsupportedPemLabel { .. }));
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use rsa::pkcs1::DecodeRsaPrivateKey as _;
use rsa::pkcs8::{DecodePrivateKey as _, EncodePublicKey as _, LineEnding};
use rsa::traits::PublicKeyParts as _;
use rsa::{Pkcs1v15Sign, RsaPrivateKey, RsaPublicKey};
use secrecy::{ExposeSecret as _, SecretString};
use sha1::{Digest as _, Sha1};

/// Smallest accepted modulus size. Intuit's instructions generated 1024-bit keys.
pub const MIN_KEY_BITS: usize = 1024;

/// Problems with the private key. Messages never contain key material.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The key file could not be read.
    #[error("cannot read private key file {path}")]
    Io {
        /// The file that was tried.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The text contains no PEM block at all.
    #[error(
        "no PEM block found; expected `-----BEGIN RSA PRIVATE KEY-----` (PKCS#1) or `-----BEGIN PRIVATE KEY-----` (PKCS#8)"
    )]
    NotPem,
    /// The PEM block is a password-protected key.
    #[error(
        "the private key is encrypted; decrypt it first, e.g. `openssl pkcs8 -in enc.key -out app.key`"
    )]
    Encrypted,
    /// The PEM block holds something other than an RSA private key.
    #[error(
        "PEM block `{label}` is not an RSA private key; expected `RSA PRIVATE KEY` (PKCS#1) or `PRIVATE KEY` (PKCS#8)"
    )]
    UnsupportedPemLabel {
        /// The label found after `-----BEGIN `.
        label: String,
    },
    /// A PKCS#1 (`RSA PRIVATE KEY`) block that does not decode.
    #[error("invalid PKCS#1 RSA private key")]
    Pkcs1(#[source] rsa::pkcs1::Error),
    /// A PKCS#8 (`PRIVATE KEY`) block that does not decode to an RSA key.
    #[error("invalid PKCS#8 private key (or not an RSA key)")]
    Pkcs8(#[source] rsa::pkcs8::Error),
    /// The key is too small to be used.
    #[error("RSA key has {bits} bits; at least {MIN_KEY_BITS} are required")]
    TooSmall {
        /// Modulus size of the rejected key.
        bits: usize,
    },
    /// The key is internally inconsistent.
    #[error("RSA key failed validation")]
    Invalid(#[source] rsa::Error),
    /// RSA signing failed.
    #[error("RSA signing failed")]
    Signing(#[source] rsa::Error),
    /// The public key could not be encoded.
    #[error("cannot encode the public key as PEM")]
    PublicKeyEncoding(#[source] rsa::pkcs8::spki::Error),
}

/// An RSA private key used for RSA-SHA1 (RSASSA-PKCS1-v1_5 with SHA-1) signatures.
///
/// `Debug` shows only the key size.
#[derive(Clone)]
pub struct RsaSigningKey {
    key: RsaPrivateKey,
}

impl fmt::Debug for RsaSigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RsaSigningKey")
            .field("bits", &self.bits())
            .field("key", &"[REDACTED]")
            .finish()
    }
}

impl RsaSigningKey {
    /// Parses PEM text holding a PKCS#1 (`RSA PRIVATE KEY`) or PKCS#8 (`PRIVATE KEY`) RSA key.
    ///
    /// Text around the PEM block (for example a certificate in the same file) is ignored.
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        let (kind, block) = find_key_block(pem)?;
        let secret = SecretString::from(block);
        let block = secret.expose_secret();
        let key = match kind {
            // Legacy OpenSSL encryption: `Proc-Type: 4,ENCRYPTED` + `DEK-Info` headers.
            PemKind::Pkcs1 if block.contains("Proc-Type:") => return Err(KeyError::Encrypted),
            PemKind::Pkcs1 => RsaPrivateKey::from_pkcs1_pem(block).map_err(KeyError::Pkcs1)?,
            PemKind::Pkcs8 => RsaPrivateKey::from_pkcs8_pem(block).map_err(KeyError::Pkcs8)?,
        };
        Self::from_rsa(key)
    }

    /// Parses PEM text held in a [`SecretString`]. See [`RsaSigningKey::from_pem`].
    pub fn from_pem_secret(pem: &SecretString) -> Result<Self, KeyError> {
        Self::from_pem(pem.expose_secret())
    }

    /// Reads and parses a PEM file. See [`RsaSigningKey::from_pem`].
    pub fn from_pem_file(path: impl AsRef<Path>) -> Result<Self, KeyError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| KeyError::Io {
            path: path.to_owned(),
            source,
        })?;
        Self::from_pem_secret(&SecretString::from(text))
    }

    /// Wraps an already parsed key after checking its size and consistency.
    pub fn from_rsa(key: RsaPrivateKey) -> Result<Self, KeyError> {
        let bits = key.size() * 8;
        if bits < MIN_KEY_BITS {
            return Err(KeyError::TooSmall { bits });
        }
        key.validate().map_err(KeyError::Invalid)?;
        Ok(Self { key })
    }

    /// Modulus size in bits.
    pub fn bits(&self) -> usize {
        self.key.size() * 8
    }

    /// The matching public key.
    pub fn public_key(&self) -> RsaPublicKey {
        self.key.to_public_key()
    }

    /// The public key as a `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo) PEM.
    pub fn public_key_pem(&self) -> Result<String, KeyError> {
        self.public_key()
            .to_public_key_pem(LineEnding::LF)
            .map_err(KeyError::PublicKeyEncoding)
    }

    /// RSASSA-PKCS1-v1_5 signature with SHA-1 over `data` (the XML-DSig `rsa-sha1` method).
    pub fn sign_sha1(&self, data: &[u8]) -> Result<Vec<u8>, KeyError> {
        let digest = Sha1::digest(data);
        self.key
            .sign(Pkcs1v15Sign::new::<Sha1>(), &digest)
            .map_err(KeyError::Signing)
    }
}

/// Verifies an RSASSA-PKCS1-v1_5 / SHA-1 `signature` over `data` with `public_key`.
pub fn verify_sha1(public_key: &RsaPublicKey, data: &[u8], signature: &[u8]) -> bool {
    public_key
        .verify(Pkcs1v15Sign::new::<Sha1>(), &Sha1::digest(data), signature)
        .is_ok()
}

enum PemKind {
    Pkcs1,
    Pkcs8,
}

/// Finds the first private-key PEM block; returns its kind and the block text (BEGIN..END).
fn find_key_block(text: &str) -> Result<(PemKind, String), KeyError> {
    const BEGIN: &str = "-----BEGIN ";
    let mut first_label: Option<String> = None;
    let mut search_from = 0;
    while let Some(offset) = text[search_from..].find(BEGIN) {
        let start = search_from + offset;
        let label_start = start + BEGIN.len();
        let Some(label_len) = text[label_start..].find("-----") else {
            break;
        };
        let label = &text[label_start..label_start + label_len];
        let kind = match label {
            "RSA PRIVATE KEY" => Some(PemKind::Pkcs1),
            "PRIVATE KEY" => Some(PemKind::Pkcs8),
            "ENCRYPTED PRIVATE KEY" => return Err(KeyError::Encrypted),
            _ => None,
        };
        let end_marker = format!("-----END {label}-----");
        let block_end = text[label_start..]
            .find(&end_marker)
            .map(|n| label_start + n + end_marker.len());
        if let Some(kind) = kind {
            // Without an END line the whole rest goes to the decoder, which reports it.
            let block_end = block_end.unwrap_or(text.len());
            // Allocated once at its final size so no unzeroized copy is left behind.
            let mut block = String::with_capacity(block_end - start + 1);
            block.push_str(&text[start..block_end]);
            block.push('\n');
            return Ok((kind, block));
        }
        first_label.get_or_insert_with(|| label.to_owned());
        search_from = block_end.unwrap_or(label_start);
    }
    match first_label {
        Some(label) => Err(KeyError::UnsupportedPemLabel { label }),
        None => Err(KeyError::NotPem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::pkcs1::EncodeRsaPrivateKey as _;
    use rsa::pkcs8::EncodePrivateKey as _;

    fn test_key() -> RsaPrivateKey {
        RsaPrivateKey::new(&mut rand::thread_rng(), 1024).unwrap()
    }

    #[test]
    fn pkcs1_and_pkcs8_load_the_same_key_and_sign_identically() {
        let key = test_key();
        let pkcs1 = key.to_pkcs1_pem(LineEnding::LF).unwrap();
        let pkcs8 = key.to_pkcs8_pem(LineEnding::CRLF).unwrap();
        let a = RsaSigningKey::from_pem(&pkcs1).unwrap();
        let b = RsaSigningKey::from_pem(&format!("junk before\n{}\ntrailing", &*pkcs8)).unwrap();
        assert_eq!(a.bits(), 1024);
        let sa = a.sign_sha1(b"data").unwrap();
        assert_eq!(sa, b.sign_sha1(b"data").unwrap());
        assert!(verify_sha1(&b.public_key(), b"data", &sa));
        assert!(!verify_sha1(&b.public_key(), b"datA", &sa));
        assert!(
            a.public_key_pem()
                .unwrap()
                .starts_with("-----BEGIN PUBLIC KEY-----")
        );
    }

    #[test]
    fn key_after_a_certificate_block_is_found() {
        let key = test_key();
        let pem = key.to_pkcs8_pem(LineEnding::LF).unwrap();
        let text = format!(
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n{}",
            &*pem
        );
        assert!(RsaSigningKey::from_pem(&text).is_ok());
    }

    #[test]
    fn bad_inputs_give_clear_errors() {
        assert!(matches!(
            RsaSigningKey::from_pem("hello"),
            Err(KeyError::NotPem)
        ));
        assert!(matches!(
            RsaSigningKey::from_pem(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"
            ),
            Err(KeyError::Encrypted)
        ));
        assert!(matches!(
            RsaSigningKey::from_pem(
                "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n"
            ),
            Err(KeyError::UnsupportedPemLabel { label }) if label == "EC PRIVATE KEY"
        ));
        assert!(matches!(
            RsaSigningKey::from_pem(
                "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n"
            ),
            Err(KeyError::Pkcs8(_))
        ));
        assert!(matches!(
            RsaSigningKey::from_pem("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n"),
            Err(KeyError::Pkcs1(_))
        ));
        assert!(matches!(
            RsaSigningKey::from_pem(
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END RSA PRIVATE KEY-----\n"
            ),
            Err(KeyError::Encrypted)
        ));
        let err = RsaSigningKey::from_pem_file("/nonexistent/app.key").unwrap_err();
        assert!(matches!(err, KeyError::Io { .. }));
        assert!(err.to_string().contains("/nonexistent/app.key"));
    }

    #[test]
    fn small_keys_are_rejected() {
        let key = RsaPrivateKey::new(&mut rand::thread_rng(), 512).unwrap();
        assert!(matches!(
            RsaSigningKey::from_rsa(key),
            Err(KeyError::TooSmall { bits: 512 })
        ));
    }

    #[test]
    fn debug_never_shows_key_material() {
        let key = test_key();
        let pem = key.to_pkcs8_pem(LineEnding::LF).unwrap();
        let signing = RsaSigningKey::from_pem(&pem).unwrap();
        let debug = format!("{signing:?}");
        assert_eq!(debug, "RsaSigningKey { bits: 1024, key: \"[REDACTED]\" }");
        // The PEM body lines must not leak either.
        let body_line = pem.lines().nth(1).unwrap();
        assert!(!debug.contains(body_line));
    }
}
