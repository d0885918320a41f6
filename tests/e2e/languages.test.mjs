// Languages in the real window: it follows the system locale (LANG=ar_LB.UTF-8 → Arabic,
// right to left, no first-run dialog); a language chosen in the window applies at once and is
// kept on this device across a restart; Arabic notes typed in session 2.1 run right to left
// line by line next to an English line, are saved and read back by the CLI; an Arabic prefix
// captures an outcome; the draft preview of an event set to Arabic is right to left.
// Screenshots go to docs/screenshots/.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, screenshot as shoot, startDriver } from './harness.mjs';

const port = Number(process.env.TAURI_DRIVER_PORT_LANGUAGES ?? 4451);

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-lang-'));
const db = join(dir, 'rapporteur.db');
let driver;
let browser;

const screenshot = (name) => shoot(browser, name);
const cliOut = (...args) => cli(db, ...args);
const root = () => browser.execute(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

before(async () => {
  driver = await startDriver(port, db, { LANG: 'ar_LB.UTF-8' });
  browser = await driver.session();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await driver?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the window follows the system locale: Arabic, right to left, no dialog', async () => {
  await browser.$('nav.sidebar button.session-link').waitForExist({ timeout: 15000 });
  await browser.waitUntil(async () => (await root()).dir === 'rtl', { timeout: 5000, timeoutMsg: 'the document never turned right to left' });
  assert.deepEqual(await root(), { lang: 'ar', dir: 'rtl' });
  assert.equal(await browser.$('[role="dialog"]').isExisting(), false, 'no first-run dialog');
});

test('a language chosen in the window applies at once and is kept across a restart', async () => {
  await browser.execute(() => window.rapporteurTest.setLanguage('fr'));
  assert.deepEqual(await root(), { lang: 'fr', dir: 'ltr' });
  await browser.deleteSession();
  browser = await driver.session();
  // A later start shows the start view (the sample opens by itself only the first time).
  await browser.$('.event-card').waitForExist({ timeout: 15000 });
  await browser.waitUntil(async () => (await root()).lang === 'fr', { timeout: 5000, timeoutMsg: 'the choice was not kept' });
  assert.deepEqual(await root(), { lang: 'fr', dir: 'ltr' });
  // Back to following the system (Arabic here).
  await browser.execute(() => window.rapporteurTest.setLanguage(null));
  assert.deepEqual(await root(), { lang: 'ar', dir: 'rtl' });
  await browser.$('.event-card').click();
  await browser.$('nav.sidebar button.session-link').waitForExist({ timeout: 10000 });
});

test('Arabic notes run right to left line by line, are saved, and an Arabic prefix captures', async () => {
  await browser.$('nav.sidebar button.session-link[data-ref="2.1"]').click();
  const notes = await browser.$('[data-testid="notes-editor"]');
  await notes.waitForExist({ timeout: 10000 });
  await notes.click();
  const arabic = 'ناقش المشاركون سبل دعم المفاوضات بشأن الاتفاق العالمي من أجل الهجرة.';
  const english = 'FAO and IOM will brief Member States monthly.';
  const rec = 'توصية: تنظيم إحاطات شهرية للدول الأعضاء';
  await notes.addValue(arabic);
  await browser.keys(['Enter']);
  await notes.addValue(english);
  await browser.keys(['Enter']);
  await notes.addValue(rec);
  await browser.keys(['Enter']);

  const status = await browser.$('[data-testid="save-status"]');
  await browser.waitUntil(async () => (await status.getAttribute('data-state')) === 'saved', {
    timeout: 10000,
    timeoutMsg: 'the notes were never saved',
  });
  // CodeMirror's per-line direction: each line's own text decides.
  const dirs = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="notes-editor"] .cm-line')].map((l) => [l.textContent, getComputedStyle(l).direction]),
  );
  const dirOf = (start) => dirs.find(([text]) => text.startsWith(start))?.[1];
  assert.equal(dirOf('ناقش'), 'rtl', JSON.stringify(dirs));
  assert.equal(dirOf('FAO and IOM'), 'ltr', JSON.stringify(dirs));
  const stored = cliOut('notes', '2.1');
  assert.ok(stored.includes(arabic) && stored.includes(english), `the CLI reads back: ${JSON.stringify(stored)}`);

  await browser.waitUntil(() => cliOut('outcomes', '--json').includes('تنظيم إحاطات شهرية'), {
    timeout: 10000,
    timeoutMsg: 'the Arabic prefix line was not captured',
  });
  const captured = JSON.parse(cliOut('outcomes', '--json')).find((o) => o.text.includes('تنظيم إحاطات شهرية'));
  assert.equal(captured.kind, 'recommendation');
  await screenshot('arabic-notes.png');
});

test('the draft of an event set to Arabic is previewed right to left', async () => {
  cliOut('event', 'set', '--language', 'ar');
  await browser.$('#open-draft').click();
  const frame = await browser.$('[data-testid="draft-frame"]');
  await frame.waitForExist({ timeout: 10000 });
  await browser.waitUntil(
    () => browser.execute(() => document.querySelector('[data-testid="draft-frame"]')?.contentDocument?.documentElement?.dir === 'rtl'),
    { timeout: 15000, timeoutMsg: 'the draft preview never turned right to left' },
  );
  const heading = await browser.execute(() => document.querySelector('[data-testid="draft-frame"]').contentDocument.body.textContent);
  assert.match(heading, /مشروع استنتاجات/);
  assert.match(heading, /ناقش المشاركون/);
  await screenshot('draft-arabic.png');
});
