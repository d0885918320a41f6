/**
 * The window's keyboard shortcuts, in one registry behind one `keydown` listener: Ctrl+K
 * (search), Alt+B and Escape (the outcome board), Ctrl+Shift+L (Collaborate) and, while a
 * session is open, Alt+R / C / D / A (a prefix in the capture box). Views add theirs when they
 * mount and remove them when they go; the newest one that matches and accepts the key wins.
 * Keys handled inside an element (an editor's own keymap, a panel's Escape) are handled there.
 */

/** A key with its modifiers. Modifiers left out must not be held (`ctrlOrMeta`: either). */
export interface Chord {
  key: string;
  ctrl?: boolean;
  alt?: boolean;
  shift?: boolean;
  ctrlOrMeta?: boolean;
  /** Only when nothing else handled the key first (`defaultPrevented`). */
  unhandled?: boolean;
}

/** What a shortcut does; returning `false` leaves the key to the next one (and the page). */
export type ShortcutRun = (e: KeyboardEvent) => boolean | void;

export interface Shortcuts {
  /** Adds a shortcut; returns the function that removes it. */
  add(chord: Chord, run: ShortcutRun): () => void;
  /** Stops listening. */
  dispose(): void;
}

export function matches(c: Chord, e: KeyboardEvent): boolean {
  if (e.key.toLowerCase() !== c.key.toLowerCase()) return false;
  if (c.unhandled && e.defaultPrevented) return false;
  const ctrl = c.ctrlOrMeta ? e.ctrlKey || e.metaKey : e.ctrlKey === !!c.ctrl && !e.metaKey;
  return ctrl && e.altKey === !!c.alt && (c.shift === undefined ? true : e.shiftKey === c.shift);
}

/** The registry, listening on `target` (the window). */
export function createShortcuts(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): Shortcuts {
  const all: { chord: Chord; run: ShortcutRun }[] = [];
  const onKey = (ev: Event) => {
    const e = ev as KeyboardEvent;
    for (const s of [...all].reverse()) {
      if (!matches(s.chord, e)) continue;
      if (s.run(e) === false) continue;
      e.preventDefault();
      return;
    }
  };
  target.addEventListener('keydown', onKey);
  return {
    add(chord, run) {
      const entry = { chord, run };
      all.push(entry);
      return () => {
        const i = all.indexOf(entry);
        if (i >= 0) all.splice(i, 1);
      };
    },
    dispose() {
      target.removeEventListener('keydown', onKey);
      all.length = 0;
    },
  };
}
