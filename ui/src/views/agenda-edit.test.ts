// @vitest-environment happy-dom
/** Agenda editing over a fake core: each change is one core call, and the view redraws from
 * the agenda the state holds once the core has reported the change (never by hand). */

import { afterEach, describe, expect, it } from 'vitest';
import { agenda, fakeCtx, fakeIpc, session, settle } from '../test/fake';
import { mountAgendaEditor } from './agenda-edit';

afterEach(() => document.body.replaceChildren());

function editor() {
  const fake = fakeIpc({ setSessionField: async () => {}, addSession: async () => 's3', moveSession: async () => true });
  const ctx = fakeCtx(fake);
  ctx.store.dispatch({ type: 'event-opened', eventId: 'e1', agenda: agenda('e1', [[session('s1', 'Opening'), session('s2', 'Setting the scene')]]) });
  const pane = document.createElement('div');
  document.body.append(pane);
  const view = mountAgendaEditor(ctx, pane, 'e1');
  ctx.store.subscribe((tr) => view.update(tr.state));
  return { ctx, fake, pane };
}

describe('agenda editing', () => {
  it('sets a field with one core call and shows the agenda the core then reports', async () => {
    const { ctx, fake, pane } = editor();
    pane.querySelector<HTMLButtonElement>('.edit-row[data-row-id="s2"]')!.click();
    const title = pane.querySelector<HTMLInputElement>('#edit-title')!;
    expect(title.value).toBe('Setting the scene');
    title.value = 'Setting the scene (edited)';
    title.dispatchEvent(new Event('change'));
    await settle();
    expect(fake.calls.filter((c) => c.name === 'setSessionField').map((c) => c.args)).toEqual([['e1', 's2', 'title', 'Setting the scene (edited)']]);
    expect(fake.calls.some((c) => c.name === 'getAgenda')).toBe(false);
    ctx.store.dispatch({ type: 'agenda-loaded', agenda: agenda('e1', [[session('s1', 'Opening'), session('s2', 'Setting the scene (edited)')]]) });
    expect(pane.querySelector('.edit-row[data-row-id="s2"] .row-title')?.textContent).toBe('Setting the scene (edited)');
  });

  it('selects the title of a session added to a day once the agenda lists it', async () => {
    const { ctx, fake, pane } = editor();
    pane.querySelector<HTMLButtonElement>('.add-session[data-day-id="day1"]')!.click();
    await settle();
    expect(fake.calls.find((c) => c.name === 'addSession')?.args).toEqual(['e1', 'day1', 's1', 'New session']);
    ctx.store.dispatch({ type: 'agenda-loaded', agenda: agenda('e1', [[session('s1', 'Opening'), session('s3', 'New session'), session('s2', 'Setting the scene')]]) });
    const title = pane.querySelector<HTMLInputElement>('#edit-title')!;
    expect(title.value).toBe('New session');
    expect(document.activeElement).toBe(title);
  });

  it('removes a row only on the second click', async () => {
    const { fake, pane } = editor();
    pane.querySelector<HTMLButtonElement>('#remove-session')!.click();
    expect(fake.calls.some((c) => c.name === 'setSessionField')).toBe(false);
    pane.querySelector<HTMLButtonElement>('#remove-session')!.click();
    await settle();
    expect(fake.calls.find((c) => c.name === 'setSessionField')?.args).toEqual(['e1', 's1', 'removed', 'true']);
  });
});
