/**
 * The only module that talks to Tauri (and the only importer of `@tauri-apps/*`). Every call
 * to the core goes through here; bytes cross as base64; errors arrive as {@link AppError}
 * `{code, message}`, which callers switch on.
 */

import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { AgendaView, EventSummary, OutcomeRow } from '../agenda/types';
import type { OutcomeKind } from '../capture/prefix';
import { fromBase64, toBase64 } from '../util/base64';

/** An error from the core, or `ipc` when the call itself failed. */
export interface AppError {
  code: string;
  message: string;
}

export function isAppError(e: unknown): e is AppError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

function asAppError(e: unknown): AppError {
  if (isAppError(e)) return { code: String(e.code), message: String(e.message) };
  return { code: 'ipc', message: e instanceof Error ? e.message : String(e) };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asAppError(e);
  }
}

/** A session document as Yjs bytes, and the core's state vector. */
export interface SessionState {
  update: Uint8Array;
  stateVector: Uint8Array;
}

/** Told when the core committed a change that did not come from this window. */
export interface DocChanged {
  eventId: string;
  docId: string;
  origin: string;
}

/** The session bench/desktop.sh wants open at start. */
export interface BenchTarget {
  eventId: string;
  sessionId: string;
}

export const ipc = {
  startupEvent: () => call<string | null>('startup_event'),
  listEvents: () => call<EventSummary[]>('list_events'),
  openSample: () => call<string>('open_sample'),
  getAgenda: (eventId: string) => call<AgendaView>('get_agenda', { eventId }),

  /** The whole session document, or what a doc with `stateVector` is missing. */
  async getSessionState(eventId: string, sessionId: string, stateVector?: Uint8Array): Promise<SessionState> {
    const r = await call<{ update: string; stateVector: string }>('get_session_state', {
      eventId,
      sessionId,
      stateVector: stateVector ? toBase64(stateVector) : null,
    });
    return { update: fromBase64(r.update), stateVector: fromBase64(r.stateVector) };
  },

  /** Sends one Yjs update; resolves only once the core has committed it to disk. */
  applyUpdate: (eventId: string, sessionId: string, update: Uint8Array) =>
    call<void>('apply_update', { eventId, sessionId, update: toBase64(update) }),

  listOutcomes: (eventId: string) => call<OutcomeRow[]>('list_outcomes', { eventId }),
  addOutcome: (eventId: string, sessionId: string, kind: OutcomeKind, text: string) =>
    call<string>('add_outcome', { eventId, sessionId, kind, text }),
  compilePreviewHtml: (eventId: string) => call<string>('compile_preview_html', { eventId }),

  /** Subscribes to `doc-changed`; returns the function that unsubscribes. */
  async onDocChanged(handler: (change: DocChanged) => void): Promise<() => void> {
    return listen<DocChanged>('doc-changed', (e) => handler(e.payload));
  },

  // The benchmark hook (src-tauri/src/bench.rs, ui/src/bench.ts): null / an error unless the
  // shell was started with RAPPORTEUR_BENCH_READY.
  benchTarget: () => call<BenchTarget | null>('bench_target'),
  benchReady: (mark: string) => call<void>('bench_ready', { mark }),
};

export type Ipc = typeof ipc;
