// The error screen, end to end: with RAPPORTEUR_DB pointing at a file that is not a database,
// the window opens anyway and says what went wrong, which file, and what to do; the file is
// left exactly as it was. Own tauri-driver port (4449).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenshot, startApp } from './harness.mjs';

const port = Number(process.env.TAURI_DRIVER_PORT_FAILURE ?? 4449);
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-failure-'));
const db = join(dir, 'not-a-database.db');
const content = 'These are meeting notes, not a database.\n'.repeat(100);
let app;

before(async () => {
  writeFileSync(db, content);
  app = await startApp(port, db);
});

after(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a file that is not a database gets an error screen naming it; the file is unchanged', async () => {
  const { browser } = app;
  const screen = await browser.$('[data-testid="startup-failure"]');
  await screen.waitForExist({ timeout: 15000 });
  assert.equal(await screen.getAttribute('data-code'), 'database');
  assert.equal(await browser.$('[data-testid="failure-path"]').getText(), db);
  assert.match(await screen.getText(), /Move it aside, or set RAPPORTEUR_DB to another file/);
  assert.equal(await browser.$('#open-search').isDisplayed(), false);
  await screenshot(browser, 'error-screen.png');
  assert.equal(readFileSync(db, 'utf8'), content);
});
