/**
 * `@` completion in the notes: after `@`, the participants' handles (and names and entities
 * as details), from the core's participant list. The list is read when completing, so a
 * participant added meanwhile shows up.
 */

import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import type { Participant } from '../agenda/types';

/** The completions for what is typed after `@` (case-insensitive prefix of handle or name). */
export function mentionOptions(people: readonly Participant[], typed: string): { label: string; detail: string }[] {
  const t = typed.toLowerCase();
  return people
    .filter((p) => p.handle && (p.handle.toLowerCase().startsWith(t) || p.name.toLowerCase().startsWith(t)))
    .map((p) => ({ label: `@${p.handle}`, detail: [p.name, p.entity].filter((x) => x && x !== p.handle).join(' · ') }));
}

export function mentions(people: () => readonly Participant[]): Extension {
  const source = (ctx: CompletionContext): CompletionResult | null => {
    // Letters of any script, with their combining marks (Arabic vowel signs).
    const word = ctx.matchBefore(/@[\p{L}\p{M}\p{N}_.-]*/u);
    if (!word) return null;
    const options = mentionOptions(people(), word.text.slice(1));
    if (!options.length) return null;
    return { from: word.from, options, validFor: /^@[\p{L}\p{M}\p{N}_.-]*$/u };
  };
  return autocompletion({ override: [source], icons: false });
}
