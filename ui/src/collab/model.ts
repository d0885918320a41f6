/**
 * The Collaborate panel's data and the words it shows for it: the core's live-sync status
 * (mirrors `rapporteur::collab::status`) and pure formatting — the one-line summary, each peer's
 * state and "last synced" time, the retry countdown. No DOM, so it is unit-tested.
 */

export type Mode = 'off' | 'hosting' | 'joining' | 'relay';

/** The protocols a relay may speak (the core's `RelayProtocol` names), the default first. */
export const RELAY_PROTOCOLS = [
  { value: 'y-websocket', label: 'y-websocket (reference server, y-redis, y-sweet)' },
  { value: 'hocuspocus', label: 'Hocuspocus' },
] as const;
export type RelayProtocol = (typeof RELAY_PROTOCOLS)[number]['value'];

export interface HostInfo {
  event_id: string;
  port: number;
  addresses: string[];
  code: string;
  qr_text: string;
  qr_svg: string;
  /** Why the host is not announced on the local network (mDNS), if it is not. */
  unannounced: string | null;
}

export interface PeerStatus {
  conn: number;
  addr: string;
  device: string;
  connected: boolean;
  last_synced_ms: number | null;
  error: string | null;
  /** This device's changes since the last exchange with this peer (null before the first). */
  pending: number | null;
}

export interface LiveStatus {
  mode: Mode;
  event_id: string | null;
  host: HostInfo | null;
  target: string | null;
  /** The relay's protocol, when syncing through one. */
  protocol: string | null;
  peers: PeerStatus[];
  retry: { at_ms: number; error: string } | null;
  refused: string | null;
  error: string | null;
  running: boolean;
}

/** A host announced on the local network (mDNS); nothing personal, only a random name. */
export interface FoundHost {
  instance: string;
  /** `IP:port`, IPv4 first. */
  addrs: string[];
  version: number | null;
}

/** The Join form's choices: one per host that gave an address, by its first (IPv4) address. */
export function hostChoices(hosts: FoundHost[]): { label: string; address: string }[] {
  return hosts.filter((f) => f.addrs.length > 0).map((f) => ({ label: f.instance, address: f.addrs[0] }));
}

/** What a bundle import merged. */
export interface BundleImported {
  eventId: string;
  deviceId: string;
  deviceName: string;
  newChanges: number;
  docsChanged: number;
  docs: number;
  summary: string;
}

export const OFF: LiveStatus = { mode: 'off', event_id: null, host: null, target: null, protocol: null, peers: [], retry: null, refused: null, error: null, running: false };

/** "just now", "12 s ago", "3 min ago", "2 h ago". */
export function ago(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

/** Seconds until `at`, at least 0. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The first block of a device id: enough to tell laptops apart. */
export function shortDevice(id: string): string {
  return id ? id.split('-')[0].slice(0, 8) : 'unknown device';
}

export function connectedCount(s: LiveStatus): number {
  return s.peers.filter((p) => p.connected).length;
}

/** One line for the panel's status region (and screen readers). */
export function summary(s: LiveStatus, now: number): string {
  const n = connectedCount(s);
  const peers = `${n} ${n === 1 ? 'peer' : 'peers'} connected`;
  if (!s.running) {
    if (s.mode === 'relay' && s.refused) return 'Refused by the relay. Check the token; the error is shown below.';
    if (s.error) return 'Stopped. The error is shown below.';
    return 'Not sharing. Host this event, join a host, or sync through a relay.';
  }
  const retry = s.retry ? ` — ${s.retry.error}; trying again in ${secondsUntil(s.retry.at_ms, now)} s` : '';
  switch (s.mode) {
    case 'hosting':
      return `Hosting this event · ${peers}`;
    case 'joining':
      if (n > 0) return `Connected to ${s.target}`;
      return s.retry ? `Not connected to ${s.target}${retry}` : `Connecting to ${s.target}…`;
    case 'relay': {
      const relay = s.protocol === 'hocuspocus' ? `the Hocuspocus relay ${s.target}` : `the relay ${s.target}`;
      if (s.retry) return `Relay ${s.target} unavailable${retry}`;
      return n > 0 ? `Syncing through ${relay}` : `Connecting to ${relay}…`;
    }
    default:
      return 'Not sharing.';
  }
}

const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

/** What a peer's row says; `pending` is empty when nothing waits for that peer. */
export function peerLine(p: PeerStatus, now: number): { state: string; synced: string; pending: string } {
  const synced = p.last_synced_ms === null ? 'not synced yet' : `last synced ${ago(p.last_synced_ms, now)}`;
  const state = p.connected ? 'Connected' : p.error ? `Disconnected (${p.error})` : 'Disconnected';
  const n = p.pending ?? 0;
  const pending = n === 0 ? '' : p.connected ? `${changes(n)} on the way` : `${changes(n)} waiting, sent when it is back`;
  return { state, synced, pending };
}

/** This device's changes that no peer has had yet while none is connected (0 otherwise). */
export function waiting(s: LiveStatus): number {
  if (!s.running || connectedCount(s) > 0) return 0;
  return Math.max(0, ...s.peers.map((p) => p.pending ?? 0));
}

/** The topbar badge: empty when nothing runs. */
export function badge(s: LiveStatus): string {
  if (!s.running) return s.mode === 'relay' && s.refused ? 'Relay refused' : s.error ? 'Sync stopped' : '';
  if (s.mode === 'relay') return s.retry ? 'Relay offline' : 'Relay';
  if (s.mode === 'joining' && connectedCount(s) === 0) return waiting(s) > 0 ? `Reconnecting · ${waiting(s)} waiting` : 'Reconnecting';
  return `Live · ${connectedCount(s)}`;
}

/** The badge's tone: calm while live, a warning while stopped by an error or reconnecting. */
export function badgeTone(s: LiveStatus): 'ok' | 'warn' {
  return s.running && !s.retry && !(s.mode === 'joining' && connectedCount(s) === 0) ? 'ok' : 'warn';
}

/** Whether the joining window should open the shared event now (it has arrived, it is not shown). */
export function eventToOpen(s: LiveStatus, shownEventId: string | null, knownEventIds: string[]): string | null {
  if (s.mode !== 'joining' || !s.event_id || s.event_id === shownEventId) return null;
  return knownEventIds.includes(s.event_id) ? s.event_id : null;
}
