// The review cycle in the real window: the Versions panel saves and circulates versions and
// compares them side by side (changed words marked, who wrote them) and inline (the whole draft
// with the changes marked); finalizing shows the banner, makes every view read-only, and the
// core refuses every write the window can make (the `tryWrites` hook goes through the real
// ipc); a lock made by the CLI in another terminal reaches the open window; reopening lifts
// it; the next meeting's board shows the action points carried over, and a status set there
// is the item's status in the first meeting. Own tauri-driver port (4458), own database.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, screenshot, sleep, startApp } from './harness.mjs';

const port = Number(process.env.TAURI_DRIVER_PORT_REVIEW ?? 4458);
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-review-'));
const db = join(dir, 'rapporteur.db');
const run = (...args) => cli(db, ...args);
const json = (...args) => JSON.parse(run(...args, '--json'));
let app;
let browser;
let sample;
let recommendation;
let action;

before(async () => {
  sample = run('demo').trim().split(/\s+/)[0];
  run('note', '2.1', '--summary', '--append', 'Participants welcomed the report of the working group on migration data.');
  run('note', '2.1', '--summary', '--append', 'The group will meet again in June in Geneva.');
  recommendation = run('outcome', 'add', '--session', '2.1', '--kind', 'recommendation', '--text', 'Organize monthly briefings for Member States', '--lead', 'IOM').trim();
  action = run('outcome', 'add', '--session', '2.1', '--kind', 'action', '--text', 'Draft the terms of reference', '--lead', 'FAO').trim();
  run('participant', 'add', '--name', 'Amy Pope', '--entity', 'IOM');
  app = await startApp(port, db);
  browser = app.browser;
  await browser.$('.event-card, nav.sidebar').waitForExist({ timeout: 15000 });
});

after(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function waitText(selector, re, timeout = 10000) {
  const el = await browser.$(selector);
  await browser.waitUntil(async () => re.test(await el.getText().catch(() => '')), {
    timeout,
    timeoutMsg: `${selector} never matched ${re}: ${await el.getText().catch(() => '?')}`,
  });
  return el;
}

async function openEvent(titleRe) {
  if (!(await browser.$('.event-card').isExisting())) await browser.$('#home').click();
  await browser.waitUntil(async () => (await browser.$$('.event-card')).length > 0, { timeout: 5000 });
  for (const c of await browser.$$('.event-card')) {
    if (titleRe.test(await c.getText())) {
      await c.click();
      await browser.$('nav.sidebar button.session-link').waitForExist({ timeout: 5000 });
      return;
    }
  }
  throw new Error(`no event card matching ${titleRe}`);
}

async function openSession(ref) {
  await browser.execute((r) => document.querySelector(`nav.sidebar button.session-link[data-ref="${r}"]`).click(), ref);
  await browser.$('[data-testid="notes-editor"]').waitForExist({ timeout: 10000 });
}

async function openVersions() {
  await browser.execute(() => document.getElementById('open-versions').click());
  await browser.$('#versions-title').waitForExist({ timeout: 5000 });
}

test('the Versions panel saves and circulates; a comparison shows side by side and inline', async () => {
  await openEvent(/Global Migration Group|GMG/i);
  await openVersions();
  await browser.$('#version-name').setValue('Before lunch');
  await browser.$('#save-version').click();
  await waitText('[data-testid="versions-note"]', /Saved version “Before lunch”/);
  await browser.$('#circulate-to').setValue('the co-chairs');
  await browser.$('#circulate').click();
  await waitText('[data-testid="versions-note"]', /Circulated draft 0\.1 to the co-chairs/);
  await browser.waitUntil(async () => (await browser.$$('[data-testid="version-list"] li.version')).length === 2, { timeout: 5000 });
  const listed = json('versions');
  assert.deepEqual(listed.map((v) => [v.name, v.state, v.number]), [
    ['Before lunch', 'draft', null],
    ['Draft 0.1', 'circulated', '0.1'],
  ]);

  // Another rapporteur keeps working from the command line.
  cli(db, 'outcome', 'set', recommendation, '--text', 'Organize weekly technical briefings for Member States');
  cli(db, 'note', '2.1', '--summary', '--append', 'IOM offered to host a technical meeting on data.');
  await browser.$('#compare-mode-side').click();
  await browser.$('#compare-run').click();
  await waitText('[data-testid="compare-summary"]', /changes? from 0\.1 “Draft 0\.1” to now/);
  const rows = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="compare-table"] tbody tr')].map((tr) => ({
      change: tr.dataset.change,
      del: [...tr.querySelectorAll('td.before del')].map((d) => d.textContent),
      ins: [...tr.querySelectorAll('td.after ins')].map((d) => d.textContent),
    })),
  );
  assert.ok(rows.some((r) => r.change === 'changed' && r.del.includes('monthly') && r.ins.includes('weekly technical')), JSON.stringify(rows));
  assert.ok(rows.some((r) => r.change === 'added' && r.ins.some((t) => /IOM offered/.test(t))), JSON.stringify(rows));
  await screenshot(browser, 'versions-compare.png');

  await browser.$('#compare-mode-inline').click();
  const frame = await browser.$('[data-testid="compare-frame"]');
  await frame.waitForExist({ timeout: 10000 });
  await browser.waitUntil(
    async () => browser.execute(() => document.querySelector('[data-testid="compare-frame"]')?.contentDocument?.querySelectorAll('ins').length > 0),
    { timeout: 10000, timeoutMsg: 'the inline comparison shows no insertion' },
  );
  const inline = await browser.execute(() => {
    const d = document.querySelector('[data-testid="compare-frame"]').contentDocument;
    return { ins: [...d.querySelectorAll('ins')].map((x) => x.textContent), del: [...d.querySelectorAll('del')].map((x) => x.textContent), scripts: d.querySelectorAll('script').length };
  });
  assert.ok(inline.del.includes('monthly') && inline.ins.includes('weekly technical'), JSON.stringify(inline));
  assert.equal(inline.scripts, 0);
  await browser.execute(() => document.querySelector('[data-testid="compare-frame"]').contentDocument.querySelector('ins')?.scrollIntoView({ block: 'center' }));
  await screenshot(browser, 'versions-inline.png');
});

test('a final event is read-only everywhere and the core refuses every write the window makes', async () => {
  const notesBefore = run('notes', '2.1');
  await openVersions();
  await browser.$('#finalize').click();
  await browser.$('#finalize-confirm').click();
  const banner = await waitText('[data-testid="final-banner"]', /locked on version 1\.0 “Final 1\.0”/);
  assert.ok(await banner.isDisplayed());
  assert.equal(await browser.$('#save-version').isEnabled(), false);
  assert.ok(await browser.$('#reopen-form').isDisplayed());

  // Every write path of the window, through the real ipc: each refused by the core.
  const answers = await browser.execute(() => window.rapporteurTest.tryWrites());
  for (const [what, code] of Object.entries(answers)) assert.equal(code, 'final', `${what} was not refused: ${JSON.stringify(answers)}`);
  assert.ok(Object.keys(answers).length >= 11, JSON.stringify(answers));

  // The session shows read-only: typing changes nothing, capture is off.
  await openSession('2.1');
  const notes = await browser.$('[data-testid="notes-editor"]');
  assert.equal(await notes.getAttribute('aria-readonly'), 'true');
  assert.equal(await notes.getAttribute('contenteditable'), 'false');
  await notes.click();
  await browser.keys('typed after the lock'.split(''));
  await sleep(500);
  assert.ok(!(await notes.getText()).includes('typed after the lock'));
  assert.equal(await browser.$('#capture-input').isEnabled(), false);
  await screenshot(browser, 'final-banner.png');
  assert.equal(run('notes', '2.1'), notesBefore, 'nothing reached the database');

  // The board, the agenda and the participants offer no edits.
  await browser.execute(() => document.getElementById('board-button').click());
  await browser.$('[data-testid="board-list"] .board-card').waitForExist({ timeout: 5000 });
  const editable = await browser.execute(() => [...document.querySelectorAll('.board-card button.edit')].filter((b) => !b.disabled).length);
  assert.equal(editable, 0);
  await browser.execute(() => document.getElementById('open-agenda').click());
  await browser.execute(() => document.querySelector('.agenda-edit [data-row-id]')?.click());
  await sleep(300);
  const agendaOpen = await browser.execute(() => [...document.querySelectorAll('.agenda-edit form input, .agenda-edit form select, .agenda-edit form textarea')].filter((e) => !e.disabled).length);
  assert.equal(agendaOpen, 0);
  await browser.execute(() => document.getElementById('open-participants').click());
  await browser.$('#add-participant').waitForExist({ timeout: 5000 });
  await browser.waitUntil(async () => browser.execute(() => document.querySelectorAll('.participants tbody tr').length > 0), { timeout: 5000 });
  assert.equal(await browser.$('#add-participant').isEnabled(), false);
  assert.equal(await browser.execute(() => [...document.querySelectorAll('.participants tbody input')].some((i) => !i.disabled)), false);

  // Reopen with a reason: everything can be edited again, and the reason stays in the list.
  await openVersions();
  await browser.$('#reopen-reason').setValue('FAO asked for a correction');
  await browser.$('#reopen').click();
  await browser.waitUntil(async () => !(await browser.$('[data-testid="final-banner"]').isDisplayed()), { timeout: 5000 });
  await waitText('[data-testid="version-list"]', /Reopened .* FAO asked for a correction/);
  await openSession('2.1');
  assert.equal(await browser.$('[data-testid="notes-editor"]').getAttribute('aria-readonly'), 'false');
});

test('a lock made from the command line reaches the open window', async () => {
  await openSession('2.1');
  const notes = await browser.$('[data-testid="notes-editor"]');
  assert.equal(await notes.getAttribute('aria-readonly'), 'false');
  run('finalize');
  await waitText('[data-testid="final-banner"]', /locked on version 2\.0/, 10000);
  await browser.waitUntil(async () => (await browser.$('[data-testid="notes-editor"]').getAttribute('aria-readonly')) === 'true', {
    timeout: 5000,
    timeoutMsg: 'the editor did not become read-only',
  });
  const answers = await browser.execute(() => window.rapporteurTest.tryWrites());
  assert.equal(answers.keystroke, 'final', JSON.stringify(answers));
  run('reopen', '--reason', 'Back to work');
  await browser.waitUntil(async () => !(await browser.$('[data-testid="final-banner"]').isDisplayed()), { timeout: 10000 });
});

test('the next meeting’s board shows the action points carried over, the same items', async () => {
  const agenda = join(dir, 'june.csv');
  writeFileSync(agenda, 'date,start,end,title\n2018-06-05,09:00,10:00,Follow-up of the action points\n');
  run('finalize');
  const second = run('import', agenda, '--title', 'GMG retreat, June 2018', '--follows', sample).split('\n')[0].trim();
  await openEvent(/GMG retreat, June 2018/);
  await browser.execute(() => document.getElementById('board-button').click());
  const card = await browser.$(`.board-card[data-id="${action}"]`);
  await card.waitForExist({ timeout: 10000 });
  assert.match(await card.$('[data-testid="carried-badge"]').getText(), /Carried over from Global Migration Group/);
  await screenshot(browser, 'board-carried.png');
  // Done at the new meeting: done in the first meeting's list too, although it is final.
  await browser.execute((i) => document.querySelector(`.board-card[data-id="${i}"] button.edit`).click(), action);
  await (await browser.$('[data-testid="outcome-panel"]')).waitForExist({ timeout: 5000 });
  await (await browser.$('#op-status')).selectByAttribute('value', 'done');
  await (await (await browser.$('[data-testid="outcome-panel"]')).$('button=Save')).click();
  await browser.waitUntil(async () => json('outcomes', '--event', sample).find((o) => o.id === action)?.status === 'done', {
    timeout: 10000,
    timeoutMsg: 'the status did not reach the first meeting',
  });
  assert.equal(json('outcomes', '--event', second, '--open').length, 0);
});
