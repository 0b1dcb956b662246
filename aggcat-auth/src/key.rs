//! The application's RSA private key: loading from PEM (PKCS#1, PKCS#8, or PKCS#8 encrypted
//! with a passphrase) and RSA-SHA1 (PKCS#1 v1.5) signing.
//!
//! The PEM text is held in a [`SecretString`] while it is parsed; the parsed key lives in an
//! [`RsaSigningKey`] whose `Debug` output never shows key material (the inner
//! `rsa::RsaPrivateKey` zeroizes itself on drop, and so does the decrypted DER of an
//! encrypted key).
//!
//! Encrypted keys (`-----BEGIN ENCRYPTED PRIVATE KEY-----`, PKCS#8 with PKCS#5 v2.0 PBES2) are
//! decrypted with [`RsaSigningKey::from_pem_with_passphrase`]: key derivation PBKDF2
//! (HMAC-SHA1/224/256/384/512) or scrypt, cipher AES-128/192/256-CBC or DES-EDE3-CBC — what
//! `openssl pkcs8 -topk8` writes (OpenSSL 3: PBKDF2-HMAC-SHA256 and AES-256-CBC). Key
//! derivation costs are bounded ([`MAX_PBKDF2_ITERATIONS`], [`MAX_SCRYPT_MEMORY`]) so that a
//! hostile key file cannot make loading take hours or exhaust memory. OpenSSL's legacy
//! encrypted PEM (`Proc-Type: 4,ENCRYPTED` inside `RSA PRIVATE KEY`) is refused with the
//! command that converts it ([`LEGACY_CONVERSION_COMMAND`]).
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

/// Largest key file read (1 MiB; an RSA key in PEM is a few kilobytes).
pub const MAX_KEY_FILE_BYTES: u64 = 1024 * 1024;

/// Largest PBKDF2 iteration count accepted in an encrypted key (OpenSSL writes 2,048 by
/// default; current recommendations are in the hundreds of thousands).
pub const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;

/// Largest scrypt memory (128 · r · N bytes) accepted in an encrypted key: 256 MiB (the
/// `pkcs8` crate's own default, N = 2^15 and r = 8, needs 32 MiB).
pub const MAX_SCRYPT_MEMORY: u64 = 256 * 1024 * 1024;

/// Largest scrypt parallelization parameter `p` accepted in an encrypted key.
pub const MAX_SCRYPT_PARALLELIZATION: u16 = 16;

/// The command that turns an OpenSSL legacy encrypted key (`Proc-Type: 4,ENCRYPTED`) into an
/// encrypted PKCS#8 key this crate reads. It asks for the old passphrase, then for the new
/// one (which may be the same).
pub const LEGACY_CONVERSION_COMMAND: &str =
    "openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.key -out new.key";

/// The environment variable programs of this workspace (aggcat-client, the `aggcat` CLI) read
/// an encrypted key's passphrase from when none is given otherwise.
pub const PASSPHRASE_ENV: &str = "AGGCAT_KEY_PASSPHRASE";

/// ` in FILE` when the key came from a file, for messages.
fn in_file(path: &Option<PathBuf>) -> String {
    path.as_ref()
        .map(|p| format!(" in {}", p.display()))
        .unwrap_or_default()
}

/// Problems with the private key. Messages never contain key material or passphrases.
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
    /// The key file is larger than [`MAX_KEY_FILE_BYTES`].
    #[error(
        "the private key file {path} is larger than {MAX_KEY_FILE_BYTES} bytes; it is not a PEM key"
    )]
    FileTooLarge {
        /// The file that was tried.
        path: PathBuf,
    },
    /// The text contains no PEM block at all.
    #[error(
        "no PEM block found; expected `-----BEGIN RSA PRIVATE KEY-----` (PKCS#1), `-----BEGIN PRIVATE KEY-----` (PKCS#8) or `-----BEGIN ENCRYPTED PRIVATE KEY-----` (encrypted PKCS#8)"
    )]
    NotPem,
    /// The key is encrypted (`ENCRYPTED PRIVATE KEY`) and no passphrase was given.
    #[error(
        "the private key{} is encrypted and no passphrase was given; give the passphrase (aggcat-client: `.private_key_passphrase(..)`, `private_key_passphrase_env` in the app config file, or the AGGCAT_KEY_PASSPHRASE environment variable)",
        in_file(path)
    )]
    PassphraseRequired {
        /// The key file, when the key was read from one.
        path: Option<PathBuf>,
    },
    /// The passphrase does not decrypt the key (or the encrypted data is corrupt).
    #[error(
        "the passphrase does not decrypt the private key{} (wrong passphrase, or a damaged file)",
        in_file(path)
    )]
    WrongPassphrase {
        /// The key file, when the key was read from one.
        path: Option<PathBuf>,
    },
    /// OpenSSL's legacy PEM encryption (`Proc-Type: 4,ENCRYPTED` in an `RSA PRIVATE KEY`
    /// block), which is not supported.
    #[error(
        "the private key{} uses OpenSSL's legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`), which is not supported; convert it to an encrypted PKCS#8 key with `{LEGACY_CONVERSION_COMMAND}` (it asks for the old passphrase, then a new one) and use new.key",
        in_file(path)
    )]
    LegacyEncrypted {
        /// The key file, when the key was read from one.
        path: Option<PathBuf>,
    },
    /// An encrypted PKCS#8 key whose encryption scheme is not supported (e.g. PBES1, or an
    /// unknown cipher), or whose key-derivation cost is beyond the limits.
    #[error(
        "the private key{} is encrypted with an unsupported scheme ({detail}); re-encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.key -out new.key`",
        in_file(path)
    )]
    UnsupportedEncryption {
        /// What is not supported.
        detail: String,
        /// The key file, when the key was read from one.
        path: Option<PathBuf>,
    },
    /// An `ENCRYPTED PRIVATE KEY` block whose structure does not decode.
    #[error("invalid encrypted PKCS#8 private key{}", in_file(path))]
    EncryptedPkcs8 {
        /// The decoder's error.
        #[source]
        source: rsa::pkcs8::Error,
        /// The key file, when the key was read from one.
        path: Option<PathBuf>,
    },
    /// The PEM block holds something other than an RSA private key.
    #[error(
        "PEM block `{label}` is not an RSA private key; expected `RSA PRIVATE KEY` (PKCS#1), `PRIVATE KEY` (PKCS#8) or `ENCRYPTED PRIVATE KEY`"
    )]
    UnsupportedPemLabel {
        /// The label found after `-----BEGIN `.
        label: String,
    },
    /// A PKCS#1 (`RSA PRIVATE KEY`) block that does not decode.
    #[error("invalid PKCS#1 RSA private key")]
    Pkcs1(#[source] rsa::pkcs1::Error),
    /// A PKCS#8 (`PRIVATE KEY`, or a decrypted `ENCRYPTED PRIVATE KEY`) block that does not
    /// decode to an RSA key.
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

impl KeyError {
    /// Whether the error is about the passphrase of an encrypted key: none given
    /// ([`KeyError::PassphraseRequired`]) or a wrong one ([`KeyError::WrongPassphrase`]).
    /// An interactive program may ask for (another) passphrase then.
    pub fn is_passphrase_problem(&self) -> bool {
        matches!(
            self,
            Self::PassphraseRequired { .. } | Self::WrongPassphrase { .. }
        )
    }

    /// The same error naming `file` as the key's origin (errors about encryption only).
    fn in_file(mut self, file: &Path) -> Self {
        match &mut self {
            Self::PassphraseRequired { path }
            | Self::WrongPassphrase { path }
            | Self::LegacyEncrypted { path }
            | Self::UnsupportedEncryption { path, .. }
            | Self::EncryptedPkcs8 { path, .. } => *path = Some(file.to_owned()),
            _ => {}
        }
        self
    }
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
    /// An encrypted key gives [`KeyError::PassphraseRequired`]; see
    /// [`RsaSigningKey::from_pem_with_passphrase`].
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        Self::from_pem_with_passphrase(pem, None)
    }

    /// Parses PEM text holding a PKCS#1, PKCS#8 or encrypted PKCS#8
    /// (`ENCRYPTED PRIVATE KEY`) RSA key; `passphrase` decrypts the latter and is ignored for
    /// the others.
    ///
    /// Errors: an encrypted key without `passphrase` → [`KeyError::PassphraseRequired`]; a
    /// passphrase that does not decrypt it → [`KeyError::WrongPassphrase`]; OpenSSL's legacy
    /// encryption → [`KeyError::LegacyEncrypted`] (its message holds the conversion command);
    /// an unsupported or too costly scheme → [`KeyError::UnsupportedEncryption`].
    ///
    /// ```
    /// use aggcat_auth::key::{KeyError, RsaSigningKey};
    /// use aggcat_auth::secrecy::SecretString;
    ///
    /// let legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\
    ///               DEK-Info: AES-128-CBC,00000000000000000000000000000000\n\nAAAA\n\
    ///               -----END RSA PRIVATE KEY-----\n";
    /// let passphrase = SecretString::from("correct horse");
    /// let err = RsaSigningKey::from_pem_with_passphrase(legacy, Some(&passphrase)).unwrap_err();
    /// assert!(matches!(err, KeyError::LegacyEncrypted { .. }));
    /// assert!(err.to_string().contains("openssl pkcs8 -topk8"));
    /// ```
    pub fn from_pem_with_passphrase(
        pem: &str,
        passphrase: Option<&SecretString>,
    ) -> Result<Self, KeyError> {
        let (kind, block) = find_key_block(pem)?;
        let secret = SecretString::from(block);
        let block = secret.expose_secret();
        let key = match kind {
            // Legacy OpenSSL encryption: `Proc-Type: 4,ENCRYPTED` + `DEK-Info` headers.
            PemKind::Pkcs1 if block.contains("Proc-Type:") => {
                return Err(KeyError::LegacyEncrypted { path: None });
            }
            PemKind::Pkcs1 => RsaPrivateKey::from_pkcs1_pem(block).map_err(KeyError::Pkcs1)?,
            PemKind::Pkcs8 => RsaPrivateKey::from_pkcs8_pem(block).map_err(KeyError::Pkcs8)?,
            PemKind::EncryptedPkcs8 => match passphrase {
                None => return Err(KeyError::PassphraseRequired { path: None }),
                Some(passphrase) => decrypt_pkcs8(block, passphrase)?,
            },
        };
        Self::from_rsa(key)
    }

    /// Parses PEM text held in a [`SecretString`]. See [`RsaSigningKey::from_pem`].
    pub fn from_pem_secret(pem: &SecretString) -> Result<Self, KeyError> {
        Self::from_pem(pem.expose_secret())
    }

    /// Reads and parses a PEM file. See [`RsaSigningKey::from_pem`].
    pub fn from_pem_file(path: impl AsRef<Path>) -> Result<Self, KeyError> {
        Self::from_pem_file_with_passphrase(path, None)
    }

    /// Reads and parses a PEM file, decrypting an encrypted PKCS#8 key with `passphrase`.
    /// Errors about the encryption name the file. See
    /// [`RsaSigningKey::from_pem_with_passphrase`].
    pub fn from_pem_file_with_passphrase(
        path: impl AsRef<Path>,
        passphrase: Option<&SecretString>,
    ) -> Result<Self, KeyError> {
        let path = path.as_ref();
        let text = read_key_file(path)?;
        Self::from_pem_with_passphrase(text.expose_secret(), passphrase)
            .map_err(|e| e.in_file(path))
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

/// Reads a key file of at most [`MAX_KEY_FILE_BYTES`] (a device such as `/dev/zero` or a
/// huge file named by mistake is refused, not read into memory).
fn read_key_file(path: &Path) -> Result<SecretString, KeyError> {
    use std::io::Read as _;

    let io = |source| KeyError::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut text = String::new();
    file.take(MAX_KEY_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(io)?;
    let text = SecretString::from(text);
    if text.expose_secret().len() as u64 > MAX_KEY_FILE_BYTES {
        return Err(KeyError::FileTooLarge {
            path: path.to_owned(),
        });
    }
    Ok(text)
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
    EncryptedPkcs8,
}

/// Decrypts an `ENCRYPTED PRIVATE KEY` PEM block with `passphrase`, after checking that its
/// scheme is supported and its key derivation affordable.
fn decrypt_pkcs8(block: &str, passphrase: &SecretString) -> Result<RsaPrivateKey, KeyError> {
    use rsa::pkcs8::der::{Decode as _, ErrorKind};
    use rsa::pkcs8::{EncryptedPrivateKeyInfo, PrivateKeyInfo, SecretDocument};

    let structure = |source: rsa::pkcs8::Error| KeyError::EncryptedPkcs8 { source, path: None };
    let unsupported = |detail: String| KeyError::UnsupportedEncryption { detail, path: None };
    // The encrypted document itself is not secret; the decrypted one is (SecretDocument
    // zeroizes it on drop).
    let (_label, document) =
        SecretDocument::from_pem(block).map_err(|e| structure(rsa::pkcs8::Error::Asn1(e)))?;
    let info = match EncryptedPrivateKeyInfo::from_der(document.as_bytes()) {
        Ok(info) => info,
        Err(e) => {
            return Err(match (e.kind(), outer_algorithm(document.as_bytes())) {
                (ErrorKind::OidUnknown { oid }, _) => {
                    unsupported(format!("unknown algorithm {oid}"))
                }
                // A well-formed structure naming a scheme other than PBES2 (e.g. the PKCS#12
                // schemes of `openssl pkcs8 -v1 PBE-SHA1-3DES`).
                (_, Some(oid)) if oid != PBES2_OID => unsupported(scheme_name(oid)),
                _ => structure(rsa::pkcs8::Error::Asn1(e)),
            });
        }
    };
    check_cost(&info.encryption_algorithm).map_err(unsupported)?;
    let decrypted = info
        .decrypt(passphrase.expose_secret().as_bytes())
        .map_err(|e| match e {
            rsa::pkcs8::Error::EncryptedPrivateKey(pkcs5) => match pkcs5 {
                // Bad padding after decryption (pkcs5 0.7 reports it as `EncryptFailed`): the
                // usual outcome of a wrong passphrase.
                rsa::pkcs8::pkcs5::Error::DecryptFailed
                | rsa::pkcs8::pkcs5::Error::EncryptFailed => {
                    KeyError::WrongPassphrase { path: None }
                }
                rsa::pkcs8::pkcs5::Error::UnsupportedAlgorithm { oid } => {
                    unsupported(format!("algorithm {oid}"))
                }
                other => unsupported(other.to_string()),
            },
            // Valid padding by chance, but the plaintext is not DER.
            rsa::pkcs8::Error::Asn1(_) => KeyError::WrongPassphrase { path: None },
            other => structure(other),
        })?;
    // Plaintext that is not a PrivateKeyInfo also means a wrong passphrase (or corruption).
    let info = PrivateKeyInfo::try_from(decrypted.as_bytes())
        .map_err(|_| KeyError::WrongPassphrase { path: None })?;
    RsaPrivateKey::try_from(info).map_err(KeyError::Pkcs8)
}

/// PKCS#5 v2.0 PBES2 (RFC 8018).
const PBES2_OID: rsa::pkcs8::ObjectIdentifier =
    rsa::pkcs8::ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.13");

/// The encryption algorithm of an `EncryptedPrivateKeyInfo` whatever its parameters:
/// `SEQUENCE { SEQUENCE { OID, ANY }, OCTET STRING }`.
fn outer_algorithm(der: &[u8]) -> Option<rsa::pkcs8::ObjectIdentifier> {
    use rsa::pkcs8::der::{Decode as _, Reader as _, SliceReader};
    use rsa::pkcs8::spki::AlgorithmIdentifierRef;

    let mut reader = SliceReader::new(der).ok()?;
    reader
        .sequence(|inner| {
            let algorithm = AlgorithmIdentifierRef::decode(inner)?;
            let rest = inner.remaining_len();
            inner.read_slice(rest)?;
            Ok(algorithm.oid)
        })
        .ok()
}

/// A name for an encryption scheme that is not PBES2, for messages.
fn scheme_name(oid: rsa::pkcs8::ObjectIdentifier) -> String {
    let text = oid.to_string();
    if text.starts_with("1.2.840.113549.1.12.1.") {
        format!("a PKCS#12 password-based scheme ({text}), not supported in PKCS#8 keys")
    } else if text.starts_with("1.2.840.113549.1.5.") {
        format!("PBES1 ({text}), which is obsolete and not supported")
    } else {
        format!("algorithm {text}")
    }
}

/// `Err(what)` when the key-derivation parameters exceed the limits or the scheme is not
/// PBES2.
fn check_cost(scheme: &rsa::pkcs8::pkcs5::EncryptionScheme<'_>) -> Result<(), String> {
    use rsa::pkcs8::pkcs5::pbes2::Kdf;

    let Some(parameters) = scheme.pbes2() else {
        return Err(format!(
            "PBES1 ({}), which is obsolete and not supported",
            scheme.oid()
        ));
    };
    match &parameters.kdf {
        Kdf::Pbkdf2(p) if p.iteration_count > MAX_PBKDF2_ITERATIONS => Err(format!(
            "PBKDF2 with {} iterations, more than the limit of {MAX_PBKDF2_ITERATIONS}",
            p.iteration_count
        )),
        Kdf::Scrypt(p) => {
            let memory = 128u64
                .saturating_mul(u64::from(p.block_size))
                .saturating_mul(p.cost_parameter);
            if memory > MAX_SCRYPT_MEMORY || p.parallelization > MAX_SCRYPT_PARALLELIZATION {
                Err(format!(
                    "scrypt with N = {}, r = {}, p = {}, more than the limits of {} MiB and p = \
                     {MAX_SCRYPT_PARALLELIZATION}",
                    p.cost_parameter,
                    p.block_size,
                    p.parallelization,
                    MAX_SCRYPT_MEMORY / (1024 * 1024)
                ))
            } else {
                Ok(())
            }
        }
        _ => Ok(()),
    }
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
            "ENCRYPTED PRIVATE KEY" => Some(PemKind::EncryptedPkcs8),
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
        let broken_encrypted =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n";
        assert!(matches!(
            RsaSigningKey::from_pem(broken_encrypted),
            Err(KeyError::PassphraseRequired { path: None })
        ));
        assert!(matches!(
            RsaSigningKey::from_pem_with_passphrase(
                broken_encrypted,
                Some(&SecretString::from("pass"))
            ),
            Err(KeyError::EncryptedPkcs8 { .. })
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
            Err(KeyError::LegacyEncrypted { path: None })
        ));
        let err = RsaSigningKey::from_pem_file("/nonexistent/app.key").unwrap_err();
        assert!(matches!(err, KeyError::Io { .. }));
        assert!(err.to_string().contains("/nonexistent/app.key"));
        // An endless device is refused after the limit, not read into memory.
        let err = RsaSigningKey::from_pem_file("/dev/zero").unwrap_err();
        assert!(matches!(err, KeyError::FileTooLarge { .. }), "{err:?}");
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

    fn pbkdf2_params<'a>(
        iterations: u32,
        salt: &'a [u8],
        iv: &'a [u8; 16],
    ) -> rsa::pkcs8::pkcs5::pbes2::Parameters<'a> {
        rsa::pkcs8::pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(iterations, salt, iv).unwrap()
    }

    /// `key` encrypted with `passphrase` (PBKDF2-HMAC-SHA256, 2,048 iterations, AES-256-CBC),
    /// as PEM.
    fn encrypted_pem(key: &RsaPrivateKey, passphrase: &str) -> String {
        let der = key.to_pkcs8_der().unwrap();
        let info = rsa::pkcs8::PrivateKeyInfo::try_from(der.as_bytes()).unwrap();
        let salt = [7u8; 16];
        let iv = [9u8; 16];
        let encrypted = info
            .encrypt_with_params(pbkdf2_params(2048, &salt, &iv), passphrase)
            .unwrap();
        encrypted
            .to_pem("ENCRYPTED PRIVATE KEY", LineEnding::LF)
            .unwrap()
            .to_string()
    }

    #[test]
    fn encrypted_pkcs8_needs_the_right_passphrase() {
        let key = test_key();
        let pem = encrypted_pem(&key, "correct horse");
        assert!(pem.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        let right = SecretString::from("correct horse");
        let loaded = RsaSigningKey::from_pem_with_passphrase(&pem, Some(&right)).unwrap();
        assert_eq!(loaded.public_key(), key.to_public_key());
        let err = RsaSigningKey::from_pem(&pem).unwrap_err();
        assert!(matches!(err, KeyError::PassphraseRequired { .. }));
        assert!(err.is_passphrase_problem());
        assert!(err.to_string().contains("AGGCAT_KEY_PASSPHRASE"), "{err}");
        // Many wrong passphrases: always a typed error, never a panic (a wrong key yields
        // valid padding about once in 256 tries; that case must be caught too).
        for i in 0..300 {
            let wrong = SecretString::from(format!("wrong {i}"));
            let err = RsaSigningKey::from_pem_with_passphrase(&pem, Some(&wrong)).unwrap_err();
            assert!(
                matches!(err, KeyError::WrongPassphrase { path: None }),
                "{i}: {err:?}"
            );
        }
        // A passphrase given for a plain key is not needed and does no harm.
        let plain = key.to_pkcs8_pem(LineEnding::LF).unwrap();
        RsaSigningKey::from_pem_with_passphrase(&plain, Some(&right)).unwrap();
    }

    #[test]
    fn encryption_errors_from_files_name_the_file_and_never_the_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("enc.key");
        std::fs::write(&path, encrypted_pem(&test_key(), "s3cret-passphrase")).unwrap();
        let none = RsaSigningKey::from_pem_file(&path).unwrap_err();
        assert!(
            none.to_string().contains(&*path.to_string_lossy()),
            "{none}"
        );
        let wrong = SecretString::from("not-the-passphrase");
        let err = RsaSigningKey::from_pem_file_with_passphrase(&path, Some(&wrong)).unwrap_err();
        assert!(matches!(&err, KeyError::WrongPassphrase { path: Some(p) } if *p == path));
        let text = format!("{err} {err:?}");
        assert!(
            !text.contains("not-the-passphrase") && !text.contains("s3cret"),
            "{text}"
        );
        let right = SecretString::from("s3cret-passphrase");
        RsaSigningKey::from_pem_file_with_passphrase(&path, Some(&right)).unwrap();
    }

    /// An encrypted key whose parameters are `parameters` (the data is not a real key).
    fn with_parameters(parameters: rsa::pkcs8::pkcs5::pbes2::Parameters<'_>) -> String {
        use rsa::pkcs8::der::EncodePem as _;
        rsa::pkcs8::EncryptedPrivateKeyInfo {
            encryption_algorithm: parameters.into(),
            encrypted_data: &[0u8; 64],
        }
        .to_pem(LineEnding::LF)
        .unwrap()
    }

    #[test]
    fn hostile_key_derivation_costs_are_refused_before_any_work() {
        let passphrase = SecretString::from("x");
        let salt = [1u8; 16];
        let iv = [2u8; 16];
        let pem = with_parameters(pbkdf2_params(50_000_000, &salt, &iv));
        let err = RsaSigningKey::from_pem_with_passphrase(&pem, Some(&passphrase)).unwrap_err();
        assert!(
            matches!(&err, KeyError::UnsupportedEncryption { detail, .. } if detail.contains("50000000 iterations")),
            "{err:?}"
        );
        // scrypt asking for 128 · 8 · 2^30 bytes = 128 GiB.
        let params = rsa::pkcs8::pkcs5::scrypt::Params::new(30, 8, 1, 32).unwrap();
        let parameters =
            rsa::pkcs8::pkcs5::pbes2::Parameters::scrypt_aes256cbc(params, &salt, &iv).unwrap();
        let err = RsaSigningKey::from_pem_with_passphrase(
            &with_parameters(parameters),
            Some(&passphrase),
        )
        .unwrap_err();
        assert!(
            matches!(&err, KeyError::UnsupportedEncryption { detail, .. } if detail.contains("scrypt")),
            "{err:?}"
        );
        assert!(err.to_string().contains("openssl pkcs8 -topk8"), "{err}");
    }

    #[test]
    fn pbes1_is_refused_as_obsolete() {
        use rsa::pkcs8::der::EncodePem as _;
        use rsa::pkcs8::pkcs5::pbes1;
        let scheme = rsa::pkcs8::pkcs5::EncryptionScheme::Pbes1(pbes1::Algorithm {
            encryption: pbes1::EncryptionScheme::PbeWithMd5AndDesCbc,
            parameters: pbes1::Parameters {
                salt: [3u8; 8],
                iteration_count: 2048,
            },
        });
        let pem = rsa::pkcs8::EncryptedPrivateKeyInfo {
            encryption_algorithm: scheme,
            encrypted_data: &[0u8; 64],
        }
        .to_pem(LineEnding::LF)
        .unwrap();
        let passphrase = SecretString::from("x");
        let err = RsaSigningKey::from_pem_with_passphrase(&pem, Some(&passphrase)).unwrap_err();
        assert!(
            matches!(&err, KeyError::UnsupportedEncryption { detail, .. } if detail.contains("PBES1")),
            "{err:?}"
        );
    }
}
