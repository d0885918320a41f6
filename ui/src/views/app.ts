/**
 * The whole window: one top bar, and either the start view or the event view (agenda sidebar
 * and a pane with the open session, the board, the draft, the agenda, the participants or the
 * versions), a banner when the event is final,
 * the Collaborate panel beside it and the outcome side panel over it. Rendering follows
 * transactions: a part is rebuilt only when what it shows changed, so the editors keep their
 * state while the clock ticks, saves land and the agenda is read again after a change.
 * The window-wide shortcuts (Alt+B, Escape, Ctrl+K, Ctrl+Shift+L) are registered here.
 */

import type { AppState, Panel } from '../state/app';
import { h } from '../util/dom';
import { report, showStart, type Ctx, type Mounted } from '../controllers/context';
import { bySession } from '../presence/model';
import { badge, badgeTone } from '../collab/model';
import { mountSession } from './session';
import { mountBoard } from './board';
import { mountPanel } from './outcome-panel';
import { renderSidebar, showPresence, updateSidebar } from './sidebar';
import { renderStart } from './start';
import { mountCollab } from './collab';
import { mountAgendaEditor } from './agenda-edit';
import { mountDraft } from './draft';
import { mountParticipants } from './participants';
import { mountVersions } from './versions';
import { finalBanner } from './final';
import { openSearch } from './search';

const PANELS: { panel: Panel; label: string }[] = [
  { panel: 'draft', label: 'Draft' },
  { panel: 'agenda', label: 'Agenda' },
  { panel: 'participants', label: 'Participants' },
  { panel: 'versions', label: 'Versions' },
];

/** Mounts the window into `root`, drawn from the current state; `update` draws each new one. */
export function mountApp(ctx: Ctx, root: HTMLElement): Mounted & { main: HTMLElement; hideNav(): void } {
  const eventTitle = h('span', { class: 'topbar-event' });
  const homeButton = h('button', { class: 'topbar-home', id: 'home', onclick: () => void showStart(ctx) }, 'All events');
  const toggleBoard = () => ctx.store.dispatch({ type: 'board', open: !ctx.store.state.board });
  const boardButton = h('button', { id: 'board-button', 'aria-keyshortcuts': 'Alt+B', title: 'Outcome board (Alt+B)', onclick: toggleBoard }, 'Outcome board');
  const panelHost = h('div', { class: 'panel-host', hidden: true });
  const errorBar = h('div', { class: 'error-bar', role: 'alert', hidden: true });
  const banner = finalBanner(ctx);
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
  const workspace = h('div', { class: 'workspace' }, main);
  const setCollabOpen = (open: boolean) => {
    ctx.store.dispatch({ type: 'collab-open', open });
    if (open) collab.focus();
    else collabToggle.focus();
  };
  const collab = mountCollab(ctx, workspace, () => setCollabOpen(false));
  collabToggle.addEventListener('click', () => setCollabOpen(!ctx.store.state.collabOpen));

  root.replaceChildren(
    h('header', { class: 'topbar' }, h('span', { class: 'brand' }, 'Rapporteur'), eventTitle, h('span', { class: 'spacer' }), eventNav, collabBadge, collabToggle, homeButton),
    errorBar,
    banner.element,
    workspace,
    panelHost,
  );

  const shortcuts = [
    ctx.shortcuts.add({ key: 'l', ctrl: true, shift: true }, () => setCollabOpen(!ctx.store.state.collabOpen)),
    ctx.shortcuts.add({ key: 'b', alt: true }, () => {
      if (ctx.store.state.view !== 'event') return false;
      toggleBoard();
    }),
    ctx.shortcuts.add({ key: 'Escape', unhandled: true }, () => {
      const st = ctx.store.state;
      if (!st.board || st.outcomePanel) return false;
      ctx.store.dispatch({ type: 'board', open: false });
    }),
    ctx.shortcuts.add({ key: 'k', ctrlOrMeta: true }, () => openSearch(ctx)),
  ];

  let sidebar: HTMLElement | null = null;
  let pane: HTMLElement | null = null;
  /** What the pane shows: a session, the board, or a panel (draft, agenda, participants). */
  let shown: Mounted | null = null;
  let panel: Mounted | null = null;

  /** The initials of who is where, in the sidebar. */
  const markPresence = () => {
    if (sidebar) showPresence(sidebar, bySession(ctx.presence?.hub()?.people() ?? []));
  };
  ctx.presence?.onChange(markPresence);
  // Who writes from this window, as versions and diffs name them: the name others see.
  let author = '';
  ctx.presence?.onChange(() => {
    const name = ctx.presence?.shownName() ?? '';
    if (name && name !== author) {
      author = name;
      ctx.ipc.setAuthor(name).catch((e) => report(ctx, e));
    }
  });

  const closePane = () => {
    shown?.dispose();
    shown = null;
  };

  /** The pane shown instead of a session: the draft, agenda editing or participants. */
  const mountPane = (which: Panel, host: HTMLElement, eventId: string): Mounted => {
    if (which === 'draft') return mountDraft(ctx, host, eventId);
    if (which === 'agenda') return mountAgendaEditor(ctx, host, eventId);
    if (which === 'versions') return mountVersions(ctx, host, eventId);
    return mountParticipants(ctx, host, eventId);
  };

  const renderEventOverview = (state: AppState): HTMLElement => {
    const info = state.agenda!.info;
    return h(
      'section',
      { class: 'overview' },
      h('h1', {}, info.title),
      h('p', { class: 'muted' }, [info.venue, [info.start_date, info.end_date].filter(Boolean).join(' – ')].filter(Boolean).join(' · ')),
      info.co_chairs.length ? h('p', {}, `Co-chairs: ${info.co_chairs.join(', ')}`) : null,
      h('p', { class: 'hint' }, 'Choose a session in the agenda: ↑/↓ to move, Enter to open.'),
    );
  };

  /** Redraws the sidebar for a new agenda, keeping the focused row focused. */
  const redrawSidebar = (state: AppState) => {
    const focused = sidebar!.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.sessionId : undefined;
    const fresh = renderSidebar(ctx, state.agenda!);
    sidebar!.replaceWith(fresh);
    sidebar = fresh;
    if (focused) fresh.querySelector<HTMLElement>(`button.session-link[data-session-id="${focused}"]`)?.focus();
  };

  const renderEvent = (state: AppState, prev: AppState | null, viewChanged: boolean) => {
    if (viewChanged) {
      closePane();
      sidebar = renderSidebar(ctx, state.agenda!);
      pane = h('div', { class: 'pane' });
      main.replaceChildren(h('div', { class: 'event-layout' }, sidebar, pane));
    } else if (state.agenda !== prev?.agenda) {
      redrawSidebar(state);
    }
    if (viewChanged || state.agenda !== prev?.agenda) markPresence();
    // The lock coming or going remounts what shows, read-only or editable.
    const lockChanged = state.review.finalLock !== prev?.review.finalLock;
    if (viewChanged || lockChanged || state.sessionId !== prev?.sessionId || state.board !== prev?.board || state.panel !== prev?.panel) {
      closePane();
      if (state.board) shown = mountBoard(ctx, pane!);
      else if (state.panel && state.eventId) shown = mountPane(state.panel, pane!, state.eventId);
      else if (state.sessionId && state.eventId) shown = mountSession(ctx, pane!, state.eventId, state.sessionId);
      else pane!.replaceChildren(renderEventOverview(state));
    }
    updateSidebar(sidebar!, state);
    ctx.presence?.setSession(shown && state.sessionId && !state.board && !state.panel ? state.sessionId : null);
    shown?.update(state);
  };

  const render = (state: AppState, prev: AppState | null) => {
    ctx.presence?.setEvent(state.view === 'event' ? state.eventId : null);
    // A new agenda of the same event redraws the sidebar; the open view stays mounted and
    // updates itself from the state, so nothing typed is lost.
    const viewChanged = !prev || state.view !== prev.view || state.eventId !== prev.eventId || (!prev.agenda && !!state.agenda);
    if (state.view === 'start') {
      if (viewChanged || state.events !== prev?.events) {
        closePane();
        sidebar = pane = null;
        main.replaceChildren(renderStart(ctx));
      }
    } else if (state.agenda) {
      renderEvent(state, prev, viewChanged);
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
    banner.update(state);
    errorBar.hidden = !state.error;
    errorBar.textContent = state.error ? `${state.error.message} (${state.error.code})` : '';
  };

  let last: AppState | null = null;
  const update = (state: AppState) => {
    const prev = last;
    last = state;
    render(state, prev);
  };
  update(ctx.store.state);

  return {
    main,
    update,
    hideNav() {
      eventNav.hidden = homeButton.hidden = true;
    },
    dispose() {
      shortcuts.forEach((off) => off());
      closePane();
      panel?.dispose();
      collab.dispose();
    },
  };
}
