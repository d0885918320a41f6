/** Start: recent events, the sample event, and importing an agenda (`import.ts`). */

import type { EventSummary } from '../agenda/types';
import { h } from '../util/dom';
import { openEvent, report, type Ctx } from '../controllers/context';
import { renderImport } from './import';

function dates(e: EventSummary): string {
  if (e.start_date && e.end_date && e.start_date !== e.end_date) return `${e.start_date} – ${e.end_date}`;
  return e.start_date ?? '';
}

export function renderStart(ctx: Ctx): HTMLElement {
  const { events } = ctx.store.state;
  const openSample = async () => {
    try {
      await openEvent(ctx, await ctx.ipc.openSample());
    } catch (e) {
      report(ctx, e);
    }
  };
  const list =
    events.length === 0
      ? h('p', { class: 'muted' }, 'No events yet.')
      : h(
          'ul',
          { class: 'event-list', 'aria-label': 'Recent events' },
          events.map((e) =>
            h(
              'li',
              {},
              h(
                'button',
                { class: 'event-card', 'data-event-id': e.id, onclick: () => void openEvent(ctx, e.id) },
                h('span', { class: 'event-title' }, e.title || 'Untitled event'),
                h('span', { class: 'event-meta' }, [e.venue, dates(e), `${e.sessions} agenda rows`].filter(Boolean).join(' · ')),
              ),
            ),
          ),
        );
  return h(
    'section',
    { class: 'start', 'aria-labelledby': 'start-title' },
    h('h1', { id: 'start-title' }, 'Rapporteur'),
    h('p', { class: 'lead' }, 'Notes, outcomes and draft conclusions for the meetings you report on.'),
    h('h2', {}, 'Recent events'),
    list,
    h(
      'div',
      { class: 'start-actions' },
      h('button', { class: 'primary', id: 'open-sample', onclick: () => void openSample() }, 'Open sample event'),
    ),
    renderImport(ctx),
  );
}
