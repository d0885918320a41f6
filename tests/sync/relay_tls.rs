//! `rapporteur sync --relay wss://…`: a relay behind TLS, as organisations run them. The test
//! makes its own CA and a server certificate for `localhost`/127.0.0.1 (rcgen), and puts a
//! TLS-terminating TCP proxy (tokio-rustls) in front of the reference y-websocket relay from
//! npm, so one room is reached both as `wss://` (through the proxy) and as `ws://` (directly).
//! Checked: a `wss://` peer trusting the CA (`--ca` or `RAPPORTEUR_RELAY_CA`) converges with
//! a `ws://` peer and a plain Yjs client; without the CA the relay is refused as not trusted,
//! at once and with nothing written; a malformed CA file is refused by name. Needs npm (see
//! tests/sync/net.rs).

use crate::net_support;

use net_support::relay::{node_client, relay_or_skip, start_relay};
use net_support::{demo_event, ok, run, run_env, wait_for_notes, Proc};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

/// A CA made for the test and a TLS endpoint on 127.0.0.1 that presents a certificate it
/// signed (for `localhost` and 127.0.0.1) and forwards the decrypted bytes to a TCP port.
struct TlsFront {
    port: u16,
    /// The CA certificate, PEM, written to a file.
    ca_file: PathBuf,
    /// Handshakes that completed, and those that failed (the client refused the certificate).
    accepted: Arc<AtomicUsize>,
    refused: Arc<AtomicUsize>,
}

fn tls_front(dir: &Path, backend_port: u16) -> TlsFront {
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "Rapporteur test CA");
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca_cert = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);

    let leaf_key = KeyPair::generate().unwrap();
    let mut leaf = CertificateParams::new(vec!["localhost".into(), "127.0.0.1".into()]).unwrap();
    leaf.distinguished_name
        .push(DnType::CommonName, "relay.localhost");
    leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let leaf_cert = leaf.signed_by(&leaf_key, &issuer).unwrap();

    let ca_file = dir.join("org-ca.pem");
    std::fs::write(&ca_file, ca_cert.pem()).unwrap();

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![
                leaf_cert.der().clone(),
                CertificateDer::from(ca_cert.der().to_vec()),
            ],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der())),
        )
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let (accepted, refused) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (ok_count, bad_count) = (accepted.clone(), refused.clone());
    thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            while let Ok((client, _)) = listener.accept().await {
                let acceptor = acceptor.clone();
                let (ok_count, bad_count) = (ok_count.clone(), bad_count.clone());
                tokio::spawn(async move {
                    let mut tls = match acceptor.accept(client).await {
                        Ok(tls) => tls,
                        Err(_) => {
                            bad_count.fetch_add(1, Ordering::SeqCst);
                            return;
                        }
                    };
                    ok_count.fetch_add(1, Ordering::SeqCst);
                    let Ok(mut relay) =
                        tokio::net::TcpStream::connect(("127.0.0.1", backend_port)).await
                    else {
                        return;
                    };
                    // Ends when either side closes; the relay test checks what arrived.
                    let _ = tokio::io::copy_bidirectional(&mut tls, &mut relay).await;
                });
            }
        });
    });
    TlsFront {
        port,
        ca_file,
        accepted,
        refused,
    }
}

/// The demo event in `db` and the id of its first session.
fn note(db: &Path, event: &str, session: &str, text: &str) {
    ok(db, &["note", session, "--append", text, "--event", event]);
}

/// The reference relay with a TLS front made for the test, a temporary folder, and the URLs of
/// both ways in; `None` (skipped) where the relay cannot be installed.
struct Setup {
    dir: std::path::PathBuf,
    _relay: net_support::relay::Killed,
    tmp: tempfile::TempDir,
    front: TlsFront,
    wss: String,
    ws: String,
}

fn setup() -> Option<Setup> {
    let dir = relay_or_skip("the wss:// relay test")?;
    let (relay_port, relay) = start_relay(&dir);
    let tmp = tempfile::tempdir().unwrap();
    let front = tls_front(tmp.path(), relay_port);
    Some(Setup {
        dir,
        _relay: relay,
        wss: format!("wss://localhost:{}", front.port),
        ws: format!("ws://127.0.0.1:{relay_port}"),
        tmp,
        front,
    })
}

#[test]
fn a_wss_peer_converges_with_a_ws_peer_through_the_same_room() {
    let Some(setup) = setup() else {
        return;
    };
    let Setup {
        dir,
        tmp,
        front,
        wss,
        ws,
        ..
    } = &setup;
    let (a, b) = (tmp.path().join("a.db"), tmp.path().join("b.db"));
    let (event, session) = demo_event(&a, 0);
    let ca = front.ca_file.to_str().unwrap();

    note(&a, &event, &session, "Alpha over TLS.");
    let report = ok(
        &a,
        &[
            "sync", "--relay", wss, "--ca", ca, "--once", "--event", &event,
        ],
    );
    assert!(
        report.contains("synced") && report.contains(wss.as_str()),
        "{report}"
    );
    assert!(front.accepted.load(Ordering::SeqCst) >= 1);

    // B uses the relay directly, in plain ws://, and starts empty.
    ok(&b, &["sync", "--relay", ws, "--once", "--event", &event]);
    assert!(wait_for_notes(&b, &session, &event, "Alpha").contains("Alpha over TLS."));
    note(&b, &event, &session, "Beta over plain ws.");
    ok(&b, &["sync", "--relay", ws, "--once", "--event", &event]);

    // A again over TLS, the CA now from the environment.
    let o = run_env(
        &a,
        &["sync", "--relay", wss, "--once", "--event", &event],
        &[("RAPPORTEUR_RELAY_CA", &front.ca_file)],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let on_a = wait_for_notes(&a, &session, &event, "Beta over plain ws.");
    let on_b = ok(&b, &["notes", &session, "--event", &event]);
    assert_eq!(on_a, on_b);
    let room = format!("{event}/{session}");
    let seen = node_client(dir, ws, &room, None);
    assert_eq!(seen.trim_end(), on_a.trim_end());
    assert_eq!(front.refused.load(Ordering::SeqCst), 0);
}

#[test]
fn a_relay_certificate_that_is_not_trusted_is_refused_and_nothing_is_written() {
    let Some(setup) = setup() else {
        return;
    };
    let Setup {
        tmp,
        front,
        wss,
        ws,
        ..
    } = &setup;
    let (a, c) = (tmp.path().join("a.db"), tmp.path().join("c.db"));
    let (event, session) = demo_event(&a, 0);
    note(&a, &event, &session, "Only for those who trust the CA.");
    ok(&a, &["sync", "--relay", ws, "--once", "--event", &event]);

    // C trusts only the system's roots, which do not include the test's CA.
    let events_before = ok(&c, &["events"]);
    let o = run(&c, &["sync", "--relay", wss, "--once", "--event", &event]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{err}");
    assert!(
        err.contains(&format!("localhost:{}", front.port))
            && err.contains("certificate is not trusted")
            && err.contains("nothing was exchanged"),
        "{err}"
    );
    assert_eq!(ok(&c, &["events"]), events_before, "nothing was written");
    assert!(!events_before.contains(&event));
    assert!(front.refused.load(Ordering::SeqCst) >= 1);
    assert_eq!(front.accepted.load(Ordering::SeqCst), 0);

    // Long-running, it is final too: no reconnecting to a relay that cannot be trusted.
    let mut syncing = Proc::start(&c, &["sync", "--relay", wss, "--event", &event]);
    let status = syncing.wait();
    assert!(!status.success());
    let err = syncing.stderr();
    assert!(err.contains("certificate is not trusted"), "{err}");
    assert!(!err.contains("reconnecting"), "{err}");
    assert_eq!(ok(&c, &["events"]), events_before);

    // The same URL with the CA works: the refusal was the certificate, nothing else.
    let ca = front.ca_file.to_str().unwrap();
    ok(
        &c,
        &[
            "sync", "--relay", wss, "--ca", ca, "--once", "--event", &event,
        ],
    );
    assert!(wait_for_notes(&c, &session, &event, "Only for those").contains("trust the CA"));
}

#[test]
fn a_malformed_ca_file_is_refused_by_name_before_connecting() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("x.db");
    let bad = tmp.path().join("not-a-ca.pem");
    std::fs::write(
        &bad,
        "-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    let junk = tmp.path().join("no-certificate.pem");
    std::fs::write(&junk, "just some text\n").unwrap();
    let missing = tmp.path().join("missing.pem");
    // Port 9 (discard): nothing listens, so any attempt to connect would fail differently.
    let args = [
        "sync",
        "--relay",
        "wss://localhost:9",
        "--once",
        "--event",
        "ab",
    ];
    for (file, reason) in [
        (&bad, "not valid PEM"),
        (&junk, "no certificate in it"),
        (&missing, "cannot be read"),
    ] {
        let mut with_flag = args.to_vec();
        with_flag.extend(["--ca", file.to_str().unwrap()]);
        for o in [
            run(&db, &with_flag),
            run_env(&db, &args, &[("RAPPORTEUR_RELAY_CA", file)]),
        ] {
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(!o.status.success(), "{err}");
            assert!(
                err.contains(&file.display().to_string())
                    && err.contains("not a usable CA certificate file")
                    && err.contains(reason),
                "{err}"
            );
        }
    }
}
