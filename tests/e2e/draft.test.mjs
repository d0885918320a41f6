// The real window, end to end, for the draft and the editing around it: paste an agenda and see
// its rows live (and a bad line named next to its row), create the event; the Draft view shows a note's script
// payload as text and runs nothing; the attribution switch recompiles; Export DOCX goes through
// the save-dialog seam and writes a real DOCX; Ctrl+K finds a typed note and Enter opens its
// session; agenda rows and participants are edited and the CLI reads the changes back.
// Own tauri-driver port (4446), own temporary database.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, screenshot, sleep, startApp } from './harness.mjs';

const port = Number(process.env.TAURI_DRIVER_PORT_DRAFT ?? 4446);
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-draft-'));
const db = join(dir, 'rapporteur.db');
const run = (...args) => cli(db, ...args);
// Raw HTML in notes is dropped by the core's Markdown reader (its text stays); inside a code
// span the same markup must come out as visible text.
const PAYLOAD = '<script>window.__pwned=1</script> Payload <img src=x onerror="window.__pwned=2"> end. Code: `<img src=x onerror="window.__pwned=3">`';
let app;
let browser;
let sample;

before(async () => {
  // The sample event with a note that carries a script payload, written before the app starts.
  // Session 2.3 is a working session (2.2 is a coffee break, which the draft leaves out).
  sample = run('demo').trim().split(/\s+/)[0];
  run('note', '2.3', '--append', `@FAO stressed the work plan. ${PAYLOAD}`);
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

/** Puts text into the paste box as a paste does (value + input event). */
async function paste(text) {
  await browser.execute((t) => {
    const box = document.getElementById('paste-box');
    box.focus();
    box.value = t;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

async function openSample() {
  if (!(await browser.$('.event-card').isExisting())) await browser.$('#home').click();
  // The start view lists what the core has (the list is read again when it opens).
  await browser.waitUntil(
    async () =>
      browser.execute(() => {
        const s = window.rapporteurTest.state();
        return s.view === 'start' && document.querySelectorAll('.event-card').length === s.events.length && s.events.length > 0;
      }),
    { timeout: 5000 },
  );
  const cards = await browser.$$('.event-card');
  for (const c of cards) {
    if (/Global Migration Group|GMG/i.test(await c.getText())) {
      await c.click();
      await browser.$('nav.sidebar button.session-link').waitForExist({ timeout: 5000 });
      return;
    }
  }
  throw new Error('no sample event card');
}

test('a pasted agenda shows its rows live; a bad line is named; Create event creates it', async () => {
  // A CSV with one bad time keeps its row and names the line next to it; one with no time
  // column at all cannot be created.
  await paste('start,end,title\n09:00,10:00,Opening of the test meeting\nnine,10:30,Broken row\n');
  await browser.$('#import-format').selectByAttribute('value', 'csv');
  await waitText('[data-testid="import-row-warning"]', /line 3: field `start`: "nine" is not a time of day/);
  await paste('title,room\nOpening,A\n');
  await waitText('.import-problem', /pasted text, line 1: no time column/);
  assert.equal(await browser.$('#create-event').isEnabled(), false, 'nothing can be created from a file with no agenda');

  await paste('Day 1 – Monday 12 March 2018\n09:00 – 10:00\tOpening of the test meeting\n10:00 – 10:30\tCoffee break\n10:30 – 12:00\tWorking groups on data\n');
  await browser.$('#import-format').selectByAttribute('value', 'auto');
  await waitText('[data-testid="import-summary"]', /3 rows \(2 sessions\) on 1 day/);
  const titles = await browser.execute(() => [...document.querySelectorAll('[data-testid="import-row"] [data-testid="row-title"]')].map((input) => input.value));
  assert.deepEqual(titles, ['Opening of the test meeting', 'Coffee break', 'Working groups on data']);
  await browser.$('#import-title').setValue('E2E pasted meeting');
  assert.equal(await browser.$('#import-title').getValue(), 'E2E pasted meeting');
  await browser.execute(() => document.getElementById('import-preview').scrollIntoView({ block: 'end' }));
  await screenshot(browser, 'import.png');

  const before = run('events');
  assert.doesNotMatch(before, /E2E pasted meeting/);
  await browser.$('#create-event').waitForEnabled({ timeout: 5000 });
  await browser.$('#create-event').click();
  await browser.waitUntil(async () => (await browser.execute(() => document.querySelector('.topbar-event')?.textContent ?? '')) === 'E2E pasted meeting', {
    timeout: 15000,
    timeoutMsg: 'the new event did not open',
  }).catch(async (e) => {
    const seen = await browser.execute(() => ({ error: document.querySelector('.error-bar')?.textContent, view: window.rapporteurTest.state().view }));
    throw new Error(`${e.message}: ${JSON.stringify(seen)}; events: ${run('events')}`);
  });
  assert.equal((await browser.$$('nav.sidebar li.row')).length, 3);
  assert.match(run('events'), /E2E pasted meeting/);
});

test('Import agenda… (open-dialog seam) fills the box from a file; a dropped broken file is named', async () => {
  if (!(await browser.$('#paste-box').isExisting())) await browser.$('#home').click();
  await browser.$('#paste-box').waitForExist({ timeout: 5000 });
  const fixtures = join(import.meta.dirname, '../fixtures/agenda');
  await browser.execute((p) => (window.rapporteurTest.nextOpenPath = p), join(fixtures, 'calendar.ics'));
  await browser.$('#import-agenda').click();
  await waitText('[data-testid="import-summary"]', /5 rows \(3 sessions\) on 3 days, read as calendar \(ICS\)/);
  assert.match(await browser.$('#paste-box').getValue(), /BEGIN:VCALENDAR/);

  // A calendar with one broken line imports; the warning names the line and goes to it.
  await browser.execute((p) => window.rapporteurTest.dropFiles([p]), join(fixtures, 'broken.ics'));
  await waitText('[data-testid="import-notes"]', /line 5: not an iCalendar content line/);
  assert.equal(await browser.$('#create-event').isEnabled(), true);
  await browser.$('[data-testid="import-notes"] .goto-line').click();
  const selected = await browser.execute(() => {
    const box = document.getElementById('paste-box');
    return box.value.slice(box.selectionStart, box.selectionEnd);
  });
  assert.equal(selected, 'SUMMARY Opening', 'Go to line selects the line to fix');
  await browser.$('#import-clear').click();
});

test('the draft shows a script payload as text and runs nothing', async () => {
  await openSample();
  await browser.$('#open-draft').click();
  const frame = await browser.$('iframe.draft-frame');
  await frame.waitForExist({ timeout: 5000 });
  await waitText('[data-testid="draft-status"]', /Compiled with named attribution/);
  await browser.waitUntil(async () => (await browser.execute(() => document.querySelector('iframe.draft-frame')?.contentDocument?.body?.textContent ?? '')).includes('Payload'), {
    timeout: 5000,
    timeoutMsg: 'the preview never showed the note',
  });
  assert.equal(await browser.execute(() => window.__pwned ?? null), null, 'nothing ran in the window');

  // Inside the frame (same origin, no scripts): read its document and its own global.
  const inside = await browser.execute(() => {
    const frame = document.querySelector('iframe.draft-frame');
    const doc = frame.contentDocument;
    return {
      text: doc.body.textContent,
      scripts: doc.querySelectorAll('script').length,
      images: doc.querySelectorAll('img').length,
      pwned: frame.contentWindow.__pwned ?? null,
      mastheadBorder: frame.contentWindow.getComputedStyle(doc.querySelector('.masthead')).borderBottomStyle,
      sandbox: frame.getAttribute('sandbox'),
    };
  });
  assert.equal(inside.sandbox, 'allow-same-origin allow-modals', 'the frame may not run scripts');
  assert.ok(inside.text.includes('window.__pwned=1'), "the script's text shows as text");
  assert.ok(inside.text.includes('Payload  end.'), 'the text around the dropped tags stays');
  assert.ok(inside.text.includes('<img src=x onerror="window.__pwned=3">'), 'markup in a code span shows as text');
  assert.equal(inside.scripts, 0);
  assert.equal(inside.images, 0);
  assert.equal(inside.pwned, null);
  assert.equal(inside.mastheadBorder, 'solid', "the preview's own stylesheet applies");
  assert.match(inside.text, /FAO stressed the work plan/);

  // The report: counts, and a warning that jumps to session 2.3 (its notes are unedited).
  await waitText('[data-testid="draft-report"]', /Numbered paragraphs/);
  await sleep(1500); // the frame paints after its document is ready; give it time for the shot
  await screenshot(browser, 'draft.png');
  const jump = await browser.$('.report-warning[data-code="unedited-notes"] button.warning-jump');
  const target = await jump.getAttribute('data-session-id');
  await jump.click();
  await browser.$('#session-title').waitForExist({ timeout: 5000 });
  const open = await browser.execute(() => window.rapporteurTest.state().sessionId);
  assert.equal(open, target);
  assert.equal(await browser.$('nav.sidebar li.row.is-open').getAttribute('data-ref'), '2.3');
});

test('the attribution switch recompiles: none names nobody', async () => {
  await browser.$('#open-draft').click();
  await waitText('[data-testid="draft-status"]', /Compiled with named attribution/);
  await browser.$('[data-testid="attribution-none"]').click();
  await waitText('[data-testid="draft-status"]', /Compiled with none attribution/);
  const text = await browser.execute(() => document.querySelector('iframe.draft-frame').contentDocument.body.textContent);
  assert.doesNotMatch(text, /FAO stressed/);
  assert.match(text, /participant stressed the work plan/i);
  await browser.$('[data-testid="attribution-named"]').click();
  await waitText('[data-testid="draft-status"]', /Compiled with named attribution/);
});

test('Export DOCX, Markdown, HTML and PDF write the draft to the chosen file; a wrong extension writes nothing', async () => {
  const out = join(dir, 'draft.docx');
  await browser.execute((p) => (window.rapporteurTest.nextSavePath = p), out);
  await browser.$('#export-docx').click();
  await waitText('[data-testid="draft-status"]', /Saved DOCX to .*draft\.docx \(\d+(\.\d)? KB\)/, 20000);
  const xml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' });
  assert.match(xml, /Global Migration Group/);
  const plain = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', out], { encoding: 'utf8' });
  assert.match(plain, /Global Migration Group/);
  assert.ok(plain.includes('window.__pwned=1'), 'the payload is text in the DOCX too');

  const bad = join(dir, 'draft.exe');
  await browser.execute((p) => (window.rapporteurTest.nextSavePath = p), bad);
  await browser.$('#export-docx').click();
  await waitText('[data-testid="draft-status"]', /Export failed: .*cannot export a draft as \.exe/);
  assert.equal(existsSync(bad), false);
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp')), [], 'no temporary file is left');

  // Markdown through the same path.
  const md = join(dir, 'draft');
  await browser.execute((p) => (window.rapporteurTest.nextSavePath = p), md);
  await browser.$('#export-md').click();
  await waitText('[data-testid="draft-status"]', /Saved Markdown to .*draft\.md/);
  assert.ok(existsSync(`${md}.md`));

  // HTML, and PDF through LibreOffice (installed by `make test`), through the same path.
  const html = join(dir, 'draft.html');
  await browser.execute((p) => (window.rapporteurTest.nextSavePath = p), html);
  await browser.$('#export-html').click();
  await waitText('[data-testid="draft-status"]', /Saved HTML to .*draft\.html/);
  const page = readFileSync(html, 'utf8');
  assert.match(page, /Global Migration Group/);
  assert.doesNotMatch(page, /<script/i, 'no script in the exported page');
  const pdf = join(dir, 'draft.pdf');
  await browser.execute((p) => (window.rapporteurTest.nextSavePath = p), pdf);
  await browser.$('#export-pdf').click();
  await waitText('[data-testid="draft-status"]', /Saved PDF to .*draft\.pdf/, 90000);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  assert.match(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }), /Global Migration Group/);
});

test('Ctrl+K finds a typed note and Enter opens its session at the match', async () => {
  await browser.$('nav.sidebar button.session-link[data-ref="2.1"]').click();
  const notes = await browser.$('[data-testid="notes-editor"]');
  await notes.waitForExist({ timeout: 10000 });
  await notes.click();
  await notes.addValue('Quinoa harvest statistics were discussed at length.');
  await waitText('[data-testid="save-status"]', /^Saved$/);
  const firstId = await browser.execute(() => window.rapporteurTest.state().sessionId);

  await browser.$('nav.sidebar button.session-link[data-ref="1.2"]').click();
  await browser.waitUntil(async () => (await browser.execute(() => window.rapporteurTest.state().sessionId)) !== firstId);
  await browser.keys(['Control', 'k']);
  const input = await browser.$('#search-input');
  await input.waitForExist({ timeout: 3000 });
  assert.equal(await browser.execute(() => document.activeElement?.id), 'search-input');
  await input.addValue('quinoa harv');
  await waitText('.search-result[aria-selected="true"]', /Session 2\.1 · Notes/);
  assert.match(await browser.$('.search-result mark').getText(), /Quinoa/i);
  await browser.keys(['Enter']);
  await browser.waitUntil(async () => (await browser.execute(() => window.rapporteurTest.state().sessionId)) === firstId, {
    timeout: 5000,
    timeoutMsg: 'Enter did not open session 2.1',
  });
  assert.equal(await browser.$('[data-testid="search-overlay"]').isExisting(), false);
  await browser.waitUntil(async () => (await browser.execute(() => window.getSelection()?.toString() ?? '')).toLowerCase().includes('quinoa'), {
    timeout: 5000,
    timeoutMsg: 'the match was not selected in the editor',
  });

  // Esc closes the overlay and gives focus back.
  await browser.keys(['Control', 'k']);
  await browser.$('#search-input').waitForExist({ timeout: 3000 });
  await browser.keys(['Escape']);
  assert.equal(await browser.$('[data-testid="search-overlay"]').isExisting(), false);
});

test('agenda rows are edited, moved, added and removed; a bad time changes nothing', async () => {
  await browser.$('#open-agenda').click();
  const first = await browser.$('.edit-row');
  await first.waitForExist({ timeout: 5000 });
  const firstId = await first.getAttribute('data-row-id');
  await first.click();
  const title = await browser.$('#edit-title');
  await title.setValue('Opening and welcome (edited)');
  await browser.keys(['Tab']);
  await waitText(`nav.sidebar li.row[data-session-id="${firstId}"]`, /Opening and welcome \(edited\)/);
  assert.match(run('agenda', '--event', sample), /Opening and welcome \(edited\)/);

  const start = await browser.$('#edit-start');
  const before = run('agenda', '--event', sample, '--json');
  // Select the time and type over it (clearing the field would itself be an edit: no time).
  await start.click();
  await browser.keys(['Control', 'a']);
  await start.addValue('nine');
  await browser.keys(['Tab']);
  await waitText('.error-bar', /start: not a time of day: "nine"/);
  assert.equal(run('agenda', '--event', sample, '--json'), before, 'a refused value changes nothing');

  // Alt+↓ moves the row one place down.
  await browser.$(`.edit-row[data-row-id="${firstId}"]`).click();
  await browser.keys(['Alt', 'ArrowDown']);
  await browser.waitUntil(async () => (await browser.$$('nav.sidebar li.row'))[1] && (await (await browser.$$('nav.sidebar li.row'))[1].getAttribute('data-session-id')) === firstId, {
    timeout: 5000,
    timeoutMsg: 'the row did not move down',
  });

  const rowsBefore = (await browser.$$('nav.sidebar li.row')).length;
  await browser.$('.add-session').click();
  await browser.waitUntil(async () => (await browser.$$('nav.sidebar li.row')).length === rowsBefore + 1, { timeout: 5000 });
  assert.match(run('agenda', '--event', sample), /New session/);
  await browser.$('#remove-session').click();
  await browser.$('#remove-session').click();
  await browser.waitUntil(async () => (await browser.$$('nav.sidebar li.row')).length === rowsBefore, { timeout: 5000 });
  assert.doesNotMatch(run('agenda', '--event', sample), /New session/);
});

test('participants are added, edited and removed', async () => {
  await browser.$('#open-participants').click();
  await browser.$('#new-name').waitForExist({ timeout: 5000 });
  await browser.$('#new-name').setValue('Ana Pérez');
  await browser.$('#new-entity').setValue('UNHCR');
  await browser.$('#add-participant').click();
  await browser.waitUntil(async () => /Ana Pérez/.test(run('participants', '--event', sample)), { timeout: 5000 });
  assert.match(run('participants', '--event', sample), /AnaPérez/, 'the handle defaults to one made from the name');

  const findAna = () =>
    browser.execute(() => [...document.querySelectorAll('tr[data-participant-id]')].find((tr) => tr.querySelector('input')?.value === 'Ana Pérez')?.dataset.participantId ?? null);
  await browser.waitUntil(async () => (await findAna()) !== null, { timeout: 5000, timeoutMsg: 'Ana Pérez is not listed' });
  const pid = await findAna();
  const role = await browser.$(`tr[data-participant-id="${pid}"] input[aria-label^="Role"]`);
  await role.setValue('Rapporteur');
  await browser.keys(['Tab']);
  await browser.waitUntil(async () => /Rapporteur/.test(run('participants', '--event', sample)), { timeout: 5000 });

  // The list was read again after the edit: find the row anew.
  await browser.$(`tr[data-participant-id="${pid}"] button.danger`).click();
  await browser.waitUntil(async () => !/Ana Pérez/.test(run('participants', '--event', sample)), { timeout: 5000 });
});
