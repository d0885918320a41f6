/**
 * Importing an agenda on the Start view: *Import agenda…* (the native open dialog), a file
 * dropped on the window, or text pasted into the box. Whatever the source, the core parses it
 * and the rows (or the problem that stops it, with its line and field) show live. Warnings
 * show under the rows they concern, with *Go to line*; a row's times and title can be fixed in
 * the table, and the fixes go to the core with the source when *Create event* is pressed (the
 * core applies and checks them). A text file's content goes into the box to be fixed there; a
 * DOCX is previewed as it is. Input that does not import creates nothing.
 *
 * The import in progress lives in this module, so it survives the Start view being redrawn.
 */

import {
  AGENDA_EXTENSIONS,
  isAgendaFile,
  lineRange,
  previewView,
  rowEdits,
  rowKey,
  timeInputValid,
  type ImportPreview,
  type PreviewRow,
  type PreviewView,
} from '../import/model';
import { h } from '../util/dom';
import { openEvent, report, showStart, type Ctx } from '../controllers/context';

const DEBOUNCE_MS = 250;

interface Pending {
  text: string;
  format: string;
  title: string;
  /** The file the text came from (named in messages), or null for pasted text. */
  source: string | null;
  /** A DOCX picked or dropped: imported from its path, not from the box. */
  docxPath: string | null;
  preview: ImportPreview | null;
  /** The user typed a title: the parsed one no longer fills the field. */
  titleTouched: boolean;
  /** The rows' fields as the user typed them in the table, by `rowKey`; cleared on a new parse. */
  typed: Map<string, { start: string; end: string; title: string }>;
}

const pending: Pending = { text: '', format: 'auto', title: '', source: null, docxPath: null, preview: null, titleTouched: false, typed: new Map() };
let rerender: (() => void) | null = null;

function reset(): void {
  Object.assign(pending, { text: '', format: 'auto', title: '', source: null, docxPath: null, preview: null, titleTouched: false, typed: new Map() });
}

/** Reads a picked or dropped file into the pending import and shows it on the Start view. */
export async function loadAgendaFile(ctx: Ctx, path: string): Promise<void> {
  if (!isAgendaFile(path)) {
    report(ctx, { code: 'bad_input', message: `${path}: not an agenda file (use ${AGENDA_EXTENSIONS.map((e) => '.' + e).join(', ')})` });
    return;
  }
  try {
    const f = await ctx.ipc.previewAgendaFile(path);
    reset();
    pending.source = f.file;
    pending.preview = f.preview;
    pending.title = f.preview.event?.title ?? '';
    if (f.text !== null) pending.text = f.text;
    else if (f.preview.format === 'docx') pending.docxPath = path;
    if (ctx.store.state.view !== 'start') await showStart(ctx);
    rerender?.();
    document.getElementById('paste-box')?.focus();
  } catch (e) {
    report(ctx, e);
  }
}

/** Listens for files dropped on the window (any view); returns the unsubscriber. */
export async function installDropImport(ctx: Ctx): Promise<() => void> {
  const setHover = (on: boolean) => document.body.classList.toggle('drop-hover', on);
  return ctx.ipc.onFilesDropped((paths) => {
    if (paths.length !== 1) {
      report(ctx, { code: 'bad_input', message: `drop one agenda file at a time (${paths.length} were dropped)` });
      return;
    }
    void loadAgendaFile(ctx, paths[0]);
  }, setHover);
}

export function renderImport(ctx: Ctx): HTMLElement {
  const box = h('textarea', {
    id: 'paste-box',
    class: 'paste-box',
    rows: 9,
    spellcheck: 'false',
    placeholder: 'Day 1 – Monday 12 February 2018\n09:00 – 10:30\tOpening session\n10:30 – 11:00\tCoffee break',
    'aria-describedby': 'import-help',
  });
  box.value = pending.text;
  const format = h(
    'select',
    { id: 'import-format' },
    [
      ['auto', 'Detect'],
      ['text', 'Text'],
      ['csv', 'CSV'],
      ['ics', 'Calendar (ICS)'],
    ].map(([v, l]) => h('option', { value: v, selected: pending.format === v }, l)),
  );
  const title = h('input', { id: 'import-title', type: 'text', class: 'import-title', autocomplete: 'off' });
  title.value = pending.title;
  const source = h('p', { class: 'muted small import-source' });
  const previewBox = h('div', { class: 'import-preview', id: 'import-preview', 'aria-live': 'polite', 'data-testid': 'import-preview' });
  const create = h('button', { class: 'primary', id: 'create-event', onclick: () => void createEvent() }, 'Create event');
  const chooseFile = h('button', { id: 'import-agenda', onclick: () => void pickFile() }, 'Import agenda…');
  const clear = h('button', { id: 'import-clear', onclick: () => clearAll() }, 'Clear');

  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  /** One row of the table: day, editable times and title, methodology and moderators; its
   * warnings on a line of their own right under it. */
  function rowElements(r: PreviewRow): HTMLElement[] {
    const key = rowKey(r.dayIndex, r.rowIndex);
    const typed = pending.typed.get(key) ?? { start: r.start, end: r.end, title: r.title };
    const label = `${r.day}, row ${r.rowIndex + 1}`;
    const timeInput = (field: 'start' | 'end') => {
      const input = h('input', {
        type: 'text',
        class: `row-${field} time-input`,
        'data-testid': `row-${field}`,
        inputmode: 'numeric',
        placeholder: field === 'start' ? 'HH:MM' : '—',
        'aria-label': `${field === 'start' ? 'Start' : 'End'} of ${label}`,
        size: 5,
      });
      input.value = typed[field];
      const check = () => {
        const ok = timeInputValid(input.value);
        input.classList.toggle('invalid', !ok);
        input.setAttribute('aria-invalid', String(!ok));
      };
      check();
      input.addEventListener('input', () => {
        pending.typed.set(key, { ...(pending.typed.get(key) ?? typed), [field]: input.value });
        check();
        refreshCreate();
      });
      return input;
    };
    const titleInput = h('input', { type: 'text', class: 'row-title', 'data-testid': 'row-title', 'aria-label': `Title of ${label}` });
    titleInput.value = typed.title;
    titleInput.addEventListener('input', () => {
      pending.typed.set(key, { ...(pending.typed.get(key) ?? typed), title: titleInput.value });
      refreshCreate();
    });
    const warned = r.warnings.length > 0;
    const row = h(
      'tr',
      { class: [r.logistics ? 'logistics' : '', warned ? 'warned' : ''].join(' ').trim(), 'data-testid': 'import-row' },
      h('td', {}, warned ? h('span', { class: 'warn-mark', 'aria-hidden': 'true' }, '⚠ ') : null, r.day),
      h('td', { class: 'nowrap' }, timeInput('start'), '–', timeInput('end')),
      h('td', {}, titleInput),
      h('td', { class: 'muted' }, r.meta),
    );
    if (!warned) return [row];
    const notes = h(
      'tr',
      { class: 'import-row-warning', 'data-testid': 'import-row-warning' },
      h('td', { colspan: 4, role: 'note' }, r.warnings.map((w) => warningLine(w))),
    );
    return [row, notes];
  }

  function warningLine(w: { line: number | null; message: string }): HTMLElement {
    const where = w.line ? `line ${w.line}: ` : '';
    return h(
      'p',
      { class: 'warning' },
      `⚠ ${where}${w.message}`,
      w.line && !pending.docxPath ? h('button', { class: 'goto-line small', onclick: () => gotoLine(w.line!) }, `Go to line ${w.line}`) : null,
    );
  }

  function anyInvalid(): boolean {
    return [...previewBox.querySelectorAll('input.time-input')].some((i) => i.classList.contains('invalid'));
  }

  function refreshCreate(): void {
    const p = pending.preview;
    create.disabled = !p || !!p.problem || anyInvalid();
  }

  function table(v: PreviewView): HTMLElement {
    return h(
      'table',
      { class: 'import-rows', 'aria-label': 'Agenda rows' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col' }, 'Time'), h('th', { scope: 'col' }, 'Title'), h('th', { scope: 'col' }, 'Methodology · moderators'))),
      h('tbody', {}, v.rows.flatMap((r) => rowElements(r))),
    );
  }

  function paint(): void {
    const p = pending.preview;
    source.textContent = pending.docxPath ? `From ${pending.source} (Word documents are previewed as they are; fix rows in the table, or the document in Word).` : pending.source ? `From ${pending.source}; fix it in the box or in the table.` : '';
    if (!p) {
      previewBox.replaceChildren(h('p', { class: 'muted' }, 'The rows of the agenda will show here.'));
      refreshCreate();
      return;
    }
    const v = previewView(p);
    const problem = v.problem;
    const parts: (HTMLElement | null)[] = [
      h('p', { class: v.ok ? 'import-summary' : 'import-summary is-error', 'data-testid': 'import-summary' }, v.summary),
      problem
        ? h(
            'div',
            { class: 'import-problem', role: 'alert' },
            h('p', {}, problem.message),
            problem.line && !pending.docxPath ? h('button', { class: 'goto-line', onclick: () => gotoLine(problem.line!) }, `Go to line ${problem.line}`) : null,
          )
        : null,
      v.notes.length ? h('div', { class: 'import-notes', 'data-testid': 'import-notes' }, v.notes.map((n) => warningLine(n))) : null,
      v.rows.length ? table(v) : null,
    ];
    previewBox.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    refreshCreate();
    if (!pending.titleTouched && document.activeElement !== title && v.title) title.value = pending.title = v.title;
    if (!title.placeholder || v.title) title.placeholder = v.title || 'Title of the event';
  }

  async function parse(): Promise<void> {
    const mine = ++generation;
    if (!pending.text.trim()) {
      pending.preview = null;
      paint();
      return;
    }
    try {
      const p = await ctx.ipc.previewAgendaText(pending.text, pending.format, pending.source);
      if (mine !== generation) return;
      pending.preview = p;
      pending.typed = new Map(); // rows may have moved: fixes typed for the old parse go
      paint();
    } catch (e) {
      report(ctx, e);
    }
  }

  function gotoLine(line: number): void {
    const r = lineRange(box.value, line);
    if (!r) return;
    box.focus();
    box.setSelectionRange(r[0], r[1]);
  }

  async function pickFile(): Promise<void> {
    try {
      const path = await ctx.ipc.chooseOpenPath([{ name: 'Agenda', extensions: AGENDA_EXTENSIONS }]);
      if (path) await loadAgendaFile(ctx, path);
    } catch (e) {
      report(ctx, e);
    }
  }

  function clearAll(): void {
    reset();
    box.value = '';
    title.value = '';
    format.value = 'auto';
    paint();
    box.focus();
  }

  async function createEvent(): Promise<void> {
    if (create.disabled) return;
    create.disabled = true;
    const t = title.value.trim() || null;
    const edits = pending.preview && !pending.preview.problem ? rowEdits(previewView(pending.preview), pending.typed) : [];
    try {
      const id = pending.docxPath
        ? await ctx.ipc.importAgendaFile(pending.docxPath, t, edits)
        : await ctx.ipc.importAgendaText(pending.text, pending.format, pending.source, t, edits);
      reset();
      await openEvent(ctx, id);
    } catch (e) {
      create.disabled = false;
      report(ctx, e);
    }
  }

  box.addEventListener('input', () => {
    pending.text = box.value;
    pending.docxPath = null;
    clearTimeout(timer);
    timer = setTimeout(() => void parse(), DEBOUNCE_MS);
  });
  format.addEventListener('change', () => {
    pending.format = format.value;
    void parse();
  });
  // `change` too: clearing the field by other means than typing (an input method, a test
  // driver) must also stop the parsed title from filling it again.
  const titleEdited = () => {
    pending.title = title.value;
    pending.titleTouched = true;
  };
  title.addEventListener('input', titleEdited);
  title.addEventListener('change', titleEdited);

  rerender = () => {
    box.value = pending.text;
    title.value = pending.title;
    format.value = pending.format;
    paint();
  };
  paint();

  return h(
    'section',
    { class: 'import', 'aria-labelledby': 'import-heading' },
    h('h2', { id: 'import-heading' }, 'Import an agenda'),
    h('p', { class: 'muted small', id: 'import-help' }, 'Choose a file (CSV, ICS, DOCX or text), drop one on the window, or paste the agenda below. The rows show as you type.'),
    h('div', { class: 'import-actions' }, chooseFile, clear),
    h('label', { for: 'paste-box', class: 'field-label' }, 'Agenda text'),
    box,
    source,
    h(
      'div',
      { class: 'import-options' },
      h('label', { for: 'import-format' }, 'Read as ', format),
      h('label', { for: 'import-title', class: 'grow' }, 'Event title ', title),
    ),
    previewBox,
    h('div', { class: 'import-actions' }, create),
  );
}
