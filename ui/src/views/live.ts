/**
 * Keeps the outcome list and participants current when the core reports a change this window
 * did not make (a peer, a bundle, the CLI in another terminal): `doc-changed` for the open
 * event reloads the outcomes (and, for the event's own document, the participants and the
 * versions and lock: a finalize from the CLI or a peer makes the window read-only). Reloads
 * that arrive together are folded into one.
 */

import { report, reviewChanged, type Ctx } from './context';

export async function followChanges(ctx: Ctx): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let eventDoc = false;
  const reload = async () => {
    timer = null;
    const eventId = ctx.store.state.eventId;
    const withParticipants = eventDoc;
    eventDoc = false;
    if (!eventId) return;
    try {
      const outcomes = await ctx.ipc.listOutcomes(eventId);
      if (ctx.store.state.eventId === eventId) ctx.store.dispatch({ type: 'outcomes-loaded', outcomes });
      if (withParticipants) {
        const participants = await ctx.ipc.listParticipants(eventId);
        if (ctx.store.state.eventId === eventId) ctx.store.dispatch({ type: 'participants-loaded', participants });
        await reviewChanged(ctx, eventId);
      }
    } catch (e) {
      report(ctx, e);
    }
  };
  await ctx.ipc.onDocChanged((c) => {
    if (c.eventId !== ctx.store.state.eventId) return;
    eventDoc ||= c.docId === c.eventId;
    timer ??= setTimeout(() => void reload(), 100);
  });
}
