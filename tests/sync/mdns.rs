//! Finding the host by mDNS, live: `serve` on every address announces itself, `discover`
//! lists it and `join --code` without an address joins it. It needs multicast on at least one
//! interface (loopback will do), which the machines this project builds on have; where a
//! network blocks it (venue Wi-Fi often does) the manual address is the way in, and the
//! announcement's contents are tested without the network in `sync::transport::discover`.

use crate::net_support;

use net_support::{ok, Proc};

#[test]
fn a_host_announced_on_mdns_is_found_and_joined_by_code() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let event = ok(&a, &["demo"]).trim().to_string();
    let host = Proc::start(&a, &["serve", "--event", &event, "--listen", "0.0.0.0:0"]);
    let port = host
        .line("listening on")
        .rsplit(':')
        .next()
        .unwrap()
        .to_string();
    let code = host.line("join code:");
    let name = host.line("announced on the local network as");
    assert!(name.starts_with("rapporteur-"), "{name}");

    let listed = ok(&b, &["discover", "--wait", "4"]);
    let line = listed
        .lines()
        .find(|l| l.starts_with(&name))
        .unwrap_or_else(|| panic!("{name} not discovered: {listed}"));
    assert!(line.contains(&format!(":{port}")), "{line}");

    let joiner = Proc::start(&b, &["join", "--code", &code]);
    assert!(joiner.line("joined").ends_with(&format!("event {event}")));
}
