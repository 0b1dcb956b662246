//! Encrypted private keys as real tools write them: `openssl pkcs8 -topk8` with the schemes
//! OpenSSL 3 and older releases use, OpenSSL's legacy `Proc-Type: 4,ENCRYPTED` PEM (refused
//! with a conversion command that this test runs to prove it right), and a key encrypted by
//! the `pkcs8` crate that `openssl` decrypts.
//!
//! `openssl` must be installed (`apt-get install openssl`); the tests fail with that command
//! when it is not.

use std::path::{Path, PathBuf};
use std::process::Command;

use aggcat_auth::key::{KeyError, LEGACY_CONVERSION_COMMAND, RsaSigningKey};
use aggcat_auth::secrecy::SecretString;
use rsa::RsaPrivateKey;
use rsa::pkcs8::{EncodePrivateKey as _, LineEnding};
use rsa::traits::PublicKeyParts as _;

const OPENSSL: &str = "openssl";
const PASSPHRASE: &str = "correct horse battery staple";

/// Runs `openssl ARGS`; panics with its output when it fails, or with the install command
/// when it cannot be started.
fn openssl(args: &[&str]) -> String {
    let output = Command::new(OPENSSL)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `{OPENSSL}` ({e}); it is required for this test: install it with \
             `apt-get install openssl` (Debian/Ubuntu)"
            )
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "openssl {} failed:\n{text}",
        args.join(" ")
    );
    text
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temporary path")
}

/// A fresh 1024-bit key written as a plain PKCS#8 PEM file in `dir`.
fn plain_key(dir: &Path) -> (RsaPrivateKey, PathBuf) {
    let key = RsaPrivateKey::new(&mut rand::thread_rng(), 1024).expect("keygen");
    let path = dir.join("plain.key");
    std::fs::write(&path, key.to_pkcs8_pem(LineEnding::LF).unwrap().as_bytes()).unwrap();
    (key, path)
}

/// `openssl pkcs8 -topk8 EXTRA…` of `plain` into `dir/NAME`, encrypted with [`PASSPHRASE`].
fn topk8(plain: &Path, dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let pass = format!("pass:{PASSPHRASE}");
    let mut args = vec![
        "pkcs8",
        "-topk8",
        "-in",
        path_str(plain),
        "-out",
        path_str(&out),
    ];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["-passout", &pass]);
    openssl(&args);
    out
}

fn load(path: &Path, passphrase: Option<&str>) -> Result<RsaSigningKey, KeyError> {
    let passphrase = passphrase.map(|p| SecretString::from(p.to_owned()));
    RsaSigningKey::from_pem_file_with_passphrase(path, passphrase.as_ref())
}

#[test]
fn openssl_encrypted_pkcs8_keys_load_with_the_right_passphrase_only() {
    let dir = tempfile::tempdir().unwrap();
    let (key, plain) = plain_key(dir.path());
    let cases: [(&str, &[&str]); 4] = [
        // OpenSSL 3's default, written explicitly.
        ("aes256.key", &["-v2", "aes-256-cbc"]),
        // What OpenSSL 1.0 wrote for `-v2 aes-128-cbc` (PBKDF2 with HMAC-SHA1).
        (
            "aes128-sha1.key",
            &["-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1"],
        ),
        // Triple DES, as in older how-tos.
        ("des3.key", &["-v2", "des3"]),
        // scrypt key derivation.
        (
            "scrypt.key",
            &[
                "-scrypt",
                "-scrypt_N",
                "1024",
                "-scrypt_r",
                "8",
                "-scrypt_p",
                "1",
            ],
        ),
    ];
    for (name, extra) in cases {
        let encrypted = topk8(&plain, dir.path(), name, extra);
        let text = std::fs::read_to_string(&encrypted).unwrap();
        assert!(
            text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"),
            "{name}: {text}"
        );

        let loaded = load(&encrypted, Some(PASSPHRASE)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(loaded.public_key(), key.to_public_key(), "{name}");
        assert_eq!(loaded.bits(), 1024);

        let missing = load(&encrypted, None).unwrap_err();
        assert!(
            matches!(&missing, KeyError::PassphraseRequired { path: Some(p) } if *p == encrypted),
            "{name}: {missing:?}"
        );
        let wrong = load(&encrypted, Some("Correct horse battery staple")).unwrap_err();
        assert!(
            matches!(&wrong, KeyError::WrongPassphrase { path: Some(p) } if *p == encrypted),
            "{name}: {wrong:?}"
        );
        assert!(wrong.to_string().contains(name), "{wrong}");
        let empty = load(&encrypted, Some("")).unwrap_err();
        assert!(
            matches!(empty, KeyError::WrongPassphrase { .. }),
            "{name}: {empty:?}"
        );
    }
}

#[test]
fn pkcs12_scheme_keys_are_refused_with_the_re_encryption_command() {
    let dir = tempfile::tempdir().unwrap();
    let (_, plain) = plain_key(dir.path());
    let old = topk8(&plain, dir.path(), "pbes1.key", &["-v1", "PBE-SHA1-3DES"]);
    let err = load(&old, Some(PASSPHRASE)).unwrap_err();
    assert!(
        matches!(&err, KeyError::UnsupportedEncryption { detail, .. } if detail.contains("PKCS#12")),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("openssl pkcs8 -topk8 -v2 aes-256-cbc"),
        "{err}"
    );
}

#[test]
fn legacy_encrypted_pkcs1_is_refused_with_a_command_that_converts_it() {
    let dir = tempfile::tempdir().unwrap();
    let (key, plain) = plain_key(dir.path());
    let old = dir.path().join("old.key");
    openssl(&[
        "rsa",
        "-in",
        path_str(&plain),
        "-traditional",
        "-aes128",
        "-passout",
        "pass:old passphrase",
        "-out",
        path_str(&old),
    ]);
    let text = std::fs::read_to_string(&old).unwrap();
    assert!(
        text.starts_with("-----BEGIN RSA PRIVATE KEY-----")
            && text.contains("Proc-Type: 4,ENCRYPTED"),
        "{text}"
    );

    let err = load(&old, Some("old passphrase")).unwrap_err();
    assert!(
        matches!(&err, KeyError::LegacyEncrypted { path: Some(p) } if *p == old),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains(LEGACY_CONVERSION_COMMAND), "{message}");
    assert!(message.contains("old.key"), "{message}");

    // The advertised command, run as printed (in the key's directory, passphrases given on
    // the command line instead of at the prompts), produces a key that loads.
    let mut args: Vec<&str> = LEGACY_CONVERSION_COMMAND.split(' ').collect();
    assert_eq!(args.remove(0), OPENSSL);
    let output = Command::new(OPENSSL)
        .args(&args)
        .args([
            "-passin",
            "pass:old passphrase",
            "-passout",
            "pass:new passphrase",
        ])
        .current_dir(dir.path())
        .output()
        .expect("openssl runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let converted = dir.path().join("new.key");
    let loaded = load(&converted, Some("new passphrase")).unwrap();
    assert_eq!(loaded.public_key(), key.to_public_key());
}

#[test]
fn keys_encrypted_by_the_pkcs8_crate_are_read_by_openssl_and_by_us() {
    let dir = tempfile::tempdir().unwrap();
    let key = RsaPrivateKey::new(&mut rand::thread_rng(), 1024).expect("keygen");
    let der = key.to_pkcs8_der().unwrap();
    let info = rsa::pkcs8::PrivateKeyInfo::try_from(der.as_bytes()).unwrap();
    let (salt, iv) = (rand::random::<[u8; 16]>(), rand::random::<[u8; 16]>());
    let parameters =
        rsa::pkcs8::pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(4096, &salt, &iv).unwrap();
    let encrypted = info
        .encrypt_with_params(parameters, PASSPHRASE)
        .unwrap()
        .to_pem("ENCRYPTED PRIVATE KEY", LineEnding::LF)
        .unwrap();
    let path = dir.path().join("ours.key");
    std::fs::write(&path, encrypted.as_bytes()).unwrap();

    // openssl decrypts it to the same modulus.
    let pass = format!("pass:{PASSPHRASE}");
    let modulus = openssl(&[
        "rsa",
        "-in",
        path_str(&path),
        "-passin",
        &pass,
        "-noout",
        "-modulus",
    ]);
    let hex = modulus
        .trim()
        .strip_prefix("Modulus=")
        .expect("modulus line");
    let expected: String = key
        .n()
        .to_bytes_be()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    assert_eq!(hex, expected);

    let loaded = load(&path, Some(PASSPHRASE)).unwrap();
    assert_eq!(loaded.public_key(), key.to_public_key());
}
