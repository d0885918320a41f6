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
// Draft, search, import, agenda and participants editing, error screen.
import { mountAgendaEditor } from './views/agenda-edit';
import { mountDraft, type MountedPanel } from './views/draft';
import { renderFailure } from './views/failure';
import { installDropImport, loadAgendaFile } from './views/import';
import { mountParticipants } from './views/participants';
import { openSearch } from './views/search';
import type { Panel } from './state/app';

const ctx: Ctx = { store: createAppStore(), ipc };
const root = document.getElementById('app')!;

const eventTitle = h('span', { class: 'topbar-event' });
const homeButton = h('button', { class: 'topbar-home', id: 'home', onclick: () => void showStart(ctx) }, 'All events');
const errorBar = h('div', { class: 'error-bar', role: 'alert', hidden: true });
const PANELS: { panel: Panel; label: string }[] = [
  { panel: 'draft', label: 'Draft' },
  { panel: 'agenda', label: 'Agenda' },
  { panel: 'participants', label: 'Participants' },
];
const panelButtons = PANELS.map((p) =>
  h('button', { class: 'topbar-panel', id: `open-${p.panel}`, 'data-panel': p.panel, onclick: () => ctx.store.dispatch({ type: 'panel-opened', panel: p.panel }) }, p.label),
);
const eventNav = h(
  'nav',
  { class: 'topbar-nav', 'aria-label': 'Event' },
  panelButtons,
  h('button', { class: 'topbar-search', id: 'open-search', 'aria-keyshortcuts': 'Control+K', onclick: () => openSearch(ctx) }, 'Search ', h('kbd', {}, 'Ctrl K')),
);
const main = h('main', { id: 'main', tabindex: -1 });
root.replaceChildren(
  h('header', { class: 'topbar' }, h('span', { class: 'brand' }, 'Rapporteur'), eventTitle, h('span', { class: 'spacer' }), eventNav, homeButton),
  errorBar,
  main,
);

let sidebar: HTMLElement | null = null;
let pane: HTMLElement | null = null;
let session: MountedSession | null = null;
let panel: MountedPanel | null = null;

function closeSession(): void {
  session?.dispose();
  session = null;
  panel?.dispose();
  panel = null;
}

function mountPanel(which: Panel, host: HTMLElement, eventId: string): MountedPanel {
  if (which === 'draft') return mountDraft(ctx, host, eventId);
  if (which === 'agenda') return mountAgendaEditor(ctx, host, eventId);
  return mountParticipants(ctx, host, eventId);
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
  // An agenda re-read while a panel is open (agenda editing) redraws the sidebar only.
  const agendaOnly = !!prev && !!state.panel && state.panel === prev.panel && state.view === prev.view && state.eventId === prev.eventId && state.agenda !== prev.agenda;
  const viewChanged = !agendaOnly && (!prev || state.view !== prev.view || state.agenda !== prev.agenda || state.eventId !== prev.eventId);
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
    if (agendaOnly) {
      const fresh = renderSidebar(ctx, state.agenda);
      sidebar!.replaceWith(fresh);
      sidebar = fresh;
    }
    if (viewChanged || state.sessionId !== prev?.sessionId || state.panel !== prev?.panel) {
      closeSession();
      if (state.panel && state.eventId) {
        panel = mountPanel(state.panel, pane!, state.eventId);
      } else if (state.sessionId && state.eventId) {
        session = mountSession(ctx, pane!, state.eventId, state.sessionId);
      } else {
        pane!.replaceChildren(renderEventOverview(state));
      }
    }
    updateSidebar(sidebar!, state);
    session?.update(state);
    panel?.update(state);
  }
  eventNav.hidden = state.view !== 'event';
  for (const b of panelButtons) b.setAttribute('aria-current', b.dataset.panel === state.panel ? 'page' : 'false');
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
  // Native dialogs and drops cannot be driven by WebDriver: `nextSavePath` / `nextOpenPath`
  // (set by the test) replace the next dialog (see ipc), and `dropFiles` stands in for a drop.
  dropFiles: (paths: string[]) => (paths.length === 1 ? loadAgendaFile(ctx, paths[0]) : undefined),
};

// Ctrl+K searches the open event from anywhere in the event view.
window.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
    e.preventDefault();
    openSearch(ctx);
  }
});

void (async () => {
  try {
    const failure = await ctx.ipc.startupFailure();
    if (failure) {
      eventNav.hidden = homeButton.hidden = true;
      main.replaceChildren(renderFailure(failure));
      return;
    }
    installDropImport(ctx).catch((e) => report(ctx, e));
    const first = await ctx.ipc.startupEvent();
    if (first) await openEvent(ctx, first);
    else await showStart(ctx);
  } catch (e) {
    report(ctx, e);
  }
})();
