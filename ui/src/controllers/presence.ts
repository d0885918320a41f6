/**
 * Presence in the window: one {@link PresenceHub} for the open event, fed by the core's
 * `awareness` / `awareness-gone` events and sending this window's changes back through the
 * ipc; the display name (typed in the Collaborate panel, kept in localStorage per device id, as two
 * databases on one machine share the webview's storage) and the colour
 * derived from the device id. The sidebar markers and the panel's list of people render
 * from it (see `sidebar.ts`, `collab.ts`); the session editors take their awareness from it.
 */

import type { PresenceIpc } from '../ipc';
import { PresenceHub } from '../presence/hub';
import { cleanName, userFor } from '../presence/model';

const NAME_KEY = 'rapporteur.displayName';

export interface Presence {
  /** The open event's hub (null when no event is open). */
  hub(): PresenceHub | null;
  setEvent(eventId: string | null): void;
  setSession(sessionId: string | null): void;
  /** The name as typed ('' for the default). */
  typedName(): string;
  /** The name others see. */
  shownName(): string;
  setName(name: string): void;
  /** Calls `f` when who is here (or this window's name) changes. */
  onChange(f: () => void): void;
}

function storedName(device: string): string {
  try {
    return localStorage.getItem(`${NAME_KEY}.${device}`) ?? '';
  } catch {
    return ''; // storage disabled: the default name is used
  }
}

export function createPresence(io: PresenceIpc, report: (e: unknown) => void): Presence {
  let device = '';
  let name = '';
  let current: PresenceHub | null = null;
  let session: string | null = null;
  const listeners: (() => void)[] = [];
  const changed = () => listeners.forEach((f) => f());
  const user = () => userFor(device, name);

  io.deviceId()
    .then((id) => {
      device = id;
      name ||= storedName(id);
      current?.setUser(user());
      changed();
    })
    .catch(report);
  io.onAwareness((e) => {
    if (current && e.eventId === current.eventId) current.received(e.docId, e.update);
  }).catch(report);
  io.onAwarenessGone((e) => {
    if (current && e.eventId === current.eventId) current.gone(e.docId, e.clients);
  }).catch(report);

  return {
    hub: () => current,
    setEvent(eventId) {
      if (eventId === (current?.eventId ?? null)) return;
      current?.dispose();
      current = null;
      if (eventId) {
        const hub = new PresenceHub(eventId, user(), (docId, update) => io.sendAwareness(eventId, docId, update).catch(report));
        hub.setSession(session);
        hub.onChange(changed);
        current = hub;
      }
      changed();
    },
    setSession(sessionId) {
      session = sessionId;
      current?.setSession(sessionId);
    },
    typedName: () => name,
    shownName: () => user().name,
    setName(typed) {
      name = cleanName(typed);
      try {
        const key = `${NAME_KEY}.${device}`;
        if (name) localStorage.setItem(key, name);
        else localStorage.removeItem(key);
      } catch (e) {
        report(e);
      }
      current?.setUser(user());
      changed();
    },
    onChange(f) {
      listeners.push(f);
    },
  };
}
