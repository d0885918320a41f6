/**
 * Reading the agenda for display: the value of a decided field, a session's `D.N` reference,
 * and where "now" falls (the session running, or the gap it falls in) on the event's own wall
 * clock. Pure functions; the clock is passed in so tests and the test hook can set it.
 */

import type { AgendaView, Decided, SessionView } from './types';

/** The value to show: the first in the core's deterministic order (conflicts are flagged). */
export function shown<T>(d: Decided<T>, fallback: T): T {
  return d.values.length > 0 ? d.values[0] : fallback;
}

export function isConflict<T>(d: Decided<T>): boolean {
  return d.values.length > 1;
}

export function isLogistics(s: SessionView): boolean {
  return shown(s.kind, 'working') === 'logistics';
}

export function timeRange(s: SessionView): string {
  const start = shown(s.start, null);
  const end = shown(s.end, null);
  if (start && end) return `${start}–${end}`;
  return start ?? end ?? '';
}

/** `D.N`: day and row, 1-based, counting every row (as the CLI does). */
export function sessionRef(agenda: AgendaView, sessionId: string): string | null {
  for (const [d, day] of agenda.days.entries()) {
    const n = day.sessions.findIndex((s) => s.id === sessionId);
    if (n >= 0) return `${d + 1}.${n + 1}`;
  }
  return null;
}

export function findSession(agenda: AgendaView, sessionId: string): SessionView | null {
  for (const day of agenda.days) {
    const s = day.sessions.find((x) => x.id === sessionId);
    if (s) return s;
  }
  return null;
}

/** A wall-clock reading: the date (YYYY-MM-DD) and minutes since midnight. */
export interface WallClock {
  date: string;
  minutes: number;
}

/** The wall clock in `timeZone` (IANA name; empty or unknown means the machine's own). */
export function wallClock(now: Date, timeZone: string): WallClock {
  const opts: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-CA', timeZone ? { ...opts, timeZone } : opts);
  } catch {
    fmt = new Intl.DateTimeFormat('en-CA', opts);
  }
  const part = (type: string) => fmt.formatToParts(now).find((p) => p.type === type)?.value ?? '0';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

function minutesOf(hhmm: string | null): number | null {
  if (!hhmm) return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Where now falls in the agenda. */
export interface NowMarker {
  dayIndex: number;
  /** The session running now, if any. */
  current: string | null;
  /** The next session to start today when none is running (the marker goes before it). */
  next: string | null;
}

/** Finds now in the agenda; null when no day of the agenda is today. */
export function nowMarker(agenda: AgendaView, now: Date): NowMarker | null {
  const wall = wallClock(now, agenda.info.time_zone);
  const dayIndex = agenda.days.findIndex((d) => d.date === wall.date);
  if (dayIndex < 0) return null;
  let current: string | null = null;
  let next: string | null = null;
  for (const s of agenda.days[dayIndex].sessions) {
    const start = minutesOf(shown(s.start, null));
    const end = minutesOf(shown(s.end, null));
    if (start === null) continue;
    if (start <= wall.minutes && (end === null ? wall.minutes < start + 1 : wall.minutes < end)) {
      current = s.id;
    } else if (start > wall.minutes && next === null) {
      next = s.id;
    }
  }
  return { dayIndex, current: current, next: current ? null : next };
}

/** The session timer: running with minutes left, upcoming, ended, or not today. */
export type Timing =
  | { state: 'running'; elapsed: number; left: number }
  | { state: 'upcoming'; startsIn: number }
  | { state: 'ended' }
  | { state: 'other-day' };

export function sessionTiming(agenda: AgendaView, sessionId: string, now: Date): Timing {
  const wall = wallClock(now, agenda.info.time_zone);
  const day = agenda.days.find((d) => d.sessions.some((s) => s.id === sessionId));
  const s = day?.sessions.find((x) => x.id === sessionId);
  const start = s ? minutesOf(shown(s.start, null)) : null;
  const end = s ? minutesOf(shown(s.end, null)) : null;
  if (!day || day.date !== wall.date || start === null) return { state: 'other-day' };
  if (wall.minutes < start) return { state: 'upcoming', startsIn: start - wall.minutes };
  if (end !== null && wall.minutes < end) {
    return { state: 'running', elapsed: wall.minutes - start, left: end - wall.minutes };
  }
  return { state: 'ended' };
}

export function formatMinutes(m: number): string {
  const h = Math.floor(m / 60);
  const r = m % 60;
  return h > 0 ? `${h} h ${String(r).padStart(2, '0')} min` : `${r} min`;
}
