/**
 * The Collaborate panel (Ctrl+Shift+L, or the top bar's button): host the open event in the
 * room, join a host by address and code, or sync through a relay (a y-websocket server such as
 * y-redis, or Hocuspocus: the protocol and the token are chosen here); each peer's
 * state; bundles exported and imported through the native dialogs. The work runs in the core;
 * this view starts and stops it and shows the status the core reports, polled once a second.
 * "Your name" is what others see next to this window's caret; the people here are listed
 * with the session each has open.
 *
 * The Join form lists the hosts announced on this network (mDNS), looked for when the panel
 * opens and on *Search again*; picking one fills in its address. Venue Wi-Fi often blocks
 * multicast, so the typed address is always there too.
 */

import { collabIpc, type CollabIpc } from '../ipc';
import { hostChoices, RELAY_PROTOCOLS, summary, type FoundHost, type RelayProtocol } from '../collab/model';
import { h } from '../util/dom';
import { errorMessage } from '../util/error';
import { openEvent, type Ctx, type Mounted } from '../controllers/context';
import { renderFound, renderHostInfo, renderPeers, renderPeople } from './collab-status';


const input = (id: string, label: string, attrs: Record<string, string> = {}) => {
  const el = h('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs });
  return { el, row: h('div', { class: 'collab-field' }, h('label', { for: id }, label), el) };
};

/** Mounts the panel at the end of `host` (hidden until the state opens it). */
export function mountCollab(ctx: Ctx, host: HTMLElement, close: () => void, io: CollabIpc = collabIpc): Mounted & { focus(): void } {
  const alert = h('p', { class: 'collab-alert', role: 'alert', id: 'collab-error', hidden: true });
  const fail = (e: unknown) => {
    alert.textContent = errorMessage(e);
    alert.hidden = false;
  };
  const run = (f: () => Promise<unknown>) => async () => {
    alert.hidden = true;
    try {
      await f();
      ctx.store.dispatch({ type: 'collab-status', status: await io.status() });
    } catch (e) {
      fail(e);
    }
  };
  const eventId = () => ctx.store.state.eventId;

  const presence = ctx.presence;
  const name = input('collab-name', 'Your name', { maxlength: '40', autocomplete: 'name', spellcheck: 'false' });
  name.el.value = presence?.typedName() ?? '';
  name.el.addEventListener('input', () => {
    presence?.setName(name.el.value);
    name.el.placeholder = presence?.shownName() ?? '';
  });
  const nameHint = h('p', { class: 'muted small' }, 'Shown to others next to your cursor.');
  const peopleList = h('ul', { class: 'collab-people', id: 'collab-people', 'aria-label': 'People here' });
  const peopleTitle = h('h3', { id: 'collab-people-title' }, 'Who is here');
  const showPeople = () => {
    name.el.placeholder = presence?.shownName() ?? '';
    if (document.activeElement !== name.el) name.el.value = presence?.typedName() ?? '';
    const list = presence?.hub()?.people() ?? [];
    peopleList.replaceChildren(...renderPeople(list, ctx.store.state.agenda));
    peopleTitle.hidden = peopleList.hidden = list.length === 0;
  };
  presence?.onChange(showPeople);
  showPeople();

  const summaryLine = h('p', { class: 'collab-summary', id: 'collab-summary', role: 'status', 'aria-live': 'polite' });
  const hostRegion = h('div', {});
  const refused = h('p', { class: 'muted small', id: 'collab-refused' });
  const peersRegion = h('div', { id: 'collab-peers' });
  const stop = h('button', { id: 'collab-stop', type: 'button', onclick: run(() => io.stop()) }, 'Stop sharing');

  const hostButton = h('button', { id: 'collab-host', class: 'primary', type: 'button', onclick: run(() => io.host(eventId()!)) }, 'Host this event');
  const hostHint = h('p', { class: 'muted small' }, 'Others in the room join with the address and code shown here.');

  const address = input('collab-address', 'Host address', { placeholder: '192.168.1.20:7420' });
  const code = input('collab-join-code', 'Join code', { placeholder: 'XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX', class: 'mono' });
  const found = h('div', { id: 'collab-discovered', class: 'collab-found', 'aria-live': 'polite' });
  const note = (text: string) => h('p', { class: 'muted small' }, text);
  const showFound = (hosts: FoundHost[]) =>
    found.replaceChildren(
      ...renderFound(hostChoices(hosts), (a) => {
        address.el.value = a;
        code.el.focus();
      }),
    );
  let looking = false;
  const lookForHosts = async () => {
    if (looking) return;
    looking = true;
    found.replaceChildren(note('Looking for hosts on this network…'));
    try {
      showFound(await io.discover());
    } catch (e) {
      found.replaceChildren(note(`Could not look for hosts (${errorMessage(e)}). Type the address the host shows.`));
    } finally {
      looking = false;
    }
  };
  const searchAgain = h('button', { id: 'collab-discover', type: 'button', class: 'link', onclick: () => void lookForHosts() }, 'Search again');
  const joinForm = h(
    'form',
    { class: 'collab-form', id: 'collab-join-form', 'aria-labelledby': 'collab-join-title' },
    h('h3', { id: 'collab-join-title' }, 'Join a host'),
    found,
    searchAgain,
    address.row,
    code.row,
    h('button', { id: 'collab-join', type: 'submit' }, 'Join'),
  );
  joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(() => io.join(address.el.value, code.el.value))();
  });

  const relayUrl = input('collab-relay-url', 'Relay URL', { placeholder: 'wss://relay.example.org/collab' });
  const relayProtocol = h(
    'select',
    { id: 'collab-relay-protocol' },
    RELAY_PROTOCOLS.map((p) => h('option', { value: p.value }, p.label)),
  ) as HTMLSelectElement;
  const protocolRow = h('div', { class: 'collab-field' }, h('label', { for: 'collab-relay-protocol' }, 'Server'), relayProtocol);
  const relayToken = input('collab-relay-token', 'Token (optional)', { type: 'password' });
  const relayButton = h('button', { id: 'collab-relay', type: 'submit' }, 'Sync through relay');
  const relayHint = h('p', { class: 'muted small' }, 'The server your organisation runs. For y-redis, its token may be part of the URL (?yauth=…).');
  const relayForm = h(
    'form',
    { class: 'collab-form', id: 'collab-relay-form', 'aria-labelledby': 'collab-relay-title' },
    h('h3', { id: 'collab-relay-title' }, 'Sync through a relay'),
    relayHint,
    relayUrl.row,
    protocolRow,
    relayToken.row,
    relayButton,
  );
  relayForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const protocol = relayProtocol.value as RelayProtocol;
    void run(() => io.relay(relayUrl.el.value.trim(), protocol, relayToken.el.value || null, eventId()!))();
  });

  const bundleResult = h('p', { id: 'bundle-result', class: 'small', role: 'status' });
  const exportButton = h('button', { id: 'bundle-export', type: 'button' }, 'Export bundle…');
  const importButton = h('button', { id: 'bundle-import', type: 'button' }, 'Import bundle…');
  exportButton.addEventListener('click', () => {
    void run(async () => {
      const ev = eventId();
      const path = ev && (await io.chooseSavePath('event.rapp'));
      if (!ev || !path) return;
      const r = await io.exportBundle(ev, path);
      bundleResult.textContent = `Wrote ${r.path} (${r.docs} documents).`;
    })();
  });
  importButton.addEventListener('click', () => {
    void run(async () => {
      const path = await io.chooseOpenPath();
      if (!path) return;
      const r = await io.importBundle(path);
      bundleResult.textContent = `${r.newChanges} new changes from ${r.deviceName || 'a device'} (${r.deviceId}); ${r.docsChanged} of ${r.docs} documents changed.`;
      if (r.eventId !== ctx.store.state.eventId) await openEvent(ctx, r.eventId);
    })();
  });

  const startForms = h(
    'div',
    { class: 'collab-start' },
    h('section', { class: 'collab-form', 'aria-labelledby': 'collab-host-title' }, h('h3', { id: 'collab-host-title' }, 'Host this event'), hostHint, hostButton),
    joinForm,
    relayForm,
  );

  const element = h(
    'aside',
    { id: 'collab', class: 'collab-panel', 'aria-labelledby': 'collab-title', hidden: true },
    h('header', { class: 'collab-head' }, h('h2', { id: 'collab-title' }, 'Collaborate'), h('button', { type: 'button', class: 'collab-close', 'aria-label': 'Close the Collaborate panel (Escape)', onclick: close }, '×')),
    summaryLine,
    alert,
    h('div', { class: 'collab-form collab-me' }, name.row, nameHint),
    peopleTitle,
    peopleList,
    hostRegion,
    refused,
    peersRegion,
    stop,
    startForms,
    h('section', { class: 'collab-form', 'aria-labelledby': 'collab-bundle-title' }, h('h3', { id: 'collab-bundle-title' }, 'Bundles'), h('p', { class: 'muted small' }, 'For a USB stick or e-mail when there is no network. Importing twice changes nothing.'), h('div', { class: 'collab-buttons' }, exportButton, importButton), bundleResult),
  );
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });

  host.append(element);
  return {
    dispose() {
      element.remove();
    },
    focus() {
      if (!ctx.store.state.collab.running) void lookForHosts();
      const target = [stop, hostButton, address.el].find((el) => !el.closest('[hidden]') && !(el as HTMLButtonElement).disabled);
      (target ?? element).focus();
    },
    update(state) {
      const s = state.collab;
      element.hidden = !state.collabOpen;
      summaryLine.textContent = summary(s, Date.now());
      summaryLine.dataset.mode = s.running ? s.mode : 'off';
      if (s.error && !s.running) {
        alert.textContent = s.error;
        alert.hidden = false;
      }
      hostRegion.replaceChildren(s.running && s.host ? renderHostInfo(s.host) : '');
      peersRegion.replaceChildren(renderPeers(s, Date.now()) ?? '');
      refused.textContent = s.running && s.mode === 'hosting' && s.refused ? `Last refused: ${s.refused}` : '';
      refused.hidden = !refused.textContent;
      stop.hidden = !s.running;
      stop.textContent = s.mode === 'hosting' ? 'Stop hosting' : s.mode === 'joining' ? 'Leave' : 'Stop syncing';
      startForms.hidden = s.running;
      const noEvent = !state.eventId || state.view !== 'event';
      hostButton.disabled = relayButton.disabled = exportButton.disabled = noEvent;
      hostHint.textContent = noEvent ? 'Open an event first to host it.' : 'Others in the room join with the address and code shown here.';
    },
  };
}
