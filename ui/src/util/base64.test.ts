import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64';

describe('base64', () => {
  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });
  it('round-trips more than one chunk', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) & 0xff);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });
  it('matches the standard alphabet', () => {
    expect(toBase64(new TextEncoder().encode('Saved?'))).toBe('U2F2ZWQ/');
    expect(toBase64(new Uint8Array())).toBe('');
  });
});
