import { describe, expect, it, vi } from 'vitest';
import { format, formatDate, formatDateRange, formatNumber, formatTime, fromLocale, language, onLanguageChange, pickLanguage, setLanguage, t } from './index';

function fakeRoot() {
  const attrs: Record<string, string> = {};
  return { attrs, setAttribute: (n: string, v: string) => void (attrs[n] = v) };
}

describe('the window language', () => {
  it('is English by default and falls back to English, then to the key', () => {
    setLanguage('en', null);
    expect(t('topbar-board')).toBe('Outcome board');
    expect(t('no-such-key')).toBe('no-such-key');
    setLanguage('fr', null);
    expect(t('no-such-key')).toBe('no-such-key');
    expect(format('fr', 'no-such-key')).toBeNull();
    setLanguage('en', null);
  });

  it('switches without a restart: the root says lang and dir, listeners hear it', () => {
    const root = fakeRoot();
    const heard = vi.fn();
    const off = onLanguageChange(heard);
    setLanguage('ar', root);
    expect(root.attrs).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(language()).toBe('ar');
    expect(heard).toHaveBeenCalledWith('ar');
    setLanguage('ar', root);
    expect(heard).toHaveBeenCalledTimes(1);
    setLanguage('zh', root);
    expect(root.attrs).toEqual({ lang: 'zh-Hans', dir: 'ltr' });
    off();
    setLanguage('en', root);
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('follows the system locale, and C or nothing is English', () => {
    expect(fromLocale('fr_CH.UTF-8')).toBe('fr');
    expect(fromLocale('ar-LB')).toBe('ar');
    expect(fromLocale('zh-Hans-CN')).toBe('zh');
    expect(fromLocale('C')).toBe('en');
    expect(fromLocale('C.UTF-8')).toBe('en');
    expect(fromLocale('')).toBe('en');
    expect(fromLocale(undefined)).toBe('en');
    expect(fromLocale('de-DE')).toBe('en');
    expect(pickLanguage({ chosen: null, system: 'ru', effective: 'ru' })).toBe('ru');
    expect(pickLanguage(null, 'es-419')).toBe('es');
    expect(pickLanguage(null, undefined)).toBe('en');
  });

  it('plural forms are the language’s own', () => {
    setLanguage('ru', null);
    expect(t('search-count', { count: 1 })).toBe('1 результат');
    expect(t('search-count', { count: 3 })).toBe('3 результата');
    expect(t('search-count', { count: 5 })).toBe('5 результатов');
    setLanguage('en', null);
    expect(t('search-count', { count: 1 })).toBe('1 result');
    expect(t('search-count', { count: 2 })).toBe('2 results');
  });

  it('numbers, dates and times go through Intl, with Western digits in Arabic', () => {
    setLanguage('fr', null);
    expect(formatDate('2018-02-12')).toBe('12 février 2018');
    expect(formatNumber(1234.5)).toMatch(/^1\s234,5$/);
    setLanguage('ar', null);
    expect(formatTime('09:30')).toBe('09:30');
    expect(formatNumber(2018)).not.toMatch(/[٠-٩]/);
    setLanguage('zh', null);
    expect(formatDate('2018-02-12')).toBe('2018年2月12日');
    expect(formatDateRange('2018-02-12', '2018-02-14')).toContain('14');
    setLanguage('en', null);
    // ICU versions differ on the spaces around the dash.
    expect(formatDateRange('2018-02-12', '2018-02-14')).toMatch(/^12\s?–\s?14 February 2018$/);
    expect(formatDate('not a date')).toBe('not a date');
  });
});
