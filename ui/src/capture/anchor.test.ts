import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { capturedOnLine, captureText, isNotesAnchor, resolveSource, sourceAt } from './anchor';

describe('source anchors', () => {
  it('keep pointing at the same line while text is typed above it, on another replica too', () => {
    const doc = new Y.Doc();
    const notes = doc.getText('notes');
    notes.insert(0, 'Opening remarks\nREC: Hold monthly briefings\n');
    const at = notes.toString().indexOf('REC:');
    const source = sourceAt(notes, at);
    expect(isNotesAnchor(source)).toBe(true);
    notes.insert(0, 'FAO welcomed everyone.\n');
    const moved = resolveSource(source, doc)!;
    expect(notes.toString().slice(moved, moved + 4)).toBe('REC:');

    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getText('notes').insert(0, '# Day 2\n');
    const there = resolveSource(source, other)!;
    expect(other.getText('notes').toString().slice(there, there + 4)).toBe('REC:');
  });
  it('are null for other sources and for junk', () => {
    const doc = new Y.Doc();
    expect(resolveSource('cli', doc)).toBeNull();
    expect(resolveSource('notes@!!!', doc)).toBeNull();
  });
});

describe('capture from a line or selection', () => {
  it('drops a prefix or list marker and collapses spaces', () => {
    expect(captureText('- REC:  Hold   briefings ', 'decision')).toEqual({ kind: 'decision', text: 'Hold briefings' });
    expect(captureText('  * Align the work plan', 'action')).toEqual({ kind: 'action', text: 'Align the work plan' });
    expect(captureText('   ', 'action')).toBeNull();
  });
  it('knows a line that was captured already', () => {
    expect(capturedOnLine(10, 20, [null, 3, 10])).toBe(true);
    expect(capturedOnLine(10, 20, [21, null])).toBe(false);
  });
});
