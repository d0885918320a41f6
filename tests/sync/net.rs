//! Live sync over real sockets, on 127.0.0.1 only and bounded in time.
//!
//! - In the room: two real `rapporteur` processes (`serve` on port 0, `join` with the code)
//!   through a recording TCP proxy: notes added with `rapporteur note` on either side appear on
//!   the other, and the recorded bytes never contain the notes' plaintext. A wrong code is
//!   refused with a clear error on both sides and nothing is applied.
//! - Past the room: interop with the reference y-websocket server from npm
//!   (`y-websocket@1.5.4`) and a plain Node Yjs client (`tests/relay/client.js`). Without npm
//!   the test fails under `CI` and is skipped with a reason otherwise.

use crate::net_support;

use net_support::relay::{node_client, relay_or_skip, start_relay};
use net_support::{contains, demo_event, ok, recording_proxy, run, wait_for_notes, Proc, WAIT};
use serde_json::Value;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

#[test]
fn host_and_joiner_sync_notes_encrypted_and_a_wrong_code_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        dir.path().join("a.db"),
        dir.path().join("b.db"),
        dir.path().join("c.db"),
    );
    let event = ok(&a, &["demo"]).trim().to_string();
    let host = Proc::start(&a, &["serve", "--event", &event, "--listen", "127.0.0.1:0"]);
    let addr = host.line("listening on");
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    let code = host.line("join code:");
    let (port, wire) = recording_proxy(addr.clone());

    let joiner = Proc::start(&b, &["join", &format!("127.0.0.1:{port}"), "--code", &code]);
    assert_eq!(
        joiner.line("joined"),
        format!("127.0.0.1:{port}: event {event}")
    );

    let from_host = "The quorum of zebras endorsed the plan unanimously.";
    ok(
        &a,
        &["note", "1.1", "--append", from_host, "--event", &event],
    );
    wait_for_notes(&b, "1.1", &event, from_host);
    let from_joiner = "Xylophone delegates asked for a later deadline.";
    ok(
        &b,
        &["note", "1.1", "--append", from_joiner, "--event", &event],
    );
    let on_host = wait_for_notes(&a, "1.1", &event, from_joiner);
    assert!(on_host.contains(from_host));
    assert_eq!(on_host, wait_for_notes(&b, "1.1", &event, from_joiner));

    // A second joiner: the host relays between joiners (and brings it up to date).
    let d = dir.path().join("d.db");
    let second = Proc::start(&d, &["join", &addr, "--code", &code]);
    second.line("joined");
    wait_for_notes(&d, "1.1", &event, from_joiner);
    let from_second = "Quokka observers welcomed the compromise.";
    ok(
        &d,
        &["note", "1.1", "--append", from_second, "--event", &event],
    );
    wait_for_notes(&b, "1.1", &event, from_second);
    wait_for_notes(&a, "1.1", &event, from_second);

    let bytes = wire.lock().unwrap().clone();
    assert!(
        bytes.len() > 1000,
        "the proxy saw the sync ({} bytes)",
        bytes.len()
    );
    for secret in [
        from_host,
        from_joiner,
        "quorum of zebras",
        "Xylophone",
        "GMG",
    ] {
        assert!(
            !contains(&bytes, secret),
            "{secret:?} travelled in plaintext"
        );
    }

    // A wrong (well-formed) code: refused on both sides, nothing applied.
    let wrong = if code.starts_with('A') {
        "BBBBB-BBBBB-BBBBB-BBBBB-BBBBBA"
    } else {
        "AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA"
    };
    let mut bad = Proc::start(&c, &["join", &addr, "--code", wrong]);
    assert!(!bad.wait().success());
    assert!(
        bad.stderr().contains("the join code did not match"),
        "joiner: {}",
        bad.stderr()
    );
    let end = Instant::now() + WAIT;
    while !host.stderr().contains("the join code did not match") {
        assert!(Instant::now() < end, "host: {}", host.stderr());
        thread::sleep(Duration::from_millis(50));
    }
    let events: Value = serde_json::from_str(&ok(&c, &["events", "--json"])).unwrap();
    assert_eq!(events, Value::Array(vec![]), "nothing was applied");
    // The real joiner is still in sync afterwards.
    let later = "Afterwards the giraffe caucus adjourned.";
    ok(&a, &["note", "1.1", "--append", later, "--event", &event]);
    wait_for_notes(&b, "1.1", &event, later);
}

#[test]
fn a_malformed_frame_or_a_silent_peer_is_dropped_by_the_host() {
    use rapporteur::sync::transport::{code::JoinCode, secure};
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    let event = ok(&a, &["demo"]).trim().to_string();
    let host = Proc::start(&a, &["serve", "--event", &event, "--listen", "127.0.0.1:0"]);
    let addr = host.line("listening on");
    let code = JoinCode::parse(&host.line("join code:")).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let tcp = tokio::net::TcpStream::connect(&addr).await.unwrap();
        let (mut r, mut w) = secure::initiate(tcp, &code, &addr).await.unwrap();
        let hello = r.recv().await.unwrap().unwrap();
        assert!(String::from_utf8_lossy(&hello).contains(&event));
        w.send(br#"{"v":1,"device":"abc123"}"#).await.unwrap();
        w.send(&[0xff, 0xff, 0xff, 0x07]).await.unwrap();
        let closed =
            tokio::time::timeout(WAIT, async { while let Ok(Some(_)) = r.recv().await {} });
        closed.await.expect("the host closed the connection");
        // A peer that never completes the handshake is dropped after the handshake time-out.
        let _silent = tokio::net::TcpStream::connect(&addr).await.unwrap();
        let end = Instant::now() + WAIT;
        while !host.stderr().contains("while the secure handshake") {
            assert!(Instant::now() < end, "host: {}", host.stderr());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    assert!(
        host.stderr().contains("malformed sync frame"),
        "{}",
        host.stderr()
    );
    let events = ok(&a, &["events"]);
    assert!(events.contains("GMG"), "the host still works: {events}");
}

#[test]
fn a_code_that_is_not_a_code_is_refused_before_connecting() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(
        &dir.path().join("x.db"),
        &["join", "127.0.0.1:9", "--code", "hello"],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not a join code"));
    let o = run(
        &dir.path().join("x.db"),
        &[
            "sync",
            "--relay",
            "http://127.0.0.1:9",
            "--once",
            "--event",
            "ab",
        ],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("is not a relay URL: it must start with ws:// or wss://"),
        "{err}"
    );
}

#[test]
fn relay_interop_with_the_reference_y_websocket_server_and_a_plain_yjs_client() {
    let Some(dir) = relay_or_skip("the relay interop test") else {
        return;
    };
    let (port, _server) = start_relay(&dir);
    let url = format!("ws://127.0.0.1:{port}");
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a.db"), tmp.path().join("b.db"));
    let (event, session) = demo_event(&a, 0);
    let sync = |db: &Path| ok(db, &["sync", "--relay", &url, "--once", "--event", &event]);

    ok(
        &a,
        &[
            "note",
            &session,
            "--append",
            "Alpha from the host.",
            "--event",
            &event,
        ],
    );
    let report = sync(&a);
    assert!(report.contains("synced"), "{report}");
    // B starts empty and fetches the whole event by id.
    sync(&b);
    assert!(wait_for_notes(&b, &session, &event, "Alpha").contains("Alpha from the host."));
    ok(
        &b,
        &[
            "note",
            &session,
            "--append",
            "Beta from the second laptop.",
            "--event",
            &event,
        ],
    );
    sync(&b);
    let room = format!("{event}/{session}");
    let seen = node_client(&dir, &url, &room, Some("Gamma from a plain Yjs client."));
    assert!(
        seen.contains("Alpha") && seen.contains("Beta") && seen.contains("Gamma"),
        "{seen}"
    );
    sync(&a);
    sync(&b);
    let final_js = node_client(&dir, &url, &room, None);
    let on_a = ok(&a, &["notes", &session, "--event", &event]);
    let on_b = ok(&b, &["notes", &session, "--event", &event]);
    assert_eq!(on_a, on_b);
    assert_eq!(on_a.trim_end(), final_js.trim_end());
    for p in [
        "Alpha from the host.",
        "Beta from the second laptop.",
        "Gamma from a plain Yjs client.",
    ] {
        assert!(on_a.contains(p), "{p:?} missing: {on_a}");
    }
}
