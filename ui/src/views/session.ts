/**
 * The session view: title, time and timer, methodology banner, moderators; the Notes and
 * Summary editors bound to the session's Y.Doc; quick capture of outcomes.
 *
 * The Y.Doc starts from the core's full state (`get_session_state`). Every update it makes
 * locally goes to the core (`apply_update`) through a {@link Saver}, and the indicator says
 * "Saved" only once the core has acknowledged the commit. Changes committed elsewhere (a peer,
 * the CLI) arrive as `doc-changed`; the view then asks for what its doc is missing.
 */

import * as Y from 'yjs';
import { findSession, formatMinutes, sessionRef, sessionTiming, shown, timeRange } from '../agenda/model';
import { parseCapture, PREFIXES, type OutcomeKind } from '../capture/prefix';
import { capturedOnLine, isNotesAnchor, resolveSource, sourceAt } from '../capture/anchor';
import { captureKeys, CAPTURE_SHORTCUTS, type CaptureRequest } from '../editor/capture-keys';
import { mentions } from '../editor/mentions';
import { createTextEditor } from '../editor/text-editor';
import { EditorSelection } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { renderConflicts } from './conflict';
import { outcomesChanged } from './context';
import { Saver, statusLabel } from '../editor/saver';
import { currentTime, isFinal, type AppState } from '../state/app';
import { isAppError } from '../ipc';
import { h } from '../util/dom';
import { report, type Ctx } from './context';
import { sessionReady } from '../bench';

/** The origin of updates that came from the core, so they are not sent back. */
const FROM_CORE = Symbol('from-core');

/** The last source jump shown (jumps are numbered), so a remount does not show it again. */
let handledJump = 0;

export interface MountedSession {
  update(state: AppState): void;
  dispose(): void;
}

export function mountSession(ctx: Ctx, pane: HTMLElement, eventId: string, sessionId: string): MountedSession {
  const agenda = ctx.store.state.agenda!;
  const s = findSession(agenda, sessionId)!;
  const ref = sessionRef(agenda, sessionId) ?? '';
  const title = shown(s.title, '') || 'Untitled session';
  const status = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'save-status' }, 'Loading…');
  const timer = h('span', { class: 'timer', 'data-testid': 'timer' });
  const notesHost = h('div', { class: 'editor editor-notes' });
  const summaryHost = h('div', { class: 'editor editor-summary' });
  const captureInput = h('input', {
    id: 'capture-input',
    type: 'text',
    class: 'capture-input',
    placeholder: 'REC: … · CONCL: … · DECISION: … · ACTION: …',
    'aria-describedby': 'capture-hint',
    autocomplete: 'off',
  });
  const outcomeList = h('ul', { class: 'outcome-list', 'aria-label': 'Outcomes of this session', 'data-testid': 'session-outcomes' });
  const captureNote = h('p', { class: 'capture-note small', role: 'status', 'aria-live': 'polite', 'data-testid': 'capture-note' }, '');
  const kindLabel: Record<OutcomeKind, string> = { recommendation: 'Recommendation', conclusion: 'Conclusion', decision: 'Decision', action: 'Action' };
  // A final event shows read-only (the core refuses its writes anyway); the view is mounted
  // again when the lock changes.
  const locked = isFinal(ctx.store.state);
  if (locked) (captureInput as HTMLInputElement).disabled = true;

  pane.replaceChildren(
    h(
      'article',
      { class: 'session', 'aria-labelledby': 'session-title' },
      h(
        'header',
        { class: 'session-head' },
        h('div', {}, h('p', { class: 'session-ref' }, `Session ${ref}`, ' · ', h('span', { class: 'session-time' }, timeRange(s)), ' ', timer), h('h1', { id: 'session-title' }, title), s.moderators ? h('p', { class: 'moderators' }, h('span', { class: 'muted' }, 'Moderators: '), s.moderators) : null),
        status,
      ),
      s.methodology ? h('div', { class: 'banner', role: 'note' }, h('strong', {}, 'Methodology'), ' ', s.methodology) : null,
      s.description ? h('p', { class: 'description' }, s.description) : null,
      h(
        'section',
        { class: 'pane-block' },
        h('h2', { id: 'notes-label' }, 'Notes'),
        h('p', { class: 'muted small', id: 'notes-capture-hint' }, 'Capture the line or selection: ', CAPTURE_SHORTCUTS.map((c, i) => [i ? ' · ' : '', h('kbd', {}, c.keys), ` ${kindLabel[c.kind]}`]).flat(), ' — or start a line with REC: CONCL: DECISION: ACTION: and press Enter. @ completes speakers.'),
        notesHost,
        captureNote,
      ),
      h('section', { class: 'pane-block' }, h('h2', { id: 'summary-label' }, 'Summary'), summaryHost),
      h(
        'section',
        { class: 'pane-block' },
        h('h2', {}, h('label', { for: 'capture-input' }, 'Capture an outcome')),
        captureInput,
        h('p', { class: 'muted small', id: 'capture-hint' }, 'Start with a prefix and press Enter. Alt+R, Alt+C, Alt+D, Alt+A insert one.'),
        outcomeList,
      ),
    ),
  );

  const ydoc = new Y.Doc();
  // Present in this session's document (others see the caret) until the view goes.
  const hub = ctx.presence?.hub() ?? null;
  const awareness = hub?.enter(sessionId);
  const saver = new Saver({
    send: (u) => ctx.ipc.applyUpdate(eventId, sessionId, u),
    onStatus: (st) => ctx.store.dispatch({ type: 'save-status', status: st }),
    permanent: (e) => isAppError(e) && e.code === 'final',
  });
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_CORE) saver.push(update);
  });
  let disposed = false;
  const editors: { destroy(): void }[] = [];
  let unlisten: (() => void) | null = null;
  let notesView: EditorView | null = null;
  /** Line starts (as anchors) captured but not yet in the outcome list. */
  const pending: string[] = [];

  const anchors = () =>
    [...ctx.store.state.outcomes.filter((r) => r.outcome.session_id === sessionId).map((r) => r.outcome.source), ...pending].map((src) =>
      resolveSource(src, ydoc),
    );

  const captureFromNotes = async (r: CaptureRequest) => {
    const notes = ydoc.getText('notes');
    if (r.byPrefix && capturedOnLine(r.from, r.to, anchors())) return;
    const source = sourceAt(notes, r.from);
    pending.push(source);
    captureNote.textContent = `Capturing ${kindLabel[r.kind].toLowerCase()}…`;
    try {
      await ctx.ipc.captureOutcome(eventId, sessionId, r.kind, r.text, source);
      captureNote.textContent = `Captured as ${kindLabel[r.kind].toLowerCase()}: ${r.text}`;
      await outcomesChanged(ctx);
    } catch (e) {
      captureNote.textContent = 'Not captured';
      report(ctx, e);
    } finally {
      pending.splice(pending.indexOf(source), 1);
    }
  };

  /** Shows the source a jump asks for, once, when it is for this session. */
  const takeJump = (state: AppState) => {
    const j = state.jump;
    if (!j || j.n <= handledJump || j.sessionId !== sessionId || !editors.length) return;
    handledJump = j.n;
    showSource(j.source);
  };

  const showSource = (source: string) => {
    const at = resolveSource(source, ydoc);
    if (at === null || !notesView) {
      captureNote.textContent = 'The place this came from is not in these notes any more.';
      return;
    }
    const line = notesView.state.doc.lineAt(Math.min(at, notesView.state.doc.length));
    notesView.dispatch({ selection: EditorSelection.range(line.from, line.to), scrollIntoView: true });
    notesView.focus();
  };

  const catchUp = async () => {
    const st = await ctx.ipc.getSessionState(eventId, sessionId, Y.encodeStateVector(ydoc));
    if (!disposed) Y.applyUpdate(ydoc, st.update, FROM_CORE);
  };

  void (async () => {
    try {
      const st = await ctx.ipc.getSessionState(eventId, sessionId);
      if (disposed) return;
      Y.applyUpdate(ydoc, st.update, FROM_CORE);
      editors.push(
        (notesView = createTextEditor({
          parent: notesHost,
          text: ydoc.getText('notes'),
          labelledBy: 'notes-label',
          placeholder: 'Type the notes of this session (Markdown). @FAO tags a speaker.',
          testId: 'notes-editor',
          awareness,
          readOnly: locked,
          extra: [captureKeys((r) => void captureFromNotes(r), () => (captureNote.textContent = 'Nothing to capture on this line.')), mentions(() => ctx.store.state.participants)],
        })),
        createTextEditor({ parent: summaryHost, text: ydoc.getText('summary'), labelledBy: 'summary-label', placeholder: 'The summary that goes into the draft conclusions.', testId: 'summary-editor', awareness, readOnly: locked }),
      );
      status.textContent = statusLabel(ctx.store.state.save);
      takeJump(ctx.store.state);
      sessionReady(ctx); // the benchmark hook: a no-op unless bench/desktop.sh started us
      const off = await ctx.ipc.onDocChanged((c) => {
        if (c.docId === sessionId && c.origin !== 'local') catchUp().catch((e) => report(ctx, e));
      });
      if (disposed) off();
      else unlisten = off;
    } catch (e) {
      status.textContent = 'Could not load this session';
      report(ctx, e);
    }
  })();

  const capture = async () => {
    const parsed = parseCapture(captureInput.value);
    if (!parsed) {
      captureInput.setAttribute('aria-invalid', 'true');
      return;
    }
    captureInput.removeAttribute('aria-invalid');
    try {
      await ctx.ipc.addOutcome(eventId, sessionId, parsed.kind, parsed.text);
      captureInput.value = '';
      ctx.store.dispatch({ type: 'outcomes-loaded', outcomes: await ctx.ipc.listOutcomes(eventId) });
    } catch (e) {
      report(ctx, e);
    }
  };
  captureInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void capture();
    }
  });
  const onShortcut = (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const p = PREFIXES.find((x) => x.key === e.key.toLowerCase());
    if (!p) return;
    e.preventDefault();
    const rest = captureInput.value.replace(/^\s*[A-Za-z]+:\s*/, '');
    captureInput.value = `${p.prefix} ${rest}`;
    captureInput.focus();
  };
  window.addEventListener('keydown', onShortcut);

  let shownOutcomes: unknown = null;
  let seenTouched = ctx.store.state.touched;
  return {
    update(state) {
      if (ydoc.getText('notes') && editors.length) status.textContent = statusLabel(state.save);
      status.dataset.state = state.save.state;
      const t = sessionTiming(agenda, sessionId, currentTime(state));
      timer.textContent =
        t.state === 'running' ? `· running, ${formatMinutes(t.left)} left` : t.state === 'upcoming' ? `· starts in ${formatMinutes(t.startsIn)}` : t.state === 'ended' ? '· ended' : '';
      timer.dataset.state = t.state;
      if (state.touched !== seenTouched) {
        seenTouched = state.touched;
        catchUp().catch((e) => report(ctx, e));
      }
      takeJump(state);
      if (state.outcomes !== shownOutcomes) {
        shownOutcomes = state.outcomes;
        outcomeList.replaceChildren(
          ...state.outcomes
            .filter((r) => r.outcome.session_id === sessionId)
            .map((r) => {
              const o = r.outcome;
              const kind = (o.kind.values.length > 1 ? 'conflict' : shown(o.kind, 'conclusion')) as OutcomeKind;
              return h(
                'li',
                { class: `outcome kind-${kind}`, 'data-id': o.id },
                h('span', { class: 'outcome-kind' }, kindLabel[kind] ?? 'Kind in conflict'),
                ' ',
                h('span', { class: 'outcome-text' }, o.text),
                ' ',
                isNotesAnchor(o.source) ? h('button', { class: 'link', onclick: () => showSource(o.source), 'aria-label': `Show where “${o.text.slice(0, 40)}” came from in the notes` }, 'Source') : null,
                h('button', { class: 'link edit', onclick: () => ctx.store.dispatch({ type: 'outcome-panel', outcomeId: o.id }) }, 'Edit'),
                renderConflicts(ctx, o),
              );
            }),
        );
      }
    },
    dispose() {
      disposed = true;
      window.removeEventListener('keydown', onShortcut);
      unlisten?.();
      editors.forEach((e) => e.destroy());
      hub?.leave(sessionId);
      ydoc.destroy();
    },
  };
}
