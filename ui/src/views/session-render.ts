/**
 * What the session view draws, without acting on anything: the page of a session (header,
 * Notes and Summary hosts, the capture box, its outcome list), its title, times and agenda
 * facts from the agenda, the timer, and one outcome of the list. `session.ts` wires it to the
 * core and the state.
 */

import { findSession, formatMinutes, sessionRef, shown, timeRange, type Timing } from '../agenda/model';
import type { AgendaView, OutcomeView } from '../agenda/types';
import { isNotesAnchor } from '../capture/anchor';
import { CAPTURE_SHORTCUTS } from '../editor/capture-keys';
import { KIND_LABEL } from '../outcomes/model';
import { h } from '../util/dom';

/** The elements of a session's page that are filled or watched later. */
export interface SessionParts {
  article: HTMLElement;
  head: HTMLElement;
  about: HTMLElement;
  status: HTMLElement;
  timer: HTMLElement;
  notesHost: HTMLElement;
  summaryHost: HTMLElement;
  captureInput: HTMLInputElement;
  outcomeList: HTMLElement;
  captureNote: HTMLElement;
}

/** The page of a session, empty: the view fills the header, the editors and the list. */
export function renderSession(): SessionParts {
  const status = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'save-status' }, 'Loading…');
  const timer = h('span', { class: 'timer', 'data-testid': 'timer' });
  const notesHost = h('div', { class: 'editor editor-notes' });
  const summaryHost = h('div', { class: 'editor editor-summary' });
  const captureInput = h('input', {
    id: 'capture-input',
    type: 'text',
    class: 'capture-input',
    placeholder: 'REC: … · CONCL: … · DECISION: … · ACTION: …',
    'aria-describedby': 'capture-hint',
    autocomplete: 'off',
  });
  const outcomeList = h('ul', { class: 'outcome-list', 'aria-label': 'Outcomes of this session', 'data-testid': 'session-outcomes' });
  const captureNote = h('p', { class: 'capture-note small', role: 'status', 'aria-live': 'polite', 'data-testid': 'capture-note' }, '');
  const about = h('div', { class: 'session-about' });
  const head = h('div', {});
  const article = h(
    'article',
    { class: 'session', 'aria-labelledby': 'session-title' },
    h('header', { class: 'session-head' }, head, status),
    about,
    h(
      'section',
      { class: 'pane-block' },
      h('h2', { id: 'notes-label' }, 'Notes'),
      h('p', { class: 'muted small', id: 'notes-capture-hint' }, 'Capture the line or selection: ', CAPTURE_SHORTCUTS.map((c, i) => [i ? ' · ' : '', h('kbd', {}, c.keys), ` ${KIND_LABEL[c.kind]}`]).flat(), ' — or start a line with REC: CONCL: DECISION: ACTION: and press Enter. @ completes speakers.'),
      notesHost,
      captureNote,
    ),
    h('section', { class: 'pane-block' }, h('h2', { id: 'summary-label' }, 'Summary'), summaryHost),
    h(
      'section',
      { class: 'pane-block' },
      h('h2', {}, h('label', { for: 'capture-input' }, 'Capture an outcome')),
      captureInput,
      h('p', { class: 'muted small', id: 'capture-hint' }, 'Start with a prefix and press Enter. Alt+R, Alt+C, Alt+D, Alt+A insert one.'),
      outcomeList,
    ),
  );
  return { article, head, about, status, timer, notesHost, summaryHost, captureInput, outcomeList, captureNote };
}

/** The session's reference, times, title, moderators, methodology and description. */
export function paintSessionAbout(parts: SessionParts, agenda: AgendaView, sessionId: string): void {
  const s = findSession(agenda, sessionId);
  if (!s) return;
  const ref = sessionRef(agenda, sessionId) ?? '';
  const title = shown(s.title, '') || 'Untitled session';
  parts.head.replaceChildren(
    h('p', { class: 'session-ref' }, `Session ${ref}`, ' · ', h('span', { class: 'session-time' }, timeRange(s)), ' ', parts.timer),
    h('h1', { id: 'session-title' }, title),
    s.moderators ? h('p', { class: 'moderators' }, h('span', { class: 'muted' }, 'Moderators: '), s.moderators) : '',
  );
  parts.about.replaceChildren(
    s.methodology ? h('div', { class: 'banner', role: 'note' }, h('strong', {}, 'Methodology'), ' ', s.methodology) : '',
    s.description ? h('p', { class: 'description' }, s.description) : '',
  );
}

/** "running, 20 min left", "starts in 5 min", "ended". */
export function paintTimer(timer: HTMLElement, t: Timing): void {
  timer.textContent =
    t.state === 'running' ? `· running, ${formatMinutes(t.left)} left` : t.state === 'upcoming' ? `· starts in ${formatMinutes(t.startsIn)}` : t.state === 'ended' ? '· ended' : '';
  timer.dataset.state = t.state;
}

/** One outcome of the session's list, with *Source* (when it came from the notes) and *Edit*. */
export function renderOutcomeItem(o: OutcomeView, on: { showSource(): void; edit(): void; conflicts: HTMLElement | null }): HTMLElement {
  const kind = o.kind.values.length > 1 ? 'conflict' : shown(o.kind, 'conclusion');
  return h(
    'li',
    { class: `outcome kind-${kind}`, 'data-id': o.id },
    h('span', { class: 'outcome-kind' }, KIND_LABEL[kind] ?? 'Kind in conflict'),
    ' ',
    h('span', { class: 'outcome-text' }, o.text),
    ' ',
    isNotesAnchor(o.source) ? h('button', { class: 'link', onclick: on.showSource, 'aria-label': `Show where “${o.text.slice(0, 40)}” came from in the notes` }, 'Source') : null,
    h('button', { class: 'link edit', onclick: on.edit }, 'Edit'),
    on.conflicts,
  );
}
