/**
 * What the agenda editor draws, without acting on anything: every row of every day (the
 * selected one marked) with *Add a session* per day, and the form of the selected row with a
 * *Keep* choice for each decided field in conflict. `agenda-edit.ts` wires it to the core.
 */

import { sessionRef, shown, timeRange } from '../agenda/model';
import type { AgendaView, Decided, SessionView } from '../agenda/types';
import { h } from '../util/dom';

export type Field = 'title' | 'start' | 'end' | 'kind' | 'day' | 'methodology' | 'moderators' | 'rapporteurs' | 'description';

/** A row of the agenda and the day it is in. */
export interface FoundRow {
  s: SessionView;
  dayId: string;
}

export function findRow(agenda: AgendaView, id: string): FoundRow | null {
  for (const d of agenda.days) {
    const s = d.sessions.find((x) => x.id === id);
    if (s) return { s, dayId: d.id };
  }
  return null;
}

function values<T>(d: Decided<T>): string[] {
  return d.values.map((v) => (v === null || v === undefined ? '' : String(v)));
}

/** Every day with its rows; a row is selected by a click, moved by Alt+↑/↓. */
export function renderRowList(agenda: AgendaView, selected: string | null, on: { select(id: string): void; move(up: boolean): void; add(dayId: string): void }): HTMLElement[] {
  return agenda.days.map((day, d) =>
    h(
      'section',
      { class: 'edit-day', 'aria-labelledby': `edit-day-${d}` },
      h('h2', { class: 'day-label', id: `edit-day-${d}` }, day.label || day.date || `Day ${d + 1}`),
      h(
        'ol',
        { class: 'rows' },
        day.sessions.map((s) => {
          const conflict = s.title.values.length > 1 || s.start.values.length > 1 || s.end.values.length > 1 || s.kind.values.length > 1;
          return h(
            'li',
            { class: `row${shown(s.kind, 'working') === 'logistics' ? ' logistics' : ''}${s.id === selected ? ' is-open' : ''}` },
            h(
              'button',
              {
                class: 'row-body edit-row',
                type: 'button',
                'data-row-id': s.id,
                'aria-pressed': s.id === selected ? 'true' : 'false',
                onclick: () => on.select(s.id),
                onkeydown: (ev: Event) => {
                  const e = ev as KeyboardEvent;
                  if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                    e.preventDefault();
                    on.select(s.id);
                    on.move(e.key === 'ArrowUp');
                  }
                },
              },
              h('span', { class: 'row-time' }, timeRange(s) || '—'),
              h('span', { class: 'row-title' }, shown(s.title, '') || 'Untitled', conflict ? h('span', { class: 'conflict-badge' }, 'conflict') : null),
            ),
          );
        }),
      ),
      day.id ? h('button', { type: 'button', class: 'add-session', 'data-day-id': day.id, onclick: () => on.add(day.id) }, '+ Add a session to this day') : null,
    ),
  );
}

/** The form of one row: every field, saved on change; *Remove* asks for a second click
 * (`armRemove` says whether this click removes). */
export function renderRowForm(
  agenda: AgendaView,
  { s, dayId }: FoundRow,
  confirmRemove: boolean,
  on: { setField(field: Field | 'removed', value: string): void; move(up: boolean): void; armRemove(): boolean },
): HTMLElement[] {
  const input = (field: Field, label: string, value: string, attrs: Record<string, string> = {}) => {
    const el = h('input', { id: `edit-${field}`, name: field, type: 'text', autocomplete: 'off', ...attrs });
    el.value = value;
    el.addEventListener('change', () => on.setField(field, el.value));
    return h('div', { class: `form-field field-${field}` }, h('label', { for: `edit-${field}` }, label), el);
  };
  const conflictNote = (field: Field, d: Decided<unknown>): HTMLElement | null => {
    const vs = values(d as Decided<string | null>);
    if (vs.length < 2) return null;
    return h(
      'div',
      { class: 'conflict', role: 'group', 'aria-label': `Conflicting values of ${field}` },
      h('span', { class: 'conflict-label' }, 'Conflict — keep one:'),
      vs.map((v) => h('button', { type: 'button', class: 'keep', onclick: () => on.setField(field, v) }, `Keep “${v || '(none)'}”`)),
    );
  };
  const kind = h('select', { id: 'edit-kind', name: 'kind' }, h('option', { value: 'working' }, 'Working session'), h('option', { value: 'logistics' }, 'Logistics (break, meal, registration)'));
  kind.value = shown(s.kind, 'working');
  kind.addEventListener('change', () => on.setField('kind', kind.value));
  const day = h('select', { id: 'edit-day', name: 'day' }, agenda.days.filter((d) => d.id).map((d, i) => h('option', { value: d.id }, d.label || d.date || `Day ${i + 1}`)));
  day.value = dayId;
  day.addEventListener('change', () => on.setField('day', day.value));
  const description = h('textarea', { id: 'edit-description', name: 'description', rows: 3 });
  description.value = s.description;
  description.addEventListener('change', () => on.setField('description', description.value));
  const remove = h('button', { type: 'button', class: 'danger', id: 'remove-session' }, confirmRemove ? 'Click again to remove' : 'Remove this row');
  remove.addEventListener('click', () => {
    if (on.armRemove()) remove.textContent = 'Click again to remove';
    else on.setField('removed', 'true');
  });
  const parts: (HTMLElement | null)[] = [
    h('h2', { id: 'session-form-title' }, `Row ${sessionRef(agenda, s.id) ?? ''}`),
    input('title', 'Title', shown(s.title, '')),
    conflictNote('title', s.title),
    h(
      'div',
      { class: 'form-row' },
      input('start', 'Start (HH:MM)', values(s.start)[0] ?? '', { inputmode: 'numeric', placeholder: '09:00' }),
      input('end', 'End (HH:MM)', values(s.end)[0] ?? '', { inputmode: 'numeric', placeholder: '10:30' }),
    ),
    conflictNote('start', s.start),
    conflictNote('end', s.end),
    h('div', { class: 'form-row' }, h('div', { class: 'form-field' }, h('label', { for: 'edit-kind' }, 'Kind'), kind), h('div', { class: 'form-field' }, h('label', { for: 'edit-day' }, 'Day'), day)),
    conflictNote('kind', s.kind),
    input('methodology', 'Methodology', s.methodology),
    input('moderators', 'Moderators', s.moderators),
    input('rapporteurs', 'Rapporteurs', s.rapporteurs),
    h('div', { class: 'form-field' }, h('label', { for: 'edit-description' }, 'Description'), description),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'button', onclick: () => on.move(true), 'aria-keyshortcuts': 'Alt+ArrowUp' }, 'Move up'),
      h('button', { type: 'button', onclick: () => on.move(false), 'aria-keyshortcuts': 'Alt+ArrowDown' }, 'Move down'),
      remove,
    ),
  ];
  return parts.filter((p): p is HTMLElement => p !== null);
}
