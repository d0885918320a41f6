// Keystroke to "Saved" through the real window, for bench/desktop.sh (not a test: it lives here
// to share the WebDriver harness's node_modules). The app (RAPPORTEUR_APP) starts through
// tauri-driver + WebKitWebDriver on the database in RAPPORTEUR_DB, opened at the session in
// RAPPORTEUR_BENCH_OPEN (the benchmark hook). WebDriver types KEYS characters into the Notes
// editor, one every PACE_MS, at its end. In the page, a capture-phase keydown listener records
// each key's event time; a MutationObserver on the save indicator, whenever it reads "Saved",
// counts the characters the editor holds and resolves every key whose character is there:
// its latency is from key dispatch to that DOM update of the indicator. (A character in the
// editor means its Yjs update was already handed to the Saver in the same task, and "Saved"
// means the core acknowledged every update handed to it, so each resolved key is on disk.)
// Prints one JSON object: latencies in ms, p50, p99.
//
// Env: RAPPORTEUR_APP, RAPPORTEUR_DB, RAPPORTEUR_BENCH_READY, RAPPORTEUR_BENCH_OPEN, KEYS (200),
// PACE_MS (150), TAURI_DRIVER, TAURI_DRIVER_PORT (4450; WebKitWebDriver gets port + 100). Run under Xvfb and a session bus.

import { sleep, startDriver } from './harness.mjs';

const keys = Number(process.env.KEYS ?? 200);
const pace = Number(process.env.PACE_MS ?? 150);
// Not an E2E file's port, so it can run beside the tests.
const port = Number(process.env.TAURI_DRIVER_PORT ?? 4450);
if (!process.env.RAPPORTEUR_APP || !process.env.RAPPORTEUR_DB || !process.env.RAPPORTEUR_BENCH_OPEN) {
  throw new Error('set RAPPORTEUR_APP, RAPPORTEUR_DB, RAPPORTEUR_BENCH_READY and RAPPORTEUR_BENCH_OPEN');
}

function pct(sorted, p) {
  return sorted[Math.round((sorted.length - 1) * p)];
}

const driver = await startDriver(port, process.env.RAPPORTEUR_DB);
let browser;
try {
  browser = await driver.session();
  const notes = await browser.$('[data-testid="notes-editor"]');
  await notes.waitForExist({ timeout: 30000 });
  await notes.click();
  // Ctrl+End: type at the end of whatever notes the session has.
  await browser.action('key').down('\uE009').down('\uE010').up('\uE010').up('\uE009').perform();

  // The recorder, in the page.
  await browser.execute(() => {
    const content = document.querySelector('.cm-content[data-testid="notes-editor"]');
    const status = document.querySelector('[data-testid="save-status"]');
    const length = () => {
      let n = 0;
      for (const line of content.querySelectorAll('.cm-line')) {
        for (const node of line.childNodes) {
          if (!(node instanceof Element && node.classList.contains('cm-placeholder'))) n += node.textContent.length;
        }
      }
      return n;
    };
    const rec = { base: length(), downs: [], lat: [], next: 0 };
    document.addEventListener('keydown', (e) => rec.downs.push(e.timeStamp), true);
    new MutationObserver(() => {
      if (status.textContent !== 'Saved') return;
      const now = performance.now();
      const have = length() - rec.base;
      while (rec.next < rec.downs.length && rec.next < have) rec.lat.push(now - rec.downs[rec.next++]);
    }).observe(status, { childList: true, characterData: true, subtree: true });
    window.__keystrokeBench = rec;
  });

  const text = 'the group agreed to align the work plan with the compact and report back ';
  const t0 = Date.now();
  for (let i = 0; i < keys; i++) {
    const wait = t0 + i * pace - Date.now();
    if (wait > 0) await sleep(wait);
    await browser.keys([text[i % text.length]]);
  }
  await browser.waitUntil(async () => (await browser.execute(() => window.__keystrokeBench.lat.length)) >= keys, {
    timeout: 15000,
    timeoutMsg: 'not every keystroke reached "Saved"',
  });
  const rec = await browser.execute(() => window.__keystrokeBench);
  if (rec.downs.length !== keys) throw new Error(`typed ${keys} keys, the page saw ${rec.downs.length} keydowns`);
  const lat = [...rec.lat].sort((a, b) => a - b);
  const elapsed = (Date.now() - t0) / 1000;
  console.log(
    JSON.stringify({ keys, pace_ms: pace, typed_per_s: keys / elapsed, p50_ms: pct(lat, 0.5), p99_ms: pct(lat, 0.99), max_ms: lat[lat.length - 1], lat_ms: lat }),
  );
} finally {
  await browser?.deleteSession().catch((e) => console.error(`closing the session: ${e}`));
  await driver.stop();
}
