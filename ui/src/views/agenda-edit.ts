/**
 * Agenda editing: every row of every day in a list (select one to edit it), a form with every
 * field of the selected row, adding a session to a day, removing one, and moving one with
 * Alt+↑/↓ (across a day's edge too). Each change is one core call; the agenda is then read
 * again, so the sidebar shows it at once. A decided field holding concurrent values (title,
 * times, kind) shows every value with a *Keep* button, never just one of them.
 */

import { sessionRef, shown, timeRange } from '../agenda/model';
import type { AgendaView, Decided, SessionView } from '../agenda/types';
import { isFinal, type AppState } from '../state/app';
import { h } from '../util/dom';
import { report, type Ctx } from './context';
import type { MountedPanel } from './draft';
import { readOnly } from './final';

type Field = 'title' | 'start' | 'end' | 'kind' | 'day' | 'methodology' | 'moderators' | 'rapporteurs' | 'description';

function findRow(agenda: AgendaView, id: string): { s: SessionView; dayId: string } | null {
  for (const d of agenda.days) {
    const s = d.sessions.find((x) => x.id === id);
    if (s) return { s, dayId: d.id };
  }
  return null;
}

function values<T>(d: Decided<T>): string[] {
  return d.values.map((v) => (v === null || v === undefined ? '' : String(v)));
}

export function mountAgendaEditor(ctx: Ctx, pane: HTMLElement, eventId: string): MountedPanel {
  let selected: string | null = ctx.store.state.agenda?.days.flatMap((d) => d.sessions)[0]?.id ?? null;
  let confirmRemove = false;
  const list = h('div', { class: 'agenda-edit-list', role: 'group', 'aria-label': 'Agenda rows' });
  const form = h('form', { class: 'session-form', 'aria-labelledby': 'session-form-title', onsubmit: (e: Event) => e.preventDefault() });
  const status = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite' });
  pane.replaceChildren(
    h(
      'section',
      { class: 'agenda-edit', 'aria-labelledby': 'agenda-edit-title' },
      h('h1', { id: 'agenda-edit-title' }, 'Agenda'),
      h('p', { class: 'muted small' }, 'Select a row to edit it. Alt+↑/↓ moves the selected row, also into the day before or after.'),
      status,
      h('div', { class: 'agenda-edit-grid' }, list, form),
    ),
  );

  const reload = async () => {
    const agenda = await ctx.ipc.getAgenda(eventId);
    ctx.store.dispatch({ type: 'agenda-loaded', agenda });
  };

  const run = async (what: string, f: () => Promise<unknown>) => {
    try {
      await f();
      await reload();
      status.textContent = what;
    } catch (e) {
      status.textContent = `Not changed: ${(e as { message?: string }).message ?? String(e)}`;
      report(ctx, e);
      paintForm(true);
    }
  };

  const setField = (field: Field | 'removed', value: string) =>
    run(field === 'removed' ? 'Row removed.' : 'Saved.', () => ctx.ipc.setSessionField(eventId, selected!, field, value));

  const move = (up: boolean) => {
    if (!selected) return;
    const id = selected;
    void run(up ? 'Moved up.' : 'Moved down.', async () => {
      const moved = await ctx.ipc.moveSession(eventId, id, up);
      if (!moved) status.textContent = up ? 'Already the first row.' : 'Already the last row.';
    }).then(() => list.querySelector<HTMLElement>(`[data-row-id="${id}"]`)?.focus());
  };

  const add = (dayId: string) => {
    const after = selected && findRow(ctx.store.state.agenda!, selected)?.dayId === dayId ? selected : null;
    void run('Session added.', async () => {
      selected = await ctx.ipc.addSession(eventId, dayId, after, 'New session');
    }).then(() => {
      paintForm(true);
      form.querySelector<HTMLInputElement>('#edit-title')?.select();
    });
  };

  function paintList(agenda: AgendaView): void {
    list.replaceChildren(
      ...agenda.days.map((day, d) =>
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
                    onclick: () => select(s.id),
                    onkeydown: (ev: Event) => {
                      const e = ev as KeyboardEvent;
                      if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                        e.preventDefault();
                        select(s.id);
                        move(e.key === 'ArrowUp');
                      }
                    },
                  },
                  h('span', { class: 'row-time' }, timeRange(s) || '—'),
                  h('span', { class: 'row-title' }, shown(s.title, '') || 'Untitled', conflict ? h('span', { class: 'conflict-badge' }, 'conflict') : null),
                ),
              );
            }),
          ),
          day.id ? h('button', { type: 'button', class: 'add-session', 'data-day-id': day.id, onclick: () => add(day.id) }, '+ Add a session to this day') : null,
        ),
      ),
    );
  }

  function select(id: string): void {
    selected = id;
    confirmRemove = false;
    for (const b of list.querySelectorAll<HTMLElement>('.edit-row')) {
      const on = b.dataset.rowId === id;
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      b.parentElement?.classList.toggle('is-open', on);
    }
    paintForm(true);
  }

  function conflictNote(field: Field, d: Decided<unknown>): HTMLElement | null {
    const vs = values(d as Decided<string | null>);
    if (vs.length < 2) return null;
    return h(
      'div',
      { class: 'conflict', role: 'group', 'aria-label': `Conflicting values of ${field}` },
      h('span', { class: 'conflict-label' }, 'Conflict — keep one:'),
      vs.map((v) => h('button', { type: 'button', class: 'keep', onclick: () => void setField(field, v) }, `Keep “${v || '(none)'}”`)),
    );
  }

  function paintForm(force: boolean): void {
    if (!force && form.contains(document.activeElement)) return;
    const agenda = ctx.store.state.agenda;
    const found = agenda && selected ? findRow(agenda, selected) : null;
    if (!agenda || !found) {
      form.replaceChildren(h('p', { class: 'muted' }, 'Select a row to edit it.'));
      return;
    }
    const { s, dayId } = found;
    const input = (field: Field, label: string, value: string, attrs: Record<string, string> = {}) => {
      const el = h('input', { id: `edit-${field}`, name: field, type: 'text', autocomplete: 'off', ...attrs });
      el.value = value;
      el.addEventListener('change', () => void setField(field, el.value));
      return h('div', { class: `form-field field-${field}` }, h('label', { for: `edit-${field}` }, label), el);
    };
    const kind = h('select', { id: 'edit-kind', name: 'kind' }, h('option', { value: 'working' }, 'Working session'), h('option', { value: 'logistics' }, 'Logistics (break, meal, registration)'));
    kind.value = shown(s.kind, 'working');
    kind.addEventListener('change', () => void setField('kind', kind.value));
    const day = h('select', { id: 'edit-day', name: 'day' }, agenda.days.filter((d) => d.id).map((d, i) => h('option', { value: d.id }, d.label || d.date || `Day ${i + 1}`)));
    day.value = dayId;
    day.addEventListener('change', () => void setField('day', day.value));
    const description = h('textarea', { id: 'edit-description', name: 'description', rows: 3 });
    description.value = s.description;
    description.addEventListener('change', () => void setField('description', description.value));
    const remove = h('button', { type: 'button', class: 'danger', id: 'remove-session' }, confirmRemove ? 'Click again to remove' : 'Remove this row');
    remove.addEventListener('click', () => {
      if (!confirmRemove) {
        confirmRemove = true;
        remove.textContent = 'Click again to remove';
        return;
      }
      confirmRemove = false;
      void setField('removed', 'true');
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
        h('button', { type: 'button', onclick: () => move(true), 'aria-keyshortcuts': 'Alt+ArrowUp' }, 'Move up'),
        h('button', { type: 'button', onclick: () => move(false), 'aria-keyshortcuts': 'Alt+ArrowDown' }, 'Move down'),
        remove,
      ),
    ];
    form.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    // A final event: the row shows, nothing in it can be changed.
    if (isFinal(ctx.store.state)) readOnly(form);
  }

  let shownAgenda: AgendaView | null = null;
  const update = (state: AppState) => {
    if (!state.agenda || state.agenda === shownAgenda) return;
    shownAgenda = state.agenda;
    if (selected && !findRow(state.agenda, selected)) selected = null;
    const focusedRow = (document.activeElement as HTMLElement | null)?.dataset?.rowId;
    paintList(state.agenda);
    if (focusedRow) list.querySelector<HTMLElement>(`[data-row-id="${focusedRow}"]`)?.focus();
    paintForm(false);
  };
  update(ctx.store.state);
  return { update, dispose() {} };
}
