// The real window, end to end: start Rapporteur on a fresh database through tauri-driver
// (WebKitWebDriver underneath), open the sample event and session 2.1, type into Notes, wait
// for "Saved", and check with the CLI that the text is in the database. Screenshots go to
// target/screenshots/ (`make screenshots` copies them into docs/screenshots/). Run by
// `make test` under dbus-run-session + xvfb-run.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, screenshot as shoot, sleep, startApp } from './harness.mjs';

const port = Number(process.env.TAURI_DRIVER_PORT ?? 4444);

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-'));
const db = join(dir, 'rapporteur.db');
let app;
let browser;

const screenshot = (name) => shoot(browser, name);
const cliOut = (...args) => cli(db, ...args);

before(async () => {
  app = await startApp(port, db);
  browser = app.browser;
});

after(async () => {
  await app?.stop();
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
