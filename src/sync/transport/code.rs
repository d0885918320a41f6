//! The join code the host shows: 128 random bits as 26 base32 characters (RFC 4648 alphabet,
//! no padding) in groups, e.g. `MZXW6-YTBOI-QGC3T-MNXW4-ZDFOI`. High entropy is the point: a
//! recorded Noise handshake lets anyone test guesses offline, and 2^128 guesses is infeasible.
//!
//! Parsing forgives what people do when typing: lower case, missing or extra dashes and
//! spaces, and `0`/`1`/`8` for `O`/`I`/`B` (digits that are not in the alphabet).

use super::NetError;
use sha2::{Digest, Sha256};
use std::fmt;

const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const CHARS: usize = 26;
/// Domain label mixed into the pre-shared key.
const PSK_LABEL: &[u8] = b"rapporteur join code psk v1\0";

/// A join code: 16 secret bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct JoinCode([u8; 16]);

impl JoinCode {
    /// A new random code.
    pub fn generate() -> Self {
        JoinCode(rand::random())
    }

    /// Parses what a person typed (see the module doc).
    pub fn parse(text: &str) -> Result<Self, NetError> {
        let bad = || NetError::BadCode(text.chars().take(60).collect());
        let mut acc: u32 = 0;
        let mut bits = 0u32;
        let mut out = Vec::with_capacity(17);
        let mut count = 0usize;
        for c in text.chars() {
            let c = match c.to_ascii_uppercase() {
                '-' | ' ' | '\t' => continue,
                '0' => 'O',
                '1' => 'I',
                '8' => 'B',
                c => c,
            };
            let v = ALPHABET
                .iter()
                .position(|&a| a as char == c)
                .ok_or_else(bad)? as u32;
            count += 1;
            acc = (acc << 5) | v;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits) as u8);
                acc &= (1 << bits) - 1;
            }
        }
        // 26 characters carry 130 bits: 16 bytes and 2 bits that must be zero.
        if count != CHARS || out.len() != 16 || acc != 0 {
            return Err(bad());
        }
        let mut key = [0u8; 16];
        key.copy_from_slice(&out);
        Ok(JoinCode(key))
    }

    /// The Noise pre-shared key derived from the code.
    pub fn psk(&self) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(PSK_LABEL);
        h.update(self.0);
        h.finalize().into()
    }
}

impl fmt::Display for JoinCode {
    /// Groups of five, the last of six: `XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut chars = String::with_capacity(CHARS);
        let mut acc: u32 = 0;
        let mut bits = 0u32;
        for &b in &self.0 {
            acc = (acc << 8) | b as u32;
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                chars.push(ALPHABET[((acc >> bits) & 31) as usize] as char);
            }
            acc &= (1 << bits) - 1;
        }
        chars.push(ALPHABET[((acc << (5 - bits)) & 31) as usize] as char);
        for (i, c) in chars.chars().enumerate() {
            if i > 0 && i % 5 == 0 && i < 25 {
                f.write_str("-")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JoinCode(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_forgive_typing() {
        for _ in 0..200 {
            let c = JoinCode::generate();
            let shown = c.to_string();
            assert_eq!(shown.len(), 26 + 4, "{shown}");
            assert_eq!(JoinCode::parse(&shown).unwrap(), c);
            let sloppy = shown.replace('-', " ").to_lowercase().replace('o', "0");
            assert_eq!(JoinCode::parse(&sloppy).unwrap(), c);
        }
        let zero = JoinCode([0; 16]);
        assert_eq!(zero.to_string(), "AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA");
        assert!(
            JoinCode::parse("AAAAA-AAAAA-AAAAA-AAAAA-AAAAAB").is_err(),
            "spare bits set"
        );
        assert!(JoinCode::parse("AAAAA").is_err());
        assert!(JoinCode::parse("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA!").is_err());
        assert_ne!(zero.psk(), JoinCode([1; 16]).psk());
    }
}
