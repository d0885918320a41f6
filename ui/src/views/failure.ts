/**
 * The screen shown when the app started without its database (`startup_failure`): what went
 * wrong, which file, and what to do. Nothing else of the app is usable in this state.
 */

import type { StartupFailure } from '../edit/types';
import { h } from '../util/dom';

export function renderFailure(f: StartupFailure): HTMLElement {
  return h(
    'section',
    { class: 'failure', role: 'alert', 'aria-labelledby': 'failure-title', 'data-testid': 'startup-failure', 'data-code': f.code },
    h('h1', { id: 'failure-title' }, 'Rapporteur cannot open its database'),
    h('p', { class: 'failure-message' }, f.message),
    f.path
      ? h('p', {}, h('span', { class: 'muted' }, 'Database file: '), h('code', { class: 'failure-path', 'data-testid': 'failure-path' }, f.path))
      : null,
    h('h2', {}, 'What to do'),
    h('p', { class: 'failure-advice' }, f.advice),
    h('p', { class: 'muted small' }, `Error code: ${f.code}. Close this window when you are done.`),
  );
}
