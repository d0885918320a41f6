/**
 * Quick capture: a line that starts with `REC:`, `CONCL:`, `DECISION:` or `ACTION:` is an
 * outcome of that kind. Plain parsing, no DOM, so it is tested on its own.
 */

export type OutcomeKind = 'recommendation' | 'conclusion' | 'decision' | 'action';

export interface Captured {
  kind: OutcomeKind;
  text: string;
}

/** The prefixes, and the keyboard shortcut (Alt+letter) that inserts each one. */
export const PREFIXES: ReadonlyArray<{ prefix: string; kind: OutcomeKind; key: string }> = [
  { prefix: 'REC:', kind: 'recommendation', key: 'r' },
  { prefix: 'CONCL:', kind: 'conclusion', key: 'c' },
  { prefix: 'DECISION:', kind: 'decision', key: 'd' },
  { prefix: 'ACTION:', kind: 'action', key: 'a' },
];

/**
 * Parses one line. The prefix is case-insensitive, may follow leading spaces or a Markdown
 * list marker (`- `, `* `, `1. `), and needs text after it; anything else is not a capture.
 */
export function parseCapture(line: string): Captured | null {
  const m = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?([A-Za-z]+):(.*)$/s.exec(line);
  if (!m) return null;
  const word = m[1].toUpperCase() + ':';
  const found = PREFIXES.find((p) => p.prefix === word);
  const text = m[2].trim();
  if (!found || text === '') return null;
  return { kind: found.kind, text };
}

/** The prefix for a kind (the inverse of {@link parseCapture}). */
export function prefixFor(kind: OutcomeKind): string {
  const p = PREFIXES.find((x) => x.kind === kind);
  if (!p) throw new Error(`unknown kind ${kind}`);
  return p.prefix;
}
