// The Collaborate panel with a relay an organisation runs: a stock Hocuspocus server (started
// here on loopback with a token check, from tests/relay/hocuspocus-server.mjs) is chosen in the
// panel's protocol list; a wrong token shows the relay's refusal; the right one connects, the
// relay listed as a peer; a stock HocuspocusProvider (Node) then writes into session 1.3 and
// the window's editor shows it, and what is typed in the window reaches the provider. Then the
// server goes away: the panel says the relay is unavailable and counts down the retry.
// Screenshots: docs/screenshots/collab-relay-refused.png, collab-relay.png.
// Own tauri-driver port (4461), own temporary database. Needs the stock servers
// (scripts/setup.sh relay): skipped without them, failed under CI.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Key } from 'webdriverio';
import { cli, root, screenshot, startApp } from './harness.mjs';

const port = Number(process.env.TAURI_DRIVER_PORT_RELAY ?? 4461);
const servers = process.env.RAPPORTEUR_SERVERS_DIR ?? join(homedir(), '.cache/rapporteur-servers');
const installed = existsSync(join(servers, '.installed-lock'));
if (!installed && process.env.CI) throw new Error(`the stock servers are not installed in ${servers} (scripts/setup.sh relay)`);
const skip = installed ? false : `the stock servers are not installed in ${servers} (scripts/setup.sh relay)`;
const TOKEN = 'panel-t0ken';
const NODE_PATH = join(servers, 'node_modules');

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-relay-'));
const db = join(dir, 'rapporteur.db');
let app;
let A;
let server;
let url;

/** Starts the Hocuspocus server; resolves with its URL once it listens. */
function startServer() {
  return new Promise((resolve, reject) => {
    const args = [join(root, 'tests/relay/hocuspocus-server.mjs'), '--token', TOKEN, '--quiet'];
    server = spawn('node', args, { env: { ...process.env, NODE_PATH }, stdio: ['ignore', 'pipe', 'inherit'] });
    server.stdout.on('data', (d) => {
      const m = /listening (\d+)/.exec(String(d));
      if (m) resolve(`ws://127.0.0.1:${m[1]}`);
    });
    server.once('exit', (code) => reject(new Error(`the Hocuspocus server exited (${code})`)));
  });
}

/** The stock provider on `name` with `args`; resolves with its stdout lines. */
function provider(name, args) {
  return new Promise((resolve, reject) => {
    execFile('node', [join(root, 'tests/relay/hocuspocus-client.mjs'), url, name, '--token', TOKEN, ...args], { env: { ...process.env, NODE_PATH } }, (err, stdout, stderr) =>
      err ? reject(new Error(`provider: ${stderr}`)) : resolve(stdout.trim().split('\n')),
    );
  });
}

const text = (sel) => A.execute((s) => document.querySelector(s)?.textContent ?? '', sel);

async function waitText(sel, re, what, timeout = 20000) {
  let last = '';
  await A.waitUntil(
    async () => {
      last = await text(sel);
      return re.test(last);
    },
    { timeout, interval: 200, timeoutMsg: `${what}: ${sel} shows ${JSON.stringify(last)}` },
  );
  return last;
}

async function syncThroughRelay(token) {
  // The relay form is at the foot of the panel: in view first, as a person would scroll to it.
  await A.$('#collab-relay-form').scrollIntoView();
  await A.$('#collab-relay-url').setValue(url);
  await A.$('#collab-relay-protocol').selectByAttribute('value', 'hocuspocus');
  await A.$('#collab-relay-token').setValue(token);
  await A.$('#collab-relay').click();
}

before(async () => {
  if (skip) return;
  url = await startServer();
  app = await startApp(port, db);
  A = app.browser;
  await A.$('nav.sidebar button.session-link').waitForExist({ timeout: 20000 });
});

after(async () => {
  await app?.stop();
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('a wrong token: the panel shows the relay refused it', { skip }, async () => {
  await A.$('#main').click();
  await A.keys([Key.Ctrl, Key.Shift, 'l']);
  await A.$('#collab').waitForDisplayed({ timeout: 5000 });
  const options = await A.execute(() => [...document.querySelectorAll('#collab-relay-protocol option')].map((o) => o.value));
  assert.deepEqual(options, ['y-websocket', 'hocuspocus']);
  await syncThroughRelay('not-the-token');
  await waitText('#collab-summary', /^Refused by the relay/, 'the refusal');
  const err = await waitText('#collab-error', /the relay refused access/, 'the error');
  assert.match(err, /check the token/);
  assert.equal(await text('#collab-badge'), 'Relay refused');
  assert.ok(await A.$('#collab-relay-form').isDisplayed(), 'the form is back, to try another token');
  await screenshot(A, 'collab-relay-refused.png');
});

test('the right token: connected, and edits cross a stock HocuspocusProvider both ways', { skip }, async () => {
  await syncThroughRelay(TOKEN);
  await waitText('#collab-summary', /^Syncing through the Hocuspocus relay ws:\/\/127\.0\.0\.1:\d+$/, 'the relay connected');
  await waitText('#collab-peers', /The relay.*Connected/, 'the relay listed as a peer');
  const agenda = JSON.parse(cli(db, 'agenda', '--json'));
  const event = agenda.event.id;
  const session = agenda.days[0].sessions[2].id;
  const fromNode = 'From a HocuspocusProvider: IOM will circulate the terms of reference.';
  await provider(`${event}/${session}`, ['--append', fromNode]);
  await A.$('nav.sidebar button.session-link[data-ref="1.3"]').click();
  const notes = await A.$('[data-testid="notes-editor"]');
  await notes.waitForExist({ timeout: 10000 });
  await A.waitUntil(async () => (await notes.getText()).includes(fromNode), { timeout: 20000, timeoutMsg: 'the provider\'s text never reached the editor' });
  const typed = ' Typed in the window: FAO agreed.';
  await notes.click();
  await A.keys([Key.Ctrl, Key.End]);
  await notes.addValue(typed);
  const [seen] = await provider(`${event}/${session}`, ['--wait-for', typed.trim()]);
  assert.ok(JSON.parse(seen).includes(fromNode));
  await waitText('#collab-peers', /last synced/, 'the relay synced');
  await screenshot(A, 'collab-relay.png');
});

test('the relay going away: unavailable, retrying', { skip }, async () => {
  server.kill();
  await waitText('#collab-summary', /^Relay ws:\/\/127\.0\.0\.1:\d+ unavailable — .*trying again in \d+ s$/, 'the retry');
  assert.equal(await text('#collab-badge'), 'Relay offline');
});
