/**
 * The window's state and the actions that change it, as one pure reducer over a
 * {@link Store}. Views dispatch actions and render from the state; nothing else writes it.
 */

import type { AgendaView, EventSummary, OutcomeRow, Participant } from '../agenda/types';
import { OFF, type LiveStatus } from '../collab/model';
import type { Attribution } from '../draft/model';
import type { SaveStatus } from '../editor/saver';
import { NO_REVIEW, type ReviewState } from '../review/model';
import { Store } from './store';

export interface AppState {
  view: 'start' | 'event';
  events: EventSummary[];
  eventId: string | null;
  agenda: AgendaView | null;
  sessionId: string | null;
  outcomes: OutcomeRow[];
  save: SaveStatus;
  /** The clock as the test hook set it (ISO time), or null for the real one. */
  clockOverride: string | null;
  /** Bumped every tick of the clock so views redraw the now marker and timer. */
  tick: number;
  error: { code: string; message: string } | null;
  /** The Collaborate panel: whether it is open, and the core's live-sync status. */
  collabOpen: boolean;
  collab: LiveStatus;
  // The outcome board (views/board.ts, views/outcome-panel.ts).
  /** The board shows in the pane instead of the session. */
  board: boolean;
  /** The outcome open in the side panel. */
  outcomePanel: string | null;
  participants: Participant[];
  /** A request to show an outcome's source in the notes; `n` makes each request new. */
  jump: { sessionId: string; source: string; n: number } | null;
  /** The last `doc-changed` of the open event (numbered, so each one is new): views refresh
   * from it; see `controllers/changes.ts`. */
  change: DocChange | null;
  /** A pane shown instead of a session: the draft, agenda editing or participants. */
  panel: Panel | null;
  /** How the draft names speakers. */
  attribution: Attribution;
  /** The open event's versions, final lock and series link (the Versions panel, the banner). */
  review: ReviewState;
}

export type Panel = 'draft' | 'agenda' | 'participants' | 'versions';

/** A change the core committed to a document of the open event, told by `doc-changed`. */
export interface DocChange {
  eventId: string;
  docId: string;
  origin: string;
  n: number;
}

export type Action =
  | { type: 'events-loaded'; events: EventSummary[] }
  | { type: 'show-start' }
  | { type: 'event-opened'; eventId: string; agenda: AgendaView }
  | { type: 'session-opened'; sessionId: string }
  | { type: 'outcomes-loaded'; outcomes: OutcomeRow[] }
  | { type: 'save-status'; status: SaveStatus }
  | { type: 'clock-set'; iso: string | null }
  | { type: 'tick' }
  | { type: 'error'; error: { code: string; message: string } | null }
  | { type: 'collab-open'; open: boolean }
  | { type: 'collab-status'; status: LiveStatus }
  // The outcome board.
  | { type: 'board'; open: boolean }
  | { type: 'outcome-panel'; outcomeId: string | null }
  | { type: 'participants-loaded'; participants: Participant[] }
  | { type: 'jump-to-source'; sessionId: string; source: string }
  | { type: 'doc-changed'; eventId: string; docId: string; origin: string }
  | { type: 'panel-opened'; panel: Panel | null }
  | { type: 'agenda-loaded'; agenda: AgendaView }
  | { type: 'attribution-set'; attribution: Attribution }
  | { type: 'review-loaded'; eventId: string; review: ReviewState };

export const initialState: AppState = {
  view: 'start',
  events: [],
  eventId: null,
  agenda: null,
  sessionId: null,
  outcomes: [],
  save: { state: 'idle' },
  clockOverride: null,
  tick: 0,
  error: null,
  collabOpen: false,
  collab: OFF,
  board: false,
  outcomePanel: null,
  participants: [],
  jump: null,
  change: null,
  panel: null,
  attribution: 'named',
  review: NO_REVIEW,
};

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'events-loaded':
      return { ...state, events: action.events };
    case 'show-start':
      return { ...state, view: 'start', sessionId: null, board: false, panel: null, outcomePanel: null };
    case 'event-opened':
      return {
        ...state,
        view: 'event',
        eventId: action.eventId,
        agenda: action.agenda,
        sessionId: state.eventId === action.eventId ? state.sessionId : null,
        outcomes: state.eventId === action.eventId ? state.outcomes : [],
        panel: state.eventId === action.eventId ? state.panel : null,
        error: null,
        board: state.eventId === action.eventId && state.board,
        outcomePanel: null,
        participants: state.eventId === action.eventId ? state.participants : [],
        change: state.eventId === action.eventId ? state.change : null,
        review: state.eventId === action.eventId ? state.review : NO_REVIEW,
      };
    case 'session-opened':
      return { ...state, sessionId: action.sessionId, save: { state: 'idle' }, board: false, panel: null };
    case 'outcomes-loaded':
      return { ...state, outcomes: action.outcomes };
    case 'save-status':
      return { ...state, save: action.status };
    case 'clock-set':
      return { ...state, clockOverride: action.iso, tick: state.tick + 1 };
    case 'tick':
      return { ...state, tick: state.tick + 1 };
    case 'error':
      return { ...state, error: action.error };
    case 'collab-open':
      return { ...state, collabOpen: action.open };
    case 'collab-status':
      return { ...state, collab: action.status };
    case 'board':
      return { ...state, board: action.open && state.view === 'event', panel: action.open ? null : state.panel };
    case 'outcome-panel':
      return { ...state, outcomePanel: action.outcomeId };
    case 'participants-loaded':
      return { ...state, participants: action.participants };
    case 'jump-to-source':
      return {
        ...state,
        board: false,
        panel: null,
        sessionId: action.sessionId,
        save: state.sessionId === action.sessionId ? state.save : { state: 'idle' },
        jump: { sessionId: action.sessionId, source: action.source, n: (state.jump?.n ?? 0) + 1 },
      };
    case 'doc-changed':
      if (action.eventId !== state.eventId) return state;
      return { ...state, change: { eventId: action.eventId, docId: action.docId, origin: action.origin, n: (state.change?.n ?? 0) + 1 } };
    case 'panel-opened':
      return { ...state, panel: action.panel, board: action.panel ? false : state.board };
    case 'agenda-loaded':
      return action.agenda.id === state.eventId ? { ...state, agenda: action.agenda } : state;
    case 'attribution-set':
      return { ...state, attribution: action.attribution };
    case 'review-loaded':
      return action.eventId === state.eventId ? { ...state, review: action.review } : state;
  }
}

/** The event is final: the window shows it read-only (the core refuses its writes anyway). */
export function isFinal(state: AppState): boolean {
  return state.review.finalLock !== null;
}

/** The time the window shows: the test hook's clock, or the machine's. */
export function currentTime(state: AppState): Date {
  return state.clockOverride ? new Date(state.clockOverride) : new Date();
}

export function createAppStore(): Store<AppState, Action> {
  return new Store(initialState, reduce);
}

export type AppStore = Store<AppState, Action>;
