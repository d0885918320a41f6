/**
 * Participants of the event: the people and entities who speak (`@handle` tags them in notes).
 * Each row edits name, entity, handle, role, title, position and e-mail in place (saved on
 * change); Remove takes one off the lists; the form at the top adds one, and *Import a list*
 * (participant-import.ts) brings in a whole list of participants after a preview. Each change is one core call; the list shown is
 * the state's, read again whenever the core reports a change to the event (this window's own
 * or anyone else's).
 */

import type { Participant } from '../edit/types';
import type { AppState } from '../state/app';
import { h } from '../util/dom';
import { errorMessage } from '../util/error';
import { report, type Ctx, type Mounted } from '../controllers/context';
import { mountParticipantImport } from './participant-import';
import { readOnly } from './final';
import { isFinal } from '../state/app';

type Field = { key: keyof Omit<Participant, 'id'>; label: string };

/** The fields the add form has. */
const FIELDS: Field[] = [
  { key: 'name', label: 'Name' },
  { key: 'entity', label: 'Entity' },
  { key: 'handle', label: 'Handle' },
  { key: 'role', label: 'Role' },
];

/** The fields each row edits: the form's, then what lists of participants give. */
const ROW_FIELDS: Field[] = [...FIELDS, { key: 'title', label: 'Title' }, { key: 'position', label: 'Position' }, { key: 'email', label: 'E-mail' }];

export function mountParticipants(ctx: Ctx, pane: HTMLElement, eventId: string): Mounted {
  const status = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite' });
  const table = h('table', { class: 'people', 'aria-labelledby': 'people-title' });
  const addInputs = FIELDS.map((f) => h('input', { id: `new-${f.key}`, type: 'text', autocomplete: 'off', placeholder: f.key === 'handle' ? 'from the name' : '' }));
  const addForm = h(
    'form',
    { class: 'add-person', 'aria-label': 'Add a participant' },
    FIELDS.map((f, i) => h('div', { class: 'form-field' }, h('label', { for: `new-${f.key}` }, f.label), addInputs[i])),
    h('button', { type: 'submit', class: 'primary', id: 'add-participant' }, 'Add'),
  );
  pane.replaceChildren(
    h(
      'section',
      { class: 'participants', 'aria-labelledby': 'people-title' },
      h('h1', { id: 'people-title' }, 'Participants'),
      h('p', { class: 'muted small' }, 'People and entities who speak. Type @ and the handle in the notes to tag them.'),
      addForm,
      // The list refreshes from the core's change notice, like every other change.
      mountParticipantImport(ctx, eventId, (summary) => {
        status.textContent = summary;
      }),
      status,
      table,
    ),
  );

  const run = async (what: string, f: () => Promise<unknown>) => {
    try {
      await f();
      status.textContent = what;
    } catch (e) {
      status.textContent = `Not changed: ${errorMessage(e)}`;
      report(ctx, e);
    }
  };

  addForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const [name, entity, handle, role] = addInputs.map((i) => i.value);
    void run(`Added ${name.trim()}.`, async () => {
      await ctx.ipc.addParticipant(eventId, { name, entity, handle, role });
      addInputs.forEach((i) => (i.value = ''));
      addInputs[0].focus();
    });
  });

  function paint(people: readonly Participant[]): void {
    // The field being edited keeps focus, and what is typed in it (saved only on change),
    // even when the list is redrawn for a change made elsewhere.
    const focused = document.activeElement;
    const editing =
      focused instanceof HTMLInputElement && table.contains(focused)
        ? { id: focused.closest('tr')?.dataset.participantId, field: focused.dataset.field, typed: focused.value !== focused.defaultValue ? focused.value : null }
        : null;
    table.replaceChildren(
      h('caption', { class: 'muted small' }, `${people.length} participant${people.length === 1 ? '' : 's'}`),
      h('thead', {}, h('tr', {}, ROW_FIELDS.map((f) => h('th', { scope: 'col' }, f.label)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h(
        'tbody',
        {},
        people.map((p, n) =>
          h(
            'tr',
            { 'data-participant-id': p.id },
            ROW_FIELDS.map((f) => {
              const input = h('input', { id: `p-${n}-${f.key}`, type: 'text', autocomplete: 'off', 'data-field': f.key, 'aria-label': `${f.label} of ${p.name || 'participant'}` });
              input.value = input.defaultValue = p[f.key] ?? '';
              input.addEventListener('change', () => void run('Saved.', () => ctx.ipc.editParticipant(eventId, p.id, f.key, input.value)));
              return h('td', {}, input);
            }),
            h('td', {}, h('button', { type: 'button', class: 'danger', 'aria-label': `Remove ${p.name}`, onclick: () => void run(`Removed ${p.name}.`, () => ctx.ipc.removeParticipant(eventId, p.id)) }, 'Remove')),
          ),
        ),
      ),
    );
    if (editing) {
      const again = [...table.querySelectorAll<HTMLTableRowElement>('tr[data-participant-id]')]
        .find((tr) => tr.dataset.participantId === editing.id)
        ?.querySelector<HTMLInputElement>(`input[data-field="${editing.field}"]`);
      if (again && editing.typed !== null) again.value = editing.typed;
      again?.focus();
    }
    if (isFinal(ctx.store.state)) {
      readOnly(table);
      readOnly(addForm);
    }
  }

  let shown: readonly Participant[] | null = null;
  const update = (state: AppState) => {
    if (state.participants === shown) return;
    shown = state.participants;
    paint(state.participants);
  };
  update(ctx.store.state);
  return { update, dispose() {} };
}
