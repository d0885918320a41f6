//! A long-running `rapporteur sync --relay` survives the relay going away: the reference
//! y-websocket server is stopped mid-session and started again (empty: it keeps documents in
//! memory only); the edits made while it was down, and what it lost, reach a plain Node Yjs
//! client afterwards, and the client's edits reach the app. Needs npm (see tests/sync/net.rs).

use crate::net_support;

use net_support::relay::{node_client, relay_or_skip, start_relay, start_relay_on};
use net_support::{demo_event, ok, wait_for_notes, Proc, WAIT};
use std::thread;
use std::time::{Duration, Instant};

#[test]
fn a_relay_that_restarts_gets_what_it_missed_and_lost() {
    let Some(dir) = relay_or_skip("the relay reconnect test") else {
        return;
    };
    let (port, server) = start_relay(&dir);
    let url = format!("ws://127.0.0.1:{port}");
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.db");
    let (event, session) = demo_event(&a, 0);
    let room = format!("{event}/{session}");
    let note = |text: &str| ok(&a, &["note", &session, "--append", text, "--event", &event]);
    // Until the Node client sees every one of `needles` in the room.
    let client_sees = |needles: &[&str], write: Option<&str>| {
        let end = Instant::now() + WAIT;
        loop {
            let seen = node_client(&dir, &url, &room, write);
            if needles.iter().all(|n| seen.contains(n)) {
                return seen;
            }
            assert!(
                Instant::now() < end,
                "the client never saw {needles:?}: {seen}"
            );
            thread::sleep(Duration::from_millis(300));
        }
    };

    note("Before the outage.");
    let syncing = Proc::start(&a, &["sync", "--relay", &url, "--event", &event]);
    client_sees(&["Before the outage."], None);

    drop(server);
    let end = Instant::now() + WAIT;
    while !syncing.stderr().contains("reconnecting in") {
        assert!(Instant::now() < end, "no retry: {}", syncing.stderr());
        thread::sleep(Duration::from_millis(100));
    }
    note("Written while the relay was down.");
    thread::sleep(Duration::from_millis(500));
    let _again = start_relay_on(&dir, port).expect("the relay restarts on its port");

    let seen = client_sees(
        &["Before the outage.", "Written while the relay was down."],
        None,
    );
    assert_eq!(seen.matches("Before the outage.").count(), 1, "{seen}");
    client_sees(
        &["Written while the relay was down."],
        Some("Back from a plain Yjs client."),
    );
    let on_a = wait_for_notes(&a, &session, &event, "Back from a plain Yjs client.");
    assert!(on_a.contains("Written while the relay was down."), "{on_a}");
    assert!(
        syncing.stderr().contains("the relay closed the connection")
            || syncing.stderr().contains("WebSocket error"),
        "the drop was reported: {}",
        syncing.stderr()
    );
}

/// The window's view of a relay (`rapporteur::collab`): the relay listed as a peer, connected and
/// synced; when it goes away, disconnected with a retry countdown and this device's changes
/// counted as waiting; when it is back, connected again and nothing waiting.
#[test]
fn the_window_shows_the_relay_as_a_peer_through_an_outage() {
    use rapporteur::collab::{with_pending, Live};
    use rapporteur::host::Origin;
    use rapporteur::store::Store;
    use std::sync::{Arc, Mutex};

    let Some(dir) = relay_or_skip("the relay status test") else {
        return;
    };
    let (port, server) = start_relay(&dir);
    let url = format!("ws://127.0.0.1:{port}");
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("a.db");
    let event = ok(&db, &["demo"]).trim().to_string();
    let store = Store::open(&db).unwrap();
    let session = store.listed_sessions(&event).unwrap()[0].clone();
    let store = Arc::new(Mutex::new(store));
    let rt = tokio::runtime::Runtime::new().unwrap();
    let live = Live::new();
    let _guard = rt.enter();
    live.relay(
        store.clone(),
        &url,
        "y-websocket",
        None,
        None,
        event.clone(),
    )
    .unwrap();
    let status = |what: &str, ok: &dyn Fn(&rapporteur::collab::status::LiveStatus) -> bool| {
        let end = Instant::now() + WAIT;
        loop {
            let s = with_pending(live.status(), &store.lock().unwrap()).unwrap();
            if ok(&s) {
                return s;
            }
            assert!(Instant::now() < end, "{what}: {s:?}");
            thread::sleep(Duration::from_millis(100));
        }
    };
    let s = status("the relay connected and synced", &|s| {
        s.peers.len() == 1 && s.peers[0].connected && s.peers[0].last_synced_ms.is_some()
    });
    assert_eq!(s.peers[0].addr, url);

    drop(server);
    status("the relay gone, with a retry", &|s| {
        s.running && s.retry.is_some() && s.peers.iter().all(|p| !p.connected)
    });
    let last = live.status().peers[0].last_synced_ms.unwrap();
    while chrono::Utc::now().timestamp_millis() <= last {
        thread::sleep(Duration::from_millis(2));
    }
    store
        .lock()
        .unwrap()
        .append_text(
            &event,
            &session,
            rapporteur::doc::session_doc::TextKind::Notes,
            "Written while the relay was away.",
            &Origin::Local,
        )
        .unwrap();
    status("one change waiting for the relay", &|s| {
        s.peers.iter().any(|p| !p.connected && p.pending == Some(1))
    });

    let _again = start_relay_on(&dir, port).expect("the relay restarts on its port");
    let s = status("the relay back, nothing waiting", &|s| {
        s.retry.is_none() && s.peers.iter().any(|p| p.connected && p.pending == Some(0))
    });
    assert_eq!(
        s.peers.len(),
        1,
        "the reconnection replaced the old row: {s:?}"
    );
    live.stop();
}
