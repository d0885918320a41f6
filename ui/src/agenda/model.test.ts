import { describe, expect, it } from 'vitest';
import { nowMarker, sessionRef, sessionTiming, timeRange, wallClock, isLogistics } from './model';
import type { AgendaView, SessionView } from './types';

const s = (id: string, start: string, end: string, kind: 'working' | 'logistics' = 'working'): SessionView => ({
  id,
  start: { values: [start] },
  end: { values: [end] },
  title: { values: [id] },
  description: '',
  methodology: '',
  moderators: '',
  rapporteurs: '',
  kind: { values: [kind] },
});

const agenda: AgendaView = {
  id: 'e',
  info: {
    title: 'T',
    group: '',
    venue: '',
    start_date: '2018-02-12',
    end_date: '2018-02-13',
    time_zone: 'America/New_York',
    co_chairs: [],
    objectives: [],
    expected_outcomes: [],
  },
  days: [
    { id: 'd1', date: '2018-02-12', label: 'Day 1', sessions: [s('reg', '09:00', '09:30', 'logistics'), s('a', '09:30', '11:00')] },
    { id: 'd2', date: '2018-02-13', label: 'Day 2', sessions: [s('b', '09:00', '10:30'), s('c', '11:00', '12:30')] },
  ],
};

// 15:00 UTC is 10:00 in New York in February.
const at = (iso: string) => new Date(iso);

describe('agenda model', () => {
  it('reads the wall clock in the event time zone', () => {
    expect(wallClock(at('2018-02-13T15:00:00Z'), 'America/New_York')).toEqual({ date: '2018-02-13', minutes: 600 });
    expect(wallClock(at('2018-02-13T15:00:00Z'), 'UTC')).toEqual({ date: '2018-02-13', minutes: 900 });
  });

  it('falls back to the local zone for an unknown zone', () => {
    expect(() => wallClock(new Date(), 'Not/AZone')).not.toThrow();
  });

  it('finds the session running now', () => {
    expect(nowMarker(agenda, at('2018-02-13T15:00:00Z'))).toEqual({ dayIndex: 1, current: 'b', next: null });
  });

  it('puts the marker before the next session in a gap', () => {
    expect(nowMarker(agenda, at('2018-02-13T15:40:00Z'))).toEqual({ dayIndex: 1, current: null, next: 'c' });
  });

  it('has no marker on a day outside the agenda', () => {
    expect(nowMarker(agenda, at('2018-03-01T15:00:00Z'))).toBeNull();
  });

  it('times a session', () => {
    expect(sessionTiming(agenda, 'b', at('2018-02-13T13:30:00Z'))).toEqual({ state: 'upcoming', startsIn: 30 });
    expect(sessionTiming(agenda, 'b', at('2018-02-13T15:00:00Z'))).toEqual({ state: 'running', elapsed: 60, left: 30 });
    expect(sessionTiming(agenda, 'b', at('2018-02-13T16:00:00Z'))).toEqual({ state: 'ended' });
    expect(sessionTiming(agenda, 'b', at('2018-02-12T15:00:00Z'))).toEqual({ state: 'other-day' });
  });

  it('gives D.N references counting every row', () => {
    expect(sessionRef(agenda, 'a')).toBe('1.2');
    expect(sessionRef(agenda, 'c')).toBe('2.2');
    expect(sessionRef(agenda, 'zz')).toBeNull();
  });

  it('formats rows', () => {
    expect(timeRange(agenda.days[0].sessions[1])).toBe('09:30–11:00');
    expect(isLogistics(agenda.days[0].sessions[0])).toBe(true);
  });
});
