//! A per-peer token bucket (frames per second and bytes per second), so that one misbehaving
//! or compromised peer cannot flood the store. Time is passed in, so tests are deterministic.

use std::time::Instant;

/// Sustained rates and bursts a peer may use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit {
    pub frames_per_sec: f64,
    pub frame_burst: f64,
    pub bytes_per_sec: f64,
    pub byte_burst: f64,
}

impl Default for RateLimit {
    /// Generous for a room (a catch-up after a day offline is a burst of a few MiB), tight
    /// enough that a flood is cut off within seconds.
    fn default() -> Self {
        RateLimit {
            frames_per_sec: 500.0,
            frame_burst: 5_000.0,
            bytes_per_sec: 4.0 * 1024.0 * 1024.0,
            byte_burst: 64.0 * 1024.0 * 1024.0,
        }
    }
}

impl RateLimit {
    /// No limit (simulations and benchmarks).
    pub fn unlimited() -> Self {
        RateLimit {
            frames_per_sec: f64::INFINITY,
            frame_burst: f64::INFINITY,
            bytes_per_sec: f64::INFINITY,
            byte_burst: f64::INFINITY,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Bucket {
    limit: RateLimit,
    frames: f64,
    bytes: f64,
    last: Option<Instant>,
}

impl Bucket {
    pub(crate) fn new(limit: RateLimit) -> Self {
        Bucket {
            limit,
            frames: limit.frame_burst,
            bytes: limit.byte_burst,
            last: None,
        }
    }

    /// Takes one frame of `size` bytes; `Err(what)` names the exhausted budget (and takes
    /// nothing).
    pub(crate) fn take(&mut self, size: usize, now: Instant) -> Result<(), &'static str> {
        if let Some(last) = self.last {
            let dt = now.saturating_duration_since(last).as_secs_f64();
            self.frames =
                (self.frames + dt * self.limit.frames_per_sec).min(self.limit.frame_burst);
            self.bytes = (self.bytes + dt * self.limit.bytes_per_sec).min(self.limit.byte_burst);
        }
        self.last = Some(now);
        let size = size as f64;
        if self.frames < 1.0 {
            return Err("frames per second");
        }
        if self.bytes < size {
            return Err("bytes per second");
        }
        self.frames -= 1.0;
        self.bytes -= size;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_bucket_refuses_a_flood_and_refills_over_time() {
        let limit = RateLimit {
            frames_per_sec: 10.0,
            frame_burst: 3.0,
            bytes_per_sec: 100.0,
            byte_burst: 100.0,
        };
        let mut b = Bucket::new(limit);
        let t0 = Instant::now();
        for _ in 0..3 {
            b.take(10, t0).unwrap();
        }
        assert_eq!(b.take(10, t0), Err("frames per second"));
        let t1 = t0 + Duration::from_millis(200);
        b.take(10, t1).unwrap();
        assert_eq!(b.take(1000, t1), Err("bytes per second"));
    }
}
