/**
 * Participants of the event: the people and entities who speak (`@handle` tags them in notes).
 * Each row edits name, entity, handle and role in place (saved on change); Remove takes one
 * off the lists; the form at the top adds one. Each change is one core call, then the list is
 * read again.
 */

import type { Participant } from '../edit/types';
import { h } from '../util/dom';
import { report, type Ctx } from './context';
import type { MountedPanel } from './draft';
import { readOnly } from './final';
import { isFinal } from '../state/app';

const FIELDS: { key: keyof Omit<Participant, 'id'>; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'entity', label: 'Entity' },
  { key: 'handle', label: 'Handle' },
  { key: 'role', label: 'Role' },
];

export function mountParticipants(ctx: Ctx, pane: HTMLElement, eventId: string): MountedPanel {
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
      status,
      table,
    ),
  );

  let disposed = false;
  const load = async () => {
    try {
      const people = await ctx.ipc.listParticipants(eventId);
      if (!disposed) paint(people);
    } catch (e) {
      report(ctx, e);
    }
  };

  const run = async (what: string, f: () => Promise<unknown>) => {
    try {
      await f();
      status.textContent = what;
      await load();
    } catch (e) {
      status.textContent = `Not changed: ${(e as { message?: string }).message ?? String(e)}`;
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

  function paint(people: Participant[]): void {
    const focused = document.activeElement as HTMLElement | null;
    const key = focused && table.contains(focused) ? focused.id : null;
    table.replaceChildren(
      h('caption', { class: 'muted small' }, `${people.length} participant${people.length === 1 ? '' : 's'}`),
      h('thead', {}, h('tr', {}, FIELDS.map((f) => h('th', { scope: 'col' }, f.label)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h(
        'tbody',
        {},
        people.map((p, n) =>
          h(
            'tr',
            { 'data-participant-id': p.id },
            FIELDS.map((f) => {
              const input = h('input', { id: `p-${n}-${f.key}`, type: 'text', autocomplete: 'off', 'aria-label': `${f.label} of ${p.name || 'participant'}` });
              input.value = p[f.key];
              input.addEventListener('change', () => void run('Saved.', () => ctx.ipc.editParticipant(eventId, p.id, f.key, input.value)));
              return h('td', {}, input);
            }),
            h('td', {}, h('button', { type: 'button', class: 'danger', 'aria-label': `Remove ${p.name}`, onclick: () => void run(`Removed ${p.name}.`, () => ctx.ipc.removeParticipant(eventId, p.id)) }, 'Remove')),
          ),
        ),
      ),
    );
    if (key) document.getElementById(key)?.focus();
    if (isFinal(ctx.store.state)) {
      readOnly(table);
      readOnly(addForm);
    }
  }

  void load();
  return {
    update() {},
    dispose() {
      disposed = true;
    },
  };
}
