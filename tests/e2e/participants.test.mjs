// The real window, end to end, for importing a list of participants on the Participants view:
// a real list (the COP24 delegation of Côte d'Ivoire, pasted from its PDF; names invented) is
// picked through the open-dialog seam, the preview shows who would be added and with which
// handle, nothing is written before *Import*, and then the CLI reads the people back; a pasted
// list with a person already present merges instead of doubling; a file that is not a list is
// refused with its name and changes nothing.
// Own tauri-driver port (4461), own temporary database.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, root, screenshot, startApp } from './harness.mjs';

const port = Number(process.env.TAURI_DRIVER_PORT_PARTICIPANTS ?? 4461);
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-participants-'));
const db = join(dir, 'rapporteur.db');
const run = (...args) => cli(db, ...args);
const wild = join(root, 'tests/fixtures/participants/wild');
let app;
let browser;
let sample;

before(async () => {
  sample = run('demo').trim().split(/\s+/)[0];
  app = await startApp(port, db);
  browser = app.browser;
  await browser.$('#paste-box').waitForExist({ timeout: 15000 });
});

after(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function waitText(selector, re, timeout = 10000) {
  const el = await browser.$(selector);
  await browser.waitUntil(async () => re.test(await el.getText()), {
    timeout,
    timeoutMsg: `${selector} never matched ${re}: ${await el.getText().catch(() => '?')}`,
  });
  return el;
}

const people = () => JSON.parse(run('participants', '--json', '--event', sample));

async function openParticipants() {
  // From the start view: the sample event's card.
  await browser.$('.event-card').waitForExist({ timeout: 10000 });
  for (const c of await browser.$$('.event-card')) {
    if (/Global Migration Group|GMG/i.test(await c.getText())) {
      await c.click();
      break;
    }
  }
  await browser.$('#open-participants').waitForExist({ timeout: 10000 });
  await browser.$('#open-participants').click();
  await browser.$('#import-participants').waitForExist({ timeout: 5000 });
}

test('a list picked from a file is previewed, then imported', async () => {
  await openParticipants();
  const before = people().length;
  await browser.execute((p) => (window.rapporteurTest.nextOpenPath = p), join(wild, 'cop24-cote-divoire-pdf.txt'));
  await browser.$('#import-participants').click();
  const summary = await waitText('[data-testid="participant-import-summary"]', /15 to add, 0 already here \(merged\), 2 rows skipped/);
  assert.match(await summary.getText(), /cop24-cote-divoire-pdf\.txt/);
  const table = await browser.$('#participant-import-preview table').getText();
  assert.match(table, /H\.E\. Mr\./, 'honorifics are shown as the title');
  assert.match(table, /Côte d'Ivoire/);
  assert.match(table, /Add as @/);
  assert.equal(people().length, before, 'the preview writes nothing');
  await screenshot(browser, 'participants-import.png');

  const apply = await browser.$('#participant-import-apply');
  assert.equal(await apply.getText(), 'Import 15 people');
  await apply.click();
  await browser.waitUntil(async () => people().length === before + 15, { timeout: 5000, timeoutMsg: 'the 15 people never reached the database' });
  await waitText('.participants p[role="status"]', /Imported: 15 added, 0 merged, 2 rows skipped/);
  const ivorians = people().filter((p) => p.entity === "Côte d'Ivoire");
  assert.equal(ivorians.length, 15);
  assert.ok(ivorians.every((p) => p.handle && !/\s/.test(p.handle)));
  // The table of participants shows them with their title.
  await browser.waitUntil(async () => (await browser.$$('tr[data-participant-id]')).length === before + 15, { timeout: 5000 });
});

test('a pasted list merges a person already present', async () => {
  const someone = people().find((p) => p.entity === "Côte d'Ivoire");
  await browser.$('#paste-participants').click();
  const box = await browser.$('#participant-paste');
  await box.waitForDisplayed({ timeout: 3000 });
  const text = `List of participants\nMs. Ana Ruiz, Senior Adviser, United Nations University (UNU)\n${someone.title} ${someone.name.toUpperCase()}, Conseiller, Côte d'Ivoire\n`;
  await browser.execute((t) => {
    const el = document.getElementById('participant-paste');
    el.value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  await browser.$('#participant-paste-preview').click();
  await waitText('[data-testid="participant-import-summary"]', /1 to add, 1 already here \(merged\), 1 row skipped/);
  const table = await browser.$('#participant-import-preview table').getText();
  assert.match(table, /UNU/);
  assert.ok(table.includes(`Already here as ${someone.name}`) || table.includes(`Merge into ${someone.name}`), table);
  const before = people().length;
  await browser.$('#participant-import-apply').click();
  await browser.waitUntil(async () => people().length === before + 1, { timeout: 5000 });
  assert.equal(people().filter((p) => p.name === someone.name).length, 1, 'not doubled');
  assert.equal(people().find((p) => p.name === 'Ana Ruiz').entity, 'UNU');
});

test('a file that is not a list is refused and changes nothing', async () => {
  const bad = join(dir, 'minutes.xlsx');
  writeFileSync(bad, 'PK\u0003\u0004 not really a spreadsheet');
  const before = people().length;
  await browser.execute((p) => (window.rapporteurTest.nextOpenPath = p), bad);
  await browser.$('#import-participants').click();
  const summary = await waitText('[data-testid="participant-import-summary"]', /minutes\.xlsx/);
  assert.match(await summary.getText(), /not a readable XLSX/);
  assert.equal(await browser.$('#participant-import-apply').isExisting(), false);
  assert.equal(people().length, before);
});
