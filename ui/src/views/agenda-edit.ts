/**
 * Agenda editing: every row of every day in a list (select one to edit it), a form with every
 * field of the selected row, adding a session to a day, removing one, and moving one with
 * Alt+↑/↓ (across a day's edge too). Each change is one core call; the core then reports it
 * (`doc-changed`), the agenda is read again and this view and the sidebar redraw from it, as
 * they do for a change made anywhere else. A decided field holding concurrent values (title,
 * times, kind) shows every value with a *Keep* button, never just one of them. What it draws
 * is in `agenda-edit-render.ts`.
 */

import type { AgendaView } from '../agenda/types';
import { isFinal, type AppState } from '../state/app';
import { h } from '../util/dom';
import { errorMessage } from '../util/error';
import { report, type Ctx, type Mounted } from '../controllers/context';
import { findRow, renderRowForm, renderRowList, type Field } from './agenda-edit-render';
import { readOnly } from './final';

export function mountAgendaEditor(ctx: Ctx, pane: HTMLElement, eventId: string): Mounted {
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

  /** A row just added: its title is selected for typing once the agenda lists it. */
  let added: string | null = null;

  const run = async (what: string, f: () => Promise<unknown>) => {
    try {
      await f();
      status.textContent = what;
    } catch (e) {
      status.textContent = `Not changed: ${errorMessage(e)}`;
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
      selected = added = await ctx.ipc.addSession(eventId, dayId, after, 'New session');
    });
  };

  function paintList(agenda: AgendaView): void {
    list.replaceChildren(...renderRowList(agenda, selected, { select, move, add }));
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

  function paintForm(force: boolean): void {
    if (!force && form.contains(document.activeElement)) return;
    const agenda = ctx.store.state.agenda;
    const found = agenda && selected ? findRow(agenda, selected) : null;
    if (!agenda || !found) {
      form.replaceChildren(h('p', { class: 'muted' }, 'Select a row to edit it.'));
      return;
    }
    const armRemove = () => {
      if (confirmRemove) return (confirmRemove = false);
      return (confirmRemove = true);
    };
    form.replaceChildren(...renderRowForm(agenda, found, confirmRemove, { setField: (f, v) => void setField(f, v), move, armRemove }));
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
    if (added && selected === added && findRow(state.agenda, added)) {
      added = null;
      paintForm(true);
      const title = form.querySelector<HTMLInputElement>('#edit-title');
      title?.focus();
      title?.select();
    } else paintForm(false);
  };
  update(ctx.store.state);
  return { update, dispose() {} };
}
