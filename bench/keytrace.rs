//! A typist's keystroke trace, shared by the benchmarks `bench_sync` (keystroke mode) and
//! `bench_replay`. It exists so that the convergence benchmark measures what the window really
//! sends (one Yjs update per keystroke into a session's `notes`) and so that Rust and Yjs can
//! replay the very same operations: `bench/replay.mjs` implements this generator line for line
//! in JavaScript (mulberry32, integer decisions only), and the replay cross-checks the texts.
//!
//! The typist types words of 1–10 letters separated by spaces at a cursor that moves forward,
//! presses Enter after 60–80 characters on a line (after one line in three twice, a blank line
//! that starts a new Markdown paragraph), backspaces 5 % of the time, and now and then (0.4 %
//! of keystrokes) jumps to an earlier position, types or deletes a few characters there
//! (5–44 keystrokes) and returns to the end. Characters are ASCII, so offsets are the same in
//! UTF-8 bytes (yrs) and UTF-16 units (Yjs).

/// mulberry32: a tiny 32-bit PRNG that JavaScript computes bit for bit the same.
pub struct Rng(u32);

impl Rng {
    pub fn new(seed: u32) -> Self {
        Rng(seed)
    }

    pub fn next_u32(&mut self) -> u32 {
        self.0 = self.0.wrapping_add(0x6D2B_79F5);
        let a = self.0;
        let mut t = (a ^ (a >> 15)).wrapping_mul(1 | a);
        t = t.wrapping_add((t ^ (t >> 7)).wrapping_mul(61 | t)) ^ t;
        t ^ (t >> 14)
    }

    /// An integer in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u32) -> u32 {
        self.next_u32() % n
    }
}

/// One keystroke: insert one character at `pos`, or delete the character at `pos` (a
/// backspace with the cursor at `pos + 1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Insert { pos: u32, ch: char },
    Delete { pos: u32 },
}

pub struct Typist {
    rng: Rng,
    len: u32,
    cursor: u32,
    /// Characters typed on the current line, and where the line ends.
    line: u32,
    line_target: u32,
    lines: u32,
    /// Letters left in the current word.
    word: u32,
    /// A second Enter is due (blank line).
    blank_due: bool,
    /// Keystrokes left before returning to the end after a jump back; 0 when at the end.
    detour: u32,
}

impl Typist {
    /// A typist at the end of a text of `len` characters.
    pub fn new(seed: u32, len: u32) -> Self {
        let mut rng = Rng::new(seed);
        let line_target = 60 + rng.below(21);
        let word = 1 + rng.below(10);
        Typist {
            rng,
            len,
            cursor: len,
            line: 0,
            line_target,
            lines: 0,
            word,
            blank_due: false,
            detour: 0,
        }
    }

    /// The next edit (cursor moves happen inside and are not edits).
    pub fn next_op(&mut self) -> Op {
        let r = &mut self.rng;
        if self.detour > 0 {
            self.detour -= 1;
            if self.detour == 0 {
                self.cursor = self.len;
            }
        } else if self.cursor > 0 && r.below(1000) < 4 {
            self.cursor = r.below(self.cursor);
            self.detour = 5 + r.below(40);
        }
        if self.cursor > 0 && r.below(100) < 5 {
            self.cursor -= 1;
            self.len -= 1;
            if self.detour == 0 {
                self.line = self.line.saturating_sub(1);
            }
            return Op::Delete { pos: self.cursor };
        }
        let ch = if self.detour > 0 {
            (b'a' + r.below(26) as u8) as char
        } else if self.blank_due {
            self.blank_due = false;
            '\n'
        } else if self.line >= self.line_target {
            self.line = 0;
            self.line_target = 60 + r.below(21);
            self.lines += 1;
            self.blank_due = self.lines.is_multiple_of(3);
            '\n'
        } else if self.word == 0 {
            self.word = 1 + r.below(10);
            self.line += 1;
            ' '
        } else {
            self.word -= 1;
            self.line += 1;
            (b'a' + r.below(26) as u8) as char
        };
        let pos = self.cursor;
        self.cursor += 1;
        self.len += 1;
        Op::Insert { pos, ch }
    }
}
