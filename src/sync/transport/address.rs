//! Where a host in the room listens, and the addresses people type to reach it: the one
//! default port, and the one reading of `HOST`, `HOST:PORT`, a bare IPv6 address or
//! `[IPv6]:PORT` that `rapporteur join` and the window's Join form share.

use super::NetError;

/// The port `serve` listens on and `join` assumes when an address names none.
pub const DEFAULT_PORT: u16 = 7420;

/// What `serve` listens on by default: every address of this machine, [`DEFAULT_PORT`].
pub const DEFAULT_LISTEN: &str = "0.0.0.0:7420";

/// `address` as `host:port`, with [`DEFAULT_PORT`] added when it names none. A bare IPv6
/// address (`2001:db8::1`) gets brackets (`[2001:db8::1]:7420`); `[v6]:port` is kept. An
/// address without a host is refused.
pub fn with_default_port(address: &str) -> Result<String, NetError> {
    let address = address.trim();
    let has_port = match address.rsplit_once(':') {
        Some((host, p)) => p.parse::<u16>().is_ok() && (!host.contains(':') || host.ends_with(']')),
        None => false,
    };
    let full = if has_port {
        address.to_string()
    } else if address.contains(':') && !address.starts_with('[') {
        format!("[{address}]:{DEFAULT_PORT}")
    } else {
        format!("{address}:{DEFAULT_PORT}")
    };
    if full.starts_with(':') || full.starts_with("[]") {
        return Err(NetError::BadUrl {
            url: address.into(),
            reason: "no host".into(),
        });
    }
    Ok(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_port_gets_the_default_and_bare_ipv6_gets_brackets() {
        let w = |a: &str| with_default_port(a).unwrap();
        assert_eq!(w("192.168.1.20"), "192.168.1.20:7420");
        assert_eq!(w(" 10.0.0.2:9000 "), "10.0.0.2:9000");
        assert_eq!(w("host.local"), "host.local:7420");
        assert_eq!(w("[fe80::1]:80"), "[fe80::1]:80");
        assert_eq!(w("2001:db8::1"), "[2001:db8::1]:7420");
        assert_eq!(w("[2001:db8::1]"), "[2001:db8::1]:7420");
        assert!(with_default_port("").is_err());
        assert!(with_default_port(":7420").is_err());
        assert_eq!(DEFAULT_LISTEN, format!("0.0.0.0:{DEFAULT_PORT}"));
    }
}
