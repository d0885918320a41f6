/**
 * The window's state and the actions that change it, as one pure reducer over a
 * {@link Store}. Views dispatch actions and render from the state; nothing else writes it.
 */

import type { AgendaView, EventSummary, OutcomeRow, Participant } from '../agenda/types';
import { OFF, type LiveStatus } from '../collab/model';
import type { SaveStatus } from '../editor/saver';
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
  panel: string | null;
  participants: Participant[];
  /** A request to show an outcome's source in the notes; `n` makes each request new. */
  jump: { sessionId: string; source: string; n: number } | null;
  /** Bumped after this window changed a session document through a command (not its
   * editors), so the open session view pulls what its Y.Doc is missing. */
  touched: number;
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
  | { type: 'panel'; outcomeId: string | null }
  | { type: 'participants-loaded'; participants: Participant[] }
  | { type: 'jump-to-source'; sessionId: string; source: string }
  | { type: 'touched' };

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
  panel: null,
  participants: [],
  jump: null,
  touched: 0,
};

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'events-loaded':
      return { ...state, events: action.events };
    case 'show-start':
      return { ...state, view: 'start', sessionId: null, board: false, panel: null };
    case 'event-opened':
      return {
        ...state,
        view: 'event',
        eventId: action.eventId,
        agenda: action.agenda,
        sessionId: state.eventId === action.eventId ? state.sessionId : null,
        outcomes: state.eventId === action.eventId ? state.outcomes : [],
        error: null,
        board: state.eventId === action.eventId && state.board,
        panel: null,
        participants: state.eventId === action.eventId ? state.participants : [],
      };
    case 'session-opened':
      return { ...state, sessionId: action.sessionId, save: { state: 'idle' }, board: false };
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
      return { ...state, board: action.open && state.view === 'event' };
    case 'panel':
      return { ...state, panel: action.outcomeId };
    case 'participants-loaded':
      return { ...state, participants: action.participants };
    case 'jump-to-source':
      return {
        ...state,
        board: false,
        sessionId: action.sessionId,
        save: state.sessionId === action.sessionId ? state.save : { state: 'idle' },
        jump: { sessionId: action.sessionId, source: action.source, n: (state.jump?.n ?? 0) + 1 },
      };
    case 'touched':
      return { ...state, touched: state.touched + 1 };
  }
}

/** The time the window shows: the test hook's clock, or the machine's. */
export function currentTime(state: AppState): Date {
  return state.clockOverride ? new Date(state.clockOverride) : new Date();
}

export function createAppStore(): Store<AppState, Action> {
  return new Store(initialState, reduce);
}

export type AppStore = Store<AppState, Action>;
