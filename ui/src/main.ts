/**
 * Boots the window: one state store, one top bar, and either the start view or the event view
 * (agenda sidebar + session pane). Rendering follows transactions: a view is rebuilt only when
 * what it shows changed, so the editors keep their state while the clock ticks and saves land.
 */

import './styles.css';
import { ipc } from './ipc';
import { createAppStore, type AppState } from './state/app';
import { h } from './util/dom';
import { openEvent, report, showStart, type Ctx } from './views/context';
import { mountSession, type MountedSession } from './views/session';
import { renderSidebar, updateSidebar } from './views/sidebar';
import { renderStart } from './views/start';
import { openBenchTarget } from './bench';

const ctx: Ctx = { store: createAppStore(), ipc };
const root = document.getElementById('app')!;

const eventTitle = h('span', { class: 'topbar-event' });
const homeButton = h('button', { class: 'topbar-home', id: 'home', onclick: () => void showStart(ctx) }, 'All events');
const errorBar = h('div', { class: 'error-bar', role: 'alert', hidden: true });
const main = h('main', { id: 'main', tabindex: -1 });
root.replaceChildren(
  h('header', { class: 'topbar' }, h('span', { class: 'brand' }, 'Rapporteur'), eventTitle, h('span', { class: 'spacer' }), homeButton),
  errorBar,
  main,
);

let sidebar: HTMLElement | null = null;
let pane: HTMLElement | null = null;
let session: MountedSession | null = null;

function closeSession(): void {
  session?.dispose();
  session = null;
}

function renderEventOverview(state: AppState): HTMLElement {
  const info = state.agenda!.info;
  return h(
    'section',
    { class: 'overview' },
    h('h1', {}, info.title),
    h('p', { class: 'muted' }, [info.venue, [info.start_date, info.end_date].filter(Boolean).join(' – ')].filter(Boolean).join(' · ')),
    info.co_chairs.length ? h('p', {}, `Co-chairs: ${info.co_chairs.join(', ')}`) : null,
    h('p', { class: 'hint' }, 'Choose a session in the agenda: ↑/↓ to move, Enter to open.'),
  );
}

function render(state: AppState, prev: AppState | null): void {
  const viewChanged = !prev || state.view !== prev.view || state.agenda !== prev.agenda || state.eventId !== prev.eventId;
  if (state.view === 'start') {
    if (viewChanged || state.events !== prev?.events) {
      closeSession();
      sidebar = pane = null;
      main.replaceChildren(renderStart(ctx));
    }
  } else if (state.agenda) {
    if (viewChanged) {
      closeSession();
      sidebar = renderSidebar(ctx, state.agenda);
      pane = h('div', { class: 'pane' });
      main.replaceChildren(h('div', { class: 'event-layout' }, sidebar, pane));
    }
    if (viewChanged || state.sessionId !== prev?.sessionId) {
      closeSession();
      if (state.sessionId && state.eventId) {
        session = mountSession(ctx, pane!, state.eventId, state.sessionId);
      } else {
        pane!.replaceChildren(renderEventOverview(state));
      }
    }
    updateSidebar(sidebar!, state);
    session?.update(state);
  }
  eventTitle.textContent = state.view === 'event' ? (state.agenda?.info.title ?? '') : '';
  homeButton.hidden = state.view === 'start';
  errorBar.hidden = !state.error;
  errorBar.textContent = state.error ? `${state.error.message} (${state.error.code})` : '';
}

ctx.store.subscribe((tr) => render(tr.state, tr.before));
render(ctx.store.state, null);

// The clock moves the now marker and the timer; tests set it through the hook below.
setInterval(() => {
  if (!ctx.store.state.clockOverride) ctx.store.dispatch({ type: 'tick' });
}, 15_000);

/** Test hook (WebDriver): set the clock the window shows, or null for the real one. */
(window as unknown as { rapporteurTest: unknown }).rapporteurTest = {
  setClock: (iso: string | null) => ctx.store.dispatch({ type: 'clock-set', iso }),
  state: () => ctx.store.state,
};

void (async () => {
  try {
    const [first, bench] = await Promise.all([ctx.ipc.startupEvent(), ctx.ipc.benchTarget()]);
    // Only under bench/desktop.sh (RAPPORTEUR_BENCH_READY): open the session it names.
    if (await openBenchTarget(ctx, bench)) return;
    if (first) await openEvent(ctx, first);
    else await showStart(ctx);
  } catch (e) {
    report(ctx, e);
  }
})();
