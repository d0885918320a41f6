/**
 * Quick capture inside the Notes editor. Ctrl+Alt+R / C / D / A turn the selection (or the
 * current line) into a recommendation, conclusion, decision or action point; and a line that
 * starts with a prefix (`REC:`, `CONCL:`, `DECISION:`, `ACTION:`) is captured when the user
 * finishes it with Enter (the cursor at its end). The owner decides what capturing means
 * and whether the line was captured before (it knows the outcomes' anchors).
 */

import type { Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { parseCapture, PREFIXES, type Captured } from '../capture/prefix';
import { captureText } from '../capture/anchor';

/** A capture request: what, and the span of the notes it came from. */
export interface CaptureRequest extends Captured {
  from: number;
  to: number;
  /** True for a prefix line finished with Enter (captured once), false for a shortcut. */
  byPrefix: boolean;
}

/** The shortcuts, as shown in the window. */
export const CAPTURE_SHORTCUTS = PREFIXES.map((p) => ({ kind: p.kind, keys: `Ctrl+Alt+${p.key.toUpperCase()}` }));

export function captureKeys(onCapture: (r: CaptureRequest) => void, onEmpty: () => void): Extension {
  const byShortcut = PREFIXES.map((p) => ({
    key: `Ctrl-Alt-${p.key}`,
    preventDefault: true,
    run: (view: EditorView) => {
      const sel = view.state.selection.main;
      const line = view.state.doc.lineAt(sel.head);
      const [from, to] = sel.empty ? [line.from, line.to] : [sel.from, sel.to];
      const c = captureText(view.state.sliceDoc(from, to), p.kind);
      if (c) onCapture({ ...c, from, to, byPrefix: false });
      else onEmpty();
      return true;
    },
  }));
  const onEnter = {
    key: 'Enter',
    run: (view: EditorView) => {
      const sel = view.state.selection.main;
      const line = view.state.doc.lineAt(sel.head);
      const atEnd = sel.empty && view.state.sliceDoc(sel.head, line.to).trim() === '';
      const c = atEnd ? parseCapture(line.text) : null;
      if (c) onCapture({ ...c, from: line.from, to: line.to, byPrefix: true });
      return false; // the newline is still inserted
    },
  };
  return keymap.of([...byShortcut, onEnter]);
}
