// @vitest-environment happy-dom
/** The Draft view over a fake core: it shows the compiled preview and report, exports to the
 * path the save dialog gives, and compiles again once changes reported by the core settle. */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { agenda, fakeCtx, fakeIpc, session } from '../test/fake';
import { mountDraft } from './draft';
import type { DraftPreview } from '../draft/model';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

const preview = (html: string): DraftPreview => ({
  html,
  pdf_available: false,
  report: { warnings: [{ code: 'session-without-summary', message: 'Opening has no summary', session_id: 's1' }], confidential_omitted: 0, unresolved_conflicts: 0, paragraphs: 3 },
});

function draft() {
  let page = '<p>first</p>';
  const fake = fakeIpc({
    draftPreview: async () => preview(page),
    chooseSavePath: async () => '/tmp/out',
    exportDraft: async (_e, _a, path) => ({ path, format: 'docx', bytes: 2048 }),
  });
  const ctx = fakeCtx(fake);
  ctx.store.dispatch({ type: 'event-opened', eventId: 'e1', agenda: agenda('e1', [[session('s1', 'Opening')]]) });
  const pane = document.createElement('div');
  document.body.append(pane);
  const view = mountDraft(ctx, pane, 'e1');
  ctx.store.subscribe((tr) => view.update(tr.state));
  return { ctx, fake, pane, setPage: (p: string) => (page = p) };
}

describe('the Draft view', () => {
  it('shows the preview and its report; a warning opens its session', async () => {
    vi.useFakeTimers();
    const { ctx, pane } = draft();
    await vi.advanceTimersByTimeAsync(0);
    expect(pane.querySelector<HTMLIFrameElement>('[data-testid="draft-frame"]')!.getAttribute('srcdoc')).toBe('<p>first</p>');
    expect(pane.querySelector('[data-testid="draft-report"]')?.textContent).toContain('Opening has no summary');
    pane.querySelector<HTMLButtonElement>('.warning-jump')!.click();
    expect(ctx.store.state.sessionId).toBe('s1');
  });

  it('exports to the chosen file, the extension added when the name has none', async () => {
    vi.useFakeTimers();
    const { fake, pane } = draft();
    await vi.advanceTimersByTimeAsync(0);
    pane.querySelector<HTMLButtonElement>('#export-docx')!.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls.find((c) => c.name === 'exportDraft')?.args).toEqual(['e1', 'named', '/tmp/out.docx']);
    expect(pane.querySelector('[data-testid="draft-status"]')?.textContent).toBe('Saved DOCX to /tmp/out.docx (2.0 KB).');
  });

  it('compiles again once reported changes settle, and when the attribution changes', async () => {
    vi.useFakeTimers();
    const { ctx, fake, pane, setPage } = draft();
    await vi.advanceTimersByTimeAsync(0);
    setPage('<p>second</p>');
    ctx.store.dispatch({ type: 'doc-changed', eventId: 'e1', docId: 's1', origin: 'peer:p' });
    ctx.store.dispatch({ type: 'doc-changed', eventId: 'e1', docId: 's1', origin: 'peer:p' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.calls.filter((c) => c.name === 'draftPreview').length).toBe(2);
    expect(pane.querySelector('[data-testid="draft-frame"]')!.getAttribute('srcdoc')).toBe('<p>second</p>');
    ctx.store.dispatch({ type: 'attribution-set', attribution: 'none' });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls.at(-1)?.args).toEqual(['e1', 'none']);
  });
});
