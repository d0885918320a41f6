/**
 * The Draft view's logic that is not DOM: the attribution choices, the compile report as the
 * view lists it (counts, and warnings with the session or outcome each one jumps to), and the
 * export formats with their save-dialog filters and default file names.
 */

export type Attribution = 'named' | 'entity' | 'none';

export const ATTRIBUTIONS: { value: Attribution; label: string; hint: string }[] = [
  { value: 'named', label: 'Named', hint: 'Speakers by name' },
  { value: 'entity', label: 'Entity', hint: 'Speakers by their entity (“FAO noted …”)' },
  { value: 'none', label: 'None', hint: 'Chatham House: nobody is named' },
];

/** One warning of the core's compile report (`rapporteur::compile::Warning`). */
export interface Warning {
  code: string;
  message: string;
  session_id?: string;
  outcome_id?: string;
  paragraph_id?: string;
}

export interface CompileReport {
  warnings: Warning[];
  confidential_omitted: number;
  unresolved_conflicts: number;
  paragraphs: number;
}

/** What `draft_preview` returns. */
export interface DraftPreview {
  html: string;
  report: CompileReport;
  pdf_available: boolean;
}

/** What `export_draft` returns. */
export interface Exported {
  path: string;
  format: string;
  bytes: number;
}

export interface ReportItem {
  code: string;
  /** A short name for the code, for people. */
  label: string;
  message: string;
  /** The session to open, when the warning points at one. */
  sessionId: string | null;
  paragraphId: string | null;
}

export interface ReportView {
  summary: string;
  counts: { label: string; value: number }[];
  items: ReportItem[];
}

const LABELS: Record<string, string> = {
  'session-without-summary': 'No summary',
  'unedited-notes': 'Unedited notes',
  'after-final': 'After the lock',
  'unresolved-conflict': 'Conflict',
  'leftover-name': 'Name left in',
  'dangling-reference': 'Broken reference',
  'unknown-speaker': 'Unknown speaker',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The report as the view lists it; the outcome's session is found through `sessionOfOutcome`. */
export function reportView(report: CompileReport, sessionOfOutcome: (outcomeId: string) => string | null = () => null): ReportView {
  const items = report.warnings.map((w) => ({
    code: w.code,
    label: LABELS[w.code] ?? w.code,
    message: w.message,
    sessionId: w.session_id ?? (w.outcome_id ? sessionOfOutcome(w.outcome_id) : null),
    paragraphId: w.paragraph_id ?? null,
  }));
  const w = report.warnings.length;
  return {
    summary: w === 0 ? 'No warnings.' : `${plural(w, 'warning', 'warnings')} to look at before circulating.`,
    counts: [
      { label: 'Numbered paragraphs', value: report.paragraphs },
      { label: 'Warnings', value: w },
      { label: 'Unresolved conflicts', value: report.unresolved_conflicts },
      { label: 'Confidential items left out', value: report.confidential_omitted },
    ],
    items,
  };
}

export type ExportFormat = 'docx' | 'md' | 'html' | 'pdf';

export const EXPORT_FORMATS: { format: ExportFormat; label: string; filter: string; extensions: string[] }[] = [
  { format: 'docx', label: 'DOCX', filter: 'Word document', extensions: ['docx'] },
  { format: 'md', label: 'Markdown', filter: 'Markdown', extensions: ['md'] },
  { format: 'html', label: 'HTML', filter: 'Web page', extensions: ['html'] },
  { format: 'pdf', label: 'PDF', filter: 'PDF', extensions: ['pdf'] },
];

/** A file name for the draft of an event: its title made safe, then the extension. */
export function defaultFileName(title: string, format: ExportFormat): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'draft';
  return `${base}-draft-conclusions.${format}`;
}

/** A file chosen without the extension gets it; one with another extension is left as is. */
export function withExtension(path: string, format: ExportFormat): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.includes('.') ? path : `${path}.${format}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
