/**
 * Where a captured outcome came from: a Yjs relative position in the session's `notes`,
 * stored in the outcome's `source` as `notes@<base64>`. A relative position names the
 * character (by its CRDT id), not an offset, so it keeps pointing at the same place while
 * anyone types above it, on any replica. Also here: which text a shortcut or an Enter
 * captures from a line, and whether a line was captured already.
 */

import * as Y from 'yjs';
import { fromBase64, toBase64 } from '../util/base64';
import { parseCapture, type Captured, type OutcomeKind } from './prefix';

const PREFIX = 'notes@';

/** The source for offset `index` of the notes. */
export function sourceAt(notes: Y.Text, index: number): string {
  const rel = Y.createRelativePositionFromTypeIndex(notes, index);
  return PREFIX + toBase64(Y.encodeRelativePosition(rel));
}

/** Whether a source is an anchor into the notes (else it is `cli`, `desktop`, …). */
export function isNotesAnchor(source: string): boolean {
  return source.startsWith(PREFIX);
}

/** The offset in the notes a source points at now, or null (not an anchor, or unreadable). */
export function resolveSource(source: string, doc: Y.Doc): number | null {
  if (!isNotesAnchor(source)) return null;
  try {
    const rel = Y.decodeRelativePosition(fromBase64(source.slice(PREFIX.length)));
    const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
    return abs && abs.type === doc.getText('notes') ? abs.index : null;
  } catch {
    return null;
  }
}

/**
 * What a capture shortcut takes: the selection if there is one, else the line. A prefix in
 * it (`REC: …`) is dropped since the shortcut says the kind; a Markdown list marker too.
 * Null when nothing but white space is left.
 */
export function captureText(text: string, kind: OutcomeKind): Captured | null {
  const parsed = parseCapture(text);
  const body = (parsed ? parsed.text : text.replace(/^\s*(?:[-*+]\s+|\d+[.)]\s+)?/, '')).replace(/\s+/g, ' ').trim();
  return body ? { kind, text: body } : null;
}

/** Whether any anchor (already resolved to offsets) falls on the line [from, to]. */
export function capturedOnLine(from: number, to: number, anchors: Iterable<number | null>): boolean {
  for (const a of anchors) if (a !== null && a >= from && a <= to) return true;
  return false;
}
