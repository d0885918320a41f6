import { describe, expect, it } from 'vitest';
import { defaultFrom, side, stateLabel, summary, versionLabel, type Change, type VersionInfo } from './model';

const v = (id: string, state: VersionInfo['state'], extra: Partial<VersionInfo> = {}): VersionInfo => ({
  id,
  name: `Version ${id}`,
  state,
  number: null,
  created_at: '2018-02-14T10:00:00+00:00',
  created_by: 'Amina',
  to: '',
  locked: false,
  reopened: [],
  conflicts: [],
  ...extra,
});

describe('versions', () => {
  it('names and describes a version', () => {
    expect(versionLabel(v('a', 'circulated', { number: '0.2', name: 'Draft 0.2' }))).toBe('0.2 · Draft 0.2');
    expect(versionLabel(v('a', 'draft'))).toBe('Version a');
    expect(stateLabel(v('a', 'circulated', { to: 'co-chairs' }))).toBe('Circulated to co-chairs');
    expect(stateLabel(v('a', 'final', { locked: true }))).toBe('Final (locked)');
    expect(stateLabel(v('a', 'final'))).toBe('Final, reopened');
  });

  it('compares from what was last sent out by default', () => {
    expect(defaultFrom([])).toBeNull();
    expect(defaultFrom([v('a', 'circulated'), v('b', 'draft')])).toBe('a');
    expect(defaultFrom([v('a', 'draft'), v('b', 'draft')])).toBe('b');
  });
});

describe('a change', () => {
  const changed: Change = {
    change: 'changed',
    before: 'meet in June',
    after: 'meet in July',
    section: 'S',
    paragraph: 3,
    key: 'k',
    authors: [],
    words: [
      { op: 'equal', text: 'meet in ' },
      { op: 'delete', text: 'June' },
      { op: 'insert', text: 'July' },
    ],
  };

  it('splits into the two sides, the changed words marked', () => {
    expect(side(changed, 'before')).toEqual([
      { text: 'meet in ', marked: false },
      { text: 'June', marked: true },
    ]);
    expect(side(changed, 'after')).toEqual([
      { text: 'meet in ', marked: false },
      { text: 'July', marked: true },
    ]);
    const added: Change = { ...changed, change: 'added', before: null, after: 'New.', words: undefined };
    expect(side(added, 'before')).toEqual([]);
    expect(side(added, 'after')).toEqual([{ text: 'New.', marked: true }]);
  });

  it('is summed up', () => {
    expect(summary({ from: '0.1', to: 'now', changes: [changed] })).toBe('1 change from 0.1 to now: 1 changed.');
    expect(summary({ from: '0.1', to: 'now', changes: [] })).toBe('No changes from 0.1 to now.');
  });
});
