/**
 * The shapes the core sends, as its serde types serialise them (`rapporteur::store`). A
 * decided field is `{values: [...]}`: one value, none, or several concurrent ones (a conflict).
 */

export interface Decided<T> {
  values: T[];
}

export interface EventSummary {
  id: string;
  title: string;
  venue: string;
  start_date: string | null;
  end_date: string | null;
  sessions: number;
}

export interface EventInfo {
  title: string;
  group: string;
  venue: string;
  start_date: string | null;
  end_date: string | null;
  time_zone: string;
  co_chairs: string[];
  objectives: string[];
  expected_outcomes: string[];
}

export interface SessionView {
  id: string;
  start: Decided<string | null>;
  end: Decided<string | null>;
  title: Decided<string>;
  description: string;
  methodology: string;
  moderators: string;
  rapporteurs: string;
  kind: Decided<'working' | 'logistics'>;
}

export interface DayView {
  id: string;
  date: string | null;
  label: string;
  sessions: SessionView[];
}

export interface AgendaView {
  id: string;
  info: EventInfo;
  days: DayView[];
}

export interface OutcomeView {
  id: string;
  session_id: string;
  kind: Decided<string>;
  text: string;
  lead: Decided<string>;
  deadline: Decided<string>;
  status: Decided<string>;
  confidential: Decided<boolean>;
  key_message: Decided<boolean>;
  position: number;
  /** Where it was captured: `notes@<anchor>` (see capture/anchor.ts), `cli`, `desktop`. */
  source: string;
}

export interface OutcomeRow {
  outcome: OutcomeView;
  session_title: string;
  session_ref: string;
  /** An action point carried over from an earlier meeting of the series: that meeting. */
  carried_from?: { event: string; title: string };
}

/** A person or entity that speaks (`rapporteur::model::Participant`). */
export interface Participant {
  id: string;
  name: string;
  entity: string;
  handle: string;
  role: string;
  /** Honorifics ("Ms.", "H.E. Mr."), from an imported list or typed (the core always sends
   * these three; optional so that older shapes still type-check). */
  title?: string;
  position?: string;
  email?: string;
}

/** What the add form sends (`add_participant`). */
export type NewParticipant = Pick<Participant, 'name' | 'entity' | 'handle' | 'role'>;
