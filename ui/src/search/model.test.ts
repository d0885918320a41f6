import { describe, expect, it } from 'vitest';
import { isSearchable, moveSelection, resultView, snippetParts, type SearchHit } from './model';

describe('snippetParts', () => {
  it('splits plain and matched text', () => {
    expect(snippetParts('…the [work] [plan] for 2018')).toEqual([
      { text: '…the ', match: false },
      { text: 'work', match: true },
      { text: ' ', match: false },
      { text: 'plan', match: true },
      { text: ' for 2018', match: false },
    ]);
    expect(snippetParts('no marks')).toEqual([{ text: 'no marks', match: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});

describe('resultView', () => {
  const hit: SearchHit = {
    event_id: 'e',
    session_id: 's21',
    session_title: 'Work plan',
    source: 'notes',
    reference: '0',
    snippet: 'FAO and [IOM] agreed',
  };
  it('says where the hit is and what to find there', () => {
    const v = resultView(hit, (id) => (id === 's21' ? '2.1' : null));
    expect(v.where).toBe('Session 2.1 · Notes');
    expect(v.title).toBe('Work plan');
    expect(v.needle).toBe('IOM');
    expect(v.editor).toBe('notes');
  });
  it('has no editor for an outcome', () => {
    const v = resultView({ ...hit, source: 'outcome', session_title: '' }, () => null);
    expect(v.where).toBe('Session · Outcome');
    expect(v.title).toBe('Untitled session');
    expect(v.editor).toBeNull();
  });
});

describe('moveSelection', () => {
  it('wraps around both ways', () => {
    expect(moveSelection(-1, 1, 3)).toBe(0);
    expect(moveSelection(-1, -1, 3)).toBe(2);
    expect(moveSelection(2, 1, 3)).toBe(0);
    expect(moveSelection(0, -1, 3)).toBe(2);
    expect(moveSelection(1, 1, 0)).toBe(-1);
  });
});

describe('isSearchable', () => {
  it('needs a letter or a digit', () => {
    expect(isSearchable('  ')).toBe(false);
    expect(isSearchable('::*')).toBe(false);
    expect(isSearchable('é')).toBe(true);
    expect(isSearchable('2018')).toBe(true);
  });
});
