import { describe, expect, it } from 'vitest';
import { parseCapture, prefixFor, PREFIXES } from './prefix';

describe('parseCapture', () => {
  it.each([
    ['REC: Strengthen data sharing', 'recommendation', 'Strengthen data sharing'],
    ['CONCL: Members agreed on the work plan', 'conclusion', 'Members agreed on the work plan'],
    ['DECISION: Adopt the 2018 priorities', 'decision', 'Adopt the 2018 priorities'],
    ['ACTION: IOM to circulate the draft by April', 'action', 'IOM to circulate the draft by April'],
  ])('%s', (line, kind, text) => {
    expect(parseCapture(line)).toEqual({ kind, text });
  });

  it('is case-insensitive and trims', () => {
    expect(parseCapture('  action:   call FAO  ')).toEqual({ kind: 'action', text: 'call FAO' });
    expect(parseCapture('Rec:x')).toEqual({ kind: 'recommendation', text: 'x' });
  });

  it('accepts a Markdown list marker before the prefix', () => {
    expect(parseCapture('- DECISION: go')).toEqual({ kind: 'decision', text: 'go' });
    expect(parseCapture('2. CONCL: done')).toEqual({ kind: 'conclusion', text: 'done' });
  });

  it('rejects lines that are not captures', () => {
    for (const line of [
      '',
      'REC:',
      'REC:   ',
      'NOTE: something',
      'The rec: is not at the start',
      'RECOMMENDATION: spelled out',
      'REC - no colon',
      '@FAO: speaker tag',
    ]) {
      expect(parseCapture(line), line).toBeNull();
    }
  });

  it('keeps colons inside the text', () => {
    expect(parseCapture('ACTION: Deadline: 30 April')).toEqual({
      kind: 'action',
      text: 'Deadline: 30 April',
    });
  });

  it('round-trips through prefixFor', () => {
    for (const p of PREFIXES) {
      expect(parseCapture(`${prefixFor(p.kind)} t`)?.kind).toBe(p.kind);
    }
  });
});
