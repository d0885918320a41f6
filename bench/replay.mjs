// Yjs half of the Rust-vs-Yjs replay benchmark (the issue's "same editing trace replayed
// through Rust and through Yjs in Node, side by side"). It exists to compare yrs, which the
// core uses, with the reference implementation the window uses, on the same keystrokes.
//
// Generates the keystroke trace of bench/keytrace.rs with the same generator
// (mulberry32, integer decisions only; this file must follow that one line for line), replays
// it into one Y.Text `notes` with one transaction per keystroke, collecting every update from
// doc.on('update'), with the client id bench_replay used; then applies those updates one by
// one to a fresh doc and loads the encoded state, as the Rust half does. Then cross-checks against the Rust
// run in DIR (written by `target/release/examples/bench_replay`): the same final text, the
// Rust state applied to a fresh Y.Doc gives that text, and whether the encoded states are the
// same bytes. Prints the side-by-side Markdown table on stdout.
//
// usage: node bench/replay.mjs DIR        (DIR holds rust.json; `bench/run.sh replay` runs both)
import * as Y from 'yjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/replay.mjs DIR');
  process.exit(2);
}
const rust = JSON.parse(readFileSync(`${dir}/rust.json`, 'utf8'));
const { seed, ops: n, runs, client_id: clientId } = rust;

function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return { next, below: (k) => next() % k };
}

// The Typist of keytrace.rs. An op is [pos, char] for an insert, [pos, null] for a delete.
function typist(seed, len) {
  const r = rng(seed);
  const s = { len, cursor: len, line: 0, lineTarget: 60 + r.below(21), lines: 0, word: 1 + r.below(10), blankDue: false, detour: 0 };
  const letter = () => String.fromCharCode(97 + r.below(26));
  return () => {
    if (s.detour > 0) {
      s.detour -= 1;
      if (s.detour === 0) s.cursor = s.len;
    } else if (s.cursor > 0 && r.below(1000) < 4) {
      s.cursor = r.below(s.cursor);
      s.detour = 5 + r.below(40);
    }
    if (s.cursor > 0 && r.below(100) < 5) {
      s.cursor -= 1;
      s.len -= 1;
      if (s.detour === 0) s.line = Math.max(0, s.line - 1);
      return [s.cursor, null];
    }
    let ch;
    if (s.detour > 0) {
      ch = letter();
    } else if (s.blankDue) {
      s.blankDue = false;
      ch = '\n';
    } else if (s.line >= s.lineTarget) {
      s.line = 0;
      s.lineTarget = 60 + r.below(21);
      s.lines += 1;
      s.blankDue = s.lines % 3 === 0;
      ch = '\n';
    } else if (s.word === 0) {
      s.word = 1 + r.below(10);
      s.line += 1;
      ch = ' ';
    } else {
      s.word -= 1;
      s.line += 1;
      ch = letter();
    }
    const pos = s.cursor;
    s.cursor += 1;
    s.len += 1;
    return [pos, ch];
  };
}

function replay(ops) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const text = doc.getText('notes');
  const updates = [];
  doc.on('update', (u) => updates.push(u));
  const start = performance.now();
  for (const [pos, ch] of ops) {
    doc.transact(() => {
      if (ch === null) text.delete(pos, 1);
      else text.insert(pos, ch);
    });
  }
  const ms = performance.now() - start;
  return { ms, updates, doc, text };
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const loadStart = load();

const next = typist(seed, 0);
const ops = Array.from({ length: n }, next);
const deletes = ops.filter(([, ch]) => ch === null).length;
const times = [];
let last;
for (let i = 0; i < runs; i++) {
  last = replay(ops);
  times.push(last.ms);
}
const finalText = last.text.toString();
const state = Y.encodeStateAsUpdate(last.doc);
const updateSum = last.updates.reduce((s, u) => s + u.length, 0);
// Applying the collected updates one by one to a fresh doc (what a receiving peer does).
const applyTimes = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const fresh = new Y.Doc();
  for (const u of last.updates) Y.applyUpdate(fresh, u);
  applyTimes.push(performance.now() - start);
  if (fresh.getText('notes').toString() !== finalText) throw new Error('updates applied give another text');
}
const loadTimes = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, state);
  const len = fresh.getText('notes').length;
  loadTimes.push(performance.now() - start);
  if (len !== last.text.length) throw new Error('loaded state has another length');
}
const loadEnd = load();

// Cross-checks against the Rust run.
const rustText = readFileSync(`${dir}/rust-text.txt`, 'utf8');
const rustState = new Uint8Array(readFileSync(`${dir}/rust-state.bin`));
const fromRust = new Y.Doc();
Y.applyUpdate(fromRust, rustState);
const checks = {
  same_deletes: deletes === rust.deletes,
  same_text: finalText === rustText,
  rust_state_in_yjs_gives_same_text: fromRust.getText('notes').toString() === finalText,
  identical_state_bytes: Buffer.compare(Buffer.from(state), Buffer.from(rustState)) === 0,
};
const yjsVersion = createRequire(import.meta.url)('yjs/package.json').version;
const lock = readFileSync(new URL('../Cargo.lock', import.meta.url), 'utf8');
const yrsVersion = (lock.match(/name = "yrs"\nversion = "([^"]+)"/) || [])[1] || '?';
writeFileSync(
  `${dir}/yjs.json`,
  JSON.stringify({ seed, ops: n, deletes, runs, replay_ms: median(times), replay_ms_all: times, final_length: finalText.length, state_bytes: state.length, update_bytes_sum: updateSum, load_state_ms: median(loadTimes), apply_updates_ms: median(applyTimes), load: [loadStart, loadEnd], checks }, null, 2),
);

const f = (x, d = 1) => x.toFixed(d);
const int = (x) => x.toLocaleString('en-US');
const rows = [
  ['keystrokes replayed (deletes among them)', `${int(n)} (${int(rust.deletes)})`, `${int(n)} (${int(deletes)})`],
  [`replay, one transaction per keystroke (median of ${runs})`, `${f(rust.replay_ms)} ms`, `${f(median(times))} ms`],
  ['per keystroke', `${f((rust.replay_ms * 1000) / n, 2)} µs`, `${f((median(times) * 1000) / n, 2)} µs`],
  ['final document length (characters)', int(rust.final_length), int(finalText.length)],
  ['encoded state (`encode_state_as_update_v1` / `encodeStateAsUpdate`)', `${int(rust.state_bytes)} B`, `${int(state.length)} B`],
  ['sum of the per-keystroke update sizes', `${int(rust.update_bytes_sum)} B`, `${int(updateSum)} B`],
  ['mean update size', `${f(rust.update_bytes_sum / n)} B`, `${f(updateSum / n)} B`],
  [`applying the ${int(n)} updates one by one to a fresh doc (median of ${runs})`, `${f(rust.apply_updates_ms)} ms`, `${f(median(applyTimes))} ms`],
  [`loading the encoded state into a fresh doc (median of ${runs})`, `${f(rust.load_state_ms, 2)} ms`, `${f(median(loadTimes), 2)} ms`],
  ['load average (1, 5, 15 min) before → after', `${rust.load[0]} → ${rust.load[1]}`, `${loadStart} → ${loadEnd}`],
];
console.log(`| measure (seed ${seed}) | yrs ${yrsVersion} (Rust, release) | Yjs ${yjsVersion} (Node ${process.version}) |`);
console.log('|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('');
console.log(
  `Cross-check: same text ${checks.same_text ? 'yes' : 'NO'}; the Rust state loaded in Yjs gives that text ${checks.rust_state_in_yjs_gives_same_text ? 'yes' : 'NO'}; encoded states byte-identical ${checks.identical_state_bytes ? 'yes' : 'no'}.`,
);
if (!checks.same_deletes || !checks.same_text || !checks.rust_state_in_yjs_gives_same_text) process.exit(1);
