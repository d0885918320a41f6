// @vitest-environment happy-dom
/** The Collaborate panel over a fake of its ipc: hosting and joining are one call each, the
 * panel shows the status the core reports, and an error is shown in the panel. */

import { afterEach, describe, expect, it } from 'vitest';
import { agenda, fakeCtx, fakeIpc, session, settle } from '../test/fake';
import { mountCollab } from './collab';
import { OFF, type HostInfo, type LiveStatus } from '../collab/model';
import type { CollabIpc } from '../ipc';

afterEach(() => document.body.replaceChildren());

const info: HostInfo = { event_id: 'e1', port: 7420, addresses: ['10.0.0.2:7420'], code: 'MZXW6-YTBOI-QGC3T-MNXW4-ZDFOI', qr_text: '10.0.0.2:7420 MZXW6-YTBOI-QGC3T-MNXW4-ZDFOI', qr_svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', unannounced: null };

function panel(io: Partial<CollabIpc>) {
  const calls: { name: string; args: unknown[] }[] = [];
  const fake = new Proxy({} as CollabIpc, {
    get: (_, name: string) => (...args: unknown[]) => {
      calls.push({ name, args });
      const f = (io as Record<string, (...a: unknown[]) => unknown>)[name];
      return f ? f(...args) : Promise.reject(new Error(`not faked: ${name}`));
    },
  });
  const ctx = fakeCtx(fakeIpc());
  ctx.store.dispatch({ type: 'event-opened', eventId: 'e1', agenda: agenda('e1', [[session('s1', 'Opening')]]) });
  ctx.store.dispatch({ type: 'collab-open', open: true });
  const host = document.createElement('div');
  document.body.append(host);
  const view = mountCollab(ctx, host, () => {}, fake);
  ctx.store.subscribe((tr) => view.update(tr.state));
  view.update(ctx.store.state);
  return { ctx, calls, host };
}

describe('the Collaborate panel', () => {
  it('hosts the open event and shows the address and code the core reports', async () => {
    const hosting: LiveStatus = { ...OFF, running: true, mode: 'hosting', event_id: 'e1', host: info };
    const { calls, host } = panel({ host: async () => info, status: async () => hosting, discover: async () => [] });
    host.querySelector<HTMLButtonElement>('#collab-host')!.click();
    await settle();
    expect(calls.find((c) => c.name === 'host')?.args).toEqual(['e1']);
    expect(host.querySelector('#collab-code')?.textContent).toBe(info.code);
    expect(host.querySelector('#collab-addresses')?.textContent).toBe('10.0.0.2:7420');
    expect(host.querySelector<HTMLElement>('#collab-stop')!.hidden).toBe(false);
  });

  it('joins with the typed address and code, and shows a refusal in the panel', async () => {
    const { calls, host } = panel({ join: async () => Promise.reject({ code: 'code_mismatch', message: '10.0.0.2:7420: the join code did not match' }) });
    host.querySelector<HTMLInputElement>('#collab-address')!.value = '10.0.0.2';
    host.querySelector<HTMLInputElement>('#collab-join-code')!.value = 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA';
    host.querySelector<HTMLFormElement>('#collab-join-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(calls.find((c) => c.name === 'join')?.args).toEqual(['10.0.0.2', 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA']);
    const alert = host.querySelector<HTMLElement>('#collab-error')!;
    expect(alert.hidden).toBe(false);
    expect(alert.textContent).toContain('join code did not match');
  });
});
