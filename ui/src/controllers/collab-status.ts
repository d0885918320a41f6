/**
 * The live-sync status in the state: the core's `collab_status`, polled once a second while
 * the Collaborate panel is open or sync runs. On a joiner it also opens the shared event as
 * soon as its agenda has arrived (once per event).
 */

import type { CollabIpc } from '../ipc';
import { eventToOpen } from '../collab/model';
import { openEvent, report, type Ctx } from './context';

/** Polls the core's status once a second while the panel is open or sync runs; on a joiner,
 * opens the shared event as soon as its agenda has arrived (once per event). */
export function pollCollab(ctx: Ctx, io: CollabIpc): void {
  const opened = new Set<string>();
  let busy = false;
  setInterval(async () => {
    const st = ctx.store.state;
    if (busy || (!st.collabOpen && !st.collab.running)) return;
    busy = true;
    try {
      const status = await io.status();
      ctx.store.dispatch({ type: 'collab-status', status });
      const waiting = status.event_id && !opened.has(status.event_id);
      const known = waiting ? (await ctx.ipc.listEvents()).map((e) => e.id) : [];
      const ev = waiting ? eventToOpen(status, ctx.store.state.eventId, known) : null;
      if (ev) {
        opened.add(ev);
        await openEvent(ctx, ev);
      }
    } catch (e) {
      report(ctx, e);
    } finally {
      busy = false;
    }
  }, 1000);
}
