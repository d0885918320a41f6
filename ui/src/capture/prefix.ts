/**
 * Quick capture: a line that starts with a prefix word and a colon is an outcome of that
 * kind — `REC:`, `CONCL:`, `DECISION:`, `ACTION:`, and each language's own (`RECOMMANDATION :`,
 * `РЕШЕНИЕ:`, `توصية:`, `建议：`), all recognised whatever the window's language, so notes
 * typed by a colleague in another language capture too. The words come from the window's
 * catalogues (`capture-prefixes-*` in `i18n/locales/*.ftl`). Plain parsing, no DOM, so it is
 * tested on its own.
 */

import { format, language, LANGUAGES, type Lang } from '../i18n';

export type OutcomeKind = 'recommendation' | 'conclusion' | 'decision' | 'action';

export interface Captured {
  kind: OutcomeKind;
  text: string;
}

/** The English prefixes, and the keyboard shortcut (Alt+letter) that inserts each kind. */
export const PREFIXES: ReadonlyArray<{ prefix: string; kind: OutcomeKind; key: string }> = [
  { prefix: 'REC:', kind: 'recommendation', key: 'r' },
  { prefix: 'CONCL:', kind: 'conclusion', key: 'c' },
  { prefix: 'DECISION:', kind: 'decision', key: 'd' },
  { prefix: 'ACTION:', kind: 'action', key: 'a' },
];

/** A word as compared: capitals, without accents or Arabic vowel marks ("Décision" = "DECISION"). */
export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
}

/** The prefix words of one language for one kind, as the catalogue lists them. */
export function prefixWords(lang: Lang, kind: OutcomeKind): string[] {
  const list = format(lang, `capture-prefixes-${kind}`) ?? '';
  return list
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
}

let table: Map<string, OutcomeKind> | null = null;

/** Every language's words, normalised, with their kind. */
function words(): Map<string, OutcomeKind> {
  if (table) return table;
  table = new Map();
  for (const { code } of LANGUAGES) {
    for (const p of PREFIXES) {
      for (const w of prefixWords(code, p.kind)) table.set(normalizeWord(w), p.kind);
    }
  }
  return table;
}

/**
 * Parses one line. The prefix is case- and accent-insensitive, may follow leading spaces or a
 * Markdown list marker (`- `, `* `, `1. `), may have a space before its colon (French
 * typography) and takes an ASCII or a full-width colon (Chinese), and needs text after it;
 * anything else is not a capture.
 */
export function parseCapture(line: string): Captured | null {
  const m = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?([\p{L}\p{M}]+)\s*[:：](.*)$/su.exec(line);
  if (!m) return null;
  const kind = words().get(normalizeWord(m[1]));
  const text = m[2].trim();
  if (!kind || text === '') return null;
  return { kind, text };
}

/** The prefix a kind is written with in a language (the window's by default): its first word
 * and a colon (full-width in Chinese). The inverse of {@link parseCapture}. */
export function prefixFor(kind: OutcomeKind, lang: Lang = language()): string {
  if (!PREFIXES.some((x) => x.kind === kind)) throw new Error(`unknown kind ${kind}`);
  const word = prefixWords(lang, kind)[0] ?? PREFIXES.find((x) => x.kind === kind)!.prefix.slice(0, -1);
  return `${word}${lang === 'zh' ? '：' : ':'}`;
}
