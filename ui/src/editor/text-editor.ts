/**
 * A Markdown editor (CodeMirror 6) bound to one Y.Text through y-codemirror.next. The Y.Doc
 * is the source of truth: the editor shows and edits it, and whoever owns the doc decides
 * where its updates go. Undo is Yjs's, so it only undoes this window's own edits. With an
 * awareness, others' carets and selections show with their names, and this editor's caret
 * goes into the awareness whenever the editor has focus. Each line takes the direction of its
 * own text (`direction.ts`), so an Arabic line runs right to left between English ones,
 * whatever the window's language.
 */

import { defaultKeymap, insertNewlineAndIndent } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightSpecialChars,
  keymap,
  placeholder,
} from '@codemirror/view';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import { perLineDirection } from './direction';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

export interface TextEditorOptions {
  parent: HTMLElement;
  text: Y.Text;
  /** The id of the element that labels the editor, for screen readers. */
  labelledBy: string;
  placeholder: string;
  testId: string;
  extra?: Extension[];
  /** Whose carets to show, and where this editor's caret goes. */
  awareness?: Awareness;
  /** The event is final: the text shows but cannot be edited. */
  readOnly?: boolean;
}

/**
 * Puts the caret in the awareness while the editor is the focused element. y-codemirror.next
 * does so only while the OS window has focus too (`view.hasFocus` checks
 * `document.hasFocus()`), which a window behind another one, or under a test driver, lacks;
 * its own update stays as it is.
 */
function caretToAwareness(text: Y.Text, awareness: Awareness): Extension {
  return EditorView.updateListener.of((u) => {
    const focused = u.view.root.activeElement === u.view.contentDOM;
    if (!focused || !(u.selectionSet || u.focusChanged || u.docChanged)) return;
    const local = awareness.getLocalState();
    if (local === null) return;
    const sel = u.state.selection.main;
    const anchor = Y.createRelativePositionFromTypeIndex(text, sel.anchor);
    const head = Y.createRelativePositionFromTypeIndex(text, sel.head);
    const cur = local.cursor as { anchor: unknown; head: unknown } | null | undefined;
    const same = (a: unknown, b: Y.RelativePosition) => a != null && Y.compareRelativePositions(Y.createRelativePositionFromJSON(a), b);
    if (cur && same(cur.anchor, anchor) && same(cur.head, head)) return;
    awareness.setLocalStateField('cursor', { anchor, head });
  });
}

export function createTextEditor(o: TextEditorOptions): EditorView {
  const undoManager = new Y.UndoManager(o.text);
  const state = EditorState.create({
    doc: o.text.toString(),
    extensions: [
      highlightSpecialChars(),
      drawSelection(),
      highlightActiveLine(),
      EditorView.lineWrapping,
      perLineDirection(),
      markdown(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      placeholder(o.placeholder),
      ...(o.extra ?? []),
      keymap.of([...yUndoManagerKeymap, { key: 'Enter', run: insertNewlineAndIndent }, ...defaultKeymap]),
      yCollab(o.text, o.awareness ?? null, { undoManager }),
      o.awareness ? caretToAwareness(o.text, o.awareness) : [],
      o.readOnly ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : [],
      EditorView.contentAttributes.of({
        'aria-labelledby': o.labelledBy,
        'aria-multiline': 'true',
        'data-testid': o.testId,
        'aria-readonly': o.readOnly ? 'true' : 'false',
        spellcheck: 'true',
      }),
    ],
  });
  return new EditorView({ state, parent: o.parent });
}
