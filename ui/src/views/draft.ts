/**
 * The Draft view: the compiled draft conclusions as the core renders them, the attribution
 * switch, the compile report (each warning jumps to its session or paragraph), export through
 * the native save dialog, and Print / PDF.
 *
 * The preview is the core's sanitised HTML page shown in an iframe sandboxed *without*
 * `allow-scripts`, so nothing in it can run even if something slipped through the core's
 * escaping and ammonia pass. `allow-same-origin` lets this view scroll to a paragraph and print
 * the frame (`allow-modals` is what `print()` needs); without scripts the frame cannot use it.
 */

import { ATTRIBUTIONS, EXPORT_FORMATS, defaultFileName, formatBytes, reportView, withExtension, type DraftPreview, type ExportFormat } from '../draft/model';
import { h } from '../util/dom';
import { errorMessage } from '../util/error';
import { report, type Ctx, type Mounted } from '../controllers/context';

/** How long the draft waits for changes to settle before compiling again. */
const REFRESH_DELAY_MS = 800;

export function mountDraft(ctx: Ctx, pane: HTMLElement, eventId: string): Mounted {
  const frame = h('iframe', {
    class: 'draft-frame',
    title: 'Draft conclusions preview',
    sandbox: 'allow-same-origin allow-modals',
    'data-testid': 'draft-frame',
  });
  const status = h('p', { class: 'draft-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'draft-status' });
  const progress = h('progress', { class: 'draft-progress', hidden: true, 'aria-label': 'Export in progress' });
  const reportBox = h('aside', { class: 'draft-report', 'aria-labelledby': 'report-title', 'data-testid': 'draft-report' });
  const pdfNote = h('p', { class: 'muted small', hidden: true, id: 'pdf-note' });
  const radios = ATTRIBUTIONS.map((a) =>
    h(
      'label',
      { class: 'attribution-choice', title: a.hint },
      h('input', {
        type: 'radio',
        name: 'attribution',
        value: a.value,
        'data-testid': `attribution-${a.value}`,
        checked: ctx.store.state.attribution === a.value,
        onchange: () => ctx.store.dispatch({ type: 'attribution-set', attribution: a.value }),
      }),
      ' ',
      a.label,
    ),
  );
  const exportButtons = EXPORT_FORMATS.map((f) =>
    h('button', { class: 'export', 'data-format': f.format, id: `export-${f.format}`, onclick: () => void exportAs(f.format) }, f.format === 'pdf' ? 'Export PDF' : `Export ${f.label}`),
  );
  const printButton = h('button', { id: 'print-draft', onclick: () => printDraft() }, 'Print…');
  const refreshButton = h('button', { id: 'refresh-draft', onclick: () => void load() }, 'Refresh');

  pane.replaceChildren(
    h(
      'section',
      { class: 'draft', 'aria-labelledby': 'draft-title' },
      h(
        'header',
        { class: 'draft-head' },
        h('h1', { id: 'draft-title' }, 'Draft conclusions'),
        h('fieldset', { class: 'attribution' }, h('legend', {}, 'Attribution'), radios),
        h('div', { class: 'draft-actions', role: 'group', 'aria-label': 'Export and print' }, exportButtons, printButton, refreshButton),
      ),
      h('div', { class: 'draft-statusline' }, progress, status, pdfNote),
      h('div', { class: 'draft-body' }, frame, reportBox),
    ),
  );

  let disposed = false;
  let busy = false;
  let shownAttribution = ctx.store.state.attribution;
  let preview: DraftPreview | null = null;
  let generation = 0;

  const setBusy = (on: boolean, text: string) => {
    busy = on;
    progress.hidden = !on;
    status.textContent = text;
    status.dataset.state = on ? 'busy' : 'idle';
    for (const b of exportButtons) b.disabled = on || (b.dataset.format === 'pdf' && !preview?.pdf_available);
  };

  async function load(): Promise<void> {
    const mine = ++generation;
    const attribution = ctx.store.state.attribution;
    status.textContent = 'Compiling…';
    try {
      const p = await ctx.ipc.draftPreview(eventId, attribution);
      if (disposed || mine !== generation) return;
      preview = p;
      frame.srcdoc = p.html;
      frame.dataset.attribution = attribution;
      renderReport(p);
      pdfNote.hidden = p.pdf_available;
      pdfNote.textContent = p.pdf_available ? '' : 'PDF export needs LibreOffice (soffice), which is not installed. Use Print… and choose “Print to File” instead.';
      setBusy(false, `Compiled with ${ATTRIBUTIONS.find((a) => a.value === attribution)?.label.toLowerCase()} attribution.`);
    } catch (e) {
      if (disposed) return;
      status.textContent = 'Could not compile the draft.';
      report(ctx, e);
    }
  }

  function renderReport(p: DraftPreview): void {
    const outcomes = ctx.store.state.outcomes;
    const v = reportView(p.report, (id) => outcomes.find((r) => r.outcome.id === id)?.outcome.session_id ?? null);
    reportBox.replaceChildren(
      h('h2', { id: 'report-title' }, 'Compile report'),
      h('dl', { class: 'report-counts' }, v.counts.flatMap((c) => [h('dt', {}, c.label), h('dd', {}, String(c.value))])),
      h('p', { class: 'report-summary' }, v.summary),
      h(
        'ul',
        { class: 'report-warnings', 'aria-label': 'Warnings' },
        v.items.map((item) => {
          const jump = item.sessionId
            ? () => ctx.store.dispatch({ type: 'session-opened', sessionId: item.sessionId! })
            : item.paragraphId
              ? () => scrollToParagraph(item.paragraphId!)
              : null;
          const body = [h('span', { class: 'warning-code' }, item.label), ' ', h('span', {}, item.message)];
          return h(
            'li',
            { class: 'report-warning', 'data-code': item.code },
            jump
              ? h('button', { class: 'warning-jump', 'data-session-id': item.sessionId ?? undefined, onclick: jump, title: item.sessionId ? 'Open the session' : 'Show the paragraph' }, body)
              : h('div', { class: 'warning-text' }, body),
          );
        }),
      ),
    );
  }

  function scrollToParagraph(id: string): void {
    const target = frame.contentDocument?.getElementById(`p-${id}`);
    if (target) target.scrollIntoView({ block: 'center' });
    else status.textContent = `Paragraph ${id} is not in the preview.`;
  }

  async function exportAs(format: ExportFormat): Promise<void> {
    if (busy) return;
    const f = EXPORT_FORMATS.find((x) => x.format === format)!;
    const title = ctx.store.state.agenda?.info.title ?? '';
    let path: string | null;
    try {
      path = await ctx.ipc.chooseSavePath(defaultFileName(title, format), [{ name: f.filter, extensions: f.extensions }]);
    } catch (e) {
      status.textContent = 'The save dialog could not open.';
      report(ctx, e);
      return;
    }
    if (!path) {
      status.textContent = 'Export cancelled.';
      return;
    }
    const target = withExtension(path, format);
    setBusy(true, `Exporting ${f.label} to ${target}…`);
    try {
      const r = await ctx.ipc.exportDraft(eventId, ctx.store.state.attribution, target);
      setBusy(false, `Saved ${f.label} to ${r.path} (${formatBytes(r.bytes)}).`);
      status.dataset.state = 'done';
    } catch (e) {
      setBusy(false, `Export failed: ${errorMessage(e)}`);
      status.dataset.state = 'error';
      report(ctx, e);
    }
  }

  function printDraft(): void {
    const win = frame.contentWindow;
    if (!win || !preview) {
      status.textContent = 'Nothing to print yet.';
      return;
    }
    try {
      win.focus();
      win.print();
    } catch (e) {
      status.textContent = 'Printing is not available here; export HTML or DOCX and print that.';
      report(ctx, e);
    }
  }

  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let seenChange = ctx.store.state.change;
  void load();

  return {
    update(state) {
      if (state.attribution !== shownAttribution) {
        shownAttribution = state.attribution;
        void load();
      }
      // Anything that changed in the event (here or elsewhere) compiles the draft again, once
      // the changes have settled.
      if (state.change !== seenChange) {
        seenChange = state.change;
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(() => void load(), REFRESH_DELAY_MS);
      }
    },
    dispose() {
      disposed = true;
      clearTimeout(refreshTimer);
    },
  };
}
