// Shared by the draft and error-screen E2E files: start tauri-driver on the file's own port
// with the app on a given database, open a WebDriver session, take screenshots of the Xvfb
// display, and run the CLI on the same database. (window.test.mjs predates this module.)

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect } from 'node:net';
import { remote } from 'webdriverio';

export const root = resolve(import.meta.dirname, '../..');
export const app = process.env.RAPPORTEUR_APP ?? join(root, 'target/debug/rapporteur-desktop');
export const cliPath = process.env.RAPPORTEUR_CLI ?? join(root, 'target/debug/rapporteur');
const shots = join(root, 'docs/screenshots');
const toolBin = join(homedir(), '.cache/rapporteur-tools/bin/tauri-driver');
const tauriDriverPath = process.env.TAURI_DRIVER ?? (existsSync(toolBin) ? toolBin : 'tauri-driver');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForPort(port) {
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

/** Starts the window on `db` through tauri-driver on `port`; returns {browser, stop}. */
export async function startApp(port, db) {
  if (!existsSync(app)) throw new Error(`build the window first: ${app}`);
  // WebKitWebDriver's own port too (tauri-driver's default 4445 would collide with other files).
  const driver = spawn(tauriDriverPath, ['--port', String(port), '--native-port', String(port + 100)], {
    env: { ...process.env, RAPPORTEUR_DB: db },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForPort(port);
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'warn',
    capabilities: {
      'tauri:options': { application: app },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  return {
    browser,
    async stop() {
      await browser.deleteSession().catch(() => {});
      driver.kill();
    },
  };
}

/** A screenshot of the whole X display (the window) into docs/screenshots/. */
export async function screenshot(browser, name) {
  mkdirSync(shots, { recursive: true });
  const file = join(shots, name);
  await sleep(400); // let the last frame paint
  try {
    execFileSync('import', ['-window', 'root', file], { stdio: 'pipe' });
  } catch {
    await browser.saveScreenshot(file);
  }
  return file;
}

export function cli(db, ...args) {
  return execFileSync(cliPath, ['--db', db, ...args], { encoding: 'utf8' });
}
