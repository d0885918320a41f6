/**
 * The session view: title, time and timer, methodology banner, moderators; the Notes and
 * Summary editors bound to the session's Y.Doc; quick capture of outcomes. What it draws is
 * in `session-render.ts`; this module does what its controls ask (the core's calls, the
 * Y.Doc, the editors) and keeps it up to date from the state.
 *
 * The Y.Doc starts from the core's full state (`get_session_state`). Every update it makes
 * locally goes to the core (`apply_update`) through a {@link Saver}, and the indicator says
 * "Saved" only once the core has acknowledged the commit. Every other change to the session's
 * document (a peer, the CLI, this window's own captures) arrives as `doc-changed` in the
 * state (`change`); the view then asks for what its doc is missing.
 */

import * as Y from 'yjs';
import { sessionTiming } from '../agenda/model';
import { parseCapture, PREFIXES } from '../capture/prefix';
import { capturedOnLine, resolveSource, sourceAt } from '../capture/anchor';
import { captureKeys, type CaptureRequest } from '../editor/capture-keys';
import { mentions } from '../editor/mentions';
import { createTextEditor } from '../editor/text-editor';
import { EditorSelection } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { renderConflicts } from './conflict';
import { KIND_LABEL } from '../outcomes/model';
import { Saver, statusLabel } from '../editor/saver';
import { currentTime, isFinal, type AppState } from '../state/app';
import { toAppError } from '../util/error';
import { report, type Ctx, type Mounted } from '../controllers/context';
import { paintSessionAbout, paintTimer, renderOutcomeItem, renderSession } from './session-render';
import { sessionReady } from '../bench';

/** Where an outcome typed in the capture box came from (it points at no place in the notes). */
const CAPTURE_BOX_SOURCE = 'desktop';

/** The origin of updates that came from the core, so they are not sent back. */
const FROM_CORE = Symbol('from-core');

/** The last source jump shown (jumps are numbered), so a remount does not show it again. */
let handledJump = 0;

export function mountSession(ctx: Ctx, pane: HTMLElement, eventId: string, sessionId: string): Mounted {
  let agenda = ctx.store.state.agenda!;
  const parts = renderSession();
  const { status, timer, notesHost, summaryHost, captureInput, outcomeList, captureNote } = parts;
  const kindLabel = KIND_LABEL;
  const paintAbout = () => paintSessionAbout(parts, agenda, sessionId);
  paintAbout();
  // A final event shows read-only (the core refuses its writes anyway); the view is mounted
  // again when the lock changes.
  const locked = isFinal(ctx.store.state);
  if (locked) (captureInput as HTMLInputElement).disabled = true;
  pane.replaceChildren(parts.article);

  const ydoc = new Y.Doc();
  // Present in this session's document (others see the caret) until the view goes.
  const hub = ctx.presence?.hub() ?? null;
  const awareness = hub?.enter(sessionId);
  const saver = new Saver({
    send: (u) => ctx.ipc.applyUpdate(eventId, sessionId, u),
    onStatus: (st) => ctx.store.dispatch({ type: 'save-status', status: st }),
    permanent: (e) => toAppError(e).code === 'final',
  });
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_CORE) saver.push(update);
  });
  let disposed = false;
  const editors: { destroy(): void }[] = [];
  /** The last change of the state this view has caught up with. */
  let seenChange = ctx.store.state.change;
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
    // Pending until the outcome list (read again when the core reports the capture) has it.
    pending.push(source);
    captureNote.textContent = `Capturing ${kindLabel[r.kind].toLowerCase()}…`;
    try {
      await ctx.ipc.captureOutcome(eventId, sessionId, r.kind, r.text, source);
      captureNote.textContent = `Captured as ${kindLabel[r.kind].toLowerCase()}: ${r.text}`;
    } catch (e) {
      pending.splice(pending.indexOf(source), 1);
      captureNote.textContent = 'Not captured';
      report(ctx, e);
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
      // What changed between the first read and now.
      if (ctx.store.state.change !== seenChange) await catchUp();
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
      await ctx.ipc.captureOutcome(eventId, sessionId, parsed.kind, parsed.text, CAPTURE_BOX_SOURCE);
      captureInput.value = '';
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
  // Alt+R / C / D / A put a prefix in the capture box, while this view is open.
  const shortcuts = PREFIXES.map((p) =>
    ctx.shortcuts.add({ key: p.key, alt: true }, () => {
      const rest = captureInput.value.replace(/^\s*[A-Za-z]+:\s*/, '');
      captureInput.value = `${p.prefix} ${rest}`;
      captureInput.focus();
    }),
  );

  let shownOutcomes: unknown = null;
  return {
    update(state) {
      if (state.agenda && state.agenda !== agenda) {
        agenda = state.agenda;
        paintAbout();
      }
      if (ydoc.getText('notes') && editors.length) status.textContent = statusLabel(state.save);
      status.dataset.state = state.save.state;
      paintTimer(timer, sessionTiming(agenda, sessionId, currentTime(state)));
      if (state.change !== seenChange && editors.length) {
        seenChange = state.change;
        if (state.change?.docId === sessionId) catchUp().catch((e) => report(ctx, e));
      }
      takeJump(state);
      if (state.outcomes !== shownOutcomes) {
        shownOutcomes = state.outcomes;
        const listed = new Set(state.outcomes.map((r) => r.outcome.source));
        for (let i = pending.length - 1; i >= 0; i--) if (listed.has(pending[i])) pending.splice(i, 1);
        const mine = state.outcomes.filter((r) => r.outcome.session_id === sessionId);
        outcomeList.replaceChildren(
          ...mine.map((r) =>
            renderOutcomeItem(r.outcome, {
              showSource: () => showSource(r.outcome.source),
              edit: () => ctx.store.dispatch({ type: 'outcome-panel', outcomeId: r.outcome.id }),
              conflicts: renderConflicts(ctx, r.outcome),
            }),
          ),
        );
      }
    },
    dispose() {
      disposed = true;
      shortcuts.forEach((off) => off());
      editors.forEach((e) => e.destroy());
      hub?.leave(sessionId);
      ydoc.destroy();
    },
  };
}
