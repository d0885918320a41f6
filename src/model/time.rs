//! A time of day as agendas write it, kept as minutes since midnight and shown as 24-hour
//! `HH:MM` (the form of the CLI contract).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A wall-clock time of day without a date or zone, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime {
    minutes: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a time of day: {0:?} (expected HH:MM, 24-hour)")]
pub struct TimeError(pub String);

impl ClockTime {
    pub fn new(hour: u32, minute: u32) -> Option<Self> {
        (hour < 24 && minute < 60).then(|| ClockTime {
            minutes: (hour * 60 + minute) as u16,
        })
    }
    pub fn hour(self) -> u32 {
        u32::from(self.minutes / 60)
    }
    pub fn minute(self) -> u32 {
        u32::from(self.minutes % 60)
    }
    pub fn minutes_since_midnight(self) -> u32 {
        u32::from(self.minutes)
    }
    /// Parses the canonical `HH:MM` form (also `H:MM`). Importers handle the messy forms.
    pub fn parse_hhmm(s: &str) -> Result<Self, TimeError> {
        let err = || TimeError(s.to_string());
        let (h, m) = s.trim().split_once(':').ok_or_else(err)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(err());
        }
        let h: u32 = h.parse().map_err(|_| err())?;
        let m: u32 = m.parse().map_err(|_| err())?;
        ClockTime::new(h, m).ok_or_else(err)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ClockTime::parse_hhmm(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_hhmm() {
        let t = ClockTime::parse_hhmm("9:05").unwrap();
        assert_eq!(t.to_string(), "09:05");
        assert_eq!(
            ClockTime::parse_hhmm("23:59")
                .unwrap()
                .minutes_since_midnight(),
            1439
        );
        assert!(ClockTime::parse_hhmm("24:00").is_err());
        assert!(ClockTime::parse_hhmm("12:5").is_err());
        assert!(ClockTime::parse_hhmm("noon").is_err());
    }
}
