// @vitest-environment happy-dom
/** The outcome board over a fake core: filters, merging (the first selected is kept) and
 * reordering call the core, and the board redraws from the outcomes the state holds. */

import { afterEach, describe, expect, it } from 'vitest';
import { agenda, fakeCtx, fakeIpc, outcome, session, settle } from '../test/fake';
import { mountBoard } from './board';

afterEach(() => document.body.replaceChildren());

function board() {
  const fake = fakeIpc({ mergeOutcomes: async () => 'o1', editOutcome: async () => {} });
  const ctx = fakeCtx(fake);
  ctx.store.dispatch({ type: 'event-opened', eventId: 'e1', agenda: agenda('e1', [[session('s1', 'Opening'), session('s2', 'Work plan')]]) });
  ctx.store.dispatch({
    type: 'outcomes-loaded',
    outcomes: [outcome('o1', 's1', 'First', { position: 1 }), outcome('o2', 's1', 'Second', { position: 2 }), outcome('o3', 's2', 'Third', { kind: { values: ['action'] } })],
  });
  const pane = document.createElement('div');
  document.body.append(pane);
  const view = mountBoard(ctx, pane);
  ctx.store.subscribe((tr) => view.update(tr.state));
  return { ctx, fake, pane };
}

const texts = (pane: HTMLElement) => [...pane.querySelectorAll('.card-text')].map((e) => e.textContent);

describe('the outcome board', () => {
  it('lists every outcome in agenda order and filters by kind', () => {
    const { pane } = board();
    expect(texts(pane)).toEqual(['First', 'Second', 'Third']);
    const kind = pane.querySelector<HTMLSelectElement>('#filter-kind')!;
    kind.value = 'action';
    kind.dispatchEvent(new Event('change'));
    expect(texts(pane)).toEqual(['Third']);
  });

  it('merges the selected outcomes into the first, then redraws from the reported change', async () => {
    const { ctx, fake, pane } = board();
    const checks = pane.querySelectorAll<HTMLInputElement>('input.select');
    for (const i of [1, 0]) {
      checks[i].checked = true;
      checks[i].dispatchEvent(new Event('change'));
    }
    const merge = pane.querySelector<HTMLButtonElement>('#merge-button')!;
    expect(merge.disabled).toBe(false);
    merge.click();
    await settle();
    expect(fake.calls.find((c) => c.name === 'mergeOutcomes')?.args).toEqual(['e1', 'o1', ['o2']]);
    ctx.store.dispatch({ type: 'outcomes-loaded', outcomes: [outcome('o1', 's1', 'First Second')] });
    expect(texts(pane)).toEqual(['First Second']);
  });

  it('moves an outcome down within its session with Alt+↓', async () => {
    const { fake, pane } = board();
    const card = pane.querySelector<HTMLElement>('.board-card[data-id="o1"]')!;
    card.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    await settle();
    const edit = fake.calls.find((c) => c.name === 'editOutcome');
    expect(edit?.args[1]).toBe('o1');
    expect(Number((edit?.args[2] as { value: string }[])[0].value)).toBeGreaterThan(2);
  });
});
