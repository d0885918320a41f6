/**
 * The Versions panel's logic without the DOM: the shapes the core sends (`rapporteur::review`),
 * how a version is named and described, which versions can be compared, and a change's words
 * as runs to render side by side or inline. Views render from these; vitest checks them.
 */

export type VersionState = 'draft' | 'circulated' | 'final';

/** One version (`versions --json`, with the panel's extra fields). */
export interface VersionInfo {
  id: string;
  name: string;
  state: VersionState;
  number: string | null;
  created_at: string;
  created_by: string;
  to: string;
  locked: boolean;
  reopened: { at: string; by: string; reason: string }[];
  conflicts: string[];
}

/** What the panel and the read-only banner show. */
export interface ReviewState {
  versions: VersionInfo[];
  /** When the event is final: the version it is locked on, when and by whom. */
  finalLock: string | null;
  /** The earlier meetings this one follows: [id, title]. */
  follows: [string, string][];
}

export const NO_REVIEW: ReviewState = { versions: [], finalLock: null, follows: [] };

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface Word {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** One change between two drafts (`diff --json`), with who wrote it. */
export interface Change {
  change: ChangeKind;
  before: string | null;
  after: string | null;
  section: string;
  paragraph: number | null;
  key: string;
  words?: Word[];
  authors: string[];
}

export interface Comparison {
  from: string;
  to: string;
  changes: Change[];
}

export interface Restored {
  version: string;
  documents: number;
}

const STATE_LABEL: Record<VersionState, string> = { draft: 'Saved', circulated: 'Circulated', final: 'Final' };

/** "0.2 · Draft 0.2" or the name alone. */
export function versionLabel(v: VersionInfo): string {
  return v.number ? `${v.number} · ${v.name}` : v.name;
}

/** "Circulated to co-chairs", "Final (locked)", "Saved". */
export function stateLabel(v: VersionInfo): string {
  const base = STATE_LABEL[v.state] ?? v.state;
  if (v.state === 'final') return v.locked ? 'Final (locked)' : 'Final, reopened';
  if (v.state === 'circulated' && v.to) return `${base} to ${v.to}`;
  return base;
}

/** "14 Feb 2018, 17:05" from an RFC 3339 time, in the machine's time zone. */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `${date}, ${time}`;
}

/** The newest version first, as the list shows them. */
export function newestFirst(versions: VersionInfo[]): VersionInfo[] {
  return [...versions].reverse();
}

/**
 * What the comparison starts from by default: the last circulated or final version (what the
 * co-chairs have), else the newest version.
 */
export function defaultFrom(versions: VersionInfo[]): string | null {
  const sent = [...versions].reverse().find((v) => v.state !== 'draft');
  return (sent ?? versions[versions.length - 1])?.id ?? null;
}

/** The words of one side of a change: equal runs plus the deleted (`before`) or inserted (`after`) ones. */
export function side(c: Change, which: 'before' | 'after'): { text: string; marked: boolean }[] {
  if (!c.words?.length) {
    const text = (which === 'before' ? c.before : c.after) ?? '';
    const marked = (which === 'before' && c.change === 'removed') || (which === 'after' && c.change === 'added');
    return text ? [{ text, marked }] : [];
  }
  const keep = which === 'before' ? 'delete' : 'insert';
  return c.words.filter((w) => w.op === 'equal' || w.op === keep).map((w) => ({ text: w.text, marked: w.op !== 'equal' }));
}

/** A one-line summary of a comparison. */
export function summary(c: Comparison): string {
  if (!c.changes.length) return `No changes from ${c.from} to ${c.to}.`;
  const n = (k: ChangeKind) => c.changes.filter((x) => x.change === k).length;
  const parts = [
    [n('added'), 'added'],
    [n('removed'), 'removed'],
    [n('changed'), 'changed'],
  ]
    .filter(([k]) => (k as number) > 0)
    .map(([k, w]) => `${k} ${w}`);
  return `${c.changes.length} change${c.changes.length === 1 ? '' : 's'} from ${c.from} to ${c.to}: ${parts.join(', ')}.`;
}
