//! TLS for `wss://` relays (organisations run their y-websocket relay behind TLS). The client
//! configuration is built here, once per [`RelayTarget`](super::relay::RelayTarget): rustls
//! with the *ring* provider (aws-lc-rs would need cmake and more to build), trusting the
//! operating system's root certificates plus, optionally, one PEM file of an organisation's
//! own CA (`--ca FILE` / `RAPPORTEUR_RELAY_CA`). Verification is never turned off: a relay
//! whose certificate does not verify is refused before any document byte is exchanged, with
//! an error naming the host and why ([`handshake_error`]).

use super::NetError;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;
use rustls::{CertificateError, ClientConfig, RootCertStore};
use std::path::Path;
use std::sync::Arc;
use tokio_tungstenite::tungstenite;

/// The client configuration for a `wss://` relay at `host` (`HOST:PORT`, for errors): the
/// system's roots, and the certificates of `extra_ca` (PEM) when given.
pub fn client_config(host: &str, extra_ca: Option<&Path>) -> Result<Arc<ClientConfig>, NetError> {
    let mut roots = RootCertStore::empty();
    let native = rustls_native_certs::load_native_certs();
    let (_, ignored) = roots.add_parsable_certificates(native.certs);
    let mut problems: Vec<String> = native.errors.iter().map(ToString::to_string).collect();
    if ignored > 0 {
        problems.push(format!("{ignored} system certificates could not be parsed"));
    }
    if let Some(path) = extra_ca {
        for cert in read_ca_file(path)? {
            roots.add(cert).map_err(|e| NetError::BadCa {
                path: path.to_path_buf(),
                reason: format!("a certificate in it is not usable as a CA: {e}"),
            })?;
        }
    }
    if roots.is_empty() {
        let why = if problems.is_empty() {
            String::new()
        } else {
            format!(" ({})", problems.join("; "))
        };
        return Err(NetError::Tls {
            host: host.into(),
            reason: format!(
                "no trusted root certificates: none could be read from this system{why}; \
                 install the system's CA certificates or give the relay's CA with --ca FILE"
            ),
        });
    }
    if !problems.is_empty() {
        eprintln!(
            "rapporteur: some of the system's root certificates were not loaded: {}",
            problems.join("; ")
        );
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| NetError::Tls {
            host: host.into(),
            reason: format!("TLS could not be set up: {e}"),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// The certificates of a PEM file; an error naming the file if it cannot be read, is not
/// PEM, or holds no certificate.
pub fn read_ca_file(path: &Path) -> Result<Vec<CertificateDer<'static>>, NetError> {
    let bad = |reason: String| NetError::BadCa {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| bad(format!("cannot be read: {e}")))?;
    let certs = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad(format!("not valid PEM: {e}")))?;
    if certs.is_empty() {
        return Err(bad(
            "no certificate in it (expected PEM: -----BEGIN CERTIFICATE-----)".into(),
        ));
    }
    Ok(certs)
}

/// The error of a failed TLS handshake with `host`, when `e` is one (the relay's certificate
/// did not verify, or the two sides could not agree); `None` for every other error, which
/// the caller reports (and may retry) as before.
pub fn handshake_error(host: &str, e: &tungstenite::Error) -> Option<NetError> {
    let rustls_error = match e {
        tungstenite::Error::Tls(tungstenite::error::TlsError::Rustls(r)) => Some(&**r),
        tungstenite::Error::Tls(tungstenite::error::TlsError::InvalidDnsName) => {
            return Some(NetError::Tls {
                host: host.into(),
                reason: "the host is not a valid DNS name or IP address for TLS".into(),
            })
        }
        // tokio-rustls reports handshake failures as I/O errors carrying the rustls error.
        tungstenite::Error::Io(io) => io
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<rustls::Error>()),
        _ => None,
    }?;
    Some(NetError::Tls {
        host: host.into(),
        reason: describe(rustls_error),
    })
}

/// A person's reading of a rustls error.
fn describe(e: &rustls::Error) -> String {
    let rustls::Error::InvalidCertificate(cert) = e else {
        return format!("the TLS handshake failed: {e}");
    };
    let why = match cert {
        CertificateError::UnknownIssuer => "it was issued by an authority that is not among \
             the trusted roots (for an organisation's own CA, give its certificate with \
             --ca FILE or RAPPORTEUR_RELAY_CA)"
            .to_string(),
        CertificateError::NotValidForName => "it is not valid for this host name".to_string(),
        CertificateError::NotValidForNameContext { presented, .. } => {
            format!(
                "it is not valid for this host name (it names {})",
                presented.join(", ")
            )
        }
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            "it has expired".to_string()
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            "it is not valid yet (check this computer's clock)".to_string()
        }
        CertificateError::Revoked => "it has been revoked".to_string(),
        other => format!("{other:?}"),
    };
    format!("the relay's certificate is not trusted: {why}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error as IoError, ErrorKind};

    fn io_wrapped(e: rustls::Error) -> tungstenite::Error {
        tungstenite::Error::Io(IoError::new(ErrorKind::InvalidData, e))
    }

    #[test]
    fn an_unknown_issuer_reads_as_not_trusted_and_names_the_host() {
        let e = io_wrapped(rustls::Error::InvalidCertificate(
            CertificateError::UnknownIssuer,
        ));
        let msg = handshake_error("relay.example.org:443", &e)
            .expect("a TLS error")
            .to_string();
        assert!(msg.starts_with("relay.example.org:443: "), "{msg}");
        assert!(msg.contains("certificate is not trusted"), "{msg}");
        assert!(msg.contains("--ca FILE"), "{msg}");
        assert!(msg.contains("nothing was exchanged"), "{msg}");
    }

    #[test]
    fn other_failures_are_not_taken_for_tls_errors() {
        let refused = tungstenite::Error::Io(IoError::new(ErrorKind::ConnectionRefused, "no"));
        assert!(handshake_error("h:1", &refused).is_none());
        assert!(handshake_error("h:1", &tungstenite::Error::ConnectionClosed).is_none());
        let alert = io_wrapped(rustls::Error::AlertReceived(
            rustls::AlertDescription::HandshakeFailure,
        ));
        let msg = handshake_error("h:1", &alert).unwrap().to_string();
        assert!(msg.contains("the TLS handshake failed"), "{msg}");
    }

    #[test]
    fn a_ca_file_that_is_not_pem_or_holds_no_certificate_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            (
                "garbage.pem",
                &b"this is not a certificate\n"[..],
                "no certificate in it",
            ),
            (
                "broken.pem",
                &b"-----BEGIN CERTIFICATE-----\n@@@not base64@@@\n-----END CERTIFICATE-----\n"[..],
                "not valid PEM",
            ),
        ];
        for (name, body, want) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, body).unwrap();
            let msg = read_ca_file(&path).unwrap_err().to_string();
            assert!(msg.contains(name) && msg.contains(want), "{name}: {msg}");
        }
        let missing = dir.path().join("missing.pem");
        let msg = read_ca_file(&missing).unwrap_err().to_string();
        assert!(
            msg.contains("missing.pem") && msg.contains("cannot be read"),
            "{msg}"
        );
    }

    #[test]
    fn pem_that_is_not_a_certificate_is_refused_when_added() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("junk-der.pem");
        // Valid PEM framing around bytes that are no X.509 certificate.
        std::fs::write(
            &path,
            "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let msg = client_config("h:1", Some(&path)).unwrap_err().to_string();
        assert!(
            msg.contains("junk-der.pem") && msg.contains("not usable as a CA"),
            "{msg}"
        );
    }
}
