/**
 * The search overlay's logic that is not DOM: results as the list shows them (where each hit
 * is, its snippet split into plain and matched parts), the keyboard selection, and whether a
 * query is worth sending.
 */

/** One hit from the core (`rapporteur::store::SearchHit`). The snippet marks matches `[…]`. */
export interface SearchHit {
  event_id: string;
  session_id: string;
  session_title: string;
  /** "notes", "summary" or "outcome". */
  source: string;
  /** Paragraph index (notes, summary) or outcome id. */
  reference: string;
  snippet: string;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface ResultView {
  sessionId: string;
  /** "Session 2.1 · Notes". */
  where: string;
  title: string;
  parts: SnippetPart[];
  /** The first matched words, to find in the editor after the jump. */
  needle: string;
  /** Which editor holds it, or null for an outcome. */
  editor: 'notes' | 'summary' | null;
}

const SOURCES: Record<string, string> = { notes: 'Notes', summary: 'Summary', outcome: 'Outcome' };

/** Splits the core's snippet at its `[` `]` marks. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), match: false });
    parts.push({ text: m[1], match: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}

export function resultView(hit: SearchHit, sessionRef: (id: string) => string | null): ResultView {
  const parts = snippetParts(hit.snippet);
  const ref = sessionRef(hit.session_id);
  const editor = hit.source === 'notes' || hit.source === 'summary' ? hit.source : null;
  return {
    sessionId: hit.session_id,
    where: [ref ? `Session ${ref}` : 'Session', SOURCES[hit.source] ?? hit.source].join(' · '),
    title: hit.session_title || 'Untitled session',
    parts,
    needle: parts.find((p) => p.match)?.text ?? '',
    editor,
  };
}

/** The index after moving the selection by `delta` through `count` results, wrapping. */
export function moveSelection(index: number, delta: number, count: number): number {
  if (count === 0) return -1;
  if (index < 0) return delta > 0 ? 0 : count - 1;
  return (((index + delta) % count) + count) % count;
}

/** A query is sent once it has a letter or digit; anything else shows no results. */
export function isSearchable(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}
