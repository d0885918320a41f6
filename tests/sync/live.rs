//! The window's live sync (`rapporteur::collab`) in one process: a host and a joiner on
//! loopback, each with its own store, and what their statuses say — the peer connected and
//! synced, the joiner fetching an event its empty store did not have, a stopped host making
//! the joiner retry, a wrong code refused on both sides, an unreachable address retried.

use crate::common;

use common::{memory_store, session_ids, small_agenda};
use rapporteur::collab::status::{LiveStatus, Mode};
use rapporteur::collab::{with_pending, Live};
use rapporteur::doc::session_doc::TextKind;
use rapporteur::host::Origin;
use rapporteur::store::Store;
use rapporteur::sync::transport::code::JoinCode;
use rapporteur::sync::transport::status::NetEvent;
use rapporteur::sync::transport::SharedStore;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(20);

fn shared(s: Store) -> SharedStore {
    Arc::new(Mutex::new(s))
}

/// Polls `f` until it gives `Some`, or fails with `what` after [`WAIT`].
async fn until<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < WAIT, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn system_store() -> Store {
    Store::open_in_memory(Arc::new(rapporteur::host::SystemHost)).unwrap()
}

fn host_store() -> (SharedStore, String, String) {
    let mut s = memory_store();
    let ev = s.create_event(&small_agenda(), &Origin::Import).unwrap();
    let session = session_ids(&s, &ev)[0].clone();
    (shared(s), ev, session)
}

fn connected_peers(s: &LiveStatus) -> usize {
    s.peers.iter().filter(|p| p.connected).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_joiner_with_an_empty_store_fetches_the_event_and_edits_flow_both_ways() {
    let (a, ev, session) = host_store();
    // The joiner reads the real clock, as the live status does, so pending counts are real.
    let b = shared(system_store());
    let b_device = b.lock().unwrap().device_id().to_string();
    let (host, joiner) = (Live::new(), Live::new());
    let info = host.host(a.clone(), ev.clone(), 0).await.unwrap();
    assert_eq!(host.status().mode, Mode::Hosting);
    assert!(info.port > 0 && info.qr_text.contains(&info.code));
    assert!(info
        .addresses
        .iter()
        .all(|a| a.ends_with(&format!(":{}", info.port))));

    joiner
        .join(b.clone(), &format!("127.0.0.1:{}", info.port), &info.code)
        .unwrap();
    let st = until("the joiner to connect", || {
        let s = joiner.status();
        (connected_peers(&s) == 1).then_some(s)
    })
    .await;
    assert_eq!(st.mode, Mode::Joining);
    assert_eq!(st.event_id.as_deref(), Some(ev.as_str()));
    let hs = until("the host to list the joiner", || {
        let s = host.status();
        (connected_peers(&s) == 1).then_some(s)
    })
    .await;
    assert_eq!(hs.peers[0].device, b_device);

    // The event arrives in the joiner's empty store.
    until("the event in the joiner's store", || {
        let s = b.lock().unwrap();
        s.events().unwrap().iter().any(|e| e.id == ev).then_some(())
    })
    .await;

    // Host → joiner, then joiner → host; both sides record when they last synced.
    let text = "IOM proposed monthly briefings.";
    a.lock()
        .unwrap()
        .append_text(&ev, &session, TextKind::Notes, text, &Origin::Local)
        .unwrap();
    until("the host's note at the joiner", || {
        let s = b.lock().unwrap();
        s.session_text(&session, false)
            .ok()
            .filter(|t| t.contains(text))
    })
    .await;
    let reply = "FAO agreed.";
    until("the session in the joiner's store", || {
        let mut s = b.lock().unwrap();
        s.append_text(&ev, &session, TextKind::Notes, reply, &Origin::Local)
            .ok()
    })
    .await;
    until("the joiner's note at the host", || {
        let s = a.lock().unwrap();
        s.session_text(&session, false)
            .ok()
            .filter(|t| t.contains(reply))
    })
    .await;
    assert!(host.status().peers[0].last_synced_ms.is_some());
    assert!(joiner.status().peers[0].last_synced_ms.is_some());

    // The host stops: the joiner shows the host gone and retries on its own.
    host.stop();
    assert_eq!(host.status().mode, Mode::Off);
    let st = until("the joiner to notice and retry", || {
        let s = joiner.status();
        (connected_peers(&s) == 0 && s.retry.is_some()).then_some(s)
    })
    .await;
    assert!(st.running && st.error.is_none(), "{st:?}");

    // While the host is away, what the joiner writes waits for it, counted per peer.
    let last = st.peers[0].last_synced_ms.expect("synced before");
    while chrono::Utc::now().timestamp_millis() <= last {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    for line in ["Offline one.", "Offline two."] {
        b.lock()
            .unwrap()
            .append_text(&ev, &session, TextKind::Notes, line, &Origin::Local)
            .unwrap();
    }
    let st = with_pending(joiner.status(), &b.lock().unwrap()).unwrap();
    assert_eq!(st.peers[0].pending, Some(2), "{st:?}");
    joiner.stop();
}

#[test]
fn pending_counts_this_devices_changes_after_the_last_exchange_only() {
    let mut s = system_store();
    let ev = s.create_event(&small_agenda(), &Origin::Import).unwrap();
    let session = session_ids(&s, &ev)[0].clone();
    let mut st = LiveStatus::starting(Mode::Hosting, Some(ev.clone()), None);
    st.apply(
        NetEvent::Connected {
            conn: 1,
            addr: "10.0.0.2:1".into(),
            device: "dev-b".into(),
            event: ev.clone(),
        },
        0,
    );
    assert_eq!(with_pending(st.clone(), &s).unwrap().peers[0].pending, None);
    let before = chrono::Utc::now().timestamp_millis();
    st.apply(NetEvent::Synced { conn: 1 }, before);
    std::thread::sleep(Duration::from_millis(5));
    assert_eq!(
        with_pending(st.clone(), &s).unwrap().peers[0].pending,
        Some(0)
    );
    for (text, origin) in [
        ("mine", Origin::Local),
        ("from the CLI", Origin::Cli),
        ("from the peer", Origin::Peer("dev-b".into())),
    ] {
        s.append_text(&ev, &session, TextKind::Notes, text, &origin)
            .unwrap();
    }
    // The peer's own change is not waiting for it.
    assert_eq!(
        with_pending(st.clone(), &s).unwrap().peers[0].pending,
        Some(2)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_code_is_refused_on_both_sides_and_the_joiner_stops() {
    let (a, ev, _) = host_store();
    let (host, joiner) = (Live::new(), Live::new());
    let info = host.host(a, ev, 0).await.unwrap();
    let wrong = JoinCode::generate().to_string();
    joiner
        .join(
            shared(memory_store()),
            &format!("127.0.0.1:{}", info.port),
            &wrong,
        )
        .unwrap();
    let st = until("the joiner to give up", || {
        let s = joiner.status();
        (!s.running).then_some(s)
    })
    .await;
    let err = st.error.expect("an error is shown");
    assert!(err.contains("join code did not match"), "{err}");
    assert!(st.peers.is_empty());
    let refused = until("the host to note the refusal", || host.status().refused).await;
    assert!(refused.contains("join code did not match"), "{refused}");
    assert_eq!(connected_peers(&host.status()), 0);

    // A code that is not a code never starts anything.
    let e = joiner
        .join(shared(memory_store()), "127.0.0.1:1", "not-a-code")
        .unwrap_err();
    assert!(e.to_string().contains("is not a join code"), "{e}");
    host.stop();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_host_is_retried_with_the_reason_shown() {
    // A port nobody listens on: bind one, note it, close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let joiner = Live::new();
    let code = JoinCode::generate().to_string();
    joiner
        .join(shared(memory_store()), &format!("127.0.0.1:{port}"), &code)
        .unwrap();
    let st = until("a retry", || {
        let s = joiner.status();
        s.retry.is_some().then_some(s)
    })
    .await;
    let retry = st.retry.unwrap();
    assert!(
        retry.error.contains(&format!("127.0.0.1:{port}")),
        "{}",
        retry.error
    );
    assert!(st.running && st.error.is_none());
    joiner.stop();
    assert!(!joiner.status().running);
}

/// The window's side of awareness: what one device publishes reaches the other's presence
/// reporter, and when the host stops, the joiner is told at once that those clients are gone.
/// (Both run in this one process, so each also forwards what the other's window published:
/// harmless, and not what is checked.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn published_awareness_reaches_the_joiners_window_and_goes_when_the_host_stops() {
    use rapporteur::store::DocRef;
    use rapporteur::sync::transport::presence;
    use rapporteur::sync::transport::status::{NetEvent, Reporter};
    let (a, ev, session) = host_store();
    let b = shared(memory_store());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    let host = Live::new();
    let joiner = Live::new().with_presence(Reporter::new(move |e| sink.lock().unwrap().push(e)));
    let info = host.host(a.clone(), ev.clone(), 0).await.unwrap();
    joiner
        .join(b.clone(), &format!("127.0.0.1:{}", info.port), &info.code)
        .unwrap();
    until("the session in the joiner's store", || {
        let s = b.lock().unwrap();
        s.doc_belongs_to(&ev, &session).ok().filter(|x| *x)
    })
    .await;
    // {"user":{"name":"Amina"}} for client 4242 at clock 1, as y-protocols encodes it.
    let json = br#"{"user":{"name":"Amina"}}"#;
    let mut update = vec![1, 0x92, 0x21, 1, json.len() as u8];
    update.extend_from_slice(json);
    let doc = DocRef {
        event_id: ev.clone(),
        doc_id: session.clone(),
    };
    let got = until("the awareness in the joiner's window", || {
        // Published again until it arrives: the joiner may still be connecting.
        presence::publish(doc.clone(), update.clone()).unwrap();
        seen.lock().unwrap().iter().find_map(|e| match e {
            NetEvent::Awareness {
                event, doc, update, ..
            } if *doc == session => Some((event.clone(), update.clone())),
            _ => None,
        })
    })
    .await;
    assert_eq!(got, (ev.clone(), update.clone()));
    host.stop();
    let gone = until("the host's clients to be gone", || {
        seen.lock().unwrap().iter().find_map(|e| match e {
            NetEvent::AwarenessGone { doc, clients, .. } if *doc == session => {
                Some(clients.clone())
            }
            _ => None,
        })
    })
    .await;
    assert_eq!(gone, vec![4242]);
    joiner.stop();
}
