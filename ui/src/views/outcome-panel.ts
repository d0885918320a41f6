/**
 * The side panel that edits one outcome: kind, text, lead entity (suggested from the
 * participants' entities and the co-chairs), deadline, status, confidential, key message.
 * Save (or Ctrl+Enter) sends only the fields that changed, in one core transaction, and says
 * "Saved" only once the core has committed. A field in conflict shows its values with
 * "Keep this one" / "Keep both" above the input. Escape closes the panel.
 */

import type { OutcomeRow } from '../agenda/types';
import { changedFields, formOf, KIND_LABEL, KINDS, STATUS_LABEL, STATUSES, type OutcomeForm } from '../outcomes/model';
import { h } from '../util/dom';
import { renderConflicts } from './conflict';
import { report, type Ctx, type Mounted } from '../controllers/context';
import { readOnly } from './final';
import { isFinal } from '../state/app';

function select(id: string, options: readonly string[], labels: Record<string, string>, value: string): HTMLSelectElement {
  const el = h('select', { id }, ...options.map((o) => h('option', { value: o }, labels[o] ?? o)));
  el.value = value;
  return el;
}

export function mountPanel(ctx: Ctx, host: HTMLElement, outcomeId: string): Mounted {
  const st = ctx.store.state;
  let row: OutcomeRow | undefined = st.outcomes.find((r) => r.outcome.id === outcomeId);
  if (!row) {
    report(ctx, { code: 'no_outcome', message: `The outcome ${outcomeId} is no longer there (merged or removed?).` });
    ctx.store.dispatch({ type: 'outcome-panel', outcomeId: null });
    return { update() {}, dispose() {} };
  }
  let loaded: OutcomeForm = formOf(row.outcome);
  const kind = select('op-kind', KINDS, KIND_LABEL, loaded.kind);
  const text = h('textarea', { id: 'op-text', rows: 4 }) as HTMLTextAreaElement;
  text.value = loaded.text;
  const entities = [...new Set([...st.participants.map((p) => p.entity), ...(st.agenda?.info.co_chairs ?? [])].filter(Boolean))].sort();
  const lead = h('input', { id: 'op-lead', type: 'text', list: 'op-entities', autocomplete: 'off' }) as HTMLInputElement;
  lead.value = loaded.lead;
  const deadline = h('input', { id: 'op-deadline', type: 'text', placeholder: '2018-04-30 or “April 2018”' }) as HTMLInputElement;
  deadline.value = loaded.deadline;
  const status = select('op-status', STATUSES, STATUS_LABEL, loaded.status);
  const confidential = h('input', { id: 'op-confidential', type: 'checkbox' }) as HTMLInputElement;
  confidential.checked = loaded.confidential;
  const key = h('input', { id: 'op-key', type: 'checkbox' }) as HTMLInputElement;
  key.checked = loaded.key_message;
  const saved = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'panel-status' }, '');
  const conflictsHost = h('div', {});
  const saveButton = h('button', { class: 'primary', type: 'submit' }, 'Save');

  const form = (): OutcomeForm => ({
    kind: kind.value,
    text: text.value,
    lead: lead.value.trim(),
    deadline: deadline.value.trim(),
    status: status.value,
    confidential: confidential.checked,
    key_message: key.checked,
  });

  const save = async () => {
    const edits = changedFields(loaded, form());
    if (!edits.length) {
      saved.textContent = 'Nothing changed';
      return;
    }
    if (!text.value.trim()) {
      saved.textContent = 'The text cannot be empty';
      text.focus();
      return;
    }
    saved.textContent = 'Saving…';
    saveButton.disabled = true;
    try {
      await ctx.ipc.editOutcome(ctx.store.state.eventId!, outcomeId, edits);
      loaded = form();
      saved.textContent = 'Saved';
    } catch (e) {
      saved.textContent = 'Not saved';
      report(ctx, e);
    } finally {
      saveButton.disabled = false;
    }
  };

  const close = () => ctx.store.dispatch({ type: 'outcome-panel', outcomeId: null });
  const label = (forId: string, t: string) => h('label', { for: forId }, t);
  const formEl = h(
    'form',
    { class: 'panel-form', onsubmit: (e: Event) => (e.preventDefault(), void save()) },
    label('op-kind', 'Kind'),
    kind,
    label('op-text', 'Text'),
    text,
    label('op-lead', 'Lead entity'),
    lead,
    h('datalist', { id: 'op-entities' }, ...entities.map((e) => h('option', { value: e }))),
    label('op-deadline', 'Deadline'),
    deadline,
    label('op-status', 'Status'),
    status,
    h('div', { class: 'checks' }, h('label', {}, confidential, ' Confidential (left out of the draft)'), h('label', {}, key, ' Key message')),
    h('div', { class: 'panel-actions' }, saveButton, h('button', { type: 'button', onclick: close }, 'Close'), saved),
    h('p', { class: 'muted small' }, 'Ctrl+Enter saves · Escape closes'),
  );
  const aside = h(
    'aside',
    { class: 'outcome-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'panel-title', 'data-testid': 'outcome-panel' },
    h('h2', { id: 'panel-title' }, 'Edit outcome'),
    h('p', { class: 'muted small' }, `Session ${row.session_ref} · ${row.session_title}`),
    conflictsHost,
    formEl,
  );
  aside.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter' && e.ctrlKey) {
      e.preventDefault();
      void save();
    }
  });
  const opener = document.activeElement as HTMLElement | null;
  host.replaceChildren(aside);
  host.hidden = false;
  if (isFinal(ctx.store.state)) readOnly(aside, '.panel-actions button:not(.primary)');
  kind.focus();

  let shown: OutcomeRow | undefined;
  const showConflicts = (r: OutcomeRow) => {
    if (r === shown) return;
    shown = r;
    conflictsHost.replaceChildren(renderConflicts(ctx, r.outcome) ?? '');
  };
  showConflicts(row);
  return {
    update(state) {
      const r = state.outcomes.find((x) => x.outcome.id === outcomeId);
      if (!r) {
        saved.textContent = 'This outcome was merged or removed elsewhere';
        return;
      }
      row = r;
      showConflicts(r);
      // Values that changed elsewhere show when the user has not edited the form.
      if (changedFields(loaded, form()).length === 0) {
        loaded = formOf(r.outcome);
        kind.value = loaded.kind;
        text.value = loaded.text;
        lead.value = loaded.lead;
        deadline.value = loaded.deadline;
        status.value = loaded.status;
        confidential.checked = loaded.confidential;
        key.checked = loaded.key_message;
      }
    },
    dispose() {
      host.replaceChildren();
      host.hidden = true;
      if (opener?.isConnected) opener.focus();
    },
  };
}
