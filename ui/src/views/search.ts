/**
 * The search overlay (Ctrl+K): searches the open event's notes, summaries and outcomes as the
 * user types (debounced), ↑/↓ choose a result, Enter opens its session and selects the match
 * in the editor, Esc closes and gives focus back to where it was.
 */

import { sessionRef } from '../agenda/model';
import { revealInEditor } from '../editor/reveal';
import { isSearchable, moveSelection, resultView, type ResultView } from '../search/model';
import { h } from '../util/dom';
import { report, type Ctx } from '../controllers/context';

const DEBOUNCE_MS = 150;

let openOverlay: HTMLElement | null = null;

/** Opens the overlay over the event view (or focuses it when it is already open). */
export function openSearch(ctx: Ctx): void {
  const eventId = ctx.store.state.eventId;
  if (ctx.store.state.view !== 'event' || !eventId) return;
  if (openOverlay) {
    openOverlay.querySelector('input')?.focus();
    return;
  }
  const returnFocus = document.activeElement as HTMLElement | null;
  const input = h('input', {
    id: 'search-input',
    type: 'search',
    class: 'search-input',
    placeholder: 'Search notes, summaries and outcomes',
    autocomplete: 'off',
    role: 'combobox',
    'aria-expanded': 'true',
    'aria-controls': 'search-results',
    'aria-autocomplete': 'list',
  });
  const list = h('ul', { id: 'search-results', class: 'search-results', role: 'listbox', 'aria-label': 'Results' });
  const status = h('p', { class: 'search-status muted small', role: 'status', 'aria-live': 'polite' }, 'Type to search this event.');
  const dialog = h(
    'div',
    { class: 'search-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'search-label' },
    h('label', { id: 'search-label', for: 'search-input', class: 'search-label' }, 'Search'),
    input,
    status,
    list,
    h('p', { class: 'muted small search-keys' }, '↑/↓ choose · Enter open · Esc close'),
  );
  const overlay = h('div', { class: 'search-overlay', 'data-testid': 'search-overlay' }, dialog);
  openOverlay = overlay;
  document.body.append(overlay);
  input.focus();

  let results: ResultView[] = [];
  let selected = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const close = () => {
    clearTimeout(timer);
    overlay.remove();
    openOverlay = null;
    if (returnFocus?.isConnected) returnFocus.focus();
  };

  const paint = () => {
    list.replaceChildren(
      ...results.map((r, i) =>
        h(
          'li',
          {
            id: `search-option-${i}`,
            role: 'option',
            class: 'search-result',
            'aria-selected': i === selected ? 'true' : 'false',
            'data-session-id': r.sessionId,
            onmousedown: (e: Event) => e.preventDefault(),
            onclick: () => choose(i),
          },
          h('span', { class: 'result-where' }, r.where, ' — ', r.title),
          h('span', { class: 'result-snippet' }, r.parts.map((p) => (p.match ? h('mark', {}, p.text) : p.text))),
        ),
      ),
    );
    if (selected >= 0) {
      input.setAttribute('aria-activedescendant', `search-option-${selected}`);
      list.children[selected]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const run = async (query: string) => {
    const mine = ++generation;
    if (!isSearchable(query)) {
      results = [];
      selected = -1;
      status.textContent = query.trim() ? 'Type a word to search for.' : 'Type to search this event.';
      paint();
      return;
    }
    try {
      const hits = await ctx.ipc.search(eventId, query);
      if (mine !== generation) return;
      const agenda = ctx.store.state.agenda;
      results = hits.map((hit) => resultView(hit, (id) => (agenda ? sessionRef(agenda, id) : null)));
      selected = results.length ? 0 : -1;
      status.textContent = results.length ? `${results.length} result${results.length === 1 ? '' : 's'}` : `Nothing found for “${query.trim()}”.`;
      paint();
    } catch (e) {
      status.textContent = 'Search failed.';
      report(ctx, e);
    }
  };

  const choose = (i: number) => {
    const r = results[i];
    if (!r) return;
    close();
    ctx.store.dispatch({ type: 'session-opened', sessionId: r.sessionId });
    if (r.editor) revealInEditor(`${r.editor}-editor`, r.needle);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), DEBOUNCE_MS);
  });
  overlay.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      selected = moveSelection(selected, e.key === 'ArrowDown' ? 1 : -1, results.length);
      paint();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(selected);
    } else if (e.key === 'Tab') {
      e.preventDefault(); // focus stays in the dialog: the input is its only control
    }
  });
  overlay.addEventListener('mousedown', (e) => {
    if (e.target === overlay) close();
  });
}
