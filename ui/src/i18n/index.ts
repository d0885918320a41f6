/**
 * The window's language at run time: `t(key, args)` looks a message up in the current
 * language's catalogue (English when it lacks one, the key itself when English does too, so
 * nothing is ever blank); numbers, dates and times go through `Intl` in that language; the
 * document's `lang` and `dir` follow it, and listeners hear of a switch, which needs no
 * restart. Which language: the one chosen on this device (kept by the core, see
 * `ipc.uiLanguage`), else the system's (`LANG`; English for `C` or unset). There is no
 * first-run dialog.
 *
 * Views import `t` and re-render on {@link onLanguageChange}; nothing here touches the DOM
 * beyond the root element's two attributes.
 */

import type { FluentVariable } from '@fluent/bundle';
import { bundleFor, intlLocale, isLang, LANGUAGES, type Lang } from './catalog';

export { LANGUAGES, isLang, type Lang } from './catalog';

/** What the core says about the window's language (`rapporteur::store::UiLanguage`). */
export interface UiLanguage {
  /** Chosen in the window on this device; null follows the system. */
  chosen: Lang | null;
  system: Lang;
  effective: Lang;
}

let current: Lang = 'en';
const listeners = new Set<(lang: Lang) => void>();

export type Args = Record<string, FluentVariable>;

/** The message `key` in the window's language. */
export function t(key: string, args?: Args): string {
  return format(current, key, args) ?? (current !== 'en' ? format('en', key, args) : null) ?? key;
}

/** The message in a given language, or null when that language's file lacks it. */
export function format(lang: Lang, key: string, args?: Args): string | null {
  const { bundle } = bundleFor(lang);
  const msg = bundle.getMessage(key);
  if (!msg?.value) return null;
  const errors: Error[] = [];
  const out = bundle.formatPattern(msg.value, args, errors);
  return out;
}

export function language(): Lang {
  return current;
}

export function direction(lang: Lang = current): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
}

/** Calls `f` after every switch; returns the unsubscriber. */
export function onLanguageChange(f: (lang: Lang) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/**
 * Switches the window's language: `lang` and `dir` on `root` (the document's element by
 * default), then every listener. Switching to the language already shown changes nothing.
 */
export function setLanguage(lang: Lang, root: { setAttribute(n: string, v: string): void } | null = defaultRoot()): void {
  const changed = lang !== current;
  current = lang;
  root?.setAttribute('lang', lang === 'zh' ? 'zh-Hans' : lang);
  root?.setAttribute('dir', direction(lang));
  if (changed) for (const f of [...listeners]) f(lang);
}

function defaultRoot(): HTMLElement | null {
  return typeof document === 'undefined' ? null : document.documentElement;
}

/**
 * The language of a locale tag or POSIX locale name (`fr-CH`, `ar_LB.UTF-8`, `zh-Hans-CN`);
 * English for `C`, `POSIX`, an empty value or a language other than the six — the same rule
 * as the core's `Language::from_locale`.
 */
export function fromLocale(tag: string | null | undefined): Lang {
  const primary = (tag ?? '').split(/[-_.@]/)[0].toLowerCase();
  return isLang(primary) ? primary : 'en';
}

/** The language to show: the core's answer when there is one, else the webview's locale. */
export function pickLanguage(core: Partial<UiLanguage> | null, navigatorLanguage?: string): Lang {
  if (core?.effective && isLang(core.effective)) return core.effective;
  if (core?.chosen && isLang(core.chosen)) return core.chosen;
  return fromLocale(navigatorLanguage);
}

const intlTag = intlLocale;

/** A number in the window's language (grouping and digits as `Intl` writes them). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlTag(current), options).format(n);
}

/** A calendar date (`YYYY-MM-DD`) as people read it in the window's language. */
export function formatDate(iso: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' }): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(intlTag(current), { ...options, timeZone: 'UTC' }).format(d);
}

/** Two dates as a range ("12–14 February 2018", "2018年2月12日至14日"). */
export function formatDateRange(start: string, end: string): string {
  const parse = (iso: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  };
  const [a, b] = [parse(start), parse(end)];
  if (!a || !b) return [start, end].filter(Boolean).join(' – ');
  const f = new Intl.DateTimeFormat(intlTag(current), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return f.formatRange(a, b);
}

/** A time of day (`HH:MM`, 24-hour as the agenda stores it) in the window's language. */
export function formatTime(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  const d = new Date(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2])));
  return new Intl.DateTimeFormat(intlTag(current), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(d);
}
