// The import preview in the real window with an agenda from the wild (a web page pasted as
// text, from the corpus in tests/fixtures/agendas/wild/): its rows show with the warnings next
// to the rows they concern; the user fixes a row in the table (an invalid time blocks Create
// event until it is fixed); the event is created with the fixes, and the CLI reads them back.
// Own tauri-driver port (4452), own temporary database.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, screenshot, startApp } from './harness.mjs';

const port = Number(process.env.TAURI_DRIVER_PORT_IMPORT ?? 4452);
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-import-'));
const db = join(dir, 'rapporteur.db');
const wild = join(import.meta.dirname, '../fixtures/agendas/wild');
let app;
let browser;

before(async () => {
  app = await startApp(port, db);
  browser = app.browser;
  // A fresh database opens the sample event: go back to the Start view, where import is.
  await browser.waitUntil(() => browser.execute(() => window.rapporteurTest?.state().view === 'event'), { timeout: 30000 });
  await browser.$('#home').click();
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

async function paste(text) {
  // The Start view may be drawn again once the event list has loaded: wait for a settled box.
  await browser.waitUntil(() => browser.execute(() => window.rapporteurTest?.state().view === 'start' && !!document.getElementById('paste-box')), {
    timeout: 10000,
  });
  await browser.execute((t) => {
    const box = document.getElementById('paste-box');
    box.focus();
    box.value = t;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** Types into one of a row's inputs as a user does (value + input event). */
async function typeInRow(index, field, value) {
  await browser.execute(
    (i, f, v) => {
      const input = document.querySelectorAll('[data-testid="import-row"]')[i].querySelector(`[data-testid="row-${f}"]`);
      input.focus();
      input.value = v;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    },
    index,
    field,
    value,
  );
}

test('a wild agenda shows its warnings next to its rows, and a fixed row is created as fixed', async () => {
  await paste(readFileSync(join(wild, 'enb-forest-instruments-1999.txt'), 'utf8'));
  await waitText('[data-testid="import-summary"]', /36 rows .* on 4 days, read as text\. 1 warning/);
  const rows = await browser.$$('[data-testid="import-row"]');
  assert.equal(rows.length, 36);
  // The typo "18:0 0" is read as 18:00 and reported under its own row, with its line.
  const warned = await browser.execute(() => {
    const note = document.querySelector('[data-testid="import-row-warning"]');
    const row = note.previousElementSibling;
    return { note: note.textContent, title: row.querySelector('[data-testid="row-title"]').value, end: row.querySelector('[data-testid="row-end"]').value };
  });
  assert.match(warned.note, /line 25: a space inside a time, read as 16:00 – 18:00/);
  assert.equal(warned.title, 'Examining how the forest regime treats the issues (step 2) (working groups)');
  assert.equal(warned.end, '18:00');

  // Fix the first row: a clearer title, and a start time that is not a time blocks Create.
  await browser.$('#import-title').setValue('Forest instruments consultation');
  await typeInRow(0, 'title', 'Opening statements in plenary');
  await typeInRow(0, 'start', '25:99');
  await browser.waitUntil(async () => !(await browser.$('#create-event').isEnabled()), { timeout: 5000, timeoutMsg: 'an invalid time must block Create event' });
  assert.equal(await browser.$('[data-testid="row-start"].invalid').isExisting(), true);
  await typeInRow(0, 'start', '9:15');
  await browser.$('#create-event').waitForEnabled({ timeout: 5000 });
  await browser.execute(() => document.querySelector('[data-testid="import-row-warning"]').scrollIntoView({ block: 'center' }));
  await screenshot(browser, 'import-warnings.png');

  await browser.$('#create-event').click();
  await browser.waitUntil(async () => (await browser.execute(() => document.querySelector('.topbar-event')?.textContent ?? '')) === 'Forest instruments consultation', {
    timeout: 15000,
    timeoutMsg: 'the new event did not open',
  });
  const created = JSON.parse(cli(db, 'events', '--json')).find((e) => e.title === 'Forest instruments consultation');
  const agenda = JSON.parse(cli(db, 'agenda', '--event', created.id, '--json'));
  const first = agenda.days[0].sessions[0];
  assert.deepEqual([first.start, first.end, first.title], ['09:15', '10:00', 'Opening statements in plenary']);
  const fixedTypo = agenda.days[1].sessions[7];
  assert.deepEqual([fixedTypo.start, fixedTypo.end], ['16:00', '18:00']);
  assert.equal(agenda.days.length, 4);
  assert.equal(agenda.days[0].label, 'Monday, 22 February');
  assert.equal(agenda.days[0].date, null, 'no year is written, so no date is invented');
});
