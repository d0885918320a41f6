// Two windows syncing end to end: two Rapporteur instances on one machine, each with its own
// database, each driven by its own tauri-driver. A opens the sample event and hosts it from the
// Collaborate panel; B starts with an empty database (RAPPORTEUR_NO_SAMPLE=1), is refused with
// a wrong code, finds A in its Join form (mDNS), joins with the code A shows, receives the
// event, and the two type into the same session's notes; A renames a session in its Agenda
// view and B's sidebar shows it while B keeps typing. Then A counts what B has not had
// while B is away, and a bundle carries it. Last, B joins again and sees where A is: A's
// initials on session 2.1 in the sidebar and A's caret, with the name A typed, in the notes;
// both go when A stops hosting. Screenshots (target/screenshots/): collaborate.png,
// collab-cursors.png. Run by scripts/e2e.sh under dbus-run-session + xvfb-run.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Key } from 'webdriverio';
import { shots, sleep, startDriver } from './harness.mjs';

// Ports of their own, so this file can run right after window.test.mjs.
const [portA, portB] = (process.env.COLLAB_DRIVER_PORTS ?? '4447,4448').split(',').map(Number);

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-collab-'));
const drivers = [];
let A;
let B;

/** One app instance with its own database, behind its own tauri-driver. */
async function instance(name, port, env) {
  const driver = await startDriver(port, join(dir, `${name}.db`), env);
  drivers.push(driver);
  return driver.session();
}

const text = (b, sel) => b.execute((s) => document.querySelector(s)?.textContent ?? '', sel);

async function waitText(b, sel, re, what, timeout = 20000) {
  let last = '';
  await b.waitUntil(
    async () => {
      last = await text(b, sel);
      return re.test(last);
    },
    { timeout, interval: 200, timeoutMsg: `${what}: ${sel} shows ${JSON.stringify(last)}` },
  );
  return last;
}

async function openSession(b, ref) {
  const link = await b.$(`nav.sidebar button.session-link[data-ref="${ref}"]`);
  await link.waitForExist({ timeout: 20000 });
  await link.click();
  const notes = await b.$('[data-testid="notes-editor"]');
  await notes.waitForExist({ timeout: 10000 });
  return notes;
}

async function typeInto(notes, words) {
  await notes.click();
  await notes.addValue(words);
}

async function fillJoin(b, address, code) {
  await b.$('#collab-address').setValue(address);
  await b.$('#collab-join-code').setValue(code);
  await b.$('#collab-join').click();
}

before(async () => {
  A = await instance('a', portA, {});
  B = await instance('b', portB, { RAPPORTEUR_NO_SAMPLE: '1' });
});

after(async () => {
  await A?.deleteSession().catch(() => {});
  await B?.deleteSession().catch(() => {});
  await Promise.all(drivers.map((d) => d.stop()));
  rmSync(dir, { recursive: true, force: true });
});

let address;
let code;

test('A hosts the sample event from the Collaborate panel (Ctrl+Shift+L)', async () => {
  await A.$('nav.sidebar button.session-link').waitForExist({ timeout: 20000 });
  await A.$('#main').click();
  await A.keys([Key.Ctrl, Key.Shift, 'l']);
  await A.$('#collab').waitForDisplayed({ timeout: 5000 });
  assert.equal(await A.$('#collab-toggle').getAttribute('aria-expanded'), 'true');
  await A.$('#collab-host').click();
  code = await waitText(A, '#collab-code', /^[A-Z2-7]{5}(-[A-Z2-7]{5}){3}-[A-Z2-7]{6}$/, 'the join code');
  address = await text(A, '#collab-addresses li:first-child');
  assert.match(address, /^[\d.]+:\d+$/);
  await waitText(A, '#collab-summary', /Hosting this event · 0 peers connected/, 'the host summary');
  assert.ok(await A.$('#collab-qr').isDisplayed(), 'the QR code shows');
  // A scanner reads it off the screen: the address and the code, as a person would type them.
  const shot = join(dir, 'host.png');
  await A.saveScreenshot(shot);
  const scanned = execFileSync('zbarimg', ['--raw', '-q', shot], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  assert.equal(scanned, `${address} ${code}`, 'what the QR code says');
});

test('B, with an empty database, is refused with a wrong code and says so', async () => {
  await waitText(B, '#main', /No events yet/, 'B starts with no event');
  await B.$('#collab-toggle').click();
  await B.$('#collab').waitForDisplayed({ timeout: 5000 });
  await fillJoin(B, address, 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA');
  const err = await waitText(B, '#collab-error', /join code did not match/, 'the wrong-code error');
  assert.ok(err.includes(address.split(':')[0]), `the error names the address: ${err}`);
  await waitText(A, '#collab-summary', /0 peers connected/, 'A has no peer');
  await waitText(A, '#collab-refused', /join code did not match/, 'A notes the refused attempt');
  mkdirSync(shots, { recursive: true });
  await B.saveScreenshot(join(shots, 'collaborate-wrong-code.png'));
});

test('B finds A on the network (mDNS) in its Join form, joins with the code A shows, and both edit session 2.1', async () => {
  // A announced itself when it started hosting; B's panel looked when it opened.
  const port = address.split(':').pop();
  await B.$('#collab-discover').click();
  const found = await B.$(`#collab-discovered button.collab-found-host[data-address$=":${port}"]`);
  await found.waitForExist({ timeout: 15000, timeoutMsg: `A (port ${port}) is not among the hosts B found: ${await text(B, '#collab-discovered')}` });
  await found.click();
  assert.match(await B.$('#collab-address').getValue(), new RegExp(`:${port}$`), 'picking the host fills in its address');
  await B.$('#collab-join-code').setValue(code);
  await B.$('#collab-join').click();
  await waitText(B, '#collab-summary', /^Connected to /, 'B connected');
  // The joining window opens the event by itself once its agenda has arrived.
  await waitText(B, '.topbar-event', /Global Migration Group|GMG/i, 'B opened the shared event');
  await waitText(A, '#collab-summary', /1 peer connected/, 'A lists B');

  const notesB = await openSession(B, '2.1');
  const notesA = await openSession(A, '2.1');
  const fromA = 'Typed in A: IOM proposed monthly briefings.';
  await typeInto(notesA, fromA);
  await B.waitUntil(async () => (await notesB.getText()).includes(fromA), { timeout: 15000, timeoutMsg: 'A\'s text never reached B\'s editor' });

  const fromB = ' Typed in B: FAO agreed.';
  await typeInto(notesB, fromB);
  await A.waitUntil(async () => (await notesA.getText()).includes(fromB.trim()), { timeout: 15000, timeoutMsg: 'B\'s text never reached A\'s editor' });
  await waitText(A, '#collab-peers', /Connected.*last synced/s, 'A shows B connected and synced');
  await waitText(A, '#collab-badge', /Live · 1/, 'the live badge');

  mkdirSync(shots, { recursive: true });
  await sleep(300);
  await A.saveScreenshot(join(shots, 'collaborate.png'));
});

test('a peer\'s agenda edit refreshes B\'s sidebar while B keeps typing in session 2.1', async () => {
  // B is in session 2.1 with its editor focused; A renames session 2.3 in its Agenda view.
  const notesB = await B.$('[data-testid="notes-editor"]');
  await typeInto(notesB, ' B types on.');
  const row = 'nav.sidebar li.row[data-ref="2.3"]';
  const id = await B.execute((s) => document.querySelector(s)?.dataset.sessionId ?? '', row);
  assert.ok(id, 'B lists session 2.3');
  await A.$('#open-agenda').click();
  const edit = await A.$(`.edit-row[data-row-id="${id}"]`);
  await edit.waitForExist({ timeout: 5000 });
  await edit.click();
  const renamed = 'Renamed by A while B was typing';
  await A.$('#edit-title').setValue(renamed);
  await A.keys(['Tab']);
  await waitText(B, `${row} .row-title`, new RegExp(renamed), 'A\'s new title in B\'s sidebar', 15000);
  // B's session view was not rebuilt: the same editor, still holding what B typed, and focused.
  assert.ok(await notesB.isExisting(), 'B\'s notes editor is the one it was typing in');
  assert.match(await notesB.getText(), /B types on\./);
  assert.ok(await B.execute(() => !!document.activeElement?.closest('[data-testid="notes-editor"]')), 'B\'s editor kept the focus');
  await openSession(A, '2.1');
});

test('a bundle carries what A wrote while B was away; B reports how many changes were new', async () => {
  await B.$('#collab-stop').click();
  await waitText(A, '#collab-summary', /0 peers connected/, 'A sees B leave');
  const notesA = await A.$('[data-testid="notes-editor"]');
  const offline = ' Written while B was away.';
  await typeInto(notesA, offline);
  await waitText(A, '[data-testid="save-status"]', /^Saved$/, 'A saved');
  // A's list keeps B, with what B has not had yet.
  await waitText(A, '#collab-peers .is-gone .peer-pending', /^[1-9]\d* changes? waiting, sent when it is back$/, 'A counts the changes waiting for B');

  const file = join(dir, 'handover.rapp');
  await A.execute((p) => (window.rapporteurTest.nextSavePath = p), file);
  await A.$('#bundle-export').click();
  await waitText(A, '#bundle-result', /^Wrote .*handover\.rapp/, 'the export');
  assert.ok(statSync(file).size > 0);

  await B.execute((p) => (window.rapporteurTest.nextOpenPath = p), file);
  await B.$('#bundle-import').click();
  const result = await waitText(B, '#bundle-result', /new changes from/, 'the import report');
  assert.match(result, /^[1-9]\d* new changes from /, result);
  const notesB = await B.$('[data-testid="notes-editor"]');
  await B.waitUntil(async () => (await notesB.getText()).includes(offline.trim()), { timeout: 10000, timeoutMsg: 'the bundle\'s text is not in B\'s editor' });

  // Importing the same bundle again changes nothing.
  await B.execute((p) => (window.rapporteurTest.nextOpenPath = p), file);
  await B.$('#bundle-import').click();
  await waitText(B, '#bundle-result', /^0 new changes from /, 'the second import');
});

test('B sees who is where: A\'s initials on session 2.1 and A\'s caret with A\'s name; both go when A stops hosting', async () => {
  // Each names itself in the Collaborate panel (both still open; A still hosting).
  await A.$('#collab-name').setValue('Amina Diallo');
  await B.$('#collab-name').setValue('Bea Okafor');
  await fillJoin(B, address, code);
  await waitText(B, '#collab-summary', /^Connected to /, 'B connected again');
  await waitText(A, '#collab-summary', /1 peer connected/, 'A lists B again');
  // Both have session 2.1 open; A puts the caret at the end of its notes.
  const notesA = await A.$('[data-testid="notes-editor"]');
  await notesA.click();
  await A.keys([Key.Ctrl, Key.End]);

  const marker = 'nav.sidebar li.row[data-ref="2.1"] [data-testid="presence"]';
  const label = await B.waitUntil(
    async () => {
      const l = await B.execute((s) => document.querySelector(s)?.getAttribute('aria-label') ?? '', marker);
      return /Amina Diallo is here/.test(l) && l;
    },
    { timeout: 20000, interval: 200, timeoutMsg: 'A\'s presence never showed on session 2.1 in B\'s sidebar' },
  );
  assert.equal(label, 'Amina Diallo is here');
  await waitText(B, marker, /^AD$/, 'A\'s initials in B\'s sidebar');
  await waitText(B, '[data-testid="notes-editor"] .cm-ySelectionCaret .cm-ySelectionInfo', /^Amina Diallo$/, 'A\'s caret with A\'s name in B\'s notes');
  const people = await waitText(B, '#collab-people', /Amina Diallo/, 'A listed among the people in B\'s panel');
  assert.match(people, /in 2\.1 /);

  mkdirSync(shots, { recursive: true });
  await sleep(300);
  await B.saveScreenshot(join(shots, 'collab-cursors.png'));

  // A stops hosting: B drops A's marker and caret within a few seconds (not the 30 s time-out).
  const stopped = Date.now();
  await A.$('#collab-stop').click();
  await B.waitUntil(
    async () => B.execute((s) => !document.querySelector(s) && !document.querySelector('[data-testid="notes-editor"] .cm-ySelectionCaret'), marker),
    { timeout: 5000, interval: 100, timeoutMsg: 'A\'s presence stayed in B after A stopped hosting' },
  );
  assert.ok(Date.now() - stopped < 5000);
  await B.$('#collab-stop').click();
});
