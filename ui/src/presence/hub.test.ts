import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { PresenceHub } from './hub';

const amina = { name: 'Amina', color: '#b3261e', colorLight: '#b3261e33' };
const bea = { name: 'Bea', color: '#1f6f8b', colorLight: '#1f6f8b33' };

/** Two hubs wired to each other as the live sync would. */
function pair() {
  const sent: { from: string; docId: string; update: Uint8Array }[] = [];
  let b: PresenceHub | undefined;
  const a: PresenceHub = new PresenceHub('ev', amina, (docId, update) => {
    sent.push({ from: 'a', docId, update });
    b?.received(docId, update);
  });
  b = new PresenceHub('ev', bea, (docId, update) => {
    sent.push({ from: 'b', docId, update });
    a.received(docId, update);
  });
  // A announced itself before B existed: as the core does for a new connection, pass it on.
  b.received('ev', encodeAwarenessUpdate(a.awareness('ev'), [a.awareness('ev').clientID]));
  return { a, b: b!, sent };
}

describe('PresenceHub', () => {
  it('tells peers who is in which session, and renames', () => {
    const { a, b } = pair();
    let changes = 0;
    b.onChange(() => changes++);
    a.setSession('s21');
    expect(b.people()).toEqual([{ clientId: a.awareness('ev').clientID, name: 'Amina', color: '#b3261e', session: 's21' }]);
    expect(changes).toBeGreaterThan(0);
    a.setUser({ ...amina, name: 'Amina D.' });
    expect(b.people()[0].name).toBe('Amina D.');
    expect(a.people().map((p) => [p.name, p.session])).toEqual([['Bea', null]]);
  });

  it('keeps a peer caret that arrives before the editor mounts; leaving and gone remove it', () => {
    const { a, b } = pair();
    const aw = a.enter('s21');
    aw.setLocalStateField('cursor', { anchor: 1, head: 1 });
    // B has no editor for s21 yet, but the state is kept for when it mounts.
    const there = b.awareness('s21').getStates().get(aw.clientID) as { user: { name: string }; cursor: unknown };
    expect(there.user.name).toBe('Amina');
    expect(there.cursor).toEqual({ anchor: 1, head: 1 });
    a.leave('s21');
    expect(b.awareness('s21').getStates().has(aw.clientID)).toBe(false);

    a.enter('s21');
    expect(b.awareness('s21').getStates().has(aw.clientID)).toBe(true);
    b.gone('s21', [aw.clientID]);
    expect(b.awareness('s21').getStates().has(aw.clientID)).toBe(false);
    // Gone never removes this window's own state.
    b.enter('s21');
    b.gone('s21', [b.awareness('s21').clientID]);
    expect(b.awareness('s21').getLocalState()).not.toBeNull();
  });

  it('sends only its own state, never what it received, and says goodbye on dispose', () => {
    const { a, b, sent } = pair();
    const before = sent.filter((s) => s.from === 'b').length;
    // A third client's update reaches B: B must not send it on.
    const other = new Awareness(new Y.Doc());
    other.setLocalState({ user: { name: 'Chidi', color: '#2e7d32' }, session: 's1' });
    b.received('ev', encodeAwarenessUpdate(other, [other.clientID]));
    expect(sent.filter((s) => s.from === 'b').length).toBe(before);
    expect(b.people().map((p) => p.name)).toEqual(['Amina', 'Chidi']);

    const aId = a.awareness('ev').clientID;
    a.dispose();
    expect(b.people().map((p) => p.name)).toEqual(['Chidi']);
    expect(b.awareness('ev').getStates().has(aId)).toBe(false);
    other.destroy();
  });
});
