/**
 * Importing a list of participants on the Participants view: *Import list…* (the native open
 * dialog: XLSX, CSV, DOCX or text) or *Paste a list* (text copied from a PDF or a web page).
 * The core reads the list and says what importing it would do — who is added with which
 * `@` handle, who is already here and merged, which rows are skipped, with the warnings next
 * to the people they concern — and nothing is written until *Import*. Each step is one core
 * call; the list then refreshes from the core's change notice.
 */

import { actionLabel, applyLabel, LIST_EXTENSIONS, planSummary, warningsAt, type ImportPlan } from '../participants/model';
import { h } from '../util/dom';
import { report, type Ctx } from '../controllers/context';

/** The last part of a path ("pasted text" stays as it is). */
function fileName(source: string): string {
  return source.split(/[\\/]/).pop() || source;
}

/** Where the list comes from: a file's path, or pasted text. */
type Source = { path: string } | { text: string };

export function mountParticipantImport(ctx: Ctx, eventId: string, onImported: (summary: string) => void): HTMLElement {
  const paste = h('textarea', {
    id: 'participant-paste',
    class: 'paste-box',
    rows: 6,
    spellcheck: 'false',
    hidden: true,
    'aria-label': 'A list of participants pasted from a PDF, a web page or a spreadsheet',
    placeholder: 'Ms. Ana Ruiz, Director, United Nations University (UNU)\nH.E. Mr. Li Wei, Ambassador, Permanent Mission of China',
  });
  const previewPaste = h('button', { type: 'button', id: 'participant-paste-preview', hidden: true }, 'Preview');
  const preview = h('div', { class: 'import-preview participant-import-preview', id: 'participant-import-preview', 'data-testid': 'participant-import-preview', 'aria-live': 'polite' });
  let pending: { source: Source; plan: ImportPlan } | null = null;

  const show = async (source: Source) => {
    try {
      const plan = await ctx.ipc.previewParticipantList(eventId, source);
      pending = { source, plan };
      paint();
    } catch (e) {
      pending = null;
      preview.replaceChildren(h('p', { class: 'import-summary is-error', role: 'alert', 'data-testid': 'participant-import-summary' }, (e as { message?: string }).message ?? String(e)));
    }
  };

  const pickFile = async () => {
    try {
      const path = await ctx.ipc.chooseParticipantList([{ name: 'Lists of participants', extensions: LIST_EXTENSIONS }]);
      if (path) await show({ path });
    } catch (e) {
      report(ctx, e);
    }
  };

  const apply = async () => {
    if (!pending) return;
    try {
      const done = await ctx.ipc.importParticipantList(eventId, pending.source);
      pending = null;
      preview.replaceChildren();
      paste.value = '';
      onImported(`Imported: ${planSummary(done, true)}.`);
    } catch (e) {
      report(ctx, e);
    }
  };

  const cancel = () => {
    pending = null;
    preview.replaceChildren();
  };

  function paint(): void {
    if (!pending) return;
    const plan = pending.plan;
    const rows = plan.people.map((p) => {
      const warnings = warningsAt(plan, p.person.line);
      return h(
        'tr',
        { class: `plan-${p.action}`, 'data-line': p.person.line },
        h('td', { class: 'muted small' }, String(p.person.line)),
        h('td', { class: 'nowrap' }, p.person.title),
        h('td', {}, p.person.name),
        h('td', { title: p.person.organisation }, p.person.entity),
        h('td', {}, p.person.position),
        h('td', {}, p.person.email),
        h('td', {}, h('span', { class: 'plan-action' }, actionLabel(p)), warnings.map((w) => h('p', { class: 'plan-warning small', role: 'note' }, `⚠ ${w}`))),
      );
    });
    const lines = new Set(plan.people.map((p) => p.person.line));
    const loose = plan.warnings.filter((w) => !lines.has(w.line));
    const parts: (HTMLElement | null)[] = [
      h('p', { class: 'import-summary', 'data-testid': 'participant-import-summary', title: plan.source }, `${fileName(plan.source)}: ${planSummary(plan)}`),
      h(
        'div',
        { class: 'plan-buttons' },
        h('button', { type: 'button', class: 'primary', id: 'participant-import-apply', disabled: applyLabel(plan) === 'Nothing to import', onclick: () => void apply() }, applyLabel(plan)),
        h('button', { type: 'button', id: 'participant-import-cancel', onclick: cancel }, 'Cancel'),
      ),
      h(
        'div',
        { class: 'plan-scroll' },
        h(
          'table',
          { class: 'people plan', 'aria-label': 'What the import would do' },
          h('thead', {}, h('tr', {}, ['Line', 'Title', 'Name', 'Entity', 'Position', 'E-mail', 'What happens'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, rows),
        ),
      ),
      loose.length ? h('ul', { class: 'plan-warnings' }, loose.map((w) => h('li', { class: 'plan-warning small' }, `⚠ line ${w.line}: ${w.message}`))) : null,
      plan.skipped_rows.length
        ? h(
            'details',
            { class: 'plan-skipped' },
            h('summary', { class: 'small' }, `Skipped rows (${plan.skipped_rows.length}): headings, page numbers, rows without a name`),
            h('ul', { class: 'small muted' }, plan.skipped_rows.map((s) => h('li', {}, `line ${s.line} (${s.why}): ${s.text}`))),
          )
        : null,
    ];
    preview.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  const togglePaste = () => {
    const open = paste.hidden;
    paste.hidden = !open;
    previewPaste.hidden = !open;
    if (open) paste.focus();
  };
  previewPaste.addEventListener('click', () => void show({ text: paste.value }));

  return h(
    'section',
    { class: 'participant-import', 'aria-labelledby': 'participant-import-title' },
    h('h2', { id: 'participant-import-title' }, 'Import a list'),
    h('p', { class: 'muted small' }, 'A spreadsheet, a CSV, a table in a Word file, or text pasted from a PDF or a web page. Nothing changes until you import.'),
    h(
      'div',
      { class: 'plan-buttons' },
      h('button', { type: 'button', id: 'import-participants', onclick: () => void pickFile() }, 'Import list…'),
      h('button', { type: 'button', id: 'paste-participants', onclick: togglePaste }, 'Paste a list'),
    ),
    paste,
    previewPaste,
    preview,
  );
}
