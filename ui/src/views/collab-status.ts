/**
 * What the Collaborate panel draws from data, without acting: how others reach this host
 * (addresses, join code, QR code), the peers with their state and last sync, the people here
 * and where each is, and the hosts found on the network. Redrawn from each status poll or
 * presence change; nothing here holds focus or typed text, so redrawing never disturbs the
 * user. `collab.ts` wires the forms and buttons to the core.
 */

import { findSession, sessionRef, shown } from '../agenda/model';
import type { AgendaView } from '../agenda/types';
import { peerLine, shortDevice, type HostInfo, type LiveStatus } from '../collab/model';
import { initials, type Person } from '../presence/model';
import { h } from '../util/dom';

/** The QR code as an image: the core's SVG through a data: URL (an <img> runs no script). */
function qrImage(info: HostInfo): HTMLImageElement {
  const bytes = new TextEncoder().encode(info.qr_svg);
  let bin = '';
  bytes.forEach((b) => (bin += String.fromCharCode(b)));
  return h('img', {
    id: 'collab-qr',
    class: 'collab-qr',
    src: `data:image/svg+xml;base64,${btoa(bin)}`,
    alt: `QR code of ${info.qr_text}`,
    width: 168,
    height: 168,
  });
}

let shownQr: { code: string; img: HTMLImageElement } | null = null;

export function renderHostInfo(info: HostInfo): HTMLElement {
  if (shownQr?.code !== info.code) shownQr = { code: info.code, img: qrImage(info) };
  return h(
    'div',
    { class: 'collab-host' },
    h(
      'div',
      { class: 'collab-host-top' },
      h(
        'div',
        { class: 'collab-host-text' },
        h('p', { class: 'collab-label' }, info.addresses.length > 1 ? 'Others join with one of these addresses' : 'Others join with this address'),
        h('ul', { class: 'collab-addresses', id: 'collab-addresses' }, info.addresses.map((a) => h('li', {}, h('code', {}, a)))),
      ),
      shownQr.img,
    ),
    h('p', { class: 'collab-label' }, 'and this join code'),
    h('p', { class: 'collab-code', id: 'collab-code', 'aria-label': `Join code ${info.code.split('').join(' ')}` }, info.code),
    info.unannounced
      ? h('p', { class: 'muted small', id: 'collab-unannounced' }, `Not announced on this network (${info.unannounced}): others type the address.`)
      : h('p', { class: 'muted small' }, 'Announced on this network: others find it in their Join form.'),
  );
}

export function renderPeers(s: LiveStatus, now: number): HTMLElement | null {
  if (s.peers.length === 0) {
    if (s.mode === 'hosting' && s.running) return h('p', { class: 'muted small' }, 'No one has joined yet.');
    return null;
  }
  return h(
    'ul',
    { class: 'collab-peers', 'aria-label': 'Peers' },
    s.peers.map((p) => {
      const line = peerLine(p, now);
      return h(
        'li',
        { class: `collab-peer ${p.connected ? 'is-connected' : 'is-gone'}`, 'data-device': p.device },
        h('span', { class: 'peer-dot', 'aria-hidden': 'true' }),
        h('span', { class: 'peer-name' }, s.mode === 'relay' ? 'The relay' : [s.mode === 'joining' ? 'Host ' : 'Device ', h('code', {}, shortDevice(p.device))]),
        h('span', { class: 'peer-addr muted small' }, p.addr),
        h('span', { class: 'peer-state' }, line.state),
        h('span', { class: 'peer-synced muted small' }, line.synced),
        line.pending ? h('span', { class: 'peer-pending small' }, line.pending) : '',
      );
    }),
  );
}

/** Who is here (from presence), each with the session they have open. */
export function renderPeople(people: readonly Person[], agenda: AgendaView | null): HTMLElement[] {
  const where = (id: string | null) => {
    const s = id && agenda ? findSession(agenda, id) : null;
    return s && agenda ? `in ${sessionRef(agenda, s.id) ?? ''} ${shown(s.title, '') || 'Untitled session'}` : 'not in a session';
  };
  return people.map((p) =>
    h('li', { class: 'collab-person' }, h('span', { class: 'presence-badge', style: `background-color: ${p.color}`, 'aria-hidden': 'true' }, initials(p.name)), h('span', { class: 'person-name' }, p.name), ' ', h('span', { class: 'muted small' }, where(p.session))),
  );
}

/** The hosts found on the network, each a button that `pick`s its address. */
export function renderFound(choices: readonly { label: string; address: string }[], pick: (address: string) => void): HTMLElement[] {
  const note = (text: string) => h('p', { class: 'muted small' }, text);
  if (choices.length === 0) return [note('No host announced on this network (venue Wi-Fi often blocks this). Type the address the host shows.')];
  return [
    note('Hosts on this network:'),
    h('ul', { class: 'collab-found-list' }, choices.map((c) => h('li', {}, h('button', { type: 'button', class: 'collab-found-host', 'data-address': c.address, onclick: () => pick(c.address) }, h('code', {}, c.address), ' ', h('span', { class: 'muted small' }, c.label))))),
  ];
}
