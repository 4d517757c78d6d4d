import { describe, expect, it } from 'vitest';
import { summarise, type Change } from './announce.ts';

const zones: Record<string, string> = { kennis: 'Kennis en begrip', positie: 'Positie' };
const label = (id: string | null) => (id ? (zones[id] ?? '') : '');

describe('summarise (what the list view announces of others’ changes)', () => {
  it('says a new note and where it went', () => {
    expect(summarise([{ type: 'added', kind: 'note', zone: 'kennis' }], label)).toBe('Nieuwe notitie in Kennis en begrip');
  });

  it('counts a burst in one zone instead of naming each note', () => {
    const burst: Change[] = Array.from({ length: 4 }, () => ({ type: 'added', kind: 'note', zone: 'kennis' }));
    expect(summarise(burst, label)).toBe('4 nieuwe notities in Kennis en begrip');
  });

  it('says moves and removals, and no more than three things at once', () => {
    const changes: Change[] = [
      { type: 'moved', kind: 'note', zone: 'positie' },
      { type: 'removed', kind: 'note', zone: 'kennis' },
      { type: 'added', kind: 'role', zone: 'positie' },
      { type: 'added', kind: 'agreement', zone: null },
    ];
    expect(summarise(changes, label)).toBe('Notitie verplaatst naar Positie. Notitie verwijderd uit Kennis en begrip. Nieuwe rolkaart in Positie');
  });

  it('says a bundle made and an answer picked by others', () => {
    expect(summarise([{ type: 'bundled', kind: 'note', zone: 'positie' }], label)).toBe('Notities gebundeld in Positie');
    expect(summarise([{ type: 'chosen', kind: 'choice', zone: 'Valkuil 1 Van toepassing? Ja' }], label)).toBe('Antwoord gekozen: Valkuil 1 Van toepassing? Ja');
  });

  it('says nothing when nothing others did is worth saying', () => {
    expect(summarise([], label)).toBe('');
    expect(summarise([{ type: 'removed', kind: 'role', zone: 'kennis' }], label)).toBe('');
  });
});
