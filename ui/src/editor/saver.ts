/**
 * Sends each local Yjs update to the core and keeps count of what is not yet on disk. The
 * status is "Saved" only when every update sent has been acknowledged by the core's commit;
 * a failed update is kept and sent again (the core ignores an update it already has), so a
 * transient failure never drops a keystroke. An update the core refuses for good (the event
 * is final) is not sent again: the status says it was not saved, and why.
 */

import { errorMessage } from '../util/error';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving'; pending: number }
  | { state: 'saved'; at: number }
  | { state: 'error'; pending: number; message: string }
  | { state: 'refused'; message: string };

export interface SaverOptions {
  send: (update: Uint8Array) => Promise<void>;
  onStatus: (status: SaveStatus) => void;
  /** Milliseconds before a failed update is sent again (doubles up to 8 s). */
  retryMs?: number;
  now?: () => number;
  schedule?: (fn: () => void, ms: number) => unknown;
  /** Whether an error is final (the core will never take this update): not retried. */
  permanent?: (e: unknown) => boolean;
}

export class Saver {
  #pending = 0;
  #lastError: string | null = null;
  #refused: string | null = null;
  readonly #o: Required<SaverOptions>;

  constructor(options: SaverOptions) {
    this.#o = {
      retryMs: 500,
      now: () => Date.now(),
      schedule: (fn, ms) => setTimeout(fn, ms),
      permanent: () => false,
      ...options,
    };
  }

  get pending(): number {
    return this.#pending;
  }

  /** Sends an update; status goes to "saving" at once and to "saved" when all are acked. */
  push(update: Uint8Array): void {
    this.#pending++;
    this.#report();
    void this.#attempt(update, this.#o.retryMs);
  }

  async #attempt(update: Uint8Array, delay: number): Promise<void> {
    try {
      await this.#o.send(update);
    } catch (e) {
      if (this.#o.permanent(e)) {
        this.#pending--;
        this.#refused = errorMessage(e);
        this.#report();
        return;
      }
      this.#lastError = errorMessage(e);
      this.#report();
      this.#o.schedule(() => void this.#attempt(update, Math.min(delay * 2, 8000)), delay);
      return;
    }
    this.#pending--;
    if (this.#pending === 0) this.#lastError = null;
    this.#report();
  }

  #report(): void {
    if (this.#refused !== null && this.#pending === 0) {
      this.#o.onStatus({ state: 'refused', message: this.#refused });
    } else if (this.#pending === 0) {
      this.#o.onStatus({ state: 'saved', at: this.#o.now() });
    } else if (this.#lastError !== null) {
      this.#o.onStatus({ state: 'error', pending: this.#pending, message: this.#lastError });
    } else {
      this.#o.onStatus({ state: 'saving', pending: this.#pending });
    }
  }
}

/** The words the indicator shows. */
export function statusLabel(s: SaveStatus): string {
  switch (s.state) {
    case 'idle':
      return 'No changes yet';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'error':
      return `Not saved yet — retrying (${s.message})`;
    case 'refused':
      return `Not saved: ${s.message}`;
  }
}
