/**
 * Shows a found piece of text in a session's editor after a search jump: waits for the editor
 * (the session view mounts it once the document has loaded), selects the first occurrence and
 * scrolls it into view. Gives up quietly after a few seconds: the session is open either way.
 */

import { EditorView } from '@codemirror/view';

export function revealInEditor(testId: string, needle: string, timeoutMs = 4000): void {
  if (!needle) return;
  const started = Date.now();
  const attempt = () => {
    const content = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    const view = content ? EditorView.findFromDOM(content) : null;
    const at = view ? view.state.doc.toString().toLowerCase().indexOf(needle.toLowerCase()) : -1;
    if (view && at >= 0) {
      view.dispatch({ selection: { anchor: at, head: at + needle.length }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      view.focus();
    } else if (Date.now() - started < timeoutMs) {
      setTimeout(attempt, 100);
    }
  };
  attempt();
}
