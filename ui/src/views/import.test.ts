// @vitest-environment happy-dom
/** Importing an agenda on the Start view over a fake core: pasted text is previewed as the
 * user pauses, a problem names its line and keeps *Create event* off, and a good agenda
 * creates the event and opens it. */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { agenda, fakeCtx, fakeIpc, session } from '../test/fake';
import { renderImport } from './import';
import type { ImportPreview } from '../import/model';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

const row = (title: string) => ({ start: '09:00', end: '10:00', title, description: '', methodology: '', moderators: '', rapporteurs: '', kind: 'working' as const });
const good: ImportPreview = { format: 'text', event: null, days: [{ date: '2018-02-12', label: 'Day 1', rows: [row('Opening')] }], rows: 1, working: 1, problem: null, warnings: [] };
const bad: ImportPreview = { ...good, days: [], rows: 0, working: 0, problem: { message: 'pasted text, line 2, field `time`: "nine" is not a time', file: 'pasted text', line: 2, field: 'time' } };

describe('importing a pasted agenda', () => {
  it('previews as the user types, names the line of a problem, then creates and opens the event', async () => {
    vi.useFakeTimers();
    let answer = bad;
    const fake = fakeIpc({
      previewAgendaText: async () => answer,
      importAgendaText: async () => 'e9',
      getAgenda: async () => agenda('e9', [[session('s1', 'Opening')]]),
      listOutcomes: async () => [],
      listParticipants: async () => [],
    });
    const ctx = fakeCtx(fake);
    const view = renderImport(ctx);
    document.body.append(view);
    const box = view.querySelector<HTMLTextAreaElement>('#paste-box')!;
    const create = view.querySelector<HTMLButtonElement>('#create-event')!;

    box.value = '09:00 – 10:00\tOpening\nnine\tLunch';
    box.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(300);
    expect(fake.calls.filter((c) => c.name === 'previewAgendaText').length).toBe(1);
    expect(view.querySelector('.import-problem')?.textContent).toContain('line 2');
    expect(view.querySelector('.goto-line')?.textContent).toBe('Go to line 2');
    expect(create.disabled).toBe(true);

    answer = good;
    box.value = '09:00 – 10:00\tOpening';
    box.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(300);
    expect(view.querySelector<HTMLInputElement>('[data-testid="import-preview"] tbody [data-testid="row-title"]')?.value).toBe('Opening');
    expect(create.disabled).toBe(false);
    create.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls.find((c) => c.name === 'importAgendaText')?.args).toEqual(['09:00 – 10:00\tOpening', 'auto', null, null, []]);
    expect(ctx.store.state).toMatchObject({ view: 'event', eventId: 'e9' });
  });
});
