/**
 * The only module that talks to Tauri (and the only importer of `@tauri-apps/*`). Every call
 * to the core goes through here; bytes cross as base64; errors arrive as {@link AppError}
 * `{code, message}`, which callers switch on.
 */

import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { open as openDialog, save as saveDialog } from '@tauri-apps/plugin-dialog';
import type { BundleImported, HostInfo, LiveStatus } from '../collab/model';
import type { AgendaView, EventSummary, OutcomeRow, Participant } from '../agenda/types';
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

  // The outcome board (src-tauri/src/board.rs). Each resolves once the core has committed.
  /** Captures an outcome with its source anchor; returns its id. */
  captureOutcome: (eventId: string, sessionId: string, kind: OutcomeKind, text: string, source: string) =>
    call<string>('capture_outcome', { eventId, sessionId, kind, text, source }),
  /** Sets fields (values as text: `true`/`false`, numbers for `position`). */
  editOutcome: (eventId: string, outcomeId: string, edits: { field: string; value: string }[]) =>
    call<void>('edit_outcome', { eventId, outcomeId, edits }),
  mergeOutcomes: (eventId: string, survivor: string, others: string[]) =>
    call<string>('merge_outcomes', { eventId, survivor, others }),
  /** Splits a field in conflict into one outcome per value; returns the new outcomes' ids. */
  keepBoth: (eventId: string, outcomeId: string, field: string) => call<string[]>('keep_both', { eventId, outcomeId, field }),
  listParticipants: (eventId: string) => call<Participant[]>('list_participants', { eventId }),

  /** Subscribes to `doc-changed`; returns the function that unsubscribes. */
  async onDocChanged(handler: (change: DocChanged) => void): Promise<() => void> {
    return listen<DocChanged>('doc-changed', (e) => handler(e.payload));
  },
};

/**
 * The E2E seam for native dialogs (which WebDriver cannot drive): a path a test put in
 * `window.rapporteurTest.nextSavePath` / `nextOpenPath` answers the next dialog, once.
 */
function takeTestPath(key: 'nextSavePath' | 'nextOpenPath'): string | undefined {
  const seam = (window as unknown as { rapporteurTest?: Record<string, unknown> }).rapporteurTest;
  const p = seam?.[key];
  if (typeof p !== 'string') return undefined;
  delete seam![key];
  return p;
}

const BUNDLE_FILTER = [{ name: 'Rapporteur bundle', extensions: ['rapp'] }];

/** Live sync and bundles (the Collaborate panel). */
export const collabIpc = {
  host: (eventId: string, port?: number) => call<HostInfo>('collab_host', { eventId, port: port ?? null }),
  join: (address: string, code: string) => call<void>('collab_join', { address, code }),
  relay: (url: string, token: string | null, eventId: string) => call<void>('collab_relay', { url, token, eventId }),
  stop: () => call<void>('collab_stop'),
  status: () => call<LiveStatus>('collab_status'),
  exportBundle: (eventId: string, path: string) => call<{ path: string; docs: number }>('bundle_export', { eventId, path }),
  importBundle: (path: string) => call<BundleImported>('bundle_import', { path }),

  /** The native save dialog for a bundle; null when cancelled. */
  async chooseSavePath(defaultName: string): Promise<string | null> {
    const seam = takeTestPath('nextSavePath');
    if (seam !== undefined) return seam;
    try {
      return await saveDialog({ title: 'Export bundle', defaultPath: defaultName, filters: BUNDLE_FILTER });
    } catch (e) {
      throw asAppError(e);
    }
  },

  /** The native open dialog for a bundle; null when cancelled. */
  async chooseOpenPath(): Promise<string | null> {
    const seam = takeTestPath('nextOpenPath');
    if (seam !== undefined) return seam;
    try {
      const p = await openDialog({ title: 'Import bundle', multiple: false, directory: false, filters: BUNDLE_FILTER });
      return typeof p === 'string' ? p : null;
    } catch (e) {
      throw asAppError(e);
    }
  },
};

export type Ipc = typeof ipc;
export type CollabIpc = typeof collabIpc;
