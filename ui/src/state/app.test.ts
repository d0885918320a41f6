import { describe, expect, it } from 'vitest';
import { createAppStore, currentTime } from './app';
import type { AgendaView } from '../agenda/types';

const agenda = { id: 'e1', info: { time_zone: '' }, days: [] } as unknown as AgendaView;

describe('app state', () => {
  it('opens an event, then a session, and goes back to start', () => {
    const store = createAppStore();
    store.dispatch({ type: 'event-opened', eventId: 'e1', agenda });
    expect(store.state.view).toBe('event');
    store.dispatch({ type: 'session-opened', sessionId: 's1' });
    expect(store.state.sessionId).toBe('s1');
    expect(store.state.save.state).toBe('idle');
    store.dispatch({ type: 'show-start' });
    expect(store.state).toMatchObject({ view: 'start', sessionId: null, eventId: 'e1' });
  });

  it('forgets the open session when another event opens', () => {
    const store = createAppStore();
    store.dispatch({ type: 'event-opened', eventId: 'e1', agenda });
    store.dispatch({ type: 'session-opened', sessionId: 's1' });
    store.dispatch({ type: 'event-opened', eventId: 'e2', agenda });
    expect(store.state.sessionId).toBeNull();
  });

  it('uses the clock the test hook sets', () => {
    const store = createAppStore();
    store.dispatch({ type: 'clock-set', iso: '2018-02-13T15:00:00Z' });
    expect(currentTime(store.state).toISOString()).toBe('2018-02-13T15:00:00.000Z');
    store.dispatch({ type: 'clock-set', iso: null });
    expect(Math.abs(currentTime(store.state).getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe('the outcome board in the app state', () => {
  it('opens only in an event; a session or a source jump closes it', () => {
    const store = createAppStore();
    store.dispatch({ type: 'board', open: true });
    expect(store.state.board).toBe(false);
    store.dispatch({ type: 'event-opened', eventId: 'e1', agenda });
    store.dispatch({ type: 'board', open: true });
    expect(store.state.board).toBe(true);
    store.dispatch({ type: 'session-opened', sessionId: 's1' });
    expect(store.state.board).toBe(false);
    store.dispatch({ type: 'board', open: true });
    store.dispatch({ type: 'jump-to-source', sessionId: 's2', source: 'notes@x' });
    expect(store.state).toMatchObject({ board: false, sessionId: 's2', jump: { sessionId: 's2', source: 'notes@x', n: 1 } });
    store.dispatch({ type: 'jump-to-source', sessionId: 's2', source: 'notes@x' });
    expect(store.state.jump?.n).toBe(2);
  });
  it('forgets the panel and participants when another event opens', () => {
    const store = createAppStore();
    store.dispatch({ type: 'event-opened', eventId: 'e1', agenda });
    store.dispatch({ type: 'outcome-panel', outcomeId: 'o1' });
    store.dispatch({ type: 'participants-loaded', participants: [{ id: 'p', name: 'FAO', entity: 'FAO', handle: 'FAO', role: '' }] });
    store.dispatch({ type: 'event-opened', eventId: 'e2', agenda });
    expect(store.state).toMatchObject({ outcomePanel: null, participants: [], board: false });
  });
});
