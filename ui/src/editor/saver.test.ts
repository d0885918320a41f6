import { describe, expect, it } from 'vitest';
import { Saver, statusLabel, type SaveStatus } from './saver';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Saver', () => {
  it('says Saved only after every update is acknowledged', async () => {
    const calls: ReturnType<typeof deferred>[] = [];
    const seen: string[] = [];
    const saver = new Saver({
      send: () => {
        const d = deferred();
        calls.push(d);
        return d.promise;
      },
      onStatus: (s) => seen.push(statusLabel(s)),
    });
    saver.push(new Uint8Array([1]));
    saver.push(new Uint8Array([2]));
    expect(seen.at(-1)).toBe('Saving…');
    calls[1].resolve();
    await tick();
    expect(seen.at(-1)).toBe('Saving…');
    calls[0].resolve();
    await tick();
    expect(seen.at(-1)).toBe('Saved');
    expect(saver.pending).toBe(0);
  });

  it('retries a failed update and keeps it pending until it is acknowledged', async () => {
    let attempts = 0;
    const scheduled: (() => void)[] = [];
    const statuses: SaveStatus[] = [];
    const saver = new Saver({
      send: async () => {
        attempts++;
        if (attempts === 1) throw { code: 'database', message: 'disk full' };
      },
      onStatus: (s) => statuses.push(s),
      schedule: (fn) => scheduled.push(fn),
    });
    saver.push(new Uint8Array([1]));
    await tick();
    expect(statuses.at(-1)).toEqual({ state: 'error', pending: 1, message: 'disk full' });
    expect(statusLabel(statuses.at(-1)!)).toMatch(/^Not saved yet/);
    scheduled[0]();
    await tick();
    expect(attempts).toBe(2);
    expect(statuses.at(-1)?.state).toBe('saved');
  });

  it('does not retry an update the core refuses for good, and says why', async () => {
    const seen: string[] = [];
    let sent = 0;
    const scheduled: (() => void)[] = [];
    const saver = new Saver({
      send: async () => {
        sent++;
        throw { code: 'final', message: 'event is final (version 1.0)' };
      },
      onStatus: (s) => seen.push(statusLabel(s)),
      schedule: (fn) => scheduled.push(fn),
      permanent: (e) => (e as { code?: string }).code === 'final',
    });
    saver.push(new Uint8Array([1]));
    await tick();
    expect(sent).toBe(1);
    expect(scheduled).toEqual([]);
    expect(saver.pending).toBe(0);
    expect(seen.at(-1)).toBe('Not saved: event is final (version 1.0)');
  });
});
