import { describe, expect, it } from 'vitest';
import type { OutcomeRow, OutcomeView } from '../agenda/types';
import { boardRows, changedFields, conflicts, formOf, moveTarget, NO_FILTER } from './model';

function o(id: string, session: string, position: number, extra: Partial<OutcomeView> = {}): OutcomeRow {
  return {
    outcome: {
      id,
      session_id: session,
      kind: { values: ['recommendation'] },
      text: `text ${id}`,
      lead: { values: [] },
      deadline: { values: [] },
      status: { values: ['draft'] },
      confidential: { values: [false] },
      key_message: { values: [false] },
      position,
      source: '',
      ...extra,
    },
    session_title: session,
    session_ref: session,
  };
}

// Core order: sessions in agenda order (s1 before s2), then position.
const rows = [
  o('a', 's1', 1),
  o('b', 's1', 2, { kind: { values: ['decision'] } }),
  o('c', 's1', 3, { status: { values: ['agreed', 'done'] } }),
  o('d', 's2', 1, { status: { values: ['agreed'] } }),
];

describe('board filter and order', () => {
  it('keeps agenda order of sessions, then position', () => {
    const shuffled = [rows[0], rows[2], rows[1], rows[3]].map((r, i) => (i === 1 ? { ...r, outcome: { ...r.outcome, position: 2.5 } } : r));
    expect(boardRows(shuffled, NO_FILTER).map((r) => r.outcome.id)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('filters by kind, session and status; "conflict" finds conflicts', () => {
    const ids = (f: Partial<typeof NO_FILTER>) => boardRows(rows, { ...NO_FILTER, ...f }).map((r) => r.outcome.id);
    expect(ids({ kind: 'decision' })).toEqual(['b']);
    expect(ids({ session: 's2' })).toEqual(['d']);
    expect(ids({ status: 'agreed' })).toEqual(['c', 'd']);
    expect(ids({ status: 'conflict' })).toEqual(['c']);
    expect(ids({ session: 's1', status: 'draft' })).toEqual(['a', 'b']);
  });
});

describe('moving an outcome', () => {
  it('lands strictly between its new neighbours in its session', () => {
    expect(moveTarget(rows, 'c', -1)).toEqual({ position: 1.5 });
    expect(moveTarget(rows, 'a', 1)).toEqual({ position: 2.5 });
    expect(moveTarget(rows, 'b', 1)).toEqual({ position: 3.5 });
    expect(moveTarget(rows, 'b', -1)).toEqual({ position: 0.5 });
  });
  it('stays within its session and says why not', () => {
    expect(moveTarget(rows, 'd', -1)).toEqual({ reason: 'Already first in its session.' });
    expect(moveTarget(rows, 'c', 1)).toEqual({ reason: 'Already last in its session.' });
    expect(moveTarget(rows, 'zz', 1)).toEqual({ reason: 'That outcome is gone.' });
  });
});

describe('conflicts', () => {
  it('lists every field with several values, with labels', () => {
    const c = conflicts({ ...rows[2].outcome, confidential: { values: [false, true] } });
    expect(c.map((x) => x.field)).toEqual(['status', 'confidential']);
    expect(c[0].values).toEqual([
      { value: 'agreed', label: 'Agreed' },
      { value: 'done', label: 'Done' },
    ]);
    expect(c[1].values.map((v) => v.label)).toEqual(['No', 'Yes']);
    expect(conflicts(rows[0].outcome)).toEqual([]);
  });
});

describe('the side panel form', () => {
  it('sends only what changed', () => {
    const before = formOf(rows[0].outcome);
    expect(changedFields(before, { ...before })).toEqual([]);
    expect(changedFields(before, { ...before, text: ' text a ' })).toEqual([]);
    expect(changedFields(before, { ...before, status: 'agreed', confidential: true, lead: 'FAO' })).toEqual([
      { field: 'lead', value: 'FAO' },
      { field: 'status', value: 'agreed' },
      { field: 'confidential', value: 'true' },
    ]);
  });
});
