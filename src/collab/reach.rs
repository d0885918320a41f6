//! How others reach a host: this machine's addresses (a laptop on venue Wi-Fi usually has one
//! that matters, sometimes several) and a QR code of the first address with the join code,
//! made here as SVG so the window needs nothing remote to show it.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use std::net::IpAddr;

/// `IP:port` for each non-loopback IPv4 address of this machine (then global IPv6 ones), or
/// the loopback address when there is no other (a laptop with no network can still host for
/// itself, e.g. in a test).
pub fn local_addresses(port: u16) -> Vec<String> {
    let mut ips: Vec<IpAddr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .map(|i| i.ip())
        .filter(|ip| match ip {
            IpAddr::V4(v4) => !v4.is_loopback() && !v4.is_unspecified(),
            // Link-local and unique-local addresses need a zone or are rarely routable here.
            IpAddr::V6(v6) => (v6.segments()[0] & 0xe000) == 0x2000,
        })
        .collect();
    ips.sort_by_key(|ip| (ip.is_ipv6(), *ip));
    ips.dedup();
    if ips.is_empty() {
        ips.push(IpAddr::from([127, 0, 0, 1]));
    }
    ips.into_iter()
        .map(|ip| std::net::SocketAddr::new(ip, port).to_string())
        .collect()
}

/// What the QR code carries: the address and the code, as a person would type them.
pub fn qr_text(address: &str, code: &str) -> String {
    format!("{address} {code}")
}

/// `text` as a QR code in SVG (black on white with its quiet zone, so it scans in dark mode).
pub fn qr_svg(text: &str) -> Result<String, String> {
    let qr = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| format!("cannot make a QR code of {} bytes: {e}", text.len()))?;
    Ok(qr
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_carry_the_port_and_never_come_back_empty() {
        let all = local_addresses(4321);
        assert!(!all.is_empty());
        for a in &all {
            let sa: std::net::SocketAddr = a.parse().unwrap();
            assert_eq!(sa.port(), 4321);
            assert!(!sa.ip().is_unspecified(), "{a}");
        }
    }

    #[test]
    fn the_qr_code_is_an_svg_image_sized_for_the_text() {
        let svg = qr_svg(&qr_text(
            "192.168.1.20:7420",
            "MZXW6-YTBOI-QGC3T-MNXW4-ZDFOI",
        ))
        .unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg") && svg.ends_with("</svg>"));
        assert!(!svg.contains("<script"));
        // More text needs more modules: the image really encodes its input.
        let small = qr_svg("a").unwrap();
        assert!(svg.len() > small.len());
    }
}
