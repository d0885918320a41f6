import { describe, expect, it } from 'vitest';
import { bySession, cleanName, colourFor, defaultName, hereLabel, initials, PALETTE, people, personOf, userFor } from './model';

describe('presence model', () => {
  it('derives a stable colour and a default name from the device id', () => {
    const a = colourFor('3f2a9c0e11d24b7f');
    expect(colourFor('3f2a9c0e11d24b7f')).toEqual(a);
    expect(PALETTE).toContain(a.color);
    expect(a.colorLight).toBe(`${a.color}33`);
    const spread = new Set(Array.from({ length: 40 }, (_, i) => colourFor(`device-${i}`).color));
    expect(spread.size).toBeGreaterThan(4);
    expect(defaultName('1a2b3c4d')).toBe('Rapporteur 1a2b');
    expect(defaultName('')).toBe('Rapporteur');
    expect(userFor('1a2b3c4d', '  ')).toMatchObject({ name: 'Rapporteur 1a2b' });
    expect(userFor('1a2b3c4d', ' Amina   Diallo ')).toMatchObject({ name: 'Amina Diallo', color: colourFor('1a2b3c4d').color });
  });

  it('shortens names to initials and bounds what is typed', () => {
    expect(initials('Amina Diallo')).toBe('AD');
    expect(initials('amina')).toBe('A');
    expect(initials('Rapporteur 1a2b')).toBe('R1');
    expect(initials('  ')).toBe('?');
    expect(initials('Ömer van der Berg')).toBe('ÖB');
    expect(cleanName('x'.repeat(100))).toHaveLength(40);
  });

  it('reads remote states defensively and groups people by session', () => {
    expect(personOf(1, null)).toBeNull();
    expect(personOf(1, { cursor: {} })).toBeNull();
    expect(personOf(1, { user: { name: '' } })).toBeNull();
    const odd = personOf(7, { user: { name: 'Eve', color: 'red;background:url(x)' }, session: 42 });
    expect(odd).toMatchObject({ name: 'Eve', session: null });
    expect(PALETTE).toContain(odd!.color);

    const states = new Map<number, unknown>([
      [1, { user: { name: 'Me', color: '#111111' }, session: 's1' }],
      [2, { user: { name: 'Bea', color: '#1f6f8b' }, session: 's1' }],
      [3, { user: { name: 'Amina', color: '#b3261e' }, session: 's1' }],
      [4, { user: { name: 'Chidi', color: '#2e7d32' }, session: null }],
      [5, {}],
    ]);
    const list = people(states, 1);
    expect(list.map((p) => p.name)).toEqual(['Amina', 'Bea', 'Chidi']);
    const map = bySession(list);
    expect([...map.keys()]).toEqual(['s1']);
    expect(hereLabel(map.get('s1')!)).toBe('Amina and Bea are here');
    expect(hereLabel([list[2]])).toBe('Chidi is here');
    expect(hereLabel([...list, { clientId: 9, name: 'Dee', color: '#000000', session: null }])).toBe('Amina, Bea, Chidi and Dee are here');
  });
});
