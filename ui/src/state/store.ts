/**
 * A small state store in the manner of CodeMirror's `EditorState`: the state is an immutable
 * value, and it changes only through {@link Store.dispatch}, which runs a pure reducer and
 * hands every listener the resulting {@link Transaction} (state before, action, state after).
 * Views read `store.state` and subscribe; they never assign to it.
 */

/** One state change: what was, what happened, what is. */
export interface Transaction<S, A> {
  readonly before: S;
  readonly action: A;
  readonly state: S;
  /** Whether the reducer returned a different state object. */
  readonly changed: boolean;
}

export type Reducer<S, A> = (state: S, action: A) => S;
export type Listener<S, A> = (tr: Transaction<S, A>) => void;

export class Store<S, A> {
  #state: S;
  readonly #reduce: Reducer<S, A>;
  readonly #listeners = new Set<Listener<S, A>>();
  #dispatching = false;

  constructor(initial: S, reduce: Reducer<S, A>) {
    this.#state = deepFreeze(initial);
    this.#reduce = reduce;
  }

  /** The current state (frozen: change it through {@link dispatch}). */
  get state(): S {
    return this.#state;
  }

  /**
   * Applies an action and tells the listeners. Dispatching from inside a listener is an error,
   * as in CodeMirror: derive follow-up actions after the current one has been handled.
   */
  dispatch(action: A): Transaction<S, A> {
    if (this.#dispatching) {
      throw new Error('dispatch() called while a dispatch is in progress');
    }
    this.#dispatching = true;
    try {
      const before = this.#state;
      const state = deepFreeze(this.#reduce(before, action));
      this.#state = state;
      const tr: Transaction<S, A> = { before, action, state, changed: state !== before };
      for (const listener of [...this.#listeners]) listener(tr);
      return tr;
    } finally {
      this.#dispatching = false;
    }
  }

  /** Calls `listener` after every dispatch; returns the function that unsubscribes. */
  subscribe(listener: Listener<S, A>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
