/**
 * The agenda sidebar: days and their rows with times, methodology and moderators. Logistics
 * rows (registration, breaks, meals) are dimmed and skipped by the keyboard; ↑/↓, Home and End
 * move between sessions, Enter or Space opens one. A "Now" marker follows the clock. Small
 * coloured initials show who else has a session open (live sync).
 */

import { isLogistics, nowMarker, shown, timeRange } from '../agenda/model';
import { hereLabel, initials, type Person } from '../presence/model';
import type { AgendaView, SessionView } from '../agenda/types';
import { currentTime, type AppState } from '../state/app';
import { h } from '../util/dom';
import type { Ctx } from '../controllers/context';

export function renderSidebar(ctx: Ctx, agenda: AgendaView): HTMLElement {
  const open = (id: string) => ctx.store.dispatch({ type: 'session-opened', sessionId: id });
  const row = (s: SessionView, d: number, n: number) => {
    const title = shown(s.title, '') || 'Untitled';
    const meta = [s.methodology, s.moderators && `Moderators: ${s.moderators}`].filter(Boolean).join(' · ');
    const body = [
      h('span', { class: 'row-time' }, timeRange(s) || '—'),
      h('span', { class: 'row-title' }, title),
      meta ? h('span', { class: 'row-meta' }, meta) : null,
    ];
    if (isLogistics(s)) {
      return h('li', { class: 'row logistics', 'data-session-id': s.id, 'data-ref': `${d + 1}.${n + 1}` }, h('div', { class: 'row-body' }, body));
    }
    return h(
      'li',
      { class: 'row', 'data-session-id': s.id, 'data-ref': `${d + 1}.${n + 1}` },
      h(
        'button',
        {
          class: 'row-body session-link',
          'data-session-id': s.id,
          'data-ref': `${d + 1}.${n + 1}`,
          tabindex: -1,
          'aria-label': `${d + 1}.${n + 1} ${timeRange(s)} ${title}`,
          onclick: () => open(s.id),
        },
        body,
      ),
    );
  };
  const nav = h(
    'nav',
    { class: 'sidebar', 'aria-label': 'Agenda' },
    h('p', { class: 'sidebar-hint muted small' }, '↑/↓ to move, Enter to open'),
    agenda.days.map((day, d) =>
      h(
        'section',
        { class: 'day', 'aria-labelledby': `day-${d}` },
        h('h2', { class: 'day-label', id: `day-${d}` }, day.label || day.date || `Day ${d + 1}`),
        h('ol', { class: 'rows' }, day.sessions.map((s, n) => row(s, d, n))),
      ),
    ),
  );
  nav.addEventListener('keydown', (e) => onKey(nav, e));
  return nav;
}

function links(nav: HTMLElement): HTMLButtonElement[] {
  return [...nav.querySelectorAll<HTMLButtonElement>('button.session-link')];
}

function onKey(nav: HTMLElement, e: KeyboardEvent): void {
  const all = links(nav);
  if (all.length === 0) return;
  const i = all.indexOf(document.activeElement as HTMLButtonElement);
  let next: number;
  switch (e.key) {
    case 'ArrowDown':
      next = i < 0 ? 0 : Math.min(i + 1, all.length - 1);
      break;
    case 'ArrowUp':
      next = i < 0 ? 0 : Math.max(i - 1, 0);
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = all.length - 1;
      break;
    default:
      return;
  }
  e.preventDefault();
  focusLink(all, next);
}

function focusLink(all: HTMLButtonElement[], index: number): void {
  all.forEach((b, j) => (b.tabIndex = j === index ? 0 : -1));
  all[index].focus();
  all[index].scrollIntoView({ block: 'nearest' });
}

/** Marks the open session and where now is; keeps exactly one row in the tab order. */
export function updateSidebar(nav: HTMLElement, state: AppState): void {
  const agenda = state.agenda;
  if (!agenda) return;
  const marker = nowMarker(agenda, currentTime(state));
  nav.querySelectorAll('.now-line').forEach((el) => el.remove());
  for (const li of nav.querySelectorAll<HTMLElement>('li.row')) {
    const id = li.dataset.sessionId;
    li.classList.toggle('is-open', id === state.sessionId);
    li.classList.toggle('is-now', !!marker && id === marker.current);
    li.querySelector('button')?.setAttribute('aria-current', id === state.sessionId ? 'true' : 'false');
    if (marker && id === marker.next) {
      li.before(h('li', { class: 'now-line', 'aria-label': 'Now' }, h('span', {}, 'Now')));
    }
  }
  const all = links(nav);
  const target = all.findIndex((b) => b.dataset.sessionId === (state.sessionId ?? marker?.current));
  if (!all.some((b) => b.tabIndex === 0) || target >= 0) {
    all.forEach((b, j) => (b.tabIndex = j === Math.max(target, 0) ? 0 : -1));
  }
}

/** Puts the initials of the people in each session next to its row ("Amina is here"). */
export function showPresence(nav: HTMLElement, here: Map<string, Person[]>): void {
  for (const li of nav.querySelectorAll<HTMLElement>('li.row')) {
    li.querySelector(':scope > .presence')?.remove();
    const list = here.get(li.dataset.sessionId ?? '');
    // The row's text makes room for the badges (see styles.css).
    if (list?.length) li.dataset.present = String(Math.min(list.length, 4));
    else delete li.dataset.present;
    if (!list?.length) continue;
    const shownList = list.slice(0, 3);
    const more = list.length - shownList.length;
    li.append(
      h(
        'span',
        { class: 'presence', role: 'img', 'aria-label': hereLabel(list), 'data-testid': 'presence' },
        shownList.map((p) => h('span', { class: 'presence-badge', style: `background-color: ${p.color}`, title: p.name, 'aria-hidden': 'true' }, initials(p.name))),
        more > 0 ? h('span', { class: 'presence-more', 'aria-hidden': 'true' }, `+${more}`) : null,
      ),
    );
  }
}
