/**
 * A field in conflict, shown the same way on the board, in the session's outcome list and in
 * the side panel: the concurrent values side by side, each with "Keep this one" (writes that
 * value, which supersedes the others), and "Keep both", which splits the outcome into one
 * outcome per value (the original keeps the first; copies follow it on the board).
 */

import type { OutcomeView } from '../agenda/types';
import { conflicts, type Conflict } from '../outcomes/model';
import { h } from '../util/dom';
import { report, type Ctx } from '../controllers/context';

export const KEEP_BOTH_HINT = 'Keep both: one outcome per value; the copy follows this one on the board.';

async function act(ctx: Ctx, busy: HTMLElement, run: () => Promise<unknown>): Promise<void> {
  busy.querySelectorAll('button').forEach((b) => (b.disabled = true));
  try {
    await run(); // the outcome list is read again when the core reports the change
  } catch (e) {
    report(ctx, e);
    busy.querySelectorAll('button').forEach((b) => (b.disabled = false));
  }
}

function renderOne(ctx: Ctx, o: OutcomeView, c: Conflict): HTMLElement {
  const eventId = ctx.store.state.eventId!;
  const box = h('div', { class: 'conflict', role: 'group', 'aria-label': `${c.label} in conflict`, 'data-field': c.field });
  const values = c.values.map((v) =>
    h(
      'div',
      { class: 'conflict-value' },
      h('span', { class: 'conflict-text' }, v.label),
      h(
        'button',
        {
          class: 'keep-this',
          'aria-label': `Keep ${v.label} as ${c.label}`,
          onclick: () => void act(ctx, box, () => ctx.ipc.editOutcome(eventId, o.id, [{ field: c.field, value: v.value }])),
        },
        'Keep this one',
      ),
    ),
  );
  box.append(
    h('p', { class: 'conflict-title' }, h('strong', {}, `${c.label}: `), 'two people set different values'),
    h('div', { class: 'conflict-values' }, ...values),
    h(
      'button',
      { class: 'keep-both', title: KEEP_BOTH_HINT, onclick: () => void act(ctx, box, () => ctx.ipc.keepBoth(eventId, o.id, c.field)) },
      'Keep both',
    ),
    h('span', { class: 'muted small' }, ' ', KEEP_BOTH_HINT),
  );
  return box;
}

/** The conflicts of an outcome, or null when it has none. */
export function renderConflicts(ctx: Ctx, o: OutcomeView): HTMLElement | null {
  const cs = conflicts(o);
  return cs.length ? h('div', { class: 'conflicts' }, ...cs.map((c) => renderOne(ctx, o, c))) : null;
}
