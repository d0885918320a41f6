// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createShortcuts, matches } from './shortcuts';

const key = (k: string, mods: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods });

describe('the shortcut registry', () => {
  it('matches a key with exactly its modifiers', () => {
    expect(matches({ key: 'b', alt: true }, key('B', { altKey: true, shiftKey: true }))).toBe(true);
    expect(matches({ key: 'b', alt: true }, key('b', { altKey: true, ctrlKey: true }))).toBe(false);
    expect(matches({ key: 'l', ctrl: true, shift: true }, key('L', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matches({ key: 'l', ctrl: true, shift: true }, key('l', { ctrlKey: true }))).toBe(false);
    expect(matches({ key: 'k', ctrlOrMeta: true }, key('k', { metaKey: true }))).toBe(true);
    const handled = key('Escape');
    handled.preventDefault();
    expect(matches({ key: 'Escape', unhandled: true }, handled)).toBe(false);
  });

  it('runs the newest shortcut that accepts the key, once, and forgets removed ones', () => {
    const target = new EventTarget();
    const s = createShortcuts(target);
    const ran: string[] = [];
    s.add({ key: 'b', alt: true }, () => void ran.push('board'));
    const off = s.add({ key: 'b', alt: true }, () => (ran.push('declined'), false));
    const e = key('b', { altKey: true });
    target.dispatchEvent(e);
    expect(ran).toEqual(['declined', 'board']);
    expect(e.defaultPrevented).toBe(true);
    off();
    target.dispatchEvent(key('b', { altKey: true }));
    expect(ran).toEqual(['declined', 'board', 'board']);
    s.dispose();
    target.dispatchEvent(key('b', { altKey: true }));
    expect(ran.length).toBe(3);
  });
});
