import { describe, expect, it } from 'vitest';
import { FluentResource } from '@fluent/bundle';
import { bundleFor, keysOf, LANGUAGES, SOURCES, type Lang } from './catalog';

/** The variables a message's value uses, through selectors and function calls. */
function variables(lang: Lang, key: string): string[] {
  const msg = [...new FluentResource(SOURCES[lang]).body].find((m) => m.id === key);
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { type?: string; name?: string };
      if (n.type === 'var' && n.name) out.add(n.name);
      Object.values(node).forEach(walk);
    }
  };
  walk(msg?.value);
  return [...out].sort();
}

describe('the window catalogue', () => {
  const en = keysOf('en');

  it('is not truncated', () => {
    expect(en.length).toBeGreaterThan(300);
  });

  it.each(LANGUAGES.map((l) => l.code))('%s has exactly the English keys, parses cleanly and uses only English variables', (lang) => {
    expect(bundleFor(lang).errors).toEqual([]);
    const mine = keysOf(lang);
    expect(en.filter((k) => !mine.includes(k)), `${lang}.ftl lacks these keys`).toEqual([]);
    expect(mine.filter((k) => !en.includes(k)), `${lang}.ftl has keys English lacks`).toEqual([]);
    expect(new Set(mine).size, `${lang}.ftl defines a key twice`).toBe(mine.length);
    for (const k of mine) {
      const stray = variables(lang, k).filter((v) => !variables('en', k).includes(v));
      expect(stray, `${lang}.ftl: ${k} uses variables English does not pass`).toEqual([]);
    }
  });

  it('every message formats without errors in every language', () => {
    const args = { count: 3, n: 2, rows: 5, sessions: 4, days: 2, h: 1, m: 5 };
    for (const { code } of LANGUAGES) {
      const { bundle } = bundleFor(code);
      for (const k of en) {
        const msg = bundle.getMessage(k);
        const errors: Error[] = [];
        const vars = Object.fromEntries(variables(code, k).map((v) => [v, v in args ? args[v as keyof typeof args] : 'x']));
        const out = bundle.formatPattern(msg!.value!, vars, errors);
        expect(errors, `${code}: ${k}`).toEqual([]);
        expect(out.trim().length, `${code}: ${k} is empty`).toBeGreaterThan(0);
      }
    }
  });
});
