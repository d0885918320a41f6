/** What every view gets: the state store and the core's calls (swappable in tests). */
import type { Ipc } from '../ipc';
import type { AppStore } from '../state/app';
import type { Presence } from './presence';

export interface Ctx {
  store: AppStore;
  ipc: Ipc;
  /** Who is here and remote cursors (absent where a view is used without live sync). */
  presence?: Presence;
}

/** Reports a failed call in the window's error bar. */
export function report(ctx: Ctx, e: unknown): void {
  const err =
    typeof e === 'object' && e !== null && 'code' in e && 'message' in e
      ? { code: String((e as { code: unknown }).code), message: String((e as { message: unknown }).message) }
      : { code: 'ui', message: String(e) };
  console.error(err);
  ctx.store.dispatch({ type: 'error', error: err });
}

/** Loads an event's agenda and shows it. */
export async function openEvent(ctx: Ctx, eventId: string): Promise<void> {
  try {
    const agenda = await ctx.ipc.getAgenda(eventId);
    ctx.store.dispatch({ type: 'event-opened', eventId, agenda });
    ctx.store.dispatch({ type: 'outcomes-loaded', outcomes: await ctx.ipc.listOutcomes(eventId) });
    ctx.store.dispatch({ type: 'participants-loaded', participants: await ctx.ipc.listParticipants(eventId) });
    await reviewChanged(ctx, eventId);
  } catch (e) {
    report(ctx, e);
  }
}

/** Reloads the event's versions and lock (after the Versions panel acted, or a peer did). */
export async function reviewChanged(ctx: Ctx, eventId: string): Promise<void> {
  const review = await ctx.ipc.reviewState(eventId);
  ctx.store.dispatch({ type: 'review-loaded', eventId, review });
}

/** Loads the event list and shows the start view. */
export async function showStart(ctx: Ctx): Promise<void> {
  ctx.store.dispatch({ type: 'show-start' });
  try {
    ctx.store.dispatch({ type: 'events-loaded', events: await ctx.ipc.listEvents() });
  } catch (e) {
    report(ctx, e);
  }
}

/**
 * After this window changed outcomes through a command: reload the list, and tell the open
 * session view to pull what its Y.Doc is missing (the host does not echo the window's own
 * writes back to it).
 */
export async function outcomesChanged(ctx: Ctx): Promise<void> {
  const eventId = ctx.store.state.eventId;
  if (!eventId) return;
  ctx.store.dispatch({ type: 'touched' });
  ctx.store.dispatch({ type: 'outcomes-loaded', outcomes: await ctx.ipc.listOutcomes(eventId) });
}
