// The relay load benchmark (docs/benchmarks.md, "Relays under load"): simulated rapporteurs
// typing into the session documents of one event through
//   - two Hocuspocus 4 instances sharing one redis-server (@hocuspocus/extension-redis, with
//     @hocuspocus/extension-sqlite persistence), the clients split across them, and
//   - the reference y-websocket server (y-websocket@1.5.4), one instance,
// all started here on 127.0.0.1 and stopped at the end. The rapporteurs are Node Yjs clients
// (the stock HocuspocusProvider / y-websocket's WebsocketProvider, each on its own socket, as
// separate machines would be) plus a few app processes (`rapporteur sync --relay …`, every
// document of the event, typing through `rapporteur note --append`).
//
// Each Node keystroke is one character appended to the session's `notes`; it is identified by
// its Yjs item id (client, clock), timed when typed, and timed again when each other client of
// that document sees it (decoding every update it receives): p50/p95/p99 of keystroke → every
// other client. Lost = keystrokes some client never saw (after a grace period); the app
// processes are checked at the end by comparing their notes with the clients' (converged or
// not). Server memory is the resident size (and peak) of the server processes at the end; bytes
// per keystroke are the WebSocket payload bytes the Node clients sent and received, per Node
// keystroke.
//
// usage: node bench/relay_load.mjs CLI [--clients 50] [--apps 3] [--docs 16] [--rate 4]
//        [--app-rate 1] [--seconds 60] [--only hocuspocus|reference] [--json FILE]
// NODE_PATH must reach the stock servers (scripts/setup.sh relay); bench/run.sh relay sets it.
import { createRequire } from 'node:module';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const Y = require('yjs');
const WebSocket = require('ws');
const { HocuspocusProvider, HocuspocusProviderWebsocket } = require('@hocuspocus/provider');
const { WebsocketProvider } = require('y-websocket');

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const cliPath = resolve(args[0] ?? 'target/release/rapporteur');
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const CLIENTS = Number(opt('clients', 50));
const APPS = Number(opt('apps', 3));
const DOCS = Number(opt('docs', 16));
const RATE = Number(opt('rate', 4));
const APP_RATE = Number(opt('app-rate', 1));
const SECONDS = Number(opt('seconds', 60));
const GRACE_MS = 15000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-relay-bench-'));
const children = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

const freePort = () =>
  new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });

/** Spawns a process and resolves once a stdout line matches `ready` (with the match). */
function start(cmd, argv, ready, env = {}) {
  return new Promise((resolveStart, reject) => {
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const m = ready.exec(buf);
      if (m) resolveStart({ child, m });
    });
    child.once('exit', (code) => reject(new Error(`${cmd} ${argv.join(' ')} exited (${code})`)));
  });
}

const cli = (db, ...a) => execFileSync(cliPath, ['--db', db, ...a], { encoding: 'utf8' });
const memory = (pid) => {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
};

/** A `ws` WebSocket that counts the payload bytes it sends and receives. */
const bytes = { sent: 0, received: 0 };
class CountingSocket extends WebSocket {
  constructor(...a) {
    super(...a);
    this.on('message', (d) => (bytes.received += d.length ?? d.byteLength));
  }
  send(data, ...rest) {
    bytes.sent += data.byteLength ?? data.length;
    return super.send(data, ...rest);
  }
}

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

async function scenario(kind) {
  bytes.sent = bytes.received = 0;
  const servers = [];
  if (kind === 'hocuspocus') {
    const redisPort = await freePort();
    const redis = await start('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], /Ready to accept connections/);
    servers.push({ name: 'redis-server', child: redis.child });
    const sqlite = join(dir, `${kind}.sqlite`);
    for (const n of [1, 2]) {
      // Hocuspocus's own store debounce (2 s, at most 10 s), as deployed.
      const argv = [join(root, 'tests/relay/hocuspocus-server.mjs'), '--redis', String(redisPort), '--sqlite', sqlite, '--debounce', '2000', '--max-debounce', '10000', '--quiet', '--name', `hp${n}`];
      const hp = await start('node', argv, /listening (\d+)/);
      servers.push({ name: `hocuspocus ${n}`, child: hp.child, url: `ws://127.0.0.1:${hp.m[1]}` });
    }
  } else {
    const ref = await start('node', [join(root, 'tests/relay/ws-server.mjs'), '--impl', 'y-websocket'], /listening (\d+)/);
    servers.push({ name: 'y-websocket server', child: ref.child, url: `ws://127.0.0.1:${ref.m[1]}` });
  }
  const urls = servers.filter((s) => s.url).map((s) => s.url);
  const protocol = kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket';

  // The event, in the first app's database, pushed to the relay; the other apps fetch it.
  const dbs = Array.from({ length: APPS }, (_, i) => join(dir, `${kind}-app${i}.db`));
  const event = cli(dbs[0], 'demo').trim();
  const agenda = JSON.parse(cli(dbs[0], 'agenda', '--event', event, '--json'));
  const sessions = agenda.days.flatMap((d) => d.sessions.map((s) => s.id)).slice(0, DOCS);
  const relayOf = (i) => urls[i % urls.length];
  for (const [i, db] of dbs.entries()) cli(db, 'sync', '--relay', relayOf(i), '--protocol', protocol, '--once', '--event', event);
  const apps = dbs.map((db, i) => {
    const child = spawn(cliPath, ['--db', db, 'sync', '--relay', relayOf(i), '--protocol', protocol, '--event', event], { stdio: 'ignore' });
    children.push(child);
    return child;
  });

  // The Node rapporteurs, each on its own socket, split across the instances.
  const clients = [];
  for (let c = 0; c < CLIENTS - APPS; c++) {
    const doc = new Y.Doc();
    const session = sessions[c % sessions.length];
    // The clients of one document alternate between the instances.
    const url = relayOf(c + Math.floor(c / sessions.length));
    const name = `${event}/${session}`;
    let provider;
    let socket;
    if (kind === 'hocuspocus') {
      socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: CountingSocket });
      provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc });
      provider.attach();
    } else {
      // No BroadcastChannel: in one process it would pass updates between the clients directly.
      provider = new WebsocketProvider(url, name, doc, { WebSocketPolyfill: CountingSocket, disableBc: true });
    }
    clients.push({ doc, session, provider, socket, url, synced: false });
    provider.on('synced', () => (clients[c].synced = true));
    provider.on('sync', (s) => s && (clients[c].synced = true));
  }
  const deadline = Date.now() + 60000;
  while (clients.some((c) => !c.synced)) {
    if (Date.now() > deadline) throw new Error(`${clients.filter((c) => !c.synced).length} clients never synced`);
    await sleep(100);
  }

  // Keystrokes: sent time per (client, clock); receipts per keystroke; latencies.
  const sent = new Map();
  const seen = new Map();
  const latencies = [];
  // The same, split by whether sender and receiver are on the same instance.
  const sameInstance = [];
  const acrossInstances = [];
  const urlOf = new Map();
  const perDoc = new Map();
  for (const c of clients) perDoc.set(c.session, (perDoc.get(c.session) ?? 0) + 1);
  for (const c of clients) urlOf.set(c.doc.clientID, c.url);
  for (const c of clients) {
    c.doc.on('update', (update, origin) => {
      if (origin === null || origin === undefined || origin === c.doc) return;
      const now = performance.now();
      for (const s of Y.decodeUpdate(update).structs) {
        if (s.id.client === c.doc.clientID || s.constructor.name === 'Skip') continue;
        for (let k = s.id.clock; k < s.id.clock + s.length; k++) {
          const key = `${s.id.client}:${k}`;
          const t = sent.get(key);
          if (t === undefined) continue;
          seen.set(key, (seen.get(key) ?? 0) + 1);
          latencies.push(now - t);
          (urlOf.get(s.id.client) === c.url ? sameInstance : acrossInstances).push(now - t);
        }
      }
    });
  }
  const letters = 'abcdefghijklmnopqrstuvwxyz     ';
  let typed = 0;
  let appTyped = 0;
  const stopAt = performance.now() + SECONDS * 1000;
  const timers = clients.map((c) =>
    setTimeout(function tick() {
      if (performance.now() >= stopAt) return;
      const text = c.doc.getText('notes');
      const clock = Y.getState(c.doc.store, c.doc.clientID);
      sent.set(`${c.doc.clientID}:${clock}`, performance.now());
      c.expect = perDoc.get(c.session) - 1;
      text.insert(text.length, letters[Math.floor(Math.random() * letters.length)]);
      typed++;
      c.timer = setTimeout(tick, 1000 / RATE);
    }, Math.random() * (1000 / RATE)),
  );
  const appTimers = dbs.map((db, i) =>
    setInterval(() => {
      if (performance.now() >= stopAt || APP_RATE <= 0) return;
      const session = sessions[(i * 5 + appTyped) % sessions.length];
      const child = spawn(cliPath, ['--db', db, 'note', session, '--event', event, '--append', `app${i} ${appTyped}`], { stdio: 'ignore' });
      child.on('exit', (code) => code === 0 && appTyped++);
    }, 1000 / Math.max(APP_RATE, 0.001)),
  );
  await sleep(SECONDS * 1000);
  timers.forEach(clearTimeout);
  clients.forEach((c) => clearTimeout(c.timer));
  appTimers.forEach(clearInterval);

  // Grace: until every keystroke reached every other client of its document, or time is up.
  const owner = new Map(clients.map((c) => [c.doc.clientID, c]));
  const missing = () => {
    let lost = 0;
    for (const key of sent.keys()) {
      const c = owner.get(Number(key.split(':')[0]));
      lost += Math.max(0, perDoc.get(c.session) - 1 - (seen.get(key) ?? 0));
    }
    return lost;
  };
  const graceEnd = Date.now() + GRACE_MS;
  while (missing() > 0 && Date.now() < graceEnd) await sleep(250);
  const lost = missing();
  // The apps' notes against the clients' (the apps type paragraphs too: compare once all is in).
  await sleep(2000);
  let appsConverged = 0;
  let appsDiffering = [];
  for (const [i, db] of dbs.entries()) {
    let same = true;
    for (const session of sessions) {
      const client = clients.find((c) => c.session === session);
      const mine = cli(db, 'notes', session, '--event', event).replace(/\n+$/, '');
      if (mine !== client.doc.getText('notes').toString().replace(/\n+$/, '')) same = false;
    }
    if (same) appsConverged++;
    else appsDiffering.push(i);
  }
  const mem = servers.map((s) => ({ name: s.name, ...memory(s.child.pid) }));
  latencies.sort((x, y) => x - y);
  sameInstance.sort((x, y) => x - y);
  acrossInstances.sort((x, y) => x - y);
  const result = {
    kind,
    servers: servers.map((s) => s.name),
    clients: CLIENTS,
    nodeClients: clients.length,
    apps: APPS,
    docs: sessions.length,
    seconds: SECONDS,
    keystrokes: typed,
    appParagraphs: appTyped,
    deliveries: latencies.length,
    lost,
    appsConverged,
    appsDiffering,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    max: latencies[latencies.length - 1],
    p95SameInstance: pct(sameInstance, 95),
    p95AcrossInstances: pct(acrossInstances, 95),
    load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    bytesPerKeystroke: (bytes.sent + bytes.received) / Math.max(typed, 1),
    memory: mem,
  };
  for (const c of clients) {
    c.provider.destroy();
    c.socket?.destroy();
  }
  apps.forEach((a) => a.kill());
  // Redis last: the instances would complain of losing it.
  [...servers].reverse().forEach((s) => s.child.kill());
  await sleep(500);
  return result;
}

const kinds = opt('only') ? [opt('only')] : ['hocuspocus', 'reference'];
const results = [];
for (const k of kinds) {
  process.stderr.write(`relay load: ${k}, ${CLIENTS} rapporteurs (${APPS} app processes), ${DOCS} documents, ${RATE} keys/s, ${SECONDS} s\n`);
  results.push(await scenario(k));
  process.stderr.write(JSON.stringify(results.at(-1)) + '\n');
}
if (opt('json')) writeFileSync(opt('json'), JSON.stringify(results, null, 2));
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const rows = results.map((r) => {
  const mem = r.memory.map((m) => `${m.name} ${m.rssMb.toFixed(0)} MB (peak ${m.peakMb.toFixed(0)})`).join('; ');
  const label = r.kind === 'hocuspocus' ? 'two Hocuspocus 4 + Redis (SQLite)' : 'reference y-websocket server';
  return `| ${label} | ${r.keystrokes} | ${r.lost} | ${r.appsConverged}/${r.apps} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max)} | ${r.bytesPerKeystroke.toFixed(0)} | ${mem} |`;
});
console.log('| relay | Node keystrokes | lost | apps converged | p50 ms | p95 ms | p99 ms | max ms | bytes / keystroke | server memory (RSS) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
rows.forEach((r) => console.log(r));
rmSync(dir, { recursive: true, force: true });
process.exit(0);
