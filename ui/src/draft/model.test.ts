import { describe, expect, it } from 'vitest';
import { defaultFileName, formatBytes, reportView, withExtension, type CompileReport } from './model';

const report: CompileReport = {
  paragraphs: 12,
  confidential_omitted: 1,
  unresolved_conflicts: 2,
  warnings: [
    { code: 'session-without-summary', message: 'Session 1.1 has no summary', session_id: 's1' },
    { code: 'unresolved-conflict', message: 'Outcome status has two values', outcome_id: 'o9' },
    { code: 'dangling-reference', message: 'See [?]', paragraph_id: 'p3' },
  ],
};

describe('reportView', () => {
  it('counts and labels the warnings', () => {
    const v = reportView(report);
    expect(v.summary).toBe('3 warnings to look at before circulating.');
    expect(v.counts.map((c) => c.value)).toEqual([12, 3, 2, 1]);
    expect(v.items.map((i) => i.label)).toEqual(['No summary', 'Conflict', 'Broken reference']);
  });

  it('jumps to the session a warning names, or to the session of its outcome', () => {
    const v = reportView(report, (o) => (o === 'o9' ? 's7' : null));
    expect(v.items.map((i) => i.sessionId)).toEqual(['s1', 's7', null]);
    expect(v.items[2].paragraphId).toBe('p3');
  });

  it('says so when there is nothing to look at', () => {
    expect(reportView({ ...report, warnings: [] }).summary).toBe('No warnings.');
    expect(reportView({ ...report, warnings: [report.warnings[0]] }).summary).toBe('1 warning to look at before circulating.');
  });
});

describe('export file names', () => {
  it('makes a safe default name from the title', () => {
    expect(defaultFileName('Global Migration Group (GMG) – Retreat 2018', 'docx')).toBe('Global-Migration-Group-GMG-Retreat-2018-draft-conclusions.docx');
    expect(defaultFileName('Réunion à Genève', 'md')).toBe('Reunion-a-Geneve-draft-conclusions.md');
    expect(defaultFileName('///', 'html')).toBe('draft-draft-conclusions.html');
  });

  it('adds the extension only when the name has none', () => {
    expect(withExtension('/tmp/out', 'docx')).toBe('/tmp/out.docx');
    expect(withExtension('/tmp/out.docx', 'docx')).toBe('/tmp/out.docx');
    expect(withExtension('/tmp/my.dir/out', 'md')).toBe('/tmp/my.dir/out.md');
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12_800)).toBe('12.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
