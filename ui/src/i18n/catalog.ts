/**
 * The window's message catalogues: one Project Fluent file per language (`locales/*.ftl`),
 * bundled into the app by Vite, parsed once into `@fluent/bundle` bundles. The same format and
 * the same checks as the compiler's catalogue in the core (`src/i18n/`): English is the
 * reference, every other language has exactly its keys (`catalog.test.ts`).
 */

import { FluentBundle, FluentResource } from '@fluent/bundle';
import ar from './locales/ar.ftl?raw';
import en from './locales/en.ftl?raw';
import es from './locales/es.ftl?raw';
import fr from './locales/fr.ftl?raw';
import ru from './locales/ru.ftl?raw';
import zh from './locales/zh.ftl?raw';

/** The six UN languages, by their codes (the same as the core's `Language`). */
export type Lang = 'en' | 'fr' | 'es' | 'ar' | 'ru' | 'zh';

export const SOURCES: Record<Lang, string> = { ar, zh, en, fr, ru, es };

/** Each language in its own name, in the order the UN lists them; `dir` for the document. */
export const LANGUAGES: readonly { code: Lang; autonym: string; dir: 'ltr' | 'rtl' }[] = [
  { code: 'ar', autonym: 'العربية', dir: 'rtl' },
  { code: 'zh', autonym: '中文', dir: 'ltr' },
  { code: 'en', autonym: 'English', dir: 'ltr' },
  { code: 'fr', autonym: 'Français', dir: 'ltr' },
  { code: 'ru', autonym: 'Русский', dir: 'ltr' },
  { code: 'es', autonym: 'Español', dir: 'ltr' },
];

export function isLang(s: unknown): s is Lang {
  return typeof s === 'string' && LANGUAGES.some((l) => l.code === s);
}

/**
 * The locale `Intl` formats with: Chinese in simplified script, and Arabic with Western
 * digits (0–9), as UN documents and the agenda's times write them; English as the UN writes
 * it (en-GB: "12 February 2018").
 */
export function intlLocale(lang: Lang): string {
  return lang === 'zh' ? 'zh-Hans' : lang === 'ar' ? 'ar-u-nu-latn' : lang === 'en' ? 'en-GB' : lang;
}

export interface Loaded {
  bundle: FluentBundle;
  /** Parse and add errors; empty for a good file. */
  errors: string[];
}

const cache = new Map<Lang, Loaded>();

/** The bundle of a language, parsed on first use. */
export function bundleFor(lang: Lang): Loaded {
  let loaded = cache.get(lang);
  if (loaded) return loaded;
  const errors: string[] = [];
  const resource = new FluentResource(SOURCES[lang]);
  // Isolation marks around arguments (FSI … PDI) keep a Latin name or a number from
  // reordering an Arabic sentence; the webview lays them out correctly.
  const bundle = new FluentBundle(intlLocale(lang), { useIsolating: lang === 'ar' });
  for (const e of bundle.addResource(resource)) errors.push(`${lang}.ftl: ${e.message}`);
  loaded = { bundle, errors };
  cache.set(lang, loaded);
  return loaded;
}

/** The message ids of a language's file, in file order (the parser's view, not a regex's). */
export function keysOf(lang: Lang): string[] {
  return [...new FluentResource(SOURCES[lang]).body].filter((m) => !m.id.startsWith('-')).map((m) => m.id);
}
