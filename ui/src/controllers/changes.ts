/**
 * The one way views learn that the core changed something: `doc-changed`. The core tells the
 * window about every committed change except its editors' keystrokes (which its Y.Doc already
 * has): a peer's, a bundle's, the CLI's in another terminal, and the window's own commands
 * (capture, the board, agenda and participants editing). For the open event, each change is put
 * in the state (`change`, so the session view catches its Y.Doc up and the draft recompiles),
 * and the lists the views render from are read again: the outcomes on any change, the agenda
 * and the participants (and the versions and the lock: a finalize from the CLI or a peer makes
 * the window read-only) when the event's own document changed. Reloads that arrive together
 * are folded into one.
 */

import type { Ctx } from './context';
import { report, reviewChanged } from './context';

/** How long to wait for more changes before reading the lists again. */
export const RELOAD_DELAY_MS = 100;

export async function followChanges(ctx: Ctx): Promise<() => void> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let eventDoc = false;
  const reload = async () => {
    timer = null;
    const eventId = ctx.store.state.eventId;
    const withEvent = eventDoc;
    eventDoc = false;
    if (!eventId) return;
    const current = () => ctx.store.state.eventId === eventId;
    try {
      const outcomes = await ctx.ipc.listOutcomes(eventId);
      if (current()) ctx.store.dispatch({ type: 'outcomes-loaded', outcomes });
      if (withEvent) {
        const [agenda, participants] = await Promise.all([ctx.ipc.getAgenda(eventId), ctx.ipc.listParticipants(eventId)]);
        if (current()) ctx.store.dispatch({ type: 'agenda-loaded', agenda });
        if (current()) ctx.store.dispatch({ type: 'participants-loaded', participants });
        if (current()) await reviewChanged(ctx, eventId);
      }
    } catch (e) {
      report(ctx, e);
    }
  };
  return ctx.ipc.onDocChanged((c) => {
    if (c.eventId !== ctx.store.state.eventId) return;
    ctx.store.dispatch({ type: 'doc-changed', eventId: c.eventId, docId: c.docId, origin: c.origin });
    eventDoc ||= c.docId === c.eventId;
    timer ??= setTimeout(() => void reload(), RELOAD_DELAY_MS);
  });
}
