/**
 * The import preview's logic that is not DOM: the core's parse of pasted text or a file
 * (`rapporteur::agenda::ImportPreview`) as the table shows it, a one-line summary, the
 * warnings placed next to the rows they concern, the user's fixes to rows (sent to the core
 * with the source, which applies and checks them), and where in the text a line is, so the
 * user can jump there and fix it.
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

/** What the importer read but could not be sure of (`rapporteur::model::ImportWarning`). */
export interface ImportWarning {
  line: number | null;
  day: number | null;
  row: number | null;
  message: string;
}

export interface ImportPreview {
  format: string;
  event: EventInfo | null;
  days: ImportDay[];
  rows: number;
  working: number;
  problem: Problem | null;
  warnings: ImportWarning[];
}

/** A fix to one row (`rapporteur::agenda::RowEdit`): a field left out stays as parsed. */
export interface RowEdit {
  day: number;
  row: number;
  start?: string;
  end?: string;
  title?: string;
}

/** What `preview_agenda_file` returns. */
export interface FilePreview {
  file: string;
  text: string | null;
  preview: ImportPreview;
}

export interface PreviewRow {
  /** Where the row is in the preview's days (what a fix names). */
  dayIndex: number;
  rowIndex: number;
  day: string;
  start: string;
  end: string;
  title: string;
  logistics: boolean;
  meta: string;
  /** The warnings about this row, each with its line when known. */
  warnings: { line: number | null; message: string }[];
}

export interface PreviewView {
  ok: boolean;
  summary: string;
  title: string;
  rows: PreviewRow[];
  problem: Problem | null;
  /** Warnings that concern no single row (a line skipped, the calendar's time zone). */
  notes: { line: number | null; message: string }[];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const FORMATS: Record<string, string> = { text: 'text', csv: 'CSV', ics: 'calendar (ICS)', docx: 'Word (DOCX)' };

export function previewView(p: ImportPreview): PreviewView {
  if (p.problem) {
    return { ok: false, summary: 'Nothing can be created yet: fix the problem below.', title: '', rows: [], problem: p.problem, notes: [] };
  }
  const warnings = p.warnings ?? [];
  const rows = p.days.flatMap((d, i) =>
    d.rows.map((r, j) => ({
      dayIndex: i,
      rowIndex: j,
      day: d.label || d.date || `Day ${i + 1}`,
      start: r.start ?? '',
      end: r.end ?? '',
      title: r.title,
      logistics: r.kind === 'logistics',
      meta: [r.methodology, r.moderators && `Moderators: ${r.moderators}`].filter(Boolean).join(' · '),
      warnings: warnings.filter((w) => w.day === i && w.row === j).map(({ line, message }) => ({ line, message })),
    })),
  );
  const notes = warnings.filter((w) => w.day === null || w.row === null).map(({ line, message }) => ({ line, message }));
  const n = warnings.length;
  const warned = n ? ` ${plural(n, 'warning', 'warnings')}: check the rows marked ⚠.` : '';
  return {
    ok: true,
    summary: `${plural(p.rows, 'row', 'rows')} (${plural(p.working, 'session', 'sessions')}) on ${plural(p.days.length, 'day', 'days')}, read as ${FORMATS[p.format] ?? p.format}.${warned}`,
    title: p.event?.title ?? '',
    rows,
    problem: null,
    notes,
  };
}

/** A time the user typed in a row: `H:MM` or `HH:MM` (24-hour), or empty to clear it. */
export function timeInputValid(s: string): boolean {
  const t = s.trim();
  return t === '' || /^([01]?\d|2[0-3]):[0-5]\d$/.test(t);
}

/** The fixes to send: one per row whose fields differ from the parse. */
export function rowEdits(view: PreviewView, typed: Map<string, { start: string; end: string; title: string }>): RowEdit[] {
  const edits: RowEdit[] = [];
  for (const r of view.rows) {
    const t = typed.get(rowKey(r.dayIndex, r.rowIndex));
    if (!t) continue;
    const e: RowEdit = { day: r.dayIndex, row: r.rowIndex };
    if (t.start.trim() !== r.start) e.start = t.start.trim();
    if (t.end.trim() !== r.end) e.end = t.end.trim();
    if (t.title.trim() !== r.title) e.title = t.title.trim();
    if (Object.keys(e).length > 2) edits.push(e);
  }
  return edits;
}

export function rowKey(day: number, row: number): string {
  return `${day}.${row}`;
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
