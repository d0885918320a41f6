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
import { createTextEditor } from '../editor/text-editor';
import { Saver, statusLabel } from '../editor/saver';
import { currentTime, type AppState } from '../state/app';
import { h } from '../util/dom';
import { report, type Ctx } from './context';
import { sessionReady } from '../bench';

/** The origin of updates that came from the core, so they are not sent back. */
const FROM_CORE = Symbol('from-core');

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
  const outcomeList = h('ul', { class: 'outcome-list', 'aria-label': 'Outcomes of this session' });

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
      h('section', { class: 'pane-block' }, h('h2', { id: 'notes-label' }, 'Notes'), notesHost),
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
  const saver = new Saver({
    send: (u) => ctx.ipc.applyUpdate(eventId, sessionId, u),
    onStatus: (st) => ctx.store.dispatch({ type: 'save-status', status: st }),
  });
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_CORE) saver.push(update);
  });
  let disposed = false;
  const editors: { destroy(): void }[] = [];
  let unlisten: (() => void) | null = null;

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
        createTextEditor({ parent: notesHost, text: ydoc.getText('notes'), labelledBy: 'notes-label', placeholder: 'Type the notes of this session (Markdown). @FAO tags a speaker.', testId: 'notes-editor' }),
        createTextEditor({ parent: summaryHost, text: ydoc.getText('summary'), labelledBy: 'summary-label', placeholder: 'The summary that goes into the draft conclusions.', testId: 'summary-editor' }),
      );
      status.textContent = statusLabel(ctx.store.state.save);
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

  const kindLabel: Record<OutcomeKind, string> = { recommendation: 'Recommendation', conclusion: 'Conclusion', decision: 'Decision', action: 'Action' };
  let shownOutcomes: unknown = null;
  return {
    update(state) {
      if (ydoc.getText('notes') && editors.length) status.textContent = statusLabel(state.save);
      status.dataset.state = state.save.state;
      const t = sessionTiming(agenda, sessionId, currentTime(state));
      timer.textContent =
        t.state === 'running' ? `· running, ${formatMinutes(t.left)} left` : t.state === 'upcoming' ? `· starts in ${formatMinutes(t.startsIn)}` : t.state === 'ended' ? '· ended' : '';
      timer.dataset.state = t.state;
      if (state.outcomes !== shownOutcomes) {
        shownOutcomes = state.outcomes;
        outcomeList.replaceChildren(
          ...state.outcomes
            .filter((r) => r.outcome.session_id === sessionId)
            .map((r) => {
              const kind = shown(r.outcome.kind, 'conclusion') as OutcomeKind;
              return h('li', { class: `outcome kind-${kind}` }, h('span', { class: 'outcome-kind' }, kindLabel[kind] ?? kind), ' ', r.outcome.text);
            }),
        );
      }
    },
    dispose() {
      disposed = true;
      window.removeEventListener('keydown', onShortcut);
      unlisten?.();
      editors.forEach((e) => e.destroy());
      ydoc.destroy();
    },
  };
}
