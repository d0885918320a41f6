/**
 * The Versions panel: the event's versions (saved, circulated with their draft numbers,
 * final), saving a named version, circulating the next draft, finalizing (which locks the
 * event) and reopening with a reason, restoring a version, and comparing two versions (or a
 * version with now) side by side, paragraph by paragraph with the changed words marked and
 * who wrote them, or inline as the whole draft with the changes marked, as the co-chairs will
 * see them in Word. Every action is one core call (`ipc`); the list is read again after it.
 */

import { ATTRIBUTIONS } from '../draft/model';
import { defaultFrom, newestFirst, side, stateLabel, summary, versionLabel, when, type Change, type Comparison, type VersionInfo } from '../review/model';
import { isFinal, type AppState } from '../state/app';
import { h } from '../util/dom';
import { report, reviewChanged, type Ctx, type Mounted } from '../controllers/context';

type Mode = 'side' | 'inline';

export function mountVersions(ctx: Ctx, pane: HTMLElement, eventId: string): Mounted {
  const author = () => ctx.presence?.shownName() || null;
  const note = h('p', { class: 'versions-note', role: 'status', 'aria-live': 'polite', 'data-testid': 'versions-note' });
  const nameInput = h('input', { id: 'version-name', type: 'text', placeholder: 'Name, e.g. Before the lunch break', maxlength: '200', autocomplete: 'off' });
  const toInput = h('input', { id: 'circulate-to', type: 'text', placeholder: 'To whom, e.g. the co-chairs', maxlength: '200', autocomplete: 'off' });
  const reasonInput = h('input', { id: 'reopen-reason', type: 'text', placeholder: 'Why it is reopened', maxlength: '500', autocomplete: 'off' });
  const saveButton = h('button', { id: 'save-version', type: 'submit' }, 'Save version');
  const circulateButton = h('button', { id: 'circulate', type: 'submit' }, 'Circulate next draft');
  const finalizeButton = h('button', { id: 'finalize', type: 'button', onclick: () => (confirmRow.hidden = false) }, 'Finalize…');
  const reopenButton = h('button', { id: 'reopen', type: 'submit' }, 'Reopen');
  const confirmRow = h(
    'div',
    { class: 'confirm', hidden: true, role: 'group', 'aria-label': 'Confirm finalizing' },
    h('span', {}, 'Lock the event on a final version? Every edit (notes, outcomes, agenda, participants) is refused until it is reopened.'),
    h('button', { id: 'finalize-confirm', class: 'primary', type: 'button', onclick: () => void act(() => ctx.ipc.finalize(eventId, author()), (v) => `Final version ${v.number} saved; the event is locked.`) }, 'Lock it'),
    h('button', { type: 'button', onclick: () => (confirmRow.hidden = true) }, 'Cancel'),
  );
  const saveForm = h('form', { class: 'version-form', id: 'save-form' }, h('label', { for: 'version-name' }, 'Save the event as it is now'), nameInput, saveButton);
  const circulateForm = h('form', { class: 'version-form', id: 'circulate-form' }, h('label', { for: 'circulate-to' }, 'Send out the next numbered draft'), toInput, circulateButton);
  const reopenForm = h('form', { class: 'version-form', id: 'reopen-form' }, h('label', { for: 'reopen-reason' }, 'Reopen the final event'), reasonInput, reopenButton);
  const series = h('p', { class: 'muted small', 'data-testid': 'series-line' });
  const list = h('ol', { class: 'version-list', 'aria-label': 'Versions, newest first', 'data-testid': 'version-list' });

  // The comparison.
  const fromSelect = h('select', { id: 'compare-from' });
  const toSelect = h('select', { id: 'compare-to' });
  // Until the user picks one, the comparison starts from what was last sent out.
  let fromChosen = false;
  fromSelect.addEventListener('change', () => (fromChosen = true));
  let mode: Mode = 'side';
  const modeRadio = (m: Mode, label: string) =>
    h('label', { class: 'mode-choice' }, h('input', { type: 'radio', name: 'compare-mode', id: `compare-mode-${m}`, value: m, checked: m === mode, onchange: () => ((mode = m), void compare()) }), ' ', label);
  const compareButton = h('button', { id: 'compare-run', type: 'button', onclick: () => void compare() }, 'Compare');
  const compareSummary = h('p', { class: 'compare-summary', role: 'status', 'aria-live': 'polite', 'data-testid': 'compare-summary' });
  const compareBody = h('div', { class: 'compare-body', 'data-testid': 'compare-body' });

  pane.replaceChildren(
    h(
      'section',
      { class: 'versions', 'aria-labelledby': 'versions-title' },
      h('header', { class: 'versions-head' }, h('h1', { id: 'versions-title' }, 'Versions'), series),
      h('div', { class: 'versions-actions' }, saveForm, circulateForm, h('div', { class: 'version-form' }, h('span', { class: 'label' }, 'Lock the text the Principals receive'), finalizeButton), reopenForm),
      confirmRow,
      note,
      h('div', { class: 'versions-main' }, h('div', { class: 'versions-list-col' }, h('h2', {}, 'All versions'), list), h(
        'div',
        { class: 'compare', role: 'region', 'aria-labelledby': 'compare-title' },
        h('h2', { id: 'compare-title' }, 'Compare'),
        h('div', { class: 'compare-tools' }, h('label', {}, 'From ', fromSelect), h('label', {}, 'To ', toSelect), h('fieldset', { class: 'compare-mode' }, h('legend', {}, 'Show'), modeRadio('side', 'Side by side'), modeRadio('inline', 'Inline, the whole draft')), compareButton),
        compareSummary,
        compareBody,
      )),
    ),
  );

  let disposed = false;

  /** Runs an action, says what it did, and reads the versions again. */
  async function act<T>(call: () => Promise<T>, said: (r: T) => string): Promise<void> {
    try {
      const r = await call();
      if (disposed) return;
      note.textContent = said(r);
      note.dataset.state = 'done';
      confirmRow.hidden = true;
      await reviewChanged(ctx, eventId);
    } catch (e) {
      note.textContent = (e as { message?: string }).message ?? String(e);
      note.dataset.state = 'error';
      report(ctx, e);
    }
  }

  saveForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = nameInput.value.trim();
    if (!name) {
      nameInput.setAttribute('aria-invalid', 'true');
      note.textContent = 'Give the version a name.';
      return;
    }
    nameInput.removeAttribute('aria-invalid');
    void act(() => ctx.ipc.saveVersion(eventId, name, author()), () => ((nameInput.value = ''), `Saved version “${name}”.`));
  });
  circulateForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const to = toInput.value.trim();
    void act(() => ctx.ipc.circulate(eventId, to, author()), (v) => ((toInput.value = ''), `Circulated draft ${v.number}${to ? ` to ${to}` : ''}.`));
  });
  reopenForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const reason = reasonInput.value.trim();
    if (!reason) {
      reasonInput.setAttribute('aria-invalid', 'true');
      note.textContent = 'Say why the event is reopened; the reason stays in the list.';
      return;
    }
    reasonInput.removeAttribute('aria-invalid');
    void act(() => ctx.ipc.reopen(eventId, reason, author()), () => ((reasonInput.value = ''), 'Reopened: the event can be edited again.'));
  });

  const restoreRow = (v: VersionInfo, li: HTMLElement) => {
    const locked = isFinal(ctx.store.state);
    const box = h(
      'div',
      { class: 'confirm' },
      h('span', {}, `Make the whole event read as version ${versionLabel(v)}? This is written as new edits; nothing is lost, and restoring a later version undoes it.`),
      h('button', { class: 'primary restore-confirm', type: 'button', disabled: locked, onclick: () => void act(() => ctx.ipc.restoreVersion(eventId, v.id, null), (r) => `Restored ${r.version} (${r.documents} document${r.documents === 1 ? '' : 's'} changed).`) }, 'Restore'),
      h('button', { type: 'button', onclick: () => box.remove() }, 'Cancel'),
    );
    li.append(box);
  };

  const row = (v: VersionInfo): HTMLElement => {
    const locked = isFinal(ctx.store.state);
    const li = h(
      'li',
      { class: `version state-${v.state}${v.locked ? ' locked' : ''}`, 'data-id': v.id, 'data-state': v.state },
      h('div', { class: 'version-top' }, h('span', { class: 'version-number' }, v.number ?? '—'), h('strong', { class: 'version-name' }, v.name), h('span', { class: `version-state badge-${v.state}` }, stateLabel(v))),
      h('p', { class: 'muted small' }, `${when(v.created_at)} · ${v.created_by}`),
      ...v.reopened.map((r) => h('p', { class: 'small reopened' }, `Reopened ${when(r.at)} by ${r.by}: ${r.reason}`)),
      ...v.conflicts.map((c) => h('p', { class: 'small version-conflict', role: 'note' }, `Conflict: ${c}`)),
      h(
        'div',
        { class: 'version-actions' },
        h('button', { class: 'link compare-now', type: 'button', onclick: () => ((fromSelect.value = v.id), (fromChosen = true), (toSelect.value = ''), void compare()) }, 'Compare with now'),
        h('button', { class: 'link restore', type: 'button', disabled: locked, onclick: () => restoreRow(v, li) }, 'Restore…'),
      ),
    );
    return li;
  };

  const option = (value: string, label: string) => h('option', { value }, label);

  let drawn: unknown = null;
  function draw(state: AppState): void {
    drawn = state.review;
    const r = state.review;
    const locked = isFinal(state);
    for (const el of [nameInput, toInput, saveButton, circulateButton, finalizeButton]) (el as HTMLInputElement | HTMLButtonElement).disabled = locked;
    reopenForm.hidden = !locked;
    series.textContent = r.follows.length ? `Follows ${r.follows.map(([, t]) => t || 'an earlier meeting').join(' and ')}: its open action points are carried over.` : '';
    list.replaceChildren(...newestFirst(r.versions).map(row));
    if (!r.versions.length) list.append(h('li', { class: 'muted empty' }, 'No versions yet. Save one before you change the text, or circulate the draft.'));
    const keepFrom = fromSelect.value;
    const keepTo = toSelect.value;
    fromSelect.replaceChildren(...newestFirst(r.versions).map((v) => option(v.id, versionLabel(v))));
    toSelect.replaceChildren(option('', 'Now'), ...newestFirst(r.versions).map((v) => option(v.id, versionLabel(v))));
    fromSelect.value = fromChosen && r.versions.some((v) => v.id === keepFrom) ? keepFrom : (defaultFrom(r.versions) ?? '');
    toSelect.value = r.versions.some((v) => v.id === keepTo) ? keepTo : '';
    compareButton.disabled = !r.versions.length;
  }

  function sideBySide(c: Comparison): HTMLElement {
    const words = (x: Change, which: 'before' | 'after') =>
      side(x, which).map((w) => (w.marked ? h(which === 'before' ? 'del' : 'ins', {}, w.text) : w.text));
    return h(
      'table',
      { class: 'compare-table', 'data-testid': 'compare-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Where'), h('th', { scope: 'col' }, c.from), h('th', { scope: 'col' }, c.to))),
      h(
        'tbody',
        {},
        c.changes.map((x) =>
          h(
            'tr',
            { class: `change change-${x.change}`, 'data-change': x.change },
            h('td', { class: 'where' }, h('span', { class: `change-kind kind-${x.change}` }, x.change), x.paragraph ? ` ¶${x.paragraph}` : '', h('br', {}), h('span', { class: 'muted small' }, x.section), x.authors.length ? h('p', { class: 'authors small' }, `by ${x.authors.join(', ')}`) : null),
            h('td', { class: 'before' }, words(x, 'before')),
            h('td', { class: 'after' }, words(x, 'after')),
          ),
        ),
      ),
    );
  }

  let generation = 0;
  async function compare(): Promise<void> {
    const from = fromSelect.value;
    if (!from) return;
    const to = toSelect.value || null;
    const mine = ++generation;
    compareSummary.textContent = 'Comparing…';
    try {
      const attribution = ctx.store.state.attribution ?? ATTRIBUTIONS[0].value;
      const c = await ctx.ipc.compareVersions(eventId, from, to, attribution);
      if (disposed || mine !== generation) return;
      compareSummary.textContent = summary(c);
      if (mode === 'side') {
        compareBody.replaceChildren(c.changes.length ? sideBySide(c) : h('p', { class: 'muted' }, 'The two drafts read the same.'));
      } else {
        const html = await ctx.ipc.compareHtml(eventId, from, to, attribution);
        if (disposed || mine !== generation) return;
        // The core's sanitised page, in a frame that runs no scripts (as the Draft view's).
        const frame = h('iframe', { class: 'compare-frame', title: `The draft with the changes since ${c.from} marked`, sandbox: 'allow-same-origin', 'data-testid': 'compare-frame' });
        frame.srcdoc = html;
        compareBody.replaceChildren(frame);
      }
    } catch (e) {
      if (disposed) return;
      compareSummary.textContent = 'Could not compare.';
      report(ctx, e);
    }
  }

  draw(ctx.store.state);
  void reviewChanged(ctx, eventId).catch((e) => report(ctx, e));

  return {
    update(state) {
      if (state.review !== drawn) draw(state);
    },
    dispose() {
      disposed = true;
    },
  };
}
