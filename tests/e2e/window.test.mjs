// The real window, end to end: start Rapporteur on a fresh database through tauri-driver
// (WebKitWebDriver underneath), open the sample event and session 2.1, type into Notes, wait
// for "Saved", and check with the CLI that the text is in the database. Screenshots go to
// docs/screenshots/. Run by `make test` under dbus-run-session + xvfb-run.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect } from 'node:net';
import { remote } from 'webdriverio';

const root = resolve(import.meta.dirname, '../..');
const app = process.env.RAPPORTEUR_APP ?? join(root, 'target/debug/rapporteur-desktop');
const cli = process.env.RAPPORTEUR_CLI ?? join(root, 'target/debug/rapporteur');
const shots = join(root, 'docs/screenshots');
const toolBin = join(homedir(), '.cache/rapporteur-tools/bin/tauri-driver');
const tauriDriverPath = process.env.TAURI_DRIVER ?? (existsSync(toolBin) ? toolBin : 'tauri-driver');
const port = Number(process.env.TAURI_DRIVER_PORT ?? 4444);
const nativePort = Number(process.env.TAURI_NATIVE_PORT ?? 4445);

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-'));
const db = join(dir, 'rapporteur.db');
let driver;
let browser;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until tauri-driver accepts connections (a TCP connect: an HTTP request would be
 * proxied to WebKitWebDriver before it exists, and tauri-driver logs that as an error). */
async function waitForPort() {
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((done) => {
      const sock = connect(port, '127.0.0.1', () => {
        sock.end();
        done(true);
      });
      sock.on('error', () => done(false));
    });
    if (up) return;
    await sleep(100);
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

/** A screenshot of the whole X display (the window), as TOOLCHAIN.md describes. */
async function screenshot(name) {
  mkdirSync(shots, { recursive: true });
  const file = join(shots, name);
  await sleep(300); // let the last frame paint
  try {
    execFileSync('import', ['-window', 'root', file], { stdio: 'pipe' });
  } catch {
    await browser.saveScreenshot(file);
  }
  return file;
}

function cliOut(...args) {
  return execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });
}

before(async () => {
  assert.ok(existsSync(app), `build the window first: ${app}`);
  driver = spawn(tauriDriverPath, ['--port', String(port), '--native-port', String(nativePort)], {
    env: { ...process.env, RAPPORTEUR_DB: db },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForPort();
  browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'warn',
    capabilities: {
      'tauri:options': { application: app },
      'wdio:enforceWebDriverClassic': true,
    },
  });
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  driver?.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('a fresh start opens the sample event; the start view lists it', async () => {
  const firstRow = await browser.$('nav.sidebar button.session-link');
  await firstRow.waitForExist({ timeout: 15000 });
  await screenshot('first-start.png');
  const eventTitle = await browser.execute(() => document.querySelector('.topbar-event')?.textContent);
  assert.match(eventTitle, /Global Migration Group|GMG/i);

  await browser.$('#home').click();
  const card = await browser.$('.event-card');
  await card.waitForExist({ timeout: 5000 });
  assert.match(await card.getText(), /Global Migration Group|GMG/i);
  assert.ok(await browser.$('#open-sample').isEnabled());
  await screenshot('start.png');

  await browser.$('#open-sample').click();
  await browser.$('nav.sidebar').waitForExist({ timeout: 5000 });
  assert.ok((await browser.$$('nav.sidebar li.row.logistics')).length > 0, 'breaks and meals are marked');
});

test('arrow keys move through the sessions and skip logistics rows', async () => {
  const links = await browser.$$('nav.sidebar button.session-link');
  await links[0].click();
  await browser.$('#session-title').waitForExist({ timeout: 5000 });
  await links[0].click(); // focus stays on the row
  await browser.keys(['ArrowDown']);
  const focused = await browser.execute(() => document.activeElement?.getAttribute('data-ref'));
  assert.equal(focused, await links[1].getAttribute('data-ref'));
  await browser.keys(['ArrowUp']);
  assert.equal(
    await browser.execute(() => document.activeElement?.getAttribute('data-ref')),
    await links[0].getAttribute('data-ref'),
  );
});

test('notes typed in session 2.1 are saved to the database', async () => {
  // 09:45 on day 2 (the sample has no time zone, so the machine's own wall clock): session 2.1
  // is running, so the now marker and the timer show.
  await browser.execute(() => window.rapporteurTest.setClock('2018-02-13T09:45:00'));
  await browser.$('nav.sidebar button.session-link[data-ref="2.1"]').click();
  const title = await browser.$('#session-title');
  await title.waitForExist({ timeout: 5000 });

  const notes = await browser.$('[data-testid="notes-editor"]');
  await notes.waitForExist({ timeout: 10000 });
  await notes.click();
  const sentence = 'FAO and IOM agreed to align the 2018 work plan with the Global Compact.';
  // Element Send Keys types the whole string into the focused contenteditable.
  await notes.addValue(sentence);

  const status = await browser.$('[data-testid="save-status"]');
  await browser.waitUntil(async () => (await status.getText()) === 'Saved', {
    timeout: 10000,
    timeoutMsg: 'the indicator never said Saved',
  });
  const shownText = await notes.getText();
  assert.ok(shownText.includes(sentence), `the editor shows: ${JSON.stringify(shownText)}`);
  const stored = cliOut('notes', '2.1');
  assert.ok(stored.includes(sentence), `the CLI reads back: ${JSON.stringify(stored)}`);

  const capture = await browser.$('#capture-input');
  await capture.click();
  await capture.setValue('DECISION: Circulate the draft work plan by 30 April');
  await browser.keys(['Enter']);
  await browser.$('.outcome.kind-decision').waitForExist({ timeout: 5000 });
  assert.match(cliOut('outcomes'), /Circulate the draft work plan by 30 April/);

  assert.match(await browser.$('[data-testid="timer"]').getText(), /running, 1 h 15 min left/);
  assert.ok(await browser.$('nav.sidebar li.row.is-now[data-ref="2.1"]').isExisting(), 'the now marker is on 2.1');
  await notes.click();
  await screenshot('session-notes.png');
});
