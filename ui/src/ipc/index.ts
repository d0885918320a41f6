/**
 * The only module that talks to Tauri (and the only importer of `@tauri-apps/*`). Every call
 * to the core goes through here; bytes cross as base64; errors arrive as {@link AppError}
 * `{code, message}`, which callers switch on.
 */

import { invoke } from '@tauri-apps/api/core';
import type { Lang, UiLanguage } from '../i18n';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { open as openDialog, save as saveDialog } from '@tauri-apps/plugin-dialog';
import type { BundleImported, FoundHost, HostInfo, LiveStatus, RelayProtocol } from '../collab/model';
import type { AgendaView, EventSummary, NewParticipant, OutcomeRow, Participant } from '../agenda/types';
import type { ImportPlan } from '../participants/model';
import type { OutcomeKind } from '../capture/prefix';
import { fromBase64, toBase64 } from '../util/base64';
import { toAppError } from '../util/error';
import type { DraftPreview, Exported } from '../draft/model';
import type { FilePreview, ImportPreview, RowEdit } from '../import/model';
import type { SearchHit } from '../search/model';
import type { StartupFailure } from '../edit/types';
import type { Comparison, Restored, ReviewState, VersionInfo } from '../review/model';

export type { AppError } from '../util/error';

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e, 'ipc');
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

/**
 * The test seam for native dialogs, which WebDriver cannot drive: when the E2E sets
 * `window.rapporteurTest.nextSavePath` (or `nextOpenPath`), the next save (open) dialog is not
 * shown and that path is used instead, once. See docs/desktop.md.
 */
function takeTestPath(key: 'nextSavePath' | 'nextOpenPath'): string | undefined {
  const seam = (window as unknown as { rapporteurTest?: Record<string, unknown> }).rapporteurTest;
  const path = seam?.[key];
  if (typeof path !== 'string') return undefined;
  delete seam![key];
  return path;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The native save dialog (or the test seam's path); null when the user cancelled. */
async function chooseSave(title: string, defaultPath: string, filters: FileFilter[]): Promise<string | null> {
  const seam = takeTestPath('nextSavePath');
  if (seam !== undefined) return seam;
  try {
    return await saveDialog({ title, defaultPath, filters });
  } catch (e) {
    throw toAppError(e, 'ipc');
  }
}

/** The native open dialog for one file (or the test seam's path); null when cancelled. */
async function chooseOpen(title: string, filters: FileFilter[]): Promise<string | null> {
  const seam = takeTestPath('nextOpenPath');
  if (seam !== undefined) return seam;
  try {
    const picked = await openDialog({ title, multiple: false, directory: false, filters });
    return typeof picked === 'string' ? picked : null;
  } catch (e) {
    throw toAppError(e, 'ipc');
  }
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

  // The outcome board (src-tauri/src/board.rs). Each resolves once the core has committed.
  /** Captures an outcome with where it came from (an anchor into the notes, or `desktop` for
   * the capture box); returns its id. */
  captureOutcome: (eventId: string, sessionId: string, kind: OutcomeKind, text: string, source: string) =>
    call<string>('capture_outcome', { eventId, sessionId, kind, text, source }),
  /** Sets fields (values as text: `true`/`false`, numbers for `position`). */
  editOutcome: (eventId: string, outcomeId: string, edits: { field: string; value: string }[]) =>
    call<void>('edit_outcome', { eventId, outcomeId, edits }),
  mergeOutcomes: (eventId: string, survivor: string, others: string[]) =>
    call<string>('merge_outcomes', { eventId, survivor, others }),
  /** Splits a field in conflict into one outcome per value; returns the new outcomes' ids. */
  keepBoth: (eventId: string, outcomeId: string, field: string) => call<string[]>('keep_both', { eventId, outcomeId, field }),

  // Draft, search, import, agenda and participants editing, error screen.
  startupFailure: () => call<StartupFailure | null>('startup_failure'),
  draftPreview: (eventId: string, attribution: string) => call<DraftPreview>('draft_preview', { eventId, attribution }),
  exportDraft: (eventId: string, attribution: string, path: string) => call<Exported>('export_draft', { eventId, attribution, path }),
  search: (eventId: string, query: string) => call<SearchHit[]>('search', { eventId, query }),
  previewAgendaText: (text: string, format: string | null, source: string | null) => call<ImportPreview>('preview_agenda_text', { text, format, source }),
  previewAgendaFile: (path: string) => call<FilePreview>('preview_agenda_file', { path }),
  importAgendaText: (text: string, format: string | null, source: string | null, title: string | null, edits: RowEdit[] = []) =>
    call<string>('import_agenda_text', { text, format, source, title, edits }),
  importAgendaFile: (path: string, title: string | null, edits: RowEdit[] = []) => call<string>('import_agenda_file', { path, title, edits }),
  setSessionField: (eventId: string, sessionId: string, field: string, value: string) => call<void>('set_session_field', { eventId, sessionId, field, value }),
  addSession: (eventId: string, dayId: string, after: string | null, title: string) => call<string>('add_session', { eventId, dayId, after, title }),
  moveSession: (eventId: string, sessionId: string, up: boolean) => call<boolean>('move_session', { eventId, sessionId, up }),
  listParticipants: (eventId: string) => call<Participant[]>('list_participants', { eventId }),
  addParticipant: (eventId: string, p: NewParticipant) => call<string>('add_participant', { eventId, ...p }),
  editParticipant: (eventId: string, participantId: string, field: string, value: string) => call<void>('edit_participant', { eventId, participantId, field, value }),
  removeParticipant: (eventId: string, participantId: string) => call<void>('remove_participant', { eventId, participantId }),
  /** What importing a list of participants (a file, or pasted text) would do; writes nothing. */
  previewParticipantList: (eventId: string, source: { path: string } | { text: string }) =>
    call<ImportPlan>('preview_participant_list', { eventId, path: null, text: null, format: null, ...source }),
  /** Imports the list; resolves with what was done once the core has committed. */
  importParticipantList: (eventId: string, source: { path: string } | { text: string }) =>
    call<ImportPlan>('import_participant_list', { eventId, path: null, text: null, format: null, ...source }),
  /** A list of participants to import (native open dialog); null when cancelled. */
  chooseParticipantList: (filters: FileFilter[]) => chooseOpen('Import a list of participants', filters),

  // The Versions panel (src-tauri/src/review.rs). `author` is the name typed in "Your name".
  reviewState: (eventId: string) => call<ReviewState>('review_state', { eventId }),
  setAuthor: (name: string) => call<void>('set_author', { name }),
  saveVersion: (eventId: string, name: string, author: string | null) => call<string>('save_version', { eventId, name, author }),
  circulate: (eventId: string, to: string, author: string | null) => call<VersionInfo>('circulate_version', { eventId, to, author }),
  finalize: (eventId: string, author: string | null) => call<VersionInfo>('finalize_event', { eventId, author }),
  reopen: (eventId: string, reason: string, author: string | null) => call<VersionInfo>('reopen_event', { eventId, reason, author }),
  /** The changes from version `from` to `to` (now when null), with who wrote each. */
  compareVersions: (eventId: string, from: string, to: string | null, attribution: string) =>
    call<Comparison>('compare_versions', { eventId, from, to, attribution }),
  /** The later draft as a sanitised page with the changes marked. */
  compareHtml: (eventId: string, from: string, to: string | null, attribution: string) => call<string>('compare_html', { eventId, from, to, attribution }),
  restoreVersion: (eventId: string, version: string, sessionId: string | null) => call<Restored>('restore_version', { eventId, version, sessionId }),

  /** Where to export the draft (native save dialog); null when the user cancelled. */
  chooseSavePath: (defaultPath: string, filters: FileFilter[]) => chooseSave('Export the draft', defaultPath, filters),
  /** An agenda file to import (native open dialog); null when cancelled. */
  chooseOpenPath: (filters: FileFilter[]) => chooseOpen('Import an agenda', filters),

  /** Calls `handler` with the paths of files dropped on the window; returns the unsubscriber. */
  async onFilesDropped(handler: (paths: string[]) => void, onHover: (hovering: boolean) => void): Promise<() => void> {
    return getCurrentWebview().onDragDropEvent((e) => {
      if (e.payload.type === 'drop') {
        onHover(false);
        handler(e.payload.paths);
      } else if (e.payload.type === 'enter') onHover(true);
      else if (e.payload.type === 'leave') onHover(false);
    });
  },

  /** Subscribes to `doc-changed`; returns the function that unsubscribes. */
  async onDocChanged(handler: (change: DocChanged) => void): Promise<() => void> {
    return listen<DocChanged>('doc-changed', (e) => handler(e.payload));
  },

  // The benchmark hook (src-tauri/src/bench.rs, ui/src/bench.ts): null / an error unless the
  // shell was started with RAPPORTEUR_BENCH_READY.
  benchTarget: () => call<BenchTarget | null>('bench_target'),
  benchReady: (mark: string) => call<void>('bench_ready', { mark }),
};

const BUNDLE_FILTER = [{ name: 'Rapporteur bundle', extensions: ['rapp'] }];

/** Live sync and bundles (the Collaborate panel). */
export const collabIpc = {
  host: (eventId: string, port?: number) => call<HostInfo>('collab_host', { eventId, port: port ?? null }),
  join: (address: string, code: string) => call<void>('collab_join', { address, code }),
  /** `protocol`: 'y-websocket' (the reference server, y-redis, y-sweet) or 'hocuspocus'. */
  relay: (url: string, protocol: RelayProtocol, token: string | null, eventId: string) => call<void>('collab_relay', { url, protocol, token, eventId }),
  stop: () => call<void>('collab_stop'),
  status: () => call<LiveStatus>('collab_status'),
  /** Hosts announced on this network (takes about 1.5 s). */
  discover: () => call<FoundHost[]>('collab_discover'),
  exportBundle: (eventId: string, path: string) => call<{ path: string; docs: number }>('bundle_export', { eventId, path }),
  importBundle: (path: string) => call<BundleImported>('bundle_import', { path }),

  /** Where to write a bundle (native save dialog); null when cancelled. */
  chooseSavePath: (defaultName: string) => chooseSave('Export bundle', defaultName, BUNDLE_FILTER),
  /** A bundle to import (native open dialog); null when cancelled. */
  chooseOpenPath: () => chooseOpen('Import bundle', BUNDLE_FILTER),
};

/** A peer's awareness update (who is here, cursors) for one document of an event. */
export interface AwarenessReceived {
  eventId: string;
  docId: string;
  update: Uint8Array;
}

/** The awareness clients of a closed connection, gone from one document. */
export interface AwarenessGone {
  eventId: string;
  docId: string;
  clients: number[];
}

/** Presence and remote cursors (src-tauri/src/presence.rs). */
export const presenceIpc = {
  deviceId: () => call<string>('device_id'),
  /** This window's awareness update for a document; the core passes it to the live sync. */
  sendAwareness: (eventId: string, docId: string, update: Uint8Array) => call<void>('send_awareness', { eventId, docId, update: toBase64(update) }),
  async onAwareness(handler: (e: AwarenessReceived) => void): Promise<() => void> {
    return listen<{ eventId: string; docId: string; update: string }>('awareness', (e) => handler({ ...e.payload, update: fromBase64(e.payload.update) }));
  },
  async onAwarenessGone(handler: (e: AwarenessGone) => void): Promise<() => void> {
    return listen<AwarenessGone>('awareness-gone', (e) => handler(e.payload));
  },
};

/** The window's language on this device (src-tauri/src/language.rs). */
export const languageIpc = {
  uiLanguage: () => call<UiLanguage>('ui_language'),
  /** Chooses a language (null: follow the system); resolves with what the window shows now. */
  setUiLanguage: (language: Lang | null) => call<UiLanguage>('set_ui_language', { language }),
};

export type Ipc = typeof ipc;
export type LanguageIpc = typeof languageIpc;
export type PresenceIpc = typeof presenceIpc;
export type CollabIpc = typeof collabIpc;
