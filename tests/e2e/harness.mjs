// Shared by every E2E file: start tauri-driver on the file's own port with the app on a given
// database, open WebDriver sessions, take screenshots of the Xvfb display, and run the CLI on
// the same database.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect } from 'node:net';
import { remote } from 'webdriverio';

export const root = resolve(import.meta.dirname, '../..');
export const app = process.env.RAPPORTEUR_APP ?? join(root, 'target/debug/rapporteur-desktop');
export const cliPath = process.env.RAPPORTEUR_CLI ?? join(root, 'target/debug/rapporteur');
/** Where screenshots go: target/screenshots/, so a test run leaves the tree as it found it;
 * `make screenshots` copies them into docs/screenshots/. E2E_SCREENSHOTS overrides it. */
export const shots = process.env.E2E_SCREENSHOTS ? resolve(process.env.E2E_SCREENSHOTS) : join(root, 'target/screenshots');
const toolBin = join(homedir(), '.cache/rapporteur-tools/bin/tauri-driver');
const tauriDriverPath = process.env.TAURI_DRIVER ?? (existsSync(toolBin) ? toolBin : 'tauri-driver');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until tauri-driver accepts connections (a TCP connect: an HTTP request would be
 * proxied to WebKitWebDriver before it exists, and tauri-driver logs that as an error). */
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

/**
 * Starts tauri-driver on `port` for the app on `db` (extra `env` for the app); returns
 * `{session, stop}`: each `session()` starts the app and opens a WebDriver session on it (end it
 * with `deleteSession()` to quit the app, e.g. to restart it).
 */
export async function startDriver(port, db, env = {}) {
  if (!existsSync(app)) throw new Error(`build the window first: ${app}`);
  // E2E_PORT_OFFSET moves every file's ports, so two checkouts can run their E2E suites at once.
  port += Number(process.env.E2E_PORT_OFFSET ?? 0);
  // WebKitWebDriver's own port too (tauri-driver's default 4445 would collide with other files).
  // Its own process group (WebKitWebDriver and the app join it), ended as a whole by stop()
  // and when this process exits; its output comes through pipes that end with this process,
  // so nothing left behind can hold the test run's stdout open (a `| tee` would wait forever).
  // The window follows the system's language: every test window starts in English (LANG=C)
  // unless the test asks for another locale in `env`.
  const base = { ...process.env, LANG: 'C.UTF-8' };
  delete base.LC_ALL;
  delete base.LC_MESSAGES;
  const driver = spawn(tauriDriverPath, ['--port', String(port), '--native-port', String(port + 100)], {
    env: { ...base, ...env, RAPPORTEUR_DB: db },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  driver.stdout.on('data', (d) => process.stderr.write(d));
  driver.stderr.on('data', (d) => process.stderr.write(d));
  const group = driver.pid;
  const endGroup = () => killGroup(group);
  process.once('exit', endGroup);
  await waitForPort(port);
  return {
    session: () =>
      remote({
        hostname: '127.0.0.1',
        port,
        logLevel: 'warn',
        capabilities: {
          'tauri:options': { application: app },
          'wdio:enforceWebDriverClassic': true,
        },
      }),
    /** Ends tauri-driver (which ends its WebKitWebDriver and the app), then whatever of its
     * group is left. Await it where the next step needs the ports or the database free. */
    stop: async () => {
      signalGroup(group, 'SIGTERM');
      if (driver.exitCode === null && driver.signalCode === null) {
        await Promise.race([new Promise((r) => driver.once('exit', r)), sleep(3000)]);
      }
      endGroup();
      process.removeListener('exit', endGroup);
    },
  };
}

/** Sends `sig` to a process group; false when the group is gone. */
function signalGroup(pgid, sig) {
  try {
    process.kill(-pgid, sig);
    return true;
  } catch (e) {
    if (e.code === 'ESRCH') return false;
    throw e;
  }
}

/** Kills what is left of a process group (also from process.on('exit'), so synchronous). */
function killGroup(pgid) {
  signalGroup(pgid, 'SIGKILL');
}

/** Starts the window on `db` through tauri-driver on `port`; returns {browser, stop}. */
export async function startApp(port, db, env = {}) {
  const driver = await startDriver(port, db, env);
  const browser = await driver.session();
  return {
    browser,
    async stop() {
      await browser.deleteSession().catch(() => {});
      await driver.stop();
    },
  };
}

/** A screenshot of the whole X display (the window) into {@link shots}. */
export async function screenshot(browser, name) {
  mkdirSync(shots, { recursive: true });
  const file = join(shots, name);
  // The pointer to a corner without a tooltip, so none is left over in the picture.
  await browser.action('pointer').move({ x: 2, y: 2, origin: 'viewport' }).perform();
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
