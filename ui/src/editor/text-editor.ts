/**
 * A Markdown editor (CodeMirror 6) bound to one Y.Text through y-codemirror.next. The Y.Doc
 * is the source of truth: the editor shows and edits it, and whoever owns the doc decides
 * where its updates go. Undo is Yjs's, so it only undoes this window's own edits.
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
import * as Y from 'yjs';

export interface TextEditorOptions {
  parent: HTMLElement;
  text: Y.Text;
  /** The id of the element that labels the editor, for screen readers. */
  labelledBy: string;
  placeholder: string;
  testId: string;
  extra?: Extension[];
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
      markdown(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      placeholder(o.placeholder),
      ...(o.extra ?? []),
      keymap.of([...yUndoManagerKeymap, { key: 'Enter', run: insertNewlineAndIndent }, ...defaultKeymap]),
      yCollab(o.text, null, { undoManager }),
      EditorView.contentAttributes.of({
        'aria-labelledby': o.labelledBy,
        'aria-multiline': 'true',
        'data-testid': o.testId,
        spellcheck: 'true',
      }),
    ],
  });
  return new EditorView({ state, parent: o.parent });
}
