/**
 * Importing a list of participants: the shapes the core sends (`rapporteur::participants`:
 * `ImportPlan`, `PlannedPerson`) and the words the Participants view shows for them. Plain
 * TypeScript, tested beside it.
 */

/** One person as the list gives them. */
export interface ListedPerson {
  line: number;
  name: string;
  title: string;
  position: string;
  organisation: string;
  entity: string;
  email: string;
}

export type PlannedAction =
  | { action: 'add'; handle: string }
  | { action: 'merge'; id: string; name: string; fills: [string, string][] }
  | { action: 'repeat'; line: number };

export type PlannedPerson = { person: ListedPerson } & PlannedAction;

export interface SkippedRow {
  line: number;
  text: string;
  why: 'heading' | 'page' | 'empty';
}

export interface ListWarning {
  line: number;
  message: string;
}

export interface ImportPlan {
  source: string;
  format: 'csv' | 'xlsx' | 'docx' | 'text';
  people: PlannedPerson[];
  added: number;
  merged: number;
  skipped: number;
  skipped_rows: SkippedRow[];
  warnings: ListWarning[];
}

/** The file types the open dialog offers. */
export const LIST_EXTENSIONS = ['xlsx', 'csv', 'tsv', 'docx', 'txt'];

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "12 to add, 3 already here (merged), 5 rows skipped" before; "12 added, …" after. */
export function planSummary(plan: ImportPlan, done = false): string {
  const add = done ? `${plan.added} added` : `${plan.added} to add`;
  const merge = done ? `${plan.merged} merged` : `${plan.merged} already here (merged)`;
  return `${add}, ${merge}, ${plural(plan.skipped, 'row')} skipped`;
}

/** What happens to one person, in a few words. */
export function actionLabel(p: PlannedPerson): string {
  switch (p.action) {
    case 'add':
      return `Add as @${p.handle}`;
    case 'merge':
      return p.fills.length ? `Merge into ${p.name}: ${p.fills.map(([f]) => f).join(', ')}` : `Already here as ${p.name}`;
    case 'repeat':
      return `Same person as line ${p.line}`;
  }
}

/** The warnings that concern one line of the list. */
export function warningsAt(plan: ImportPlan, line: number): string[] {
  return plan.warnings.filter((w) => w.line === line).map((w) => w.message);
}

/** The label of the import button: "Import 12 people". */
export function applyLabel(plan: ImportPlan): string {
  const n = plan.added + plan.people.filter((p) => p.action === 'merge' && p.fills.length > 0).length;
  return n === 0 ? 'Nothing to import' : `Import ${plural(n, 'person', 'people')}`;
}
