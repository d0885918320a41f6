/**
 * Presence without the DOM: who is here and where, from awareness states (y-protocols), and
 * how a person is shown — display name, initials, a colour derived from the device id. Remote
 * states are untrusted JSON: everything read from them is checked and bounded here.
 */

/** The `user` field of an awareness state, as y-codemirror.next draws it. */
export interface User {
  name: string;
  color: string;
  colorLight: string;
}

/** One other person, as the sidebar and the Collaborate panel list them. */
export interface Person {
  clientId: number;
  name: string;
  color: string;
  /** The session they have open, if any. */
  session: string | null;
}

/**
 * Caret and badge colours: mid-tone, so white initials stay readable on them and they stand
 * out on the light and the dark theme alike (contrast with white ≥ 4.5:1).
 */
export const PALETTE = ['#b3261e', '#1f6f8b', '#7b3fa0', '#2e7d32', '#a0522d', '#c2185b', '#3f51b5', '#00796b'];

const MAX_NAME = 40;

/** A stable hash of a string (FNV-1a, 32 bits). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The colour of a device: always the same for the same id. */
export function colourFor(deviceId: string): { color: string; colorLight: string } {
  const color = PALETTE[hash(deviceId) % PALETTE.length];
  return { color, colorLight: `${color}33` };
}

/** The name shown until the person types theirs: "Rapporteur 1a2b". */
export function defaultName(deviceId: string): string {
  const tag = deviceId.replace(/[^0-9a-f]/gi, '').slice(0, 4);
  return tag ? `Rapporteur ${tag}` : 'Rapporteur';
}

/** A name as typed, tidied: trimmed, spaces collapsed, at most 40 characters; '' if empty. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
}

/** "Amina Diallo" → "AD", "Amina" → "A", "Rapporteur 1a2b" → "R1". */
export function initials(name: string): string {
  const words = cleanName(name).split(' ').filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]][0];
  const last = words.length > 1 ? [...words[words.length - 1]][0] : '';
  return (first + last).toUpperCase();
}

/** This device's `user` state. */
export function userFor(deviceId: string, typedName: string | null): User {
  return { name: cleanName(typedName ?? '') || defaultName(deviceId), ...colourFor(deviceId) };
}

const HEX = /^#[0-9a-f]{6}$/i;

/** A remote state's person, or null when it names none (e.g. a client that only syncs). */
export function personOf(clientId: number, state: unknown): Person | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as { user?: unknown; session?: unknown };
  if (typeof s.user !== 'object' || s.user === null) return null;
  const u = s.user as { name?: unknown; color?: unknown };
  const name = typeof u.name === 'string' ? cleanName(u.name) : '';
  if (!name) return null;
  const color = typeof u.color === 'string' && HEX.test(u.color) ? u.color : colourFor(String(clientId)).color;
  const session = typeof s.session === 'string' && s.session.length <= 64 ? s.session : null;
  return { clientId, name, color, session };
}

/** Everyone but this window (`self`), sorted by name. */
export function people(states: Map<number, unknown>, self: number): Person[] {
  const out: Person[] = [];
  for (const [id, st] of states) {
    if (id === self) continue;
    const p = personOf(id, st);
    if (p) out.push(p);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** Who has which session open. */
export function bySession(list: Person[]): Map<string, Person[]> {
  const out = new Map<string, Person[]>();
  for (const p of list) {
    if (!p.session) continue;
    const here = out.get(p.session) ?? [];
    here.push(p);
    out.set(p.session, here);
  }
  return out;
}

/** What a screen reader hears for the people in one session: "Amina and Bea are here". */
export function hereLabel(list: Person[]): string {
  const names = list.map((p) => p.name);
  if (names.length === 0) return '';
  const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${joined} ${names.length === 1 ? 'is' : 'are'} here`;
}
