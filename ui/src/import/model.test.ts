import { describe, expect, it } from 'vitest';
import { isAgendaFile, lineRange, previewView, rowEdits, rowKey, timeInputValid, type ImportPreview } from './model';

const ok: ImportPreview = {
  format: 'text',
  event: {
    title: 'Test retreat',
    group: '',
    venue: '',
    start_date: null,
    end_date: null,
    time_zone: '',
    co_chairs: [],
    objectives: [],
    expected_outcomes: [],
  },
  days: [
    {
      date: '2018-02-12',
      label: 'Day 1',
      rows: [
        { start: '09:00', end: '10:30', title: 'Opening', description: '', methodology: 'Plenary', moderators: 'FAO', rapporteurs: '', kind: 'working' },
        { start: '10:30', end: null, title: 'Coffee break', description: '', methodology: '', moderators: '', rapporteurs: '', kind: 'logistics' },
      ],
    },
  ],
  rows: 2,
  working: 1,
  problem: null,
  warnings: [],
};

describe('previewView', () => {
  it('lists the rows with their day and times', () => {
    const v = previewView(ok);
    expect(v.ok).toBe(true);
    expect(v.summary).toBe('2 rows (1 session) on 1 day, read as text.');
    expect(v.title).toBe('Test retreat');
    expect(v.rows[0]).toEqual({
      dayIndex: 0,
      rowIndex: 0,
      day: 'Day 1',
      start: '09:00',
      end: '10:30',
      title: 'Opening',
      logistics: false,
      meta: 'Plenary · Moderators: FAO',
      warnings: [],
    });
    expect([v.rows[1].start, v.rows[1].end]).toEqual(['10:30', '']);
    expect(v.rows[1].logistics).toBe(true);
  });

  it('puts each warning next to its row, and the others apart', () => {
    const v = previewView({
      ...ok,
      warnings: [
        { line: 3, day: 0, row: 1, message: 'a space inside a time' },
        { line: null, day: null, row: null, message: 'the calendar names no time zone' },
      ],
    });
    expect(v.rows[1].warnings).toEqual([{ line: 3, message: 'a space inside a time' }]);
    expect(v.rows[0].warnings).toEqual([]);
    expect(v.notes).toEqual([{ line: null, message: 'the calendar names no time zone' }]);
    expect(v.summary).toMatch(/2 warnings: check the rows marked ⚠\.$/);
  });

  it('sends only the fields the user changed', () => {
    const v = previewView(ok);
    const typed = new Map([
      [rowKey(0, 0), { start: '09:00', end: '10:30', title: 'Opening' }],
      [rowKey(0, 1), { start: '10:30', end: '11:00 ', title: 'Coffee and tea' }],
    ]);
    expect(rowEdits(v, typed)).toEqual([{ day: 0, row: 1, end: '11:00', title: 'Coffee and tea' }]);
    expect(timeInputValid('9:30') && timeInputValid('') && timeInputValid('23:59')).toBe(true);
    expect(timeInputValid('24:00') || timeInputValid('nine') || timeInputValid('9.30')).toBe(false);
  });

  it('shows the problem and no rows when the text does not import', () => {
    const v = previewView({ ...ok, days: [], rows: 0, working: 0, problem: { message: 'pasted text, line 3, field `start`: not a time', file: 'pasted text', line: 3, field: 'start' } });
    expect(v.ok).toBe(false);
    expect(v.rows).toEqual([]);
    expect(v.problem?.line).toBe(3);
  });
});

describe('lineRange', () => {
  const text = 'one\ntwo\n\nfour';
  it('finds a line to select', () => {
    expect(lineRange(text, 1)).toEqual([0, 3]);
    expect(lineRange(text, 2)).toEqual([4, 7]);
    expect(lineRange(text, 3)).toEqual([8, 8]);
    expect(lineRange(text, 4)).toEqual([9, 13]);
    expect(lineRange(text, 5)).toBeNull();
    expect(lineRange(text, 0)).toBeNull();
  });
});

describe('isAgendaFile', () => {
  it('accepts the importable extensions only', () => {
    expect(isAgendaFile('/a/Agenda.DOCX')).toBe(true);
    expect(isAgendaFile('/a/b.ics')).toBe(true);
    expect(isAgendaFile('/a/b.pdf')).toBe(false);
    expect(isAgendaFile('/a/csv')).toBe(false);
  });
});
