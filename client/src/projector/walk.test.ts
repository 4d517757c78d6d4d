import { addNote, addRoleCard, bundleNotes, initMeeting, itemsOfBoard, ROLE_CARD_SIZE, shapeBounds, type Template } from '@bodem/shared';
import { templateById } from '@bodem/templates';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { layoutText } from '../board/textLayout.ts';
import { ROLE_DESCRIPTION } from '../board/views/metrics.ts';
import { DESIGN, MIN_BEAMER_TEXT_PX, NOTE_TEXT_PX, ROLE_TEXT_PX, stepAt, walk, walkRoleSize, wholeBoardsReadable, zoneSlides, type Slide } from './walk.ts';

const kracht = templateById('kracht-informeel')!;
const formeel = templateById('kracht-formeel')!;

const meeting = () => {
  const doc = new Y.Doc();
  initMeeting(doc, {
    title: 'Walk',
    createdAt: 1,
    boards: [
      { id: 'ki', template: 'kracht-informeel', title: 'Kracht van informeel' },
      { id: 'kf', template: 'kracht-formeel', title: 'Kracht van formeel' },
    ],
  });
  return doc;
};

/** `n` notes in zone `zoneId` of `template`, on a grid inside the zone. */
const fill = (doc: Y.Doc, boardId: string, template: Template, zoneId: string, n: number, text = (i: number) => `Notitie ${i}`) => {
  const b = shapeBounds(template.zones.find((z) => z.id === zoneId)!.shape);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(addNote(doc, { boardId, x: b.x + 20 + (i % 5) * 60, y: b.y + 80 + Math.floor(i / 5) * 40, side: 'formeel', authorId: 'a', createdAt: i + 1, text: text(i) }));
  }
  return ids;
};

const noteIds = (slides: readonly Slide[]) => slides.flatMap((s) => s.items.flatMap((i) => (i.kind === 'note' ? [i.note.id] : [])));

/** Every item lies inside the area at its scale. */
const inside = (s: Slide, area: { width: number; height: number }, noteSize = { width: 180, height: 140 }) =>
  s.items.every((i) => {
    const size = i.kind === 'role' ? i : noteSize;
    return i.x >= 0 && i.y >= 0 && i.x + size.width * s.scale <= area.width + 0.01 && i.y + size.height * s.scale <= area.height + 0.01;
  });

describe('the beamer walks a board zone by zone, every word at least 32 px', () => {
  it('shows a zone’s notes at the scale where their words are 32 px, paging what does not fit, each note once', () => {
    const doc = meeting();
    const ids = fill(doc, 'ki', kracht, 'kennis-en-begrip', 40);
    const slides = zoneSlides(kracht, 'kennis-en-begrip', 'Kennis en begrip', itemsOfBoard(doc, 'ki'), DESIGN);
    expect(slides.length).toBeGreaterThan(1);
    expect(slides.every((s) => s.pages === slides.length)).toBe(true);
    for (const s of slides) {
      expect(s.scale * NOTE_TEXT_PX).toBeGreaterThanOrEqual(MIN_BEAMER_TEXT_PX);
      expect(inside(s, DESIGN, kracht.noteSize)).toBe(true);
    }
    expect(noteIds(slides).sort()).toEqual([...ids].sort());
  });

  it('draws role cards at their description’s 32 px, and a bundle as its top note with the count', () => {
    const doc = meeting();
    const [a, b, c] = fill(doc, 'ki', kracht, 'kennis-en-begrip', 3);
    bundleNotes(doc, b!, a!);
    bundleNotes(doc, c!, a!);
    const z = shapeBounds(kracht.zones[0]!.shape);
    addRoleCard(doc, { boardId: 'ki', x: z.x + 40, y: z.y + 300, side: 'informeel', roleId: null, title: 'Rolmodel', description: 'Is een positief voorbeeld', authorId: 'a', createdAt: 9 });
    const [slide] = zoneSlides(kracht, kracht.zones[0]!.id, '', itemsOfBoard(doc, 'ki'), DESIGN);
    expect(slide!.scale * ROLE_TEXT_PX).toBeGreaterThanOrEqual(MIN_BEAMER_TEXT_PX);
    const notes = slide!.items.filter((i) => i.kind === 'note');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ count: 3 });
    // Few items: drawn larger than the least readable scale, still on one screen.
    expect(slide!.scale).toBeGreaterThan(MIN_BEAMER_TEXT_PX / ROLE_TEXT_PX);
    expect(inside(slide!, DESIGN, kracht.noteSize)).toBe(true);
    expect(slide!.items.filter((i) => i.kind === 'role')).toHaveLength(1);
  });

  it('draws a role card tall enough for its whole description (the board cuts it with "…")', () => {
    const doc = meeting();
    const z = shapeBounds(kracht.zones[0]!.shape);
    const description = 'Signaleert problemen en zorgen bij gezinnen, en brengt die onder de aandacht van de juiste instanties; weet wat er speelt in de gemeenschap en betreft ouders en jongeren bij wat er gebeurt. '.repeat(2).slice(0, 300);
    addRoleCard(doc, { boardId: 'ki', x: z.x + 40, y: z.y + 300, side: 'informeel', roleId: null, title: 'Signaal verstrekker', description, authorId: 'a', createdAt: 9 });
    const [slide] = zoneSlides(kracht, kracht.zones[0]!.id, '', itemsOfBoard(doc, 'ki'), DESIGN);
    const role = slide!.items.find((i) => i.kind === 'role');
    if (role?.kind !== 'role') throw new Error('no role card in the walk');
    expect(role.height).toBeGreaterThan(ROLE_CARD_SIZE.height);
    // What the board's card shows is cut; the walk's card holds every line (measured at the note font's real 0.55 em).
    const measure = (t: string, px: number) => t.length * px * 0.55;
    const box = (w: number, h: number) => ({ width: w - 38, height: h - ROLE_DESCRIPTION.y, fontSize: ROLE_DESCRIPTION.fontSize, lineHeight: ROLE_DESCRIPTION.lineHeight });
    expect(layoutText(description, box(ROLE_CARD_SIZE.width, ROLE_CARD_SIZE.height), measure).cut).toBe(true);
    expect(layoutText(description, box(role.width, role.height), measure).cut).toBe(false);
    expect(inside(slide!, DESIGN, kracht.noteSize)).toBe(true);
    expect(walkRoleSize({ description: 'Kort' })).toEqual({ width: 400, height: ROLE_CARD_SIZE.height });
  });

  it('side by side: whole boards would be unreadable, so it walks the same zone of each, as many pages as the fullest needs', () => {
    expect(wholeBoardsReadable([kracht, formeel])).toBe(false);
    expect(wholeBoardsReadable([kracht])).toBe(false);
    const doc = meeting();
    fill(doc, 'ki', kracht, kracht.zones[0]!.id, 30);
    fill(doc, 'kf', formeel, formeel.zones[0]!.id, 2);
    const steps = walk([
      { template: kracht, items: itemsOfBoard(doc, 'ki') },
      { template: formeel, items: itemsOfBoard(doc, 'kf') },
    ]);
    const first = steps.filter((s) => s.zoneIndex === 0);
    expect(first.length).toBeGreaterThan(1);
    expect(first[0]!.cells.map((c) => c?.items.length)).toEqual([first[0]!.cells[0]!.items.length, 2]);
    // The emptier board has nothing more to show on the later pages of that zone.
    expect(first[1]!.cells[1]).toBeNull();
    // One heading when both boards name the zone alike (formeel's "Kennis en begrip" beside informeel's).
    expect(first[0]!.label).toBe([...new Set([kracht.zones[0]!.label, formeel.zones[0]!.label])].join(' / '));
    expect(steps.filter((s) => s.page === 0).length).toBe(Math.max(kracht.zones.length, formeel.zones.length));
    expect(stepAt(steps, 999)).toBe(steps.at(-1));
    expect(stepAt(steps, -3)).toBe(steps[0]);
    expect(stepAt([], 0)).toBeNull();
  });
});
