// @vitest-environment happy-dom
/** The Participants view draws the state's list (read again whenever the core reports a change
 * to the event) and keeps what is being typed when a change made elsewhere redraws it. */

import { afterEach, describe, expect, it } from 'vitest';
import { agenda, fakeCtx, fakeIpc, participant, settle } from '../test/fake';
import { mountParticipants } from './participants';

afterEach(() => document.body.replaceChildren());

describe('the Participants view', () => {
  it('adds with one core call and redraws from the state, keeping a field being edited', async () => {
    const fake = fakeIpc({ addParticipant: async () => 'p3' });
    const ctx = fakeCtx(fake);
    ctx.store.dispatch({ type: 'event-opened', eventId: 'e1', agenda: agenda('e1', []) });
    ctx.store.dispatch({ type: 'participants-loaded', participants: [participant('p1', 'Amy Pope', 'IOM')] });
    const pane = document.createElement('div');
    document.body.append(pane);
    const view = mountParticipants(ctx, pane, 'e1');
    ctx.store.subscribe((tr) => view.update(tr.state));
    expect(pane.querySelectorAll('tr[data-participant-id]').length).toBe(1);

    (pane.querySelector('#new-name') as HTMLInputElement).value = 'Li Wei';
    pane.querySelector<HTMLFormElement>('form.add-person')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(fake.calls.find((c) => c.name === 'addParticipant')?.args).toEqual(['e1', { name: 'Li Wei', entity: '', handle: '', role: '' }]);

    // Someone is editing Amy's role when the list comes back with Li Wei added.
    const role = pane.querySelector<HTMLInputElement>('tr[data-participant-id="p1"] input[data-field="role"]')!;
    role.focus();
    role.value = 'Co-ch';
    ctx.store.dispatch({ type: 'participants-loaded', participants: [participant('p1', 'Amy Pope', 'IOM'), participant('p3', 'Li Wei', '')] });
    expect(pane.querySelectorAll('tr[data-participant-id]').length).toBe(2);
    const again = pane.querySelector<HTMLInputElement>('tr[data-participant-id="p1"] input[data-field="role"]')!;
    expect(again.value).toBe('Co-ch');
    expect(document.activeElement).toBe(again);
  });
});
