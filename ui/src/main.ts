/**
 * Boots the window: one state store, the real ipc, one shortcut registry, presence, the app
 * (`views/app.ts`) following the store, the controllers that feed it (changes the core
 * reports, the live-sync status, the clock), the test hooks, and the first view — the error
 * screen when the database did not open, else the event this start created, else the start
 * view.
 */

import './styles.css';
import { collabIpc, ipc, languageIpc, presenceIpc } from './ipc';
import { language, pickLanguage, setLanguage, type Lang, type UiLanguage } from './i18n';
import { createAppStore } from './state/app';
import { openEvent, report, showStart, type Ctx } from './controllers/context';
import { followChanges } from './controllers/changes';
import { createPresence } from './controllers/presence';
import { createShortcuts } from './controllers/shortcuts';
import { pollCollab } from './controllers/collab-status';
import { mountApp } from './views/app';
import { renderFailure } from './views/failure';
import { installDropImport, loadAgendaFile } from './views/import';
import { installWriteProbe } from './views/final';
import { openBenchTarget } from './bench';

const ctx: Ctx = { store: createAppStore(), ipc, shortcuts: createShortcuts(window) };
/** The window's language: chosen on this device, else the system's (the core reads LANG). */
const applyLanguage = (r: UiLanguage | null) => setLanguage(pickLanguage(r, navigator.language));
ctx.presence = createPresence(presenceIpc, (e) => report(ctx, e));

const app = mountApp(ctx, document.getElementById('app')!);
ctx.store.subscribe((tr) => app.update(tr.state));
followChanges(ctx).catch((e) => report(ctx, e));
pollCollab(ctx, collabIpc);

// The clock moves the now marker and the timer; tests set it through the hook below.
setInterval(() => {
  if (!ctx.store.state.clockOverride) ctx.store.dispatch({ type: 'tick' });
}, 15_000);

/** Test hook (WebDriver): set the clock the window shows, or null for the real one. */
(window as unknown as { rapporteurTest: unknown }).rapporteurTest = {
  setClock: (iso: string | null) => ctx.store.dispatch({ type: 'clock-set', iso }),
  state: () => ctx.store.state,
  // Native dialogs and drops cannot be driven by WebDriver: `nextSavePath` / `nextOpenPath`
  // (set by the test) replace the next dialog (see ipc), and `dropFiles` stands in for a drop.
  dropFiles: (paths: string[]) => (paths.length === 1 ? loadAgendaFile(ctx, paths[0]) : undefined),
  /** Chooses the window's language on this device (null: the system's), as the switch will. */
  setLanguage: async (code: Lang | null) => applyLanguage(await languageIpc.setUiLanguage(code)),
  language: () => language(),
};
installWriteProbe(ctx);

void (async () => {
  try {
    applyLanguage(await languageIpc.uiLanguage());
  } catch {
    applyLanguage(null); // no database (the error screen follows): the webview's locale
  }
  try {
    const failure = await ctx.ipc.startupFailure();
    if (failure) {
      app.hideNav();
      app.main.replaceChildren(renderFailure(failure));
      return;
    }
    installDropImport(ctx).catch((e) => report(ctx, e));
    const [first, bench] = await Promise.all([ctx.ipc.startupEvent(), ctx.ipc.benchTarget()]);
    // Only under bench/desktop.sh (RAPPORTEUR_BENCH_READY): open the session it names.
    if (await openBenchTarget(ctx, bench)) return;
    if (first) await openEvent(ctx, first);
    else await showStart(ctx);
  } catch (e) {
    report(ctx, e);
  }
})();
