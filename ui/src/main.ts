/**
 * Boots the window: one state store, one top bar, and either the start view or the event view
 * (agenda sidebar + session pane). Rendering follows transactions: a view is rebuilt only when
 * what it shows changed, so the editors keep their state while the clock ticks and saves land.
 */

import './styles.css';
import { collabIpc, ipc, languageIpc, presenceIpc } from './ipc';
import { language, pickLanguage, setLanguage, type Lang, type UiLanguage } from './i18n';
import { createAppStore, type AppState } from './state/app';
import { h } from './util/dom';
import { openEvent, report, showStart, type Ctx } from './views/context';
import { mountSession, type MountedSession } from './views/session';
import { mountBoard, type MountedBoard } from './views/board';
import { mountPanel, type MountedPanel } from './views/outcome-panel';
import { followChanges } from './views/live';
import { renderSidebar, showPresence, updateSidebar } from './views/sidebar';
import { createPresence } from './views/presence';
import { bySession } from './presence/model';
import { renderStart } from './views/start';
import { badge, badgeTone } from './collab/model';
import { createCollabPanel, pollCollab } from './views/collab';
// Draft, search, import, agenda and participants editing, error screen.
import { mountAgendaEditor } from './views/agenda-edit';
import { mountDraft, type MountedPanel as MountedPane } from './views/draft';
import { renderFailure } from './views/failure';
import { installDropImport, loadAgendaFile } from './views/import';
import { mountParticipants } from './views/participants';
import { openSearch } from './views/search';
import type { Panel } from './state/app';
import { openBenchTarget } from './bench';

const ctx: Ctx = { store: createAppStore(), ipc };
/** The window's language: chosen on this device, else the system's (the core reads LANG). */
const applyLanguage = (r: UiLanguage | null) => setLanguage(pickLanguage(r, navigator.language));
ctx.presence = createPresence(presenceIpc, (e) => report(ctx, e));
const root = document.getElementById('app')!;

const eventTitle = h('span', { class: 'topbar-event' });
const homeButton = h('button', { class: 'topbar-home', id: 'home', onclick: () => void showStart(ctx) }, 'All events');
const boardButton = h(
  'button',
  { id: 'board-button', 'aria-keyshortcuts': 'Alt+B', title: 'Outcome board (Alt+B)', onclick: () => ctx.store.dispatch({ type: 'board', open: !ctx.store.state.board }) },
  'Outcome board',
);
const panelHost = h('div', { class: 'panel-host', hidden: true });
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
  boardButton,
  panelButtons,
  h('button', { class: 'topbar-search', id: 'open-search', 'aria-keyshortcuts': 'Control+K', onclick: () => openSearch(ctx) }, 'Search ', h('kbd', {}, 'Ctrl K')),
);
const main = h('main', { id: 'main', tabindex: -1 });

// The Collaborate panel: a column to the right of the view, toggled by its button or Ctrl+Shift+L.
const collabToggle = h('button', { id: 'collab-toggle', type: 'button', 'aria-controls': 'collab', 'aria-expanded': 'false', 'aria-keyshortcuts': 'Control+Shift+L', title: 'Collaborate (Ctrl+Shift+L)' }, 'Collaborate');
const collabBadge = h('span', { class: 'collab-badge', id: 'collab-badge' });
const setCollabOpen = (open: boolean) => {
  ctx.store.dispatch({ type: 'collab-open', open });
  if (open) collab.focus();
  else collabToggle.focus();
};
const collab = createCollabPanel(ctx, collabIpc, () => setCollabOpen(false));
collabToggle.addEventListener('click', () => setCollabOpen(!ctx.store.state.collabOpen));
window.addEventListener('keydown', (e) => {
  if (e.ctrlKey && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l') {
    e.preventDefault();
    setCollabOpen(!ctx.store.state.collabOpen);
  }
});
pollCollab(ctx, collabIpc);

root.replaceChildren(
  h('header', { class: 'topbar' }, h('span', { class: 'brand' }, 'Rapporteur'), eventTitle, h('span', { class: 'spacer' }), eventNav, collabBadge, collabToggle, homeButton),
  errorBar,
  h('div', { class: 'workspace' }, main, collab.element),
  panelHost,
);

let sidebar: HTMLElement | null = null;
let pane: HTMLElement | null = null;
let session: MountedSession | null = null;
let board: MountedBoard | null = null;
let eventPane: MountedPane | null = null;
let panel: MountedPanel | null = null;

/** The initials of who is where, in the sidebar. */
const markPresence = () => {
  if (sidebar) showPresence(sidebar, bySession(ctx.presence?.hub()?.people() ?? []));
};
ctx.presence.onChange(markPresence);

function closeSession(): void {
  session?.dispose();
  session = null;
  board?.dispose();
  board = null;
  eventPane?.dispose();
  eventPane = null;
}

/** The pane shown instead of a session: the draft, agenda editing or participants. */
function mountPane(which: Panel, host: HTMLElement, eventId: string): MountedPane {
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
  ctx.presence?.setEvent(state.view === 'event' ? state.eventId : null);
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
    if (viewChanged || agendaOnly) markPresence();
    if (viewChanged || state.sessionId !== prev?.sessionId || state.board !== prev?.board || state.panel !== prev?.panel) {
      closeSession();
      if (state.board) {
        board = mountBoard(ctx, pane!);
      } else if (state.panel && state.eventId) {
        eventPane = mountPane(state.panel, pane!, state.eventId);
      } else if (state.sessionId && state.eventId) {
        session = mountSession(ctx, pane!, state.eventId, state.sessionId);
      } else {
        pane!.replaceChildren(renderEventOverview(state));
      }
    }
    updateSidebar(sidebar!, state);
    ctx.presence?.setSession(session ? state.sessionId : null);
    session?.update(state);
    board?.update(state);
    eventPane?.update(state);
  }
  // The side panel that edits an outcome (over the board or the session).
  if (state.outcomePanel !== prev?.outcomePanel || (state.view !== 'event' && panel)) {
    panel?.dispose();
    panel = state.outcomePanel && state.view === 'event' ? mountPanel(ctx, panelHost, state.outcomePanel) : null;
  }
  panel?.update(state);
  eventNav.hidden = state.view !== 'event';
  boardButton.setAttribute('aria-pressed', String(state.board));
  for (const b of panelButtons) b.setAttribute('aria-current', b.dataset.panel === state.panel ? 'page' : 'false');
  eventTitle.textContent = state.view === 'event' ? (state.agenda?.info.title ?? '') : '';
  homeButton.hidden = state.view === 'start';
  collab.update(state);
  collabToggle.setAttribute('aria-expanded', String(state.collabOpen));
  collabBadge.textContent = badge(state.collab);
  collabBadge.hidden = !collabBadge.textContent;
  collabBadge.dataset.tone = badgeTone(state.collab);
  errorBar.hidden = !state.error;
  errorBar.textContent = state.error ? `${state.error.message} (${state.error.code})` : '';
}

ctx.store.subscribe((tr) => render(tr.state, tr.before));
render(ctx.store.state, null);

// Alt+B opens and closes the outcome board; Escape leaves it (when no panel is open).
window.addEventListener('keydown', (e) => {
  const st = ctx.store.state;
  if (e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'b' && st.view === 'event') {
    e.preventDefault();
    ctx.store.dispatch({ type: 'board', open: !st.board });
  } else if (e.key === 'Escape' && st.board && !st.outcomePanel && !e.defaultPrevented) {
    ctx.store.dispatch({ type: 'board', open: false });
  }
});
followChanges(ctx).catch((e) => report(ctx, e));

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

// Ctrl+K searches the open event from anywhere in the event view.
window.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
    e.preventDefault();
    openSearch(ctx);
  }
});

void (async () => {
  try {
    applyLanguage(await languageIpc.uiLanguage());
  } catch {
    applyLanguage(null); // no database (the error screen follows): the webview's locale
  }
  try {
    const failure = await ctx.ipc.startupFailure();
    if (failure) {
      eventNav.hidden = homeButton.hidden = true;
      main.replaceChildren(renderFailure(failure));
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
