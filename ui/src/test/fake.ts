/**
 * What view tests run against instead of the core: a fake of the `Ctx.ipc` seam whose calls
 * are recorded and answered from plain data the test gives, with `doc-changed` events the test
 * sends, and a `Ctx` with a real state store. Calls the test did not answer fail loudly.
 */

import { vi } from 'vitest';
import type { AgendaView, DayView, OutcomeRow, OutcomeView, Participant, SessionView } from '../agenda/types';
import type { DocChanged, Ipc } from '../ipc';
import { createAppStore } from '../state/app';
import type { Ctx } from '../controllers/context';
import { createShortcuts } from '../controllers/shortcuts';

type Answers = { [K in keyof Ipc]?: Ipc[K] };

export interface FakeIpc {
  ipc: Ipc;
  /** The calls made, by name, with their arguments. */
  calls: { name: string; args: unknown[] }[];
  /** Sends a `doc-changed` to every listener, as the core does after a commit. */
  docChanged(change: DocChanged): void;
}

export function fakeIpc(answers: Answers = {}): FakeIpc {
  const calls: FakeIpc['calls'] = [];
  const listeners = new Set<(c: DocChanged) => void>();
  const base: Answers = {
    onDocChanged: async (handler) => {
      listeners.add(handler);
      return () => listeners.delete(handler);
    },
    onFilesDropped: async () => () => {},
    ...answers,
  };
  const ipc = new Proxy({} as Ipc, {
    get(_, name: string) {
      return (...args: unknown[]) => {
        calls.push({ name, args });
        const f = (base as Record<string, ((...a: unknown[]) => unknown) | undefined>)[name];
        if (!f) return Promise.reject(new Error(`the test did not fake ipc.${name}`));
        return f(...args);
      };
    },
  });
  return { ipc, calls, docChanged: (c) => listeners.forEach((l) => l(c)) };
}

/** A `Ctx` over a fresh store and the fake ipc, with its own shortcut registry. */
export function fakeCtx(fake: FakeIpc): Ctx {
  return { store: createAppStore(), ipc: fake.ipc, shortcuts: createShortcuts(window) };
}

/** Lets pending promises and timers of `ms` run. */
export async function settle(ms = 0): Promise<void> {
  if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(ms);
  else await new Promise((r) => setTimeout(r, ms));
  await Promise.resolve();
}

const decided = <T>(v: T) => ({ values: [v] });

/** A session as the core sends it. */
export function session(id: string, title: string, over: Partial<SessionView> = {}): SessionView {
  return {
    id,
    start: decided('09:00'),
    end: decided('10:00'),
    title: decided(title),
    description: '',
    methodology: '',
    moderators: '',
    rapporteurs: '',
    kind: decided('working'),
    ...over,
  } as SessionView;
}

/** An agenda of one event with the given days of sessions. */
export function agenda(id: string, days: SessionView[][]): AgendaView {
  return {
    id,
    info: { title: 'Test event', group: '', venue: 'Geneva', start_date: '2018-02-12', end_date: '2018-02-12', time_zone: '', co_chairs: ['FAO'], objectives: [], expected_outcomes: [] },
    days: days.map((sessions, i) => ({ id: `day${i + 1}`, date: '2018-02-12', label: `Day ${i + 1}`, sessions }) as DayView),
  } as AgendaView;
}

/** An outcome row as `list_outcomes` returns it. */
export function outcome(id: string, sessionId: string, text: string, over: Partial<OutcomeView> = {}): OutcomeRow {
  return {
    outcome: {
      id,
      session_id: sessionId,
      kind: decided('recommendation'),
      text,
      lead: { values: [] },
      deadline: { values: [] },
      status: decided('draft'),
      confidential: decided(false),
      key_message: decided(false),
      position: 0,
      source: 'desktop',
      ...over,
    } as OutcomeView,
    session_title: 'Session',
    session_ref: '1.1',
  } as OutcomeRow;
}

export function participant(id: string, name: string, entity: string): Participant {
  return { id, name, entity, handle: name.replace(/\s/g, ''), role: '' };
}
