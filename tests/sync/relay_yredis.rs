//! The y-websocket protocol as y-redis and other deployments speak it, against stock servers
//! started here on loopback (`tests/net_support/servers.rs`):
//!
//! - y-redis's behaviours — several messages in one frame, its state pushed when a room opens,
//!   the client's step 1 never answered — through a proxy of our own in front of the reference
//!   server (`tests/net_support/yredis.rs`; y-redis itself is not on the registries reachable
//!   here): `--once` finishes (it does not wait for an answer that never comes: what the server
//!   passes back is the sign) and two app peers converge;
//! - the relay URL's query string (y-redis's `?yauth=`) on every room's URL, and a token the
//!   server refuses (HTTP 401 on the upgrade) a clear, final error;
//! - interop with `@y/websocket-server` 0.1.1 (the reference server's successor).
//!
//! Without the servers (scripts/setup.sh relay) the tests are skipped with a message, and fail
//! under CI.

use crate::net_support::servers::{reference_server, servers_or_skip};
use crate::net_support::yredis::yredis_like;
use crate::net_support::{demo_event, ok, run, wait_for_notes, Proc};
use std::path::Path;
use std::process::Command;

fn sync_once(db: &Path, url: &str, event: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["sync", "--relay", url, "--once", "--event", event];
    args.extend(extra);
    run(db, &args)
}

fn sync_ok(db: &Path, url: &str, event: &str) -> String {
    let o = sync_once(db, url, event, &[]);
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

/// The plain y-websocket client (`tests/relay/client.js`) on `room`: the notes it saw.
fn node_client(dir: &Path, url: &str, room: &str, paragraph: Option<&str>) -> String {
    let o = Command::new("node")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/relay/client.js"
        ))
        .args([url, room])
        .args(paragraph)
        .env("NODE_PATH", dir.join("node_modules"))
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "node client: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn a_server_that_joins_messages_and_never_answers_step_1_is_synced_with() {
    let Some(dir) = servers_or_skip("the y-redis behaviours test") else {
        return;
    };
    let server = reference_server(&dir, "y-websocket", None);
    let proxy = yredis_like(&format!("127.0.0.1:{}", server.port));
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a.db"), tmp.path().join("b.db"));
    let (event, session) = demo_event(&a, 0);
    let from_a = "From A, past a server like y-redis.";
    ok(
        &a,
        &["note", &session, "--append", from_a, "--event", &event],
    );

    let said = sync_ok(&a, &proxy.url(), &event);
    assert!(said.contains("synced"), "{said}");
    // The harness did its part: step 1s were swallowed and frames joined.
    assert!(proxy.count(|c| &c.step1_dropped) > 0);
    assert!(proxy.count(|c| &c.joined_frames) > 0);
    // Up to date means on the server: a plain client straight at it sees A's note.
    let room = format!("{event}/{session}");
    assert!(node_client(&dir, &server.url(), &room, None).contains(from_a));

    // B starts empty and fetches the event by id through the same kind of server.
    sync_ok(&b, &proxy.url(), &event);
    assert!(notes(&b, &session, &event).contains(from_a));
    let from_b = "From B, the same way.";
    ok(
        &b,
        &["note", &session, "--append", from_b, "--event", &event],
    );
    sync_ok(&b, &proxy.url(), &event);
    sync_ok(&a, &proxy.url(), &event);
    let on_a = notes(&a, &session, &event);
    assert_eq!(on_a.matches(from_b).count(), 1, "{on_a}");
    assert_eq!(on_a.matches(from_a).count(), 1, "{on_a}");

    // Live: a long-running sync takes updates that arrive joined in frames.
    let _syncing = Proc::start(&a, &["sync", "--relay", &proxy.url(), "--event", &event]);
    let live = "Typed by a plain Yjs client while A is connected.";
    node_client(&dir, &server.url(), &room, Some(live));
    wait_for_notes(&a, &session, &event, live);
}

#[test]
fn the_query_string_goes_on_every_room_and_a_refused_token_is_final() {
    let Some(dir) = servers_or_skip("the relay query-string test") else {
        return;
    };
    let yauth = "s3cr3t-yauth";
    let server = reference_server(&dir, "y-websocket", Some(yauth));
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.db");
    let (event, session) = demo_event(&a, 0);
    ok(
        &a,
        &[
            "note",
            &session,
            "--append",
            "Behind a token.",
            "--event",
            &event,
        ],
    );
    let url = format!("ws://127.0.0.1:{}/rooms?yauth={yauth}", server.port);

    let o = sync_once(&a, &url, &event, &["--token", "extra"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // What it prints hides the query's values (they may be tokens).
    assert!(out.contains("/rooms?yauth=…"), "{out}");
    assert!(!out.contains(yauth), "{out}");
    let opened: Vec<String> = server
        .lines()
        .iter()
        .filter_map(|l| l.strip_prefix("open ").map(str::to_string))
        .collect();
    assert!(opened.len() > 2, "{opened:?}");
    for u in &opened {
        assert!(u.starts_with(&format!("/rooms/{event}/")), "{u}");
        assert!(u.ends_with(&format!("?yauth={yauth}&token=extra")), "{u}");
    }
    let room = format!("rooms/{event}/{session}");
    let direct = format!("ws://127.0.0.1:{}", server.port);
    let seen = Command::new("node")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/relay/client.js"
        ))
        .args([&direct, &room])
        .env("NODE_PATH", dir.join("node_modules"))
        .env("RELAY_QUERY", format!("yauth={yauth}"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&seen.stdout).contains("Behind a token."));

    // A token the server refuses: HTTP 401 on the upgrade, a clear and final error.
    let wrong = format!("ws://127.0.0.1:{}/rooms?yauth=wrong", server.port);
    let o = sync_once(&a, &wrong, &event, &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("the relay refused access"), "{err}");
    assert!(err.contains("HTTP 401"), "{err}");
    assert!(!err.contains("wrong"), "the token is not printed: {err}");
    let mut syncing = Proc::start(&a, &["sync", "--relay", &wrong, "--event", &event]);
    assert!(!syncing.wait().success(), "final without --once too");
    assert!(
        !syncing.stderr().contains("reconnecting"),
        "{}",
        syncing.stderr()
    );
}

#[test]
fn interop_with_y_websocket_server_0_1_1_and_a_plain_yjs_client() {
    let Some(dir) = servers_or_skip("the @y/websocket-server test") else {
        return;
    };
    let server = reference_server(&dir, "@y/websocket-server", None);
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a.db"), tmp.path().join("b.db"));
    let (event, session) = demo_event(&a, 0);
    ok(
        &a,
        &[
            "note",
            &session,
            "--append",
            "From A via @y/websocket-server.",
            "--event",
            &event,
        ],
    );
    sync_ok(&a, &server.url(), &event);
    let room = format!("{event}/{session}");
    let seen = node_client(&dir, &server.url(), &room, Some("From a plain Yjs client."));
    assert!(seen.contains("From A via @y/websocket-server."), "{seen}");
    sync_ok(&b, &server.url(), &event);
    let on_b = notes(&b, &session, &event);
    assert!(
        on_b.contains("From A via") && on_b.contains("From a plain Yjs client."),
        "{on_b}"
    );
}
