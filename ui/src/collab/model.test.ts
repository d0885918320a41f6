import { describe, expect, it } from 'vitest';
import { ago, badge, badgeTone, eventToOpen, hostChoices, OFF, peerLine, secondsUntil, shortDevice, summary, waiting, type LiveStatus, type PeerStatus } from './model';

const peer = (over: Partial<PeerStatus> = {}): PeerStatus => ({ conn: 1, addr: '10.0.0.2:50000', device: 'a1b2c3d4-e5f6', connected: true, last_synced_ms: null, error: null, pending: null, ...over });
const status = (over: Partial<LiveStatus>): LiveStatus => ({ ...OFF, running: true, ...over });

describe('live status words', () => {
  it('formats how long ago', () => {
    expect(ago(10_000, 12_000)).toBe('just now');
    expect(ago(10_000, 40_000)).toBe('30 s ago');
    expect(ago(0, 185_000)).toBe('3 min ago');
    expect(ago(0, 7_300_000)).toBe('2 h ago');
    expect(ago(50_000, 10_000)).toBe('just now');
    expect(secondsUntil(10_500, 8_000)).toBe(3);
    expect(secondsUntil(1, 8_000)).toBe(0);
  });

  it('summarises each mode', () => {
    expect(summary(OFF, 0)).toMatch(/^Not sharing/);
    expect(summary(status({ mode: 'hosting', peers: [peer(), peer({ conn: 2, connected: false })] }), 0)).toBe('Hosting this event · 1 peer connected');
    expect(summary(status({ mode: 'joining', target: 'h:7420' }), 0)).toBe('Connecting to h:7420…');
    expect(summary(status({ mode: 'joining', target: 'h:7420', peers: [peer()] }), 0)).toBe('Connected to h:7420');
    expect(summary(status({ mode: 'joining', target: 'h:7420', retry: { at_ms: 4_000, error: 'h:7420: Connection refused' } }), 1_000)).toBe(
      'Not connected to h:7420 — h:7420: Connection refused; trying again in 3 s',
    );
    expect(summary(status({ mode: 'relay', target: 'ws://r:1234' }), 0)).toBe('Connecting to the relay ws://r:1234…');
    expect(summary(status({ mode: 'relay', target: 'ws://r:1234', peers: [peer()] }), 0)).toBe('Syncing through the relay ws://r:1234');
    expect(summary(status({ mode: 'relay', protocol: 'hocuspocus', target: 'ws://r:1', peers: [peer()] }), 0)).toBe('Syncing through the Hocuspocus relay ws://r:1');
    const refused = { ...OFF, mode: 'relay' as const, error: 'ws://r:1: the relay refused access: HTTP 401', refused: 'ws://r:1: the relay refused access: HTTP 401' };
    expect(summary(refused, 0)).toBe('Refused by the relay. Check the token; the error is shown below.');
    expect(badge(refused)).toBe('Relay refused');
    expect(badgeTone(refused)).toBe('warn');
    expect(summary({ ...OFF, mode: 'joining', error: 'h: the join code did not match; nothing was exchanged' }, 0)).toBe('Stopped. The error is shown below.');
  });

  it('describes a peer and the badge', () => {
    expect(peerLine(peer(), 0)).toEqual({ state: 'Connected', synced: 'not synced yet', pending: '' });
    expect(peerLine(peer({ connected: false, last_synced_ms: 0, error: 'reset' }), 60_000)).toEqual({ state: 'Disconnected (reset)', synced: 'last synced 1 min ago', pending: '' });
    expect(peerLine(peer({ connected: false, last_synced_ms: 0, pending: 3 }), 0).pending).toBe('3 changes waiting, sent when it is back');
    expect(peerLine(peer({ last_synced_ms: 0, pending: 1 }), 0).pending).toBe('1 change on the way');
    expect(peerLine(peer({ last_synced_ms: 0, pending: 0 }), 0).pending).toBe('');
    expect(shortDevice('a1b2c3d4-e5f6')).toBe('a1b2c3d4');
    expect(badge(OFF)).toBe('');
    expect(badge(status({ mode: 'hosting', peers: [peer()] }))).toBe('Live · 1');
    expect(badge(status({ mode: 'joining' }))).toBe('Reconnecting');
    expect(badge(status({ mode: 'joining', peers: [peer({ connected: false, pending: 4 })] }))).toBe('Reconnecting · 4 waiting');
    expect(waiting(status({ mode: 'hosting', peers: [peer({ connected: false, pending: 4 }), peer({ conn: 2 })] }))).toBe(0);
    expect(badge({ ...OFF, error: 'x' })).toBe('Sync stopped');
    expect(badgeTone({ ...OFF, error: 'x' })).toBe('warn');
    expect(badgeTone(status({ mode: 'hosting' }))).toBe('ok');
    expect(badgeTone(status({ mode: 'joining', peers: [peer()] }))).toBe('ok');
    expect(badgeTone(status({ mode: 'relay', retry: { at_ms: 0, error: 'down' } }))).toBe('warn');
  });

  it('offers each discovered host by its first address', () => {
    const hosts = [
      { instance: 'rapporteur-0a1b2c3d', addrs: ['192.168.1.20:7420', '[fe80::1]:7420'], version: 1 },
      { instance: 'rapporteur-ffffffff', addrs: [], version: 1 },
    ];
    expect(hostChoices(hosts)).toEqual([{ label: 'rapporteur-0a1b2c3d', address: '192.168.1.20:7420' }]);
  });

  it('opens the shared event on a joiner once its agenda has arrived', () => {
    const s = status({ mode: 'joining', event_id: 'ev1' });
    expect(eventToOpen(s, null, [])).toBeNull();
    expect(eventToOpen(s, null, ['ev1'])).toBe('ev1');
    expect(eventToOpen(s, 'ev1', ['ev1'])).toBeNull();
    expect(eventToOpen({ ...s, mode: 'hosting' }, null, ['ev1'])).toBeNull();
  });
});
