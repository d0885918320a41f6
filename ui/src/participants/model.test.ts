import { describe, expect, it } from 'vitest';
import { actionLabel, applyLabel, planSummary, warningsAt, type ImportPlan, type ListedPerson } from './model';

const person = (line: number, name: string): ListedPerson => ({ line, name, title: 'Ms.', position: '', organisation: '', entity: 'FAO', email: '' });

const plan: ImportPlan = {
  source: 'list.csv',
  format: 'csv',
  people: [
    { person: person(2, 'Ana Ruiz'), action: 'add', handle: 'AnaRuiz' },
    { person: person(3, 'Amy Pope'), action: 'merge', id: 'p1', name: 'Amy Pope', fills: [['title', 'Ms.']] },
    { person: person(4, 'Li Wei'), action: 'merge', id: 'p2', name: 'Li Wei', fills: [] },
    { person: person(5, 'Ana RUIZ'), action: 'repeat', line: 2 },
  ],
  added: 1,
  merged: 3,
  skipped: 1,
  skipped_rows: [{ line: 1, text: 'List of participants', why: 'heading' }],
  warnings: [{ line: 4, message: 'Li Wei is already a participant with entity "WHO"' }],
};

describe('the participant list import', () => {
  it('sums up before and after', () => {
    expect(planSummary(plan)).toBe('1 to add, 3 already here (merged), 1 row skipped');
    expect(planSummary(plan, true)).toBe('1 added, 3 merged, 1 row skipped');
  });
  it('says what happens to each person', () => {
    expect(plan.people.map(actionLabel)).toEqual(['Add as @AnaRuiz', 'Merge into Amy Pope: title', 'Already here as Li Wei', 'Same person as line 2']);
  });
  it('counts what the import changes', () => {
    expect(applyLabel(plan)).toBe('Import 2 people');
    expect(applyLabel({ ...plan, added: 0, people: [] })).toBe('Nothing to import');
  });
  it('finds the warnings of a line', () => {
    expect(warningsAt(plan, 4)).toHaveLength(1);
    expect(warningsAt(plan, 2)).toEqual([]);
  });
});
