// @vitest-environment happy-dom
/**
 * The whole window over a fake core: the one echo rule as the UI sees it. A change the core
 * reports (`doc-changed`) redraws what shows it, whoever made it, without remounting the open
 * session; the window's own commands refresh the same way, with no reload by hand.
 */

import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agenda, fakeCtx, fakeIpc, outcome, session, settle } from '../test/fake';
import { mountApp } from './app';
import { followChanges, RELOAD_DELAY_MS } from '../controllers/changes';
import { openEvent, type Ctx } from '../controllers/context';
import type { FakeIpc } from '../test/fake';
import type { AgendaView, OutcomeRow } from '../agenda/types';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
  document.body.replaceChildren();
});

/** The window on a fake core whose agenda and outcomes the test changes. */
async function window(data: { agenda: AgendaView; outcomes: OutcomeRow[] }): Promise<{ ctx: Ctx; fake: FakeIpc; root: HTMLElement }> {
  const doc = new Y.Doc();
  const fake = fakeIpc({
    getAgenda: async () => data.agenda,
    listOutcomes: async () => data.outcomes,
    listParticipants: async () => [],
    getSessionState: async () => ({ update: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) }),
    applyUpdate: async () => {},
    captureOutcome: async () => 'o-new',
  });
  const ctx = fakeCtx(fake);
  const root = document.createElement('div');
  document.body.append(root);
  const app = mountApp(ctx, root);
  const off = ctx.store.subscribe((tr) => app.update(tr.state));
  const unlisten = await followChanges(ctx);
  cleanup.push(off, unlisten, () => app.dispose(), () => ctx.shortcuts.dispose());
  await openEvent(ctx, 'e1');
  return { ctx, fake, root };
}

describe('the window follows doc-changed', () => {
  it('redraws the sidebar for a peer\'s agenda edit while the open session stays mounted', async () => {
    const data = { agenda: agenda('e1', [[session('s1', 'Opening'), session('s2', 'Setting the scene')]]), outcomes: [] };
    const { ctx, fake, root } = await window(data);
    ctx.store.dispatch({ type: 'session-opened', sessionId: 's1' });
    await settle();
    const article = root.querySelector('article.session');
    expect(article).not.toBeNull();

    data.agenda = agenda('e1', [[session('s1', 'Opening'), session('s2', 'Renamed by a peer')]]);
    fake.docChanged({ eventId: 'e1', docId: 'e1', origin: 'peer:p1' });
    await settle(RELOAD_DELAY_MS + 20);
    expect(root.querySelector('li.row[data-session-id="s2"] .row-title')?.textContent).toBe('Renamed by a peer');
    expect(root.querySelector('article.session')).toBe(article);
  });

  it('shows an outcome the window captured itself once the core reports it, with no reload by hand', async () => {
    const data = { agenda: agenda('e1', [[session('s1', 'Opening')]]), outcomes: [] as OutcomeRow[] };
    const { ctx, fake, root } = await window(data);
    ctx.store.dispatch({ type: 'session-opened', sessionId: 's1' });
    await settle();
    const box = root.querySelector<HTMLInputElement>('#capture-input')!;
    box.value = 'REC: Brief Member States monthly';
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(fake.calls.find((c) => c.name === 'captureOutcome')?.args).toEqual(['e1', 's1', 'recommendation', 'Brief Member States monthly', 'desktop']);
    const listed = fake.calls.filter((c) => c.name === 'listOutcomes').length;

    // The core's echo of that command is what refreshes the list.
    data.outcomes = [outcome('o-new', 's1', 'Brief Member States monthly')];
    fake.docChanged({ eventId: 'e1', docId: 's1', origin: 'local' });
    await settle(RELOAD_DELAY_MS + 20);
    expect(fake.calls.filter((c) => c.name === 'listOutcomes').length).toBe(listed + 1);
    expect(root.querySelector('[data-testid="session-outcomes"]')?.textContent).toContain('Brief Member States monthly');
    // …and the session's Y.Doc catches up with what the command wrote.
    expect(fake.calls.filter((c) => c.name === 'getSessionState').at(-1)?.args.length).toBe(3);
  });

  it('ignores changes to other events', async () => {
    const data = { agenda: agenda('e1', [[session('s1', 'Opening')]]), outcomes: [] };
    const { ctx, fake } = await window(data);
    const before = fake.calls.length;
    fake.docChanged({ eventId: 'e2', docId: 'e2', origin: 'cli' });
    await settle(RELOAD_DELAY_MS + 20);
    expect(fake.calls.length).toBe(before);
    expect(ctx.store.state.change).toBeNull();
  });
});
