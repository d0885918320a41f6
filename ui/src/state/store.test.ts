import { describe, expect, it, vi } from 'vitest';
import { Store } from './store';

type S = { count: number; items: string[] };
type A = { type: 'inc' } | { type: 'add'; item: string } | { type: 'noop' };

const reduce = (s: S, a: A): S => {
  switch (a.type) {
    case 'inc':
      return { ...s, count: s.count + 1 };
    case 'add':
      return { ...s, items: [...s.items, a.item] };
    case 'noop':
      return s;
  }
};

const make = () => new Store<S, A>({ count: 0, items: [] }, reduce);

describe('Store', () => {
  it('changes state only through dispatch', () => {
    const store = make();
    const tr = store.dispatch({ type: 'inc' });
    expect(store.state.count).toBe(1);
    expect(tr.before.count).toBe(0);
    expect(tr.state).toBe(store.state);
    expect(tr.changed).toBe(true);
  });

  it('freezes state so it cannot be changed behind its back', () => {
    const store = make();
    store.dispatch({ type: 'add', item: 'a' });
    expect(() => {
      (store.state as { count: number }).count = 5;
    }).toThrow(TypeError);
    expect(() => (store.state.items as string[]).push('b')).toThrow(TypeError);
    expect(store.state).toEqual({ count: 0, items: ['a'] });
  });

  it('tells listeners each transaction, and stops after unsubscribe', () => {
    const store = make();
    const seen = vi.fn();
    const off = store.subscribe(seen);
    store.dispatch({ type: 'inc' });
    store.dispatch({ type: 'noop' });
    off();
    store.dispatch({ type: 'inc' });
    expect(seen).toHaveBeenCalledTimes(2);
    expect(seen.mock.calls[1][0].changed).toBe(false);
  });

  it('refuses a dispatch from inside a listener', () => {
    const store = make();
    store.subscribe((tr) => {
      if (tr.action.type === 'inc') store.dispatch({ type: 'noop' });
    });
    expect(() => store.dispatch({ type: 'inc' })).toThrow(/in progress/);
    // The store is usable afterwards.
    expect(store.dispatch({ type: 'noop' }).changed).toBe(false);
  });

  it('keeps the previous state when the reducer throws', () => {
    const store = new Store<S, A>({ count: 0, items: [] }, () => {
      throw new Error('boom');
    });
    expect(() => store.dispatch({ type: 'inc' })).toThrow('boom');
    expect(store.state.count).toBe(0);
  });
});
