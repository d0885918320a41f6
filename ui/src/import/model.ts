/**
 * The import preview's logic that is not DOM: the core's parse of pasted text or a file
 * (`rapporteur::agenda::ImportPreview`) as the table shows it, a one-line summary, and where
 * in the text a problem's line is, so the user can jump there and fix it.
 */

import type { EventInfo } from '../agenda/types';

export interface ImportRow {
  start: string | null;
  end: string | null;
  title: string;
  description: string;
  methodology: string;
  moderators: string;
  rapporteurs: string;
  kind: 'working' | 'logistics';
}

export interface ImportDay {
  date: string | null;
  label: string;
  rows: ImportRow[];
}

export interface Problem {
  message: string;
  file: string;
  line?: number;
  field?: string;
}

export interface ImportPreview {
  format: string;
  event: EventInfo | null;
  days: ImportDay[];
  rows: number;
  working: number;
  problem: Problem | null;
}

/** What `preview_agenda_file` returns. */
export interface FilePreview {
  file: string;
  text: string | null;
  preview: ImportPreview;
}

export interface PreviewRow {
  day: string;
  time: string;
  title: string;
  logistics: boolean;
  meta: string;
}

export interface PreviewView {
  ok: boolean;
  summary: string;
  title: string;
  rows: PreviewRow[];
  problem: Problem | null;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const FORMATS: Record<string, string> = { text: 'text', csv: 'CSV', ics: 'calendar (ICS)', docx: 'Word (DOCX)' };

export function previewView(p: ImportPreview): PreviewView {
  if (p.problem) {
    return { ok: false, summary: 'Nothing can be created yet: fix the problem below.', title: '', rows: [], problem: p.problem };
  }
  const rows = p.days.flatMap((d, i) =>
    d.rows.map((r) => ({
      day: d.label || d.date || `Day ${i + 1}`,
      time: [r.start, r.end].filter(Boolean).join('–'),
      title: r.title || 'Untitled',
      logistics: r.kind === 'logistics',
      meta: [r.methodology, r.moderators && `Moderators: ${r.moderators}`].filter(Boolean).join(' · '),
    })),
  );
  return {
    ok: true,
    summary: `${plural(p.rows, 'row', 'rows')} (${plural(p.working, 'session', 'sessions')}) on ${plural(p.days.length, 'day', 'days')}, read as ${FORMATS[p.format] ?? p.format}.`,
    title: p.event?.title ?? '',
    rows,
    problem: null,
  };
}

/** The character range of 1-based line `line` in `text` (end excludes the newline). */
export function lineRange(text: string, line: number): [number, number] | null {
  if (line < 1) return null;
  let start = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  const nl = text.indexOf('\n', start);
  return [start, nl < 0 ? text.length : nl];
}

/** The extensions the open dialog offers and a drop accepts. */
export const AGENDA_EXTENSIONS = ['txt', 'md', 'csv', 'tsv', 'ics', 'docx'];

export function isAgendaFile(path: string): boolean {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  return path.includes('.') && AGENDA_EXTENSIONS.includes(ext);
}
