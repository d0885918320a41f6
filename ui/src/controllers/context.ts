/**
 * What every view gets — the state store, the core's calls (a fake in tests), the keyboard
 * shortcuts and presence — the one shape a mounted view has, and the actions several views
 * share: report an error, open an event, show the start view.
 */
import type { Ipc } from '../ipc';
import type { AppState, AppStore } from '../state/app';
import type { Presence } from './presence';
import type { Shortcuts } from './shortcuts';
import { toAppError } from '../util/error';

export interface Ctx {
  store: AppStore;
  ipc: Ipc;
  shortcuts: Shortcuts;
  /** Who is here and remote cursors (absent where a view is used without live sync). */
  presence?: Presence;
}

/** A view in the page: it draws again from each new state, and goes when disposed. */
export interface Mounted {
  update(state: AppState): void;
  dispose(): void;
}

/** Reports a failed call in the window's error bar. */
export function report(ctx: Ctx, e: unknown): void {
  const err = toAppError(e);
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
