/**
 * The outcome board's logic without the DOM: labels, filters, the order the board shows,
 * where a moved outcome lands, which fields are in conflict, and which fields the side panel
 * changed. Views render from these; vitest checks them.
 */

import type { OutcomeRow, OutcomeView } from '../agenda/types';

export const KINDS = ['recommendation', 'conclusion', 'decision', 'action'] as const;
export const STATUSES = ['draft', 'agreed', 'done', 'dropped'] as const;

export const KIND_LABEL: Record<string, string> = {
  recommendation: 'Recommendation',
  conclusion: 'Conclusion',
  decision: 'Decision',
  action: 'Action point',
};
export const STATUS_LABEL: Record<string, string> = { draft: 'Draft', agreed: 'Agreed', done: 'Done', dropped: 'Dropped' };

/** The decided fields of an outcome, as the core names them, with their labels. */
export const DECIDED = [
  ['kind', 'Kind'],
  ['lead', 'Lead entity'],
  ['deadline', 'Deadline'],
  ['status', 'Status'],
  ['confidential', 'Confidential'],
  ['key_message', 'Key message'],
] as const;
export type DecidedField = (typeof DECIDED)[number][0];

/** What the board shows: a kind, a session, a status ('conflict' = any field in conflict). */
export interface BoardFilter {
  kind: string;
  session: string;
  status: string;
}
export const NO_FILTER: BoardFilter = { kind: '', session: '', status: '' };

/** One value as people read it. */
export function valueLabel(field: string, v: unknown): string {
  if (field === 'kind') return KIND_LABEL[String(v)] ?? String(v);
  if (field === 'status') return STATUS_LABEL[String(v)] ?? String(v);
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return String(v) === '' ? '(none)' : String(v);
}

/** A field with more than one current value. */
export interface Conflict {
  field: DecidedField;
  label: string;
  /** The concurrent values, each with its label and the text to send to keep it. */
  values: { value: string; label: string }[];
}

export function conflicts(o: OutcomeView): Conflict[] {
  const out: Conflict[] = [];
  for (const [field, label] of DECIDED) {
    const values = (o[field].values as unknown[]) ?? [];
    if (values.length > 1) out.push({ field, label, values: values.map((v) => ({ value: String(v), label: valueLabel(field, v) })) });
  }
  return out;
}

/** The one value of a field, or its first in a conflict (callers show conflicts apart). */
export function first<T>(d: { values: T[] }, fallback: T): T {
  return d.values.length ? d.values[0] : fallback;
}

export function matches(r: OutcomeRow, f: BoardFilter): boolean {
  const o = r.outcome;
  if (f.kind && !o.kind.values.includes(f.kind)) return false;
  if (f.session && o.session_id !== f.session) return false;
  if (f.status === 'conflict') return conflicts(o).length > 0;
  if (f.status && !o.status.values.includes(f.status)) return false;
  return true;
}

/**
 * The board's order: agenda order of the sessions (as `list_outcomes` returns them, which is
 * kept), then position, then id.
 */
export function boardRows(rows: readonly OutcomeRow[], f: BoardFilter): OutcomeRow[] {
  const sessionOrder = new Map<string, number>();
  rows.forEach((r) => {
    if (!sessionOrder.has(r.outcome.session_id)) sessionOrder.set(r.outcome.session_id, sessionOrder.size);
  });
  return rows
    .filter((r) => matches(r, f))
    .slice()
    .sort(
      (a, b) =>
        sessionOrder.get(a.outcome.session_id)! - sessionOrder.get(b.outcome.session_id)! ||
        a.outcome.position - b.outcome.position ||
        (a.outcome.id < b.outcome.id ? -1 : a.outcome.id > b.outcome.id ? 1 : 0),
    );
}

/**
 * Where outcome `id` goes when moved one place up (-1) or down (+1) among its session's
 * outcomes (positions are per session: the board lists sessions in agenda order). Returns the
 * new position, or a reason it cannot move. The new position lies strictly between the
 * neighbours it ends up between, so nothing else moves.
 */
export function moveTarget(rows: readonly OutcomeRow[], id: string, dir: -1 | 1): { position: number } | { reason: string } {
  const me = rows.find((r) => r.outcome.id === id);
  if (!me) return { reason: 'That outcome is gone.' };
  const same = boardRows(rows, { ...NO_FILTER, session: me.outcome.session_id }).map((r) => r.outcome);
  const i = same.findIndex((o) => o.id === id);
  const j = i + dir;
  if (j < 0 || j >= same.length) return { reason: dir < 0 ? 'Already first in its session.' : 'Already last in its session.' };
  const beyond = same[j + dir];
  const edge = same[j].position;
  const far = beyond ? beyond.position : edge + dir;
  return { position: (edge + far) / 2 };
}

/** The side panel's form. */
export interface OutcomeForm {
  kind: string;
  text: string;
  lead: string;
  deadline: string;
  status: string;
  confidential: boolean;
  key_message: boolean;
}

export function formOf(o: OutcomeView): OutcomeForm {
  return {
    kind: first(o.kind, 'conclusion'),
    text: o.text,
    lead: first(o.lead, ''),
    deadline: first(o.deadline, ''),
    status: first(o.status, 'draft'),
    confidential: first(o.confidential, false),
    key_message: first(o.key_message, false),
  };
}

/**
 * The edits to send: fields whose value differs from what was loaded. A field in conflict is
 * sent only when the user changed it (writing it resolves the conflict with that value).
 */
export function changedFields(before: OutcomeForm, after: OutcomeForm): { field: string; value: string }[] {
  const out: { field: string; value: string }[] = [];
  for (const k of Object.keys(before) as (keyof OutcomeForm)[]) {
    const a = before[k];
    const b = after[k];
    const changed = k === 'text' ? a.toString().trim() !== b.toString().trim() : a !== b;
    if (changed) out.push({ field: k, value: String(b) });
  }
  return out;
}
