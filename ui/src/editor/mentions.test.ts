import { describe, expect, it } from 'vitest';
import { mentionOptions } from './mentions';

const people = [
  { id: '1', name: 'Amy Pope', entity: 'IOM', handle: 'amy', role: '' },
  { id: '2', name: 'FAO', entity: 'FAO', handle: 'FAO', role: '' },
  { id: '3', name: 'No Handle', entity: 'X', handle: '', role: '' },
];

describe('@ completion', () => {
  it('offers handles matching the typed prefix of a handle or a name', () => {
    expect(mentionOptions(people, '')).toEqual([
      { label: '@amy', detail: 'Amy Pope · IOM' },
      { label: '@FAO', detail: '' },
    ]);
    expect(mentionOptions(people, 'fa').map((o) => o.label)).toEqual(['@FAO']);
    expect(mentionOptions(people, 'pop')).toEqual([]);
    expect(mentionOptions(people, 'AM').map((o) => o.label)).toEqual(['@amy']);
  });
});
