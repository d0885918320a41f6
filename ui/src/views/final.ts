/**
 * A final event in the window: the banner under the top bar that says so (which version, when,
 * by whom) and how to edit it again, and the test hook that proves the core refuses every write
 * the window can make. The views themselves show read-only (editors, capture, board, agenda and
 * participants); the core refuses the writes whatever the views do (`store::write`).
 */

import * as Y from 'yjs';
import type { AppState } from '../state/app';
import { h } from '../util/dom';
import type { Ctx } from '../controllers/context';

export interface Banner {
  element: HTMLElement;
  update(state: AppState): void;
}

export function finalBanner(ctx: Ctx): Banner {
  const text = h('span', { class: 'final-text' });
  const open = h('button', { class: 'link', id: 'banner-versions', onclick: () => ctx.store.dispatch({ type: 'panel-opened', panel: 'versions' }) }, 'Versions');
  const element = h('div', { class: 'final-banner', role: 'status', 'data-testid': 'final-banner', hidden: true }, h('strong', {}, 'Final — read-only. '), text, ' To edit it again, reopen it in ', open, '.');
  let shown: string | null = null;
  return {
    element,
    update(state) {
      const lock = state.view === 'event' ? state.review.finalLock : null;
      if (lock === shown) return;
      shown = lock;
      element.hidden = lock === null;
      text.textContent = lock ? `This event is locked on version ${lock}; every edit is refused.` : '';
      document.body.classList.toggle('event-final', lock !== null);
    },
  };
}

/**
 * Test hook (WebDriver): `window.rapporteurTest.tryWrites()` makes, through the real ipc, each
 * kind of write the window can make to the open event (a keystroke in the notes, a capture, a
 * board edit, a merge, agenda and participant edits, a version, a restore) and returns what the
 * core answered for each: its error code, or `ok`. On a final event every one must be `final`.
 */
export function installWriteProbe(ctx: Ctx): void {
  const hook = (window as unknown as { rapporteurTest: Record<string, unknown> }).rapporteurTest;
  hook.tryWrites = async () => {
    const st = ctx.store.state;
    const eventId = st.eventId;
    if (!eventId || !st.agenda) throw new Error('open an event first');
    const session = st.agenda.days.flatMap((d) => d.sessions)[0];
    const day = st.agenda.days[0];
    const outcome = st.outcomes.find((r) => !r.carried_from)?.outcome.id ?? 'none';
    const other = st.outcomes.find((r) => !r.carried_from && r.outcome.id !== outcome)?.outcome.id ?? 'none';
    const person = st.participants[0]?.id ?? 'none';
    const version = st.review.versions[0]?.id ?? 'none';
    const keystroke = () => {
      const doc = new Y.Doc();
      let update: Uint8Array = new Uint8Array(0);
      doc.on('update', (u: Uint8Array) => (update = u));
      doc.getText('notes').insert(0, 'typed after the lock');
      return ctx.ipc.applyUpdate(eventId, session.id, update);
    };
    const writes: [string, () => Promise<unknown>][] = [
      ['keystroke', keystroke],
      ['capture', () => ctx.ipc.captureOutcome(eventId, session.id, 'decision', 'Captured after the lock', 'desktop')],
      ['board', () => ctx.ipc.editOutcome(eventId, outcome, [{ field: 'status', value: 'agreed' }])],
      ['merge', () => ctx.ipc.mergeOutcomes(eventId, outcome, [other])],
      ['agenda', () => ctx.ipc.setSessionField(eventId, session.id, 'title', 'Renamed after the lock')],
      ['agenda-add', () => ctx.ipc.addSession(eventId, day.id, null, 'Added after the lock')],
      ['participant', () => ctx.ipc.addParticipant(eventId, { name: 'Late Person', entity: 'FAO', handle: 'late', role: '' })],
      ['participant-edit', () => ctx.ipc.editParticipant(eventId, person, 'name', 'Renamed')],
      ['version', () => ctx.ipc.saveVersion(eventId, 'After the lock', null)],
      ['circulate', () => ctx.ipc.circulate(eventId, '', null)],
      ['restore', () => ctx.ipc.restoreVersion(eventId, version, null)],
    ];
    const out: Record<string, string> = {};
    for (const [name, write] of writes) {
      try {
        await write();
        out[name] = 'ok';
      } catch (e) {
        out[name] = (e as { code?: string }).code ?? String(e);
      }
    }
    return out;
  };
}

/**
 * Shows a view read-only: every form control under `root` is disabled, except those matching
 * `keep` (filters, navigation), so nothing the view offers can try to write.
 */
export function readOnly(root: HTMLElement, keep = ''): void {
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea, button')) {
    if (keep && el.matches(keep)) continue;
    el.disabled = true;
  }
}
