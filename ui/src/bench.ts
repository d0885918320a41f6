/**
 * The window's side of the opt-in benchmark hook (bench/desktop.sh measures cold start with
 * it). Off unless the shell was started with RAPPORTEUR_BENCH_READY: then the window opens the
 * session the benchmark names, and once that session's Notes editor is mounted and has painted,
 * asks the shell to append a timestamp to the benchmark's file. When off it costs one IPC call
 * at start (made in parallel with the first real one) and nothing after.
 */

import type { BenchTarget } from './ipc';
import { openEvent, report, type Ctx } from './controllers/context';

let pending = false;

/** With the hook on (a target from `ipc.benchTarget`), opens the session it names and returns true. */
export async function openBenchTarget(ctx: Ctx, target: BenchTarget | null): Promise<boolean> {
  if (!target) return false;
  pending = true;
  await openEvent(ctx, target.eventId);
  ctx.store.dispatch({ type: 'session-opened', sessionId: target.sessionId });
  return true;
}

/** Called by the session view once its editors are mounted: the first time, with the hook on,
 * waits for the next frame to be painted and records the mark. */
export function sessionReady(ctx: Ctx): void {
  if (!pending) return;
  pending = false;
  requestAnimationFrame(() =>
    setTimeout(() => {
      ctx.ipc.benchReady('session-ready').catch((e) => report(ctx, e));
    }, 0),
  );
}
