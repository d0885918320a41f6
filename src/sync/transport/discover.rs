//! Finding a host in the room by mDNS / DNS-SD (the `mdns-sd` crate), service
//! `_rapporteur._tcp`. Venue Wi-Fi often blocks multicast, so this only ever adds to the manual
//! path (`join ADDRESS`), which always works.
//!
//! **Nothing personal is announced.** Anyone on the network can read an announcement, so it
//! carries no device, user or event name: the instance and host names are `rapporteur-` and
//! 8 random hex digits, fresh for every `serve`; the SRV record has the port; the TXT record has
//! only the protocol version (`v=1`). Addresses are the machine's own, filled in by the daemon.
//! The event and everything else travel only after the Noise handshake with the join code.

use super::link::VERSION;
use super::NetError;
use mdns_sd::{ServiceDaemon, ServiceEvent, ServiceInfo};
use rand::Rng;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// The DNS-SD service type.
pub const SERVICE: &str = "_rapporteur._tcp.local.";

fn err(e: mdns_sd::Error) -> NetError {
    NetError::Discovery(e.to_string())
}

/// What `serve` announces: a random name, the port and the protocol version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    /// `rapporteur-` and 8 random hex digits; also the host label.
    pub instance: String,
    pub port: u16,
    /// The TXT record: only `("v", protocol version)`.
    pub txt: Vec<(String, String)>,
}

impl Announcement {
    /// A fresh announcement for a host listening on `port`.
    pub fn new(port: u16) -> Self {
        let tag: u32 = rand::rng().random();
        Announcement {
            instance: format!("rapporteur-{tag:08x}"),
            port,
            txt: vec![("v".into(), VERSION.to_string())],
        }
    }

    /// The DNS-SD record set, addresses left to the daemon (every interface of this machine).
    pub fn service_info(&self) -> Result<ServiceInfo, NetError> {
        let host = format!("{}.local.", self.instance);
        let props: Vec<(&str, &str)> = self
            .txt
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        ServiceInfo::new(SERVICE, &self.instance, &host, (), self.port, &props[..])
            .map(|i| i.enable_addr_auto())
            .map_err(err)
    }
}

/// A running announcement; withdrawn when dropped.
pub struct Announcer {
    daemon: ServiceDaemon,
    fullname: String,
}

/// Announces a host listening on `port` until the returned value is dropped.
pub fn announce(port: u16) -> Result<(Announcer, Announcement), NetError> {
    let ann = Announcement::new(port);
    let info = ann.service_info()?;
    let fullname = info.get_fullname().to_string();
    let daemon = ServiceDaemon::new().map_err(err)?;
    daemon.register(info).map_err(err)?;
    Ok((Announcer { daemon, fullname }, ann))
}

impl Drop for Announcer {
    fn drop(&mut self) {
        // Best effort on the way out: the record also expires by itself (its TTL).
        if let Ok(done) = self.daemon.unregister(&self.fullname) {
            let _ = done.recv_timeout(Duration::from_millis(500));
        }
        let _ = self.daemon.shutdown();
    }
}

/// A host found on the network.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Found {
    pub instance: String,
    /// Every address it announced, with its port; IPv4 first.
    pub addrs: Vec<SocketAddr>,
    /// The protocol version from its TXT record, if it gave one.
    pub version: Option<u32>,
}

/// Browses for `wait` and returns the hosts that resolved, by instance name.
pub fn discover(wait: Duration) -> Result<Vec<Found>, NetError> {
    let daemon = ServiceDaemon::new().map_err(err)?;
    let events = daemon.browse(SERVICE).map_err(err)?;
    let end = Instant::now() + wait;
    let mut found: Vec<Found> = Vec::new();
    while let Some(left) = end.checked_duration_since(Instant::now()) {
        let Ok(event) = events.recv_timeout(left) else {
            break;
        };
        if let ServiceEvent::ServiceResolved(s) = event {
            let instance = s
                .get_fullname()
                .strip_suffix(&format!(".{SERVICE}"))
                .unwrap_or(s.get_fullname())
                .to_string();
            let mut addrs: Vec<SocketAddr> = s
                .get_addresses()
                .iter()
                .map(|ip| SocketAddr::new(ip.to_ip_addr(), s.get_port()))
                .collect();
            addrs.sort_by_key(|a| (a.is_ipv6(), *a));
            let version = s.get_property_val_str("v").and_then(|v| v.parse().ok());
            found.retain(|f| f.instance != instance);
            found.push(Found {
                instance,
                addrs,
                version,
            });
        }
    }
    let _ = daemon.stop_browse(SERVICE);
    let _ = daemon.shutdown();
    found.sort_by(|a, b| a.instance.cmp(&b.instance));
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_announcement_names_nobody() {
        let a = Announcement::new(7420);
        let b = Announcement::new(7420);
        assert_ne!(a.instance, b.instance, "a fresh random name every time");
        let tag = a.instance.strip_prefix("rapporteur-").expect("prefix");
        assert!(
            tag.len() == 8 && tag.bytes().all(|c| c.is_ascii_hexdigit()),
            "{a:?}"
        );
        assert_eq!(a.txt, vec![("v".to_string(), VERSION.to_string())]);
        let info = a.service_info().unwrap();
        assert_eq!(info.get_type(), SERVICE);
        assert_eq!(info.get_port(), 7420);
        assert_eq!(info.get_hostname(), format!("{}.local.", a.instance));
        assert_eq!(info.get_fullname(), format!("{}.{SERVICE}", a.instance));
        let props: Vec<(String, String)> = info
            .get_properties()
            .iter()
            .map(|p| (p.key().to_string(), p.val_str().to_string()))
            .collect();
        assert_eq!(props, a.txt, "nothing else in TXT");
        // Nothing from this machine or user.
        for personal in [std::env::var("HOSTNAME"), std::env::var("USER")]
            .into_iter()
            .flatten()
            .filter(|s| s.len() >= 3)
        {
            assert!(!info.get_hostname().contains(&personal));
            assert!(!info.get_fullname().contains(&personal));
        }
    }
}
