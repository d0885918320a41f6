// The outcome board, end to end in the real window (tauri-driver on its own port, 4445, and a
// fresh database): type notes in session 2.1, capture a recommendation with Ctrl+Alt+R and a
// decision with a `DECISION:` line finished by Enter (captured once), edit it in the side
// panel, see both on the board; then make a real conflict — the window's database exported
// to a bundle, imported into a second database by the CLI, the status set there, exported
// back; the window sets a different status; the fork's bundle is imported into the window's
// database by another process — and the window shows the conflict without a reload; "Keep
// this one" resolves it (checked with `outcomes --json`). Finally the app is restarted on the
// same database and the notes and outcomes are still there. Screenshots: capture.png,
// board.png in target/screenshots/.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, screenshot as shoot, sleep, startDriver } from './harness.mjs';

const port = Number(process.env.TAURI_DRIVER_PORT_BOARD ?? 4445);

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-board-'));
const db = join(dir, 'rapporteur.db');
const fork = join(dir, 'fork.db');
let driver;
let browser;

const screenshot = (name) => shoot(browser, name);
const run = cli;
const outcomesJson = () => JSON.parse(run(db, 'outcomes', '--json'));

/** A real key chord (WebDriver key actions) on the focused element, e.g. Ctrl+Alt+R. */
async function chord(mods, key) {
  const names = { ctrl: 'Control', alt: 'Alt', shift: 'Shift' };
  await browser.keys([...mods.map((m) => names[m]), key]);
}

async function openSession21() {
  await browser.execute(() => window.rapporteurTest.setClock('2018-02-13T09:45:00'));
  const link = await browser.$('nav.sidebar button.session-link[data-ref="2.1"]');
  await link.waitForExist({ timeout: 15000 });
  await link.click();
  const notes = await browser.$('[data-testid="notes-editor"]');
  await notes.waitForExist({ timeout: 10000 });
  return notes;
}

async function waitSaved(selector = '[data-testid="save-status"]') {
  const status = await browser.$(selector);
  await browser.waitUntil(async () => (await status.getText()) === 'Saved', { timeout: 10000, timeoutMsg: `${selector} never said Saved` });
}

before(async () => {
  driver = await startDriver(port, db);
  browser = await driver.session();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await driver?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const recText = 'Member States asked for monthly briefings on the Global Compact';
const decText = 'Circulate the draft work plan by 30 April';

test('outcomes are captured in the notes with the shortcut and with a prefix line', async () => {
  const notes = await openSession21();
  await notes.click();
  await notes.addValue('FAO opened the session. ' + recText);
  await chord(['ctrl', 'alt'], 'r');
  const rec = await browser.$('[data-testid="session-outcomes"] .outcome.kind-recommendation');
  await rec.waitForExist({ timeout: 10000 });
  // The shortcut captures the line; the text before the sentence is part of that line.
  assert.match(await rec.getText(), /monthly briefings on the Global Compact/);

  await browser.keys(['End']);
  await browser.keys(['Enter']);
  await notes.addValue(`DECISION: ${decText}`);
  await browser.keys(['Enter']);
  const dec = await browser.$('[data-testid="session-outcomes"] .outcome.kind-decision');
  await dec.waitForExist({ timeout: 10000 });
  assert.match(await dec.getText(), new RegExp(decText));

  // Finishing the same line again does not capture it twice.
  await browser.keys(['ArrowUp', 'End', 'Enter']);
  await waitSaved();
  await sleep(1200);
  assert.equal((await browser.$$('[data-testid="session-outcomes"] .outcome.kind-decision')).length, 1);
  const stored = outcomesJson();
  assert.equal(stored.filter((o) => o.kind === 'decision').length, 1, JSON.stringify(stored));
  assert.equal(stored.filter((o) => o.kind === 'recommendation').length, 1, JSON.stringify(stored));
  assert.match(run(db, 'notes', '2.1'), /DECISION: Circulate the draft work plan/);

  // "Source" jumps to the captured line in the editor.
  await (await rec.$('button=Source')).click();
  const selected = await browser.execute(() => window.getSelection()?.toString() ?? '');
  assert.match(selected, /monthly briefings/);
});

test('the side panel edits an outcome and says Saved after the commit', async () => {
  const dec = await browser.$('[data-testid="session-outcomes"] .outcome.kind-decision');
  await (await dec.$('button.edit')).click();
  const panel = await browser.$('[data-testid="outcome-panel"]');
  await panel.waitForExist({ timeout: 5000 });
  await (await browser.$('#op-lead')).setValue('IOM');
  await (await browser.$('#op-deadline')).setValue('2018-04-30');
  await (await browser.$('#op-key')).click();
  await (await panel.$('button=Save')).click();
  await waitSaved('[data-testid="panel-status"]');
  const d = outcomesJson().find((o) => o.kind === 'decision');
  assert.equal(d.lead, 'IOM');
  assert.equal(d.deadline, '2018-04-30');
  assert.equal(d.key_message, true);
  await screenshot('capture.png');
  await (await panel.$('button=Close')).click();
  await panel.waitForExist({ reverse: true, timeout: 5000 });
});

test('both outcomes are on the board; a conflicting status from another database shows and is resolved', async () => {
  await chord(['alt'], 'b');
  const list = await browser.$('[data-testid="board-list"]');
  await list.waitForExist({ timeout: 5000 });
  const text = await list.getText();
  assert.match(text, /monthly briefings/);
  assert.match(text, new RegExp(decText));

  // A second copy of the event: export, import into a fresh database, set the status there.
  const id = outcomesJson().find((o) => o.kind === 'decision').id;
  const a = join(dir, 'a.rapp');
  const b = join(dir, 'b.rapp');
  run(db, 'bundle', 'export', a);
  run(fork, 'bundle', 'import', a);
  run(fork, 'outcome', 'set', id, '--status', 'done');
  run(fork, 'bundle', 'export', b);

  // Meanwhile the window sets another status through the side panel.
  // (A DOM click: the board redraws as outcomes reload, which can stale a WebDriver handle.)
  await (await browser.$(`.board-card[data-id="${id}"] button.edit`)).waitForExist({ timeout: 5000 });
  await browser.execute((i) => document.querySelector(`.board-card[data-id="${i}"] button.edit`).click(), id);
  await (await browser.$('[data-testid="outcome-panel"]')).waitForExist({ timeout: 5000 });
  await (await browser.$('#op-status')).selectByAttribute('value', 'agreed');
  await (await (await browser.$('[data-testid="outcome-panel"]')).$('button=Save')).click();
  await waitSaved('[data-testid="panel-status"]');
  await (await (await browser.$('[data-testid="outcome-panel"]')).$('button=Close')).click();
  assert.equal(outcomesJson().find((o) => o.id === id).status, 'agreed');

  // Another process imports the fork's bundle into the window's database.
  assert.match(run(db, 'bundle', 'import', b), /new/);
  const conflict = await browser.$(`.board-card[data-id="${id}"] .conflict[data-field="status"]`);
  await conflict.waitForExist({ timeout: 10000, timeoutMsg: 'the window never showed the conflict' });
  const values = await browser.execute(
    (i) => [...document.querySelectorAll(`.board-card[data-id="${i}"] .conflict[data-field="status"] .conflict-text`)].map((e) => e.textContent),
    id,
  );
  assert.deepEqual(values.sort(), ['Agreed', 'Done']);
  assert.deepEqual(outcomesJson().find((o) => o.id === id).conflicts.status.sort(), ['agreed', 'done']);
  await screenshot('board.png');

  // Keep "Done".
  await browser.execute((i) => document.querySelector(`.board-card[data-id="${i}"] button[aria-label="Keep Done as Status"]`).click(), id);
  await conflict.waitForExist({ reverse: true, timeout: 10000 });
  const resolved = outcomesJson().find((o) => o.id === id);
  assert.equal(resolved.status, 'done');
  assert.equal(resolved.conflicts, undefined, JSON.stringify(resolved));
});

test('after a restart the notes and outcomes are still there', async () => {
  await browser.deleteSession();
  browser = await driver.session();
  const card = await browser.$('.event-card');
  await card.waitForExist({ timeout: 15000 });
  await card.click();
  const notes = await openSession21();
  await browser.waitUntil(async () => (await notes.getText()).includes(recText), { timeout: 10000 });
  assert.match(await notes.getText(), /DECISION: Circulate the draft work plan/);
  const list = await browser.$('[data-testid="session-outcomes"]');
  await browser.waitUntil(async () => (await list.$$('.outcome')).length === 2, { timeout: 10000 });
  await chord(['alt'], 'b');
  const board = await browser.$('[data-testid="board-list"]');
  await board.waitForExist({ timeout: 5000 });
  assert.match(await board.getText(), /Done/);
});
