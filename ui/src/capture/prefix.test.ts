import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../i18n';
import { parseCapture, prefixFor, PREFIXES } from './prefix';

describe('parseCapture', () => {
  it.each([
    ['REC: Strengthen data sharing', 'recommendation', 'Strengthen data sharing'],
    ['CONCL: Members agreed on the work plan', 'conclusion', 'Members agreed on the work plan'],
    ['DECISION: Adopt the 2018 priorities', 'decision', 'Adopt the 2018 priorities'],
    ['ACTION: IOM to circulate the draft by April', 'action', 'IOM to circulate the draft by April'],
  ])('%s', (line, kind, text) => {
    expect(parseCapture(line)).toEqual({ kind, text });
  });

  it('is case-insensitive and trims', () => {
    expect(parseCapture('  action:   call FAO  ')).toEqual({ kind: 'action', text: 'call FAO' });
    expect(parseCapture('Rec:x')).toEqual({ kind: 'recommendation', text: 'x' });
  });

  it('accepts a Markdown list marker before the prefix', () => {
    expect(parseCapture('- DECISION: go')).toEqual({ kind: 'decision', text: 'go' });
    expect(parseCapture('2. CONCL: done')).toEqual({ kind: 'conclusion', text: 'done' });
  });

  it('rejects lines that are not captures', () => {
    for (const line of [
      '',
      'REC:',
      'REC:   ',
      'NOTE: something',
      'The rec: is not at the start',
      'REC - no colon',
      '@FAO: speaker tag',
    ]) {
      expect(parseCapture(line), line).toBeNull();
    }
  });

  it('keeps colons inside the text', () => {
    expect(parseCapture('ACTION: Deadline: 30 April')).toEqual({
      kind: 'action',
      text: 'Deadline: 30 April',
    });
  });

  it('round-trips through prefixFor in every language', () => {
    for (const { code } of LANGUAGES) {
      for (const p of PREFIXES) {
        expect(parseCapture(`${prefixFor(p.kind, code)} t`)?.kind, `${code} ${p.kind}`).toBe(p.kind);
      }
    }
    expect(prefixFor('recommendation', 'en')).toBe('REC:');
    expect(prefixFor('decision', 'fr')).toBe('DÉCISION:');
    expect(prefixFor('action', 'zh')).toBe('行动：');
  });

  it.each([
    ['RECOMMANDATION : Renforcer le partage des données', 'recommendation', 'Renforcer le partage des données'],
    ['Décision: adopter les priorités', 'decision', 'adopter les priorités'],
    ['DECISION : sans accent', 'decision', 'sans accent'],
    ['- MESURE : diffuser le projet', 'action', 'diffuser le projet'],
    ['RECOMENDACIÓN: fortalecer', 'recommendation', 'fortalecer'],
    ['acción: circular el proyecto', 'action', 'circular el proyecto'],
    ['РЕШЕНИЕ: утвердить план', 'decision', 'утвердить план'],
    ['вывод: группа согласна', 'conclusion', 'группа согласна'],
    ['توصية: تعزيز تبادل البيانات', 'recommendation', 'تعزيز تبادل البيانات'],
    ['إجراء: تعميم المشروع بحلول نيسان/أبريل', 'action', 'تعميم المشروع بحلول نيسان/أبريل'],
    ['اجراء: بلا همزة', 'action', 'بلا همزة'],
    ['建议：加强数据共享', 'recommendation', '加强数据共享'],
    ['结论: 各方同意', 'conclusion', '各方同意'],
    ['RECOMMENDATION: spelled out', 'recommendation', 'spelled out'],
  ])('every language’s prefix, whatever the window’s: %s', (line, kind, text) => {
    expect(parseCapture(line)).toEqual({ kind, text });
  });

  it('a word that is no prefix in any language is not a capture', () => {
    for (const line of ['NOTE : quelque chose', 'ملاحظة: شيء', '注意：某事', 'Примечание: что-то']) {
      expect(parseCapture(line), line).toBeNull();
    }
  });
});
