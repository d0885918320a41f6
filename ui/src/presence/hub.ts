/**
 * The awareness (y-protocols) of one open event: one `Awareness` per document, created on
 * first use and kept while the event is open, so states that arrive before an editor mounts
 * are not lost. The event's own id is the presence document: its local state says who this
 * window is and which session it has open. A session document's awareness goes to that
 * session's editors (`yCollab`), which put the caret in it.
 *
 * This window's changes go to the core (`send`), which passes them to the live sync (and drops
 * them when none runs); what peers send arrives through {@link PresenceHub.received} and
 * {@link PresenceHub.gone}. No DOM, no Tauri: unit-tested with a fake sender.
 */

import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { people, type Person, type User } from './model';

export type Send = (docId: string, update: Uint8Array) => void;

type Change = { added: number[]; updated: number[]; removed: number[] };

export class PresenceHub {
  private docs = new Map<string, Awareness>();
  private listeners = new Set<() => void>();
  private session: string | null = null;

  constructor(
    readonly eventId: string,
    private user: User,
    private readonly send: Send,
  ) {
    this.presenceState();
  }

  /** The awareness of `docId`, created (with no local state) on first use. */
  awareness(docId: string): Awareness {
    let aw = this.docs.get(docId);
    if (aw) return aw;
    aw = new Awareness(new Y.Doc());
    aw.setLocalState(null);
    const mine = aw;
    aw.on('update', ({ added, updated, removed }: Change, origin: unknown) => {
      if (origin === 'remote') return;
      if ([...added, ...updated, ...removed].includes(mine.clientID)) this.send(docId, encodeAwarenessUpdate(mine, [mine.clientID]));
    });
    if (docId === this.eventId) aw.on('change', () => this.listeners.forEach((f) => f()));
    this.docs.set(docId, aw);
    return aw;
  }

  /** Everyone else in the event, with the session they have open. */
  people(): Person[] {
    const aw = this.awareness(this.eventId);
    return people(aw.getStates() as Map<number, unknown>, aw.clientID);
  }

  /** Calls `f` whenever who is here, or where, changes; returns the unsubscriber. */
  onChange(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  /** The session this window shows (null for none). */
  setSession(sessionId: string | null): void {
    if (sessionId === this.session) return;
    this.session = sessionId;
    this.presenceState();
  }

  /** A new name (or colour): every document this window is present in says so. */
  setUser(user: User): void {
    this.user = user;
    for (const aw of this.docs.values()) {
      if (aw.getLocalState() !== null) aw.setLocalStateField('user', user);
    }
  }

  /** An editor of `docId` is mounted: this window is in it, as `user`, until `leave`. */
  enter(docId: string): Awareness {
    const aw = this.awareness(docId);
    aw.setLocalState({ user: this.user });
    return aw;
  }

  /** The editors of `docId` are gone: peers drop this window's caret there. */
  leave(docId: string): void {
    this.docs.get(docId)?.setLocalState(null);
  }

  /** A peer's awareness update for `docId`. */
  received(docId: string, update: Uint8Array): void {
    applyAwarenessUpdate(this.awareness(docId), update, 'remote');
  }

  /** The connection these clients came over closed. */
  gone(docId: string, clients: number[]): void {
    const aw = this.docs.get(docId);
    if (aw) removeAwarenessStates(aw, clients.filter((c) => c !== aw.clientID), 'remote');
  }

  /** Leaves every document (peers are told) and stops. */
  dispose(): void {
    for (const aw of this.docs.values()) {
      aw.setLocalState(null);
      aw.destroy();
    }
    this.docs.clear();
    this.listeners.clear();
  }

  private presenceState(): void {
    this.awareness(this.eventId).setLocalState({ user: this.user, session: this.session });
  }
}
