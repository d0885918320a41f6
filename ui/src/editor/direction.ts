/**
 * Notes in any script: every line of an editor takes the direction of its own text. Each
 * rendered line gets `dir="auto"` (the browser resolves it from the line's first strong
 * character), and `perLineTextDirection` makes CodeMirror read that direction per line for
 * cursor motion and selection, so an Arabic line runs right to left between English lines in
 * a left-to-right window, and an English line left to right in an Arabic one.
 */

import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

const auto = Decoration.line({ attributes: { dir: 'auto' } });

function lineDirections(view: EditorView): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  let last = -1;
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      if (line.from > last) b.add(line.from, line.from, auto);
      last = line.from;
      pos = line.to + 1;
    }
  }
  return b.finish();
}

export function perLineDirection(): Extension {
  return [
    EditorView.perLineTextDirection.of(true),
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(view: EditorView) {
          this.decorations = lineDirections(view);
        }
        update(u: ViewUpdate) {
          if (u.docChanged || u.viewportChanged) this.decorations = lineDirections(u.view);
        }
      },
      { decorations: (v) => v.decorations },
    ),
  ];
}
