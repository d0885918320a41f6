//! `rapporteur sync --protocol hocuspocus` against stock Hocuspocus servers started here on
//! loopback (`tests/net_support/servers.rs`): two instances sharing one `redis-server` through
//! `@hocuspocus/extension-redis`, persisting with `@hocuspocus/extension-sqlite`, with
//! `onAuthenticate` checking a token; the stock `HocuspocusProvider` in Node as a third client.
//!
//! - app peers on different instances and the Node provider converge, every document of the
//!   event over one WebSocket (counted by the server);
//! - a wrong token is refused: a clear, final error, nothing written either way;
//! - a read-only token: the server refuses our change, and `--once` says so (it waits for the
//!   server's answer to every update it sent);
//! - an instance restarting mid-sync loses nothing;
//! - awareness crosses the one socket both ways;
//! - the previous major version (Hocuspocus 3) speaks the same;
//! - an event of 130 sessions stays within what the server lets an unauthenticated connection
//!   hold (100 documents by default): tokens are asked for a few dozen documents at a time.
//!
//! Without the servers (scripts/setup.sh relay) the tests are skipped with a message, and fail
//! under CI.

use crate::net_support::servers::{
    hocuspocus_client, hocuspocus_notes, redis, redis_or_skip, servers_or_skip, Hocuspocus,
};
use crate::net_support::{demo_event, ok, run, wait_for_notes, Proc, WAIT};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;
use std::thread;
use std::time::{Duration, Instant};

const TOKEN: &str = "s3cret-t0ken";

fn sync_args<'a>(url: &'a str, event: &'a str, token: &'a str) -> Vec<&'a str> {
    let mut args = vec!["sync", "--relay", url, "--protocol", "hocuspocus"];
    args.extend(["--token", token, "--event", event]);
    args
}

fn sync_once(db: &Path, url: &str, event: &str, token: &str) -> Output {
    let mut args = sync_args(url, event, token);
    args.push("--once");
    run(db, &args)
}

fn sync_ok(db: &Path, url: &str, event: &str) -> String {
    let o = sync_once(db, url, event, TOKEN);
    assert!(
        o.status.success(),
        "sync --once through {url} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn notes(db: &Path, session: &str, event: &str) -> String {
    ok(db, &["notes", session, "--event", event])
}

/// `(socket, document)` of every document the server opened for `event`.
fn opened(lines: &[String], event: &str) -> Vec<(String, String)> {
    lines
        .iter()
        .filter_map(|l| l.strip_prefix("connected "))
        .filter_map(|l| l.split_once(' '))
        .filter(|(_, doc)| doc.starts_with(&format!("{event}/")))
        .map(|(s, d)| (s.to_string(), d.to_string()))
        .collect()
}

#[test]
fn two_instances_on_redis_converge_app_peers_and_a_node_provider_over_one_socket_each() {
    let test = "the Hocuspocus + Redis convergence test";
    let (Some(dir), Some(())) = (servers_or_skip(test), redis_or_skip(test)) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let redis = redis(tmp.path());
    let sqlite = tmp.path().join("hocuspocus.sqlite");
    let conf = Hocuspocus {
        token: Some(TOKEN),
        redis: Some(redis.port),
        sqlite: Some(&sqlite),
        ..Default::default()
    };
    let (one, two) = (conf.start(&dir), conf.start(&dir));
    let (a, b) = (tmp.path().join("a.db"), tmp.path().join("b.db"));
    let (event, session) = demo_event(&a, 0);
    let from_a = "From A, through instance one.";
    ok(
        &a,
        &["note", &session, "--append", from_a, "--event", &event],
    );

    let said = sync_ok(&a, &one.url(), &event);
    assert!(said.contains("synced"), "{said}");
    // Every document of the event over one WebSocket: one socket id for all of them.
    let docs = opened(&one.lines(), &event);
    let sockets: BTreeSet<_> = docs.iter().map(|(s, _)| s.clone()).collect();
    let names: BTreeSet<_> = docs.iter().map(|(_, d)| d.clone()).collect();
    assert_eq!(sockets.len(), 1, "one socket for the event: {docs:?}");
    assert!(names.contains(&format!("{event}/{event}")), "{names:?}");
    assert!(names.contains(&format!("{event}/{session}")), "{names:?}");
    let agenda: serde_json::Value =
        serde_json::from_str(&ok(&a, &["agenda", "--event", &event, "--json"])).unwrap();
    let sessions = agenda["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["sessions"].as_array().unwrap().len())
        .sum::<usize>();
    assert_eq!(names.len(), sessions + 1, "the event and every session");

    // B starts empty and fetches the event by its id, through the other instance.
    sync_ok(&b, &two.url(), &event);
    assert!(notes(&b, &session, &event).contains(from_a));

    // The stock provider on instance two sees A's note and adds its own.
    let name = format!("{event}/{session}");
    let from_node = "From a HocuspocusProvider in Node.";
    let seen = hocuspocus_notes(
        &dir,
        &two.url(),
        &name,
        &[
            "--token",
            TOKEN,
            "--wait-for",
            from_a,
            "--append",
            from_node,
        ],
    );
    assert!(seen.contains(from_a) && seen.contains(from_node), "{seen}");

    let from_b = "From B, through instance two.";
    ok(
        &b,
        &["note", &session, "--append", from_b, "--event", &event],
    );
    sync_ok(&b, &two.url(), &event);
    sync_ok(&a, &one.url(), &event);
    let on_a = notes(&a, &session, &event);
    for text in [from_a, from_node, from_b] {
        assert_eq!(on_a.matches(text).count(), 1, "{text:?} once on A: {on_a}");
    }
    // And the provider, through instance one now, sees what B wrote through two.
    let seen = hocuspocus_notes(
        &dir,
        &one.url(),
        &name,
        &["--token", TOKEN, "--wait-for", from_b],
    );
    assert!(seen.contains(from_node), "{seen}");
}

#[test]
fn a_wrong_token_is_refused_with_a_clear_final_error_and_nothing_is_written() {
    let Some(dir) = servers_or_skip("the Hocuspocus token test") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let sqlite = tmp.path().join("hocuspocus.sqlite");
    let server = Hocuspocus {
        token: Some(TOKEN),
        sqlite: Some(&sqlite),
        ..Default::default()
    }
    .start(&dir);
    let a = tmp.path().join("a.db");
    let (event, session) = demo_event(&a, 0);
    let name = format!("{event}/{session}");
    let allowed = "Written by someone with the token.";
    hocuspocus_notes(
        &dir,
        &server.url(),
        &name,
        &["--token", TOKEN, "--append", allowed],
    );
    let typed = "Typed on A, which has a wrong token.";
    ok(
        &a,
        &["note", &session, "--append", typed, "--event", &event],
    );
    let before = notes(&a, &session, &event);

    let o = sync_once(&a, &server.url(), &event, "not-the-token");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "a refused token fails: {err}");
    assert!(err.contains("the relay refused access"), "{err}");
    assert!(err.contains("check the token"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert!(server.lines().iter().any(|l| l.starts_with("refused ")));
    // Nothing was written here, nor there.
    assert_eq!(notes(&a, &session, &event), before);
    let there = hocuspocus_notes(&dir, &server.url(), &name, &["--token", TOKEN]);
    assert!(there.contains(allowed) && !there.contains(typed), "{there}");
    // The provider itself is refused the same way (the server's own check, not ours).
    let refused = hocuspocus_client(&dir, &server.url(), &name, &["--token", "nope"]);
    assert_eq!(refused.map_err(|(code, _)| code), Err(4));

    // Without --once too: a refusal is final, never retried.
    let mut syncing = Proc::start(&a, &sync_args(&server.url(), &event, "not-the-token"));
    let status = syncing.wait();
    assert!(!status.success());
    let err = syncing.stderr();
    assert!(err.contains("the relay refused access"), "{err}");
    assert!(!err.contains("reconnecting"), "not retried: {err}");
}

#[test]
fn once_waits_for_the_server_s_answer_to_every_update_and_a_read_only_token_says_so() {
    let Some(dir) = servers_or_skip("the Hocuspocus acknowledgement test") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let server = Hocuspocus {
        token: Some(TOKEN),
        readonly_token: Some("read-only"),
        ..Default::default()
    }
    .start(&dir);
    let a = tmp.path().join("a.db");
    let (event, session) = demo_event(&a, 0);
    // The server refuses a change only in its answer to it: `--once` fails only if it waited.
    let o = sync_once(&a, &server.url(), &event, "read-only");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains("this token may only read"), "{err}");
    // With a token that may write, the same sync is acknowledged and done.
    let said = sync_ok(&a, &server.url(), &event);
    assert!(said.contains("synced"), "{said}");
    let _ = session;
}

#[test]
fn an_instance_restarting_mid_sync_loses_nothing() {
    let test = "the Hocuspocus restart test";
    let (Some(dir), Some(())) = (servers_or_skip(test), redis_or_skip(test)) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let redis = redis(tmp.path());
    let sqlite = tmp.path().join("hocuspocus.sqlite");
    let conf = Hocuspocus {
        token: Some(TOKEN),
        redis: Some(redis.port),
        sqlite: Some(&sqlite),
        ..Default::default()
    };
    let one = conf.start(&dir);
    let two = conf.start(&dir);
    let port_one = one.port;
    let a = tmp.path().join("a.db");
    let (event, session) = demo_event(&a, 0);
    let name = format!("{event}/{session}");
    let note = |text: &str| ok(&a, &["note", &session, "--append", text, "--event", &event]);
    let url_one = one.url();
    let syncing = Proc::start(&a, &sync_args(&url_one, &event, TOKEN));
    note("Before the restart.");
    hocuspocus_notes(
        &dir,
        &two.url(),
        &name,
        &["--token", TOKEN, "--wait-for", "Before the restart."],
    );

    drop(one);
    note("While instance one was down.");
    let end = Instant::now() + WAIT;
    while !syncing.stderr().contains("reconnecting in") {
        assert!(Instant::now() < end, "no retry: {}", syncing.stderr());
        thread::sleep(Duration::from_millis(100));
    }
    let _one_again = Hocuspocus {
        port: Some(port_one),
        ..conf.clone()
    }
    .start(&dir);
    note("After the restart.");
    let seen = hocuspocus_notes(
        &dir,
        &two.url(),
        &name,
        &["--token", TOKEN, "--wait-for", "After the restart."],
    );
    for text in [
        "Before the restart.",
        "While instance one was down.",
        "After the restart.",
    ] {
        assert_eq!(seen.matches(text).count(), 1, "{text:?} once: {seen}");
    }
    // And what arrives through instance two while A is connected to one reaches A.
    hocuspocus_notes(
        &dir,
        &two.url(),
        &name,
        &["--token", TOKEN, "--append", "From Node, via two."],
    );
    wait_for_notes(&a, &session, &event, "From Node, via two.");
}

#[test]
fn the_previous_major_version_speaks_the_same() {
    let Some(dir) = servers_or_skip("the Hocuspocus 3 test") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let server = Hocuspocus {
        token: Some(TOKEN),
        v3: true,
        ..Default::default()
    }
    .start(&dir);
    let (a, b) = (tmp.path().join("a.db"), tmp.path().join("b.db"));
    let (event, session) = demo_event(&a, 1);
    ok(
        &a,
        &[
            "note",
            &session,
            "--append",
            "From A, over Hocuspocus 3.",
            "--event",
            &event,
        ],
    );
    // A stays connected (the server keeps no document without a connection or persistence).
    let url = server.url();
    let _a_syncing = Proc::start(&a, &sync_args(&url, &event, TOKEN));
    let end = Instant::now() + WAIT;
    loop {
        let o = sync_once(&b, &url, &event, TOKEN);
        let got = o.status.success()
            && run(&b, &["notes", &session, "--event", &event])
                .stdout
                .windows(26)
                .any(|w| w == b"From A, over Hocuspocus 3.");
        if got {
            break;
        }
        assert!(
            Instant::now() < end,
            "B never got A's note: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        thread::sleep(Duration::from_millis(300));
    }
    ok(
        &b,
        &[
            "note",
            &session,
            "--append",
            "From B, over Hocuspocus 3.",
            "--event",
            &event,
        ],
    );
    sync_ok(&b, &url, &event);
    wait_for_notes(&a, &session, &event, "From B, over Hocuspocus 3.");
    // Each process's documents over one socket: the busiest socket carried every document.
    let docs = opened(&server.lines(), &event);
    let most = docs
        .iter()
        .map(|(s, _)| docs.iter().filter(|(t, _)| t == s).count())
        .max();
    assert!(most > Some(2), "documents over one socket: {docs:?}");
}

/// Awareness (who is here, carets) crosses the one socket both ways: the app's reaches the
/// stock provider, and the provider's reaches the app.
#[test]
fn awareness_travels_over_the_one_socket_both_ways() {
    use rapporteur::store::{DocRef, Store};
    use rapporteur::sync::transport::relay::{sync_reporting, RelayProtocol, RelayTarget};
    use rapporteur::sync::transport::status::{NetEvent, Reporter};
    use rapporteur::sync::transport::{presence, SharedStore};
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    use yrs::sync::awareness::AwarenessUpdateEntry;
    use yrs::sync::AwarenessUpdate;
    use yrs::updates::encoder::Encode;
    use yrs::ClientID;

    let Some(dir) = servers_or_skip("the Hocuspocus awareness test") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let server = Hocuspocus {
        token: Some(TOKEN),
        ..Default::default()
    }
    .start(&dir);
    let db = tmp.path().join("a.db");
    let (event, session) = demo_event(&db, 0);
    let store: SharedStore = Arc::new(Mutex::new(Store::open(&db).unwrap()));
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let target = RelayTarget::parse(&server.url(), Some(TOKEN))
        .unwrap()
        .with_protocol(RelayProtocol::Hocuspocus);
    let ev = event.clone();
    let report = Reporter::new(move |e| sink.lock().unwrap().push(e));
    let task = rt.spawn(async move {
        sync_reporting(store, &target, &ev, false, report)
            .await
            .map(|_| ())
    });
    let state =
        format!(r##"{{"user":{{"name":"Amina","color":"#30bced"}},"session":"{session}"}}"##);
    let update = |clock: u32| {
        let entry = AwarenessUpdateEntry {
            clock,
            json: state.as_str().into(),
        };
        AwarenessUpdate {
            clients: HashMap::from([(ClientID::new(4242), entry)]),
        }
        .encode_v1()
    };
    let doc = DocRef {
        event_id: event.clone(),
        doc_id: session.clone(),
    };
    presence::publish(doc.clone(), update(1)).unwrap();
    // Renewed as the window does, in case the provider opens the document later.
    let renew = {
        let (doc, updates): (DocRef, Vec<Vec<u8>>) = (doc.clone(), (2..200).map(update).collect());
        rt.spawn(async move {
            for u in updates {
                tokio::time::sleep(Duration::from_millis(500)).await;
                presence::publish(doc.clone(), u).unwrap();
            }
        })
    };
    let name = format!("{event}/{session}");
    let lines = hocuspocus_client(
        &dir,
        &server.url(),
        &name,
        &["--token", TOKEN, "--name", "Node", "--expect", "Amina"],
    )
    .unwrap_or_else(|(code, err)| panic!("provider exited {code}: {err}"));
    let seen: serde_json::Value = serde_json::from_str(&lines[1]).unwrap();
    assert_eq!(seen["user"]["name"], "Amina");
    assert_eq!(seen["session"], session.as_str());
    let end = Instant::now() + WAIT;
    loop {
        let got = events.lock().unwrap().iter().any(|e| match e {
            NetEvent::Awareness { doc, update, .. } => {
                *doc == session && String::from_utf8_lossy(update).contains(r#""name":"Node""#)
            }
            _ => false,
        });
        if got {
            break;
        }
        assert!(
            Instant::now() < end,
            "the provider's awareness never reached the app"
        );
        thread::sleep(Duration::from_millis(50));
    }
    renew.abort();
    task.abort();
    // The app's documents, awareness included, went over one socket.
    let docs = opened(&server.lines(), &event);
    let app_socket = docs
        .iter()
        .find(|(_, d)| *d == format!("{event}/{event}"))
        .unwrap()
        .0
        .clone();
    assert!(docs.iter().any(|(s, d)| *s == app_socket && *d == name));
}

#[test]
fn an_event_of_130_sessions_stays_within_the_server_s_limits_before_authentication() {
    let Some(dir) = servers_or_skip("the Hocuspocus large-event test") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let sqlite = tmp.path().join("hocuspocus.sqlite");
    let server = Hocuspocus {
        token: Some(TOKEN),
        sqlite: Some(&sqlite),
        ..Default::default()
    }
    .start(&dir);
    let mut csv = String::from("Day,Time,Agenda Item,Methodology,Moderator(s)\n");
    for (d, day) in ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
        .iter()
        .enumerate()
    {
        for k in 0..26 {
            let (start, end) = (8 * 60 + k * 20, 8 * 60 + k * 20 + 20);
            csv.push_str(&format!(
                "Day {} – {day} {} February 2018,{:02}:{:02} – {:02}:{:02},Working session {d}.{k},Plenary,FAO\n",
                d + 1,
                12 + d,
                start / 60,
                start % 60,
                end / 60,
                end % 60
            ));
        }
    }
    let file = tmp.path().join("large.csv");
    std::fs::write(&file, csv).unwrap();
    let (a, b) = (tmp.path().join("a.db"), tmp.path().join("b.db"));
    let out = ok(&a, &["import", file.to_str().unwrap()]);
    let event = out.lines().next().unwrap().trim().to_string();
    sync_ok(&a, &server.url(), &event);
    let docs = opened(&server.lines(), &event);
    assert_eq!(docs.len(), 131, "the event and its 130 sessions");
    // B fetches all of it over its own one socket.
    sync_ok(&b, &server.url(), &event);
    let agenda: serde_json::Value =
        serde_json::from_str(&ok(&b, &["agenda", "--event", &event, "--json"])).unwrap();
    let sessions: usize = agenda["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["sessions"].as_array().unwrap().len())
        .sum();
    assert_eq!(sessions, 130);
}
