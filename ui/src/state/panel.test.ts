import { describe, expect, it } from 'vitest';
import { createAppStore } from './app';
import type { AgendaView } from '../agenda/types';

const agenda = (id: string) => ({ id, info: { time_zone: '' }, days: [] }) as unknown as AgendaView;

describe('panels (draft, agenda, participants)', () => {
  it('a panel replaces the session, and opening a session closes the panel', () => {
    const store = createAppStore();
    store.dispatch({ type: 'event-opened', eventId: 'e1', agenda: agenda('e1') });
    store.dispatch({ type: 'panel-opened', panel: 'draft' });
    expect(store.state.panel).toBe('draft');
    store.dispatch({ type: 'session-opened', sessionId: 's1' });
    expect(store.state).toMatchObject({ panel: null, sessionId: 's1' });
  });

  it('another event or the start view closes the panel; the same event keeps it', () => {
    const store = createAppStore();
    store.dispatch({ type: 'event-opened', eventId: 'e1', agenda: agenda('e1') });
    store.dispatch({ type: 'panel-opened', panel: 'agenda' });
    store.dispatch({ type: 'event-opened', eventId: 'e1', agenda: agenda('e1') });
    expect(store.state.panel).toBe('agenda');
    store.dispatch({ type: 'event-opened', eventId: 'e2', agenda: agenda('e2') });
    expect(store.state.panel).toBeNull();
    store.dispatch({ type: 'panel-opened', panel: 'participants' });
    store.dispatch({ type: 'show-start' });
    expect(store.state.panel).toBeNull();
  });

  it('a reloaded agenda replaces the open one only for the same event', () => {
    const store = createAppStore();
    store.dispatch({ type: 'event-opened', eventId: 'e1', agenda: agenda('e1') });
    store.dispatch({ type: 'session-opened', sessionId: 's1' });
    const fresh = agenda('e1');
    store.dispatch({ type: 'agenda-loaded', agenda: fresh });
    expect(store.state.agenda).toBe(fresh);
    expect(store.state.sessionId).toBe('s1');
    const before = store.state;
    store.dispatch({ type: 'agenda-loaded', agenda: agenda('other') });
    expect(store.state).toBe(before);
  });

  it('keeps the chosen attribution', () => {
    const store = createAppStore();
    store.dispatch({ type: 'attribution-set', attribution: 'none' });
    expect(store.state.attribution).toBe('none');
  });
});
