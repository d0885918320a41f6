// @vitest-environment happy-dom
/** The session view over a fake core: Alt+R puts a prefix in the capture box through the
 * shortcut registry (and stops when the view goes), and a change the core reports to this
 * session's document makes the view ask for what its Y.Doc is missing. */

import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agenda, fakeCtx, fakeIpc, session, settle } from '../test/fake';
import { mountSession } from './session';

afterEach(() => document.body.replaceChildren());

describe('the session view', () => {
  it('fills the capture prefix with Alt+R, catches up on a reported change, and shows a renamed title', async () => {
    const core = new Y.Doc();
    core.getText('notes').insert(0, 'FAO opened the session.');
    const fake = fakeIpc({
      getSessionState: async () => ({ update: Y.encodeStateAsUpdate(core), stateVector: Y.encodeStateVector(core) }),
      applyUpdate: async () => {},
    });
    const ctx = fakeCtx(fake);
    ctx.store.dispatch({ type: 'event-opened', eventId: 'e1', agenda: agenda('e1', [[session('s1', 'Opening')]]) });
    ctx.store.dispatch({ type: 'session-opened', sessionId: 's1' });
    const pane = document.createElement('div');
    document.body.append(pane);
    const view = mountSession(ctx, pane, 'e1', 's1');
    ctx.store.subscribe((tr) => view.update(tr.state));
    await settle();
    expect(pane.querySelector('[data-testid="notes-editor"]')?.textContent).toContain('FAO opened the session.');

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', altKey: true, bubbles: true, cancelable: true }));
    expect(pane.querySelector<HTMLInputElement>('#capture-input')!.value).toBe('REC: ');

    core.getText('notes').insert(core.getText('notes').length, ' IOM agreed.');
    ctx.store.dispatch({ type: 'doc-changed', eventId: 'e1', docId: 's1', origin: 'cli' });
    await settle();
    expect(pane.querySelector('[data-testid="notes-editor"]')?.textContent).toContain('IOM agreed.');

    ctx.store.dispatch({ type: 'agenda-loaded', agenda: agenda('e1', [[session('s1', 'Opening and welcome')]]) });
    expect(pane.querySelector('#session-title')?.textContent).toBe('Opening and welcome');

    view.dispose();
    const box = pane.querySelector<HTMLInputElement>('#capture-input')!;
    box.value = '';
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'd', altKey: true, bubbles: true, cancelable: true }));
    expect(box.value).toBe('');
    ctx.shortcuts.dispose();
  });
});
