/**
 * The outcome board: every outcome of the event across its sessions, filtered by kind,
 * session and status (or "in conflict"). Keyboard: ↑/↓ move between cards, Space selects for
 * merging, Enter edits (side panel), Alt+↑/↓ reorder within the session, S shows the source
 * in the notes. "Merge selected" keeps the first selected outcome (in board order) and folds
 * the others' text into it; the others are marked merged, nothing is deleted.
 */

import { sessionRef, shown } from '../agenda/model';
import type { OutcomeRow } from '../agenda/types';
import { isNotesAnchor } from '../capture/anchor';
import { boardRows, conflicts, first, KIND_LABEL, KINDS, moveTarget, STATUS_LABEL, STATUSES, type BoardFilter, NO_FILTER } from '../outcomes/model';
import { isFinal, type AppState } from '../state/app';
import { h } from '../util/dom';
import { renderConflicts } from './conflict';
import { report, type Ctx, type Mounted } from '../controllers/context';

export function mountBoard(ctx: Ctx, pane: HTMLElement): Mounted {
  const agenda = ctx.store.state.agenda!;
  // A final event shows its outcomes read-only (the board is mounted again when that changes).
  const locked = isFinal(ctx.store.state);
  let filter: BoardFilter = { ...NO_FILTER };
  const selected = new Set<string>();
  let focusId: string | null = null;
  const note = h('p', { class: 'board-note', role: 'status', 'aria-live': 'polite' }, '');

  const filterSelect = (id: string, label: string, options: [string, string][], key: keyof BoardFilter) => {
    const el = h('select', { id }, h('option', { value: '' }, 'All'), ...options.map(([v, t]) => h('option', { value: v }, t)));
    el.addEventListener('change', () => {
      filter = { ...filter, [key]: el.value };
      draw(ctx.store.state);
    });
    return h('label', { class: 'filter' }, `${label} `, el);
  };
  const sessions = agenda.days.flatMap((d) => d.sessions.filter((s) => shown(s.kind, 'working') === 'working'));
  const list = h('ol', { class: 'board-list', 'aria-label': 'Outcomes', 'data-testid': 'board-list' });
  const mergeButton = h('button', { id: 'merge-button', disabled: true, onclick: () => void merge() }, 'Merge selected');
  const count = h('span', { class: 'muted' });

  pane.replaceChildren(
    h(
      'section',
      { class: 'board', 'aria-labelledby': 'board-title' },
      h('header', { class: 'board-head' }, h('h1', { id: 'board-title' }, 'Outcome board'), count),
      h(
        'div',
        { class: 'board-tools' },
        filterSelect('filter-kind', 'Kind', KINDS.map((k) => [k, KIND_LABEL[k]]), 'kind'),
        filterSelect('filter-session', 'Session', sessions.map((s) => [s.id, `${sessionRef(agenda, s.id)} ${shown(s.title, '')}`.slice(0, 48)]), 'session'),
        filterSelect('filter-status', 'Status', [...STATUSES.map((s): [string, string] => [s, STATUS_LABEL[s]]), ['conflict', 'In conflict']], 'status'),
        mergeButton,
      ),
      h('p', { class: 'muted small' }, '↑/↓ move · Space selects for merging (the first selected is kept) · Enter edits · Alt+↑/↓ reorder · S shows the source · Alt+B or Escape back to the session'),
      note,
      list,
    ),
  );

  const merge = async () => {
    const rows = boardRows(ctx.store.state.outcomes, filter).filter((r) => selected.has(r.outcome.id));
    if (rows.length < 2) return;
    const [keep, ...others] = rows.map((r) => r.outcome.id);
    try {
      await ctx.ipc.mergeOutcomes(ctx.store.state.eventId!, keep, others);
      selected.clear();
      focusId = keep;
      note.textContent = `Merged ${others.length + 1} outcomes into one.`;
    } catch (e) {
      report(ctx, e);
    }
  };

  const move = async (id: string, dir: -1 | 1) => {
    const t = moveTarget(ctx.store.state.outcomes, id, dir);
    if ('reason' in t) {
      note.textContent = t.reason;
      return;
    }
    try {
      await ctx.ipc.editOutcome(ctx.store.state.eventId!, id, [{ field: 'position', value: String(t.position) }]);
      focusId = id;
      note.textContent = dir < 0 ? 'Moved up.' : 'Moved down.';
    } catch (e) {
      report(ctx, e);
    }
  };

  const showSource = (r: OutcomeRow) => {
    if (isNotesAnchor(r.outcome.source)) ctx.store.dispatch({ type: 'jump-to-source', sessionId: r.outcome.session_id, source: r.outcome.source });
    else note.textContent = `This outcome was not captured from the notes (source: ${r.outcome.source || 'unknown'}).`;
  };

  const card = (r: OutcomeRow): HTMLElement => {
    const o = r.outcome;
    const { li, check } = renderCard(r, selected.has(o.id), locked, { showSource: () => showSource(r), edit: () => ctx.store.dispatch({ type: 'outcome-panel', outcomeId: o.id }), conflicts: renderConflicts(ctx, o) });
    check.addEventListener('change', () => {
      if (check.checked) selected.add(o.id);
      else selected.delete(o.id);
      syncMerge();
    });
    li.addEventListener('keydown', (e) => {
      if (e.target !== li) return;
      const cards = [...list.querySelectorAll<HTMLElement>('.board-card')];
      const i = cards.indexOf(li);
      if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && !locked) {
        e.preventDefault();
        void move(o.id, e.key === 'ArrowUp' ? -1 : 1);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        cards[Math.max(0, Math.min(cards.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
      } else if (e.key === ' ') {
        e.preventDefault();
        check.checked = !check.checked;
        check.dispatchEvent(new Event('change'));
      } else if (e.key === 'Enter' && !locked) {
        e.preventDefault();
        ctx.store.dispatch({ type: 'outcome-panel', outcomeId: o.id });
      } else if (e.key === 's' || e.key === 'S') {
        e.preventDefault();
        showSource(r);
      }
    });
    li.addEventListener('focus', () => (focusId = o.id));
    return li;
  };

  const syncMerge = () => {
    const n = boardRows(ctx.store.state.outcomes, filter).filter((r) => selected.has(r.outcome.id)).length;
    mergeButton.disabled = locked || n < 2;
    mergeButton.textContent = n >= 2 ? `Merge selected (${n})` : 'Merge selected';
  };

  let drawn: unknown = null;
  const draw = (state: AppState) => {
    drawn = state.outcomes;
    const rows = boardRows(state.outcomes, filter);
    for (const id of [...selected]) if (!state.outcomes.some((r) => r.outcome.id === id)) selected.delete(id);
    const hadFocus = list.contains(document.activeElement);
    list.replaceChildren(...rows.map(card));
    if (!rows.length) list.append(h('li', { class: 'muted empty' }, state.outcomes.length ? 'No outcome matches these filters.' : 'No outcomes yet: capture them in a session’s notes.'));
    const conflictsN = state.outcomes.filter((r) => conflicts(r.outcome).length).length;
    count.textContent = `${rows.length} of ${state.outcomes.length}` + (conflictsN ? ` · ${conflictsN} in conflict` : '');
    syncMerge();
    if (hadFocus && focusId) list.querySelector<HTMLElement>(`[data-id="${focusId}"]`)?.focus();
  };
  draw(ctx.store.state);
  const firstCard = list.querySelector<HTMLElement>('.board-card');
  (firstCard ?? list.closest('section'))?.focus();

  return {
    update(state) {
      if (state.outcomes !== drawn) draw(state);
    },
    dispose() {},
  };
}

/** One card of the board (what it shows, without acting): kind, session, the text, the
 * settled facts, its conflicts, and the controls the board wires (select, Source, Edit). */
/** One outcome's card; `locked` (a final event) shows it read-only. */
export function renderCard(r: OutcomeRow, selected: boolean, locked: boolean, on: { showSource(): void; edit(): void; conflicts: HTMLElement | null }): { li: HTMLElement; check: HTMLInputElement } {
  const o = r.outcome;
  const kind = first(o.kind, 'conclusion');
  const check = h('input', { type: 'checkbox', class: 'select', 'aria-label': 'Select for merging', tabindex: -1, disabled: locked || !!r.carried_from }) as HTMLInputElement;
  check.checked = selected;
  const facts = [
    o.lead.values.length === 1 ? `Lead: ${o.lead.values[0]}` : null,
    o.deadline.values.length === 1 ? `Due: ${o.deadline.values[0]}` : null,
    o.status.values.length === 1 ? STATUS_LABEL[o.status.values[0]] : null,
    o.confidential.values.length === 1 && o.confidential.values[0] ? 'Confidential' : null,
    o.key_message.values.length === 1 && o.key_message.values[0] ? 'Key message' : null,
  ].filter(Boolean);
  const li = h(
    'li',
    {
      class: `board-card kind-${kind}${conflicts(o).length ? ' has-conflict' : ''}`,
      tabindex: 0,
      'data-id': o.id,
      'aria-label': `${KIND_LABEL[kind] ?? kind}: ${o.text}`,
    },
    h(
      'div',
      { class: 'card-top' },
      check,
      h('span', { class: `outcome-kind` }, o.kind.values.length > 1 ? 'Kind in conflict' : (KIND_LABEL[kind] ?? kind)),
      r.carried_from
        ? h('span', { class: 'carried small', 'data-testid': 'carried-badge', title: 'The same item as in that meeting’s list: a status set here is its status there too.' }, `Carried over from ${r.carried_from.title || 'the previous meeting'} (${r.session_ref})`)
        : h('span', { class: 'muted small' }, `${r.session_ref} · ${r.session_title}`),
      h('span', { class: 'spacer' }),
      h('button', { class: 'link', onclick: on.showSource, disabled: !isNotesAnchor(o.source) }, 'Source'),
      h('button', { class: 'edit', disabled: locked, onclick: on.edit }, 'Edit'),
    ),
    h('p', { class: 'card-text' }, o.text),
    facts.length ? h('p', { class: 'card-facts muted small' }, facts.join(' · ')) : null,
    on.conflicts,
  );
  return { li, check };
}
