import { addNote, addRoleCard, bundleNotes, initMeeting } from '@bodem/shared';
import { templateById } from '@bodem/templates';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readListLayout } from './layout.ts';

const boom = templateById('boom')!;
const kracht = templateById('kracht-formeel')!;

const setup = (template: string) => {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'T', createdAt: 1, boards: [{ id: 'b1', template, title: 'B' }] });
  return doc;
};
const note = (doc: Y.Doc, x: number, y: number, text: string, createdAt: number) =>
  addNote(doc, { boardId: 'b1', x, y, side: null, authorId: 'a', createdAt, text });

describe('readListLayout (the list view of a board)', () => {
  it('puts each note under the zone its position lies in, in the zones’ order, oldest first', () => {
    const doc = setup('kracht-formeel');
    const [kennis, , positie] = kracht.zones;
    const bk = kennis!.shape as { x: number; y: number };
    const bp = positie!.shape as { x: number; y: number };
    const b = note(doc, bp.x + 200, bp.y + 200, 'b', 2);
    const a = note(doc, bk.x + 200, bk.y + 200, 'a', 1);
    const c = note(doc, bk.x + 500, bk.y + 200, 'c', 3);
    const layout = readListLayout(doc, 'b1', kracht);
    expect(layout.zones.map((z) => z.zoneId)).toEqual(kracht.zones.map((z) => z.id));
    expect(layout.zones[0]!.entries).toEqual([
      { kind: 'note', id: a },
      { kind: 'note', id: c },
    ]);
    expect(layout.zones[2]!.entries).toEqual([{ kind: 'note', id: b }]);
    expect(layout.zoneOf[b]).toBe(positie!.id);
  });

  it('shows a bundle once, under its head, with every member; role cards as their own entries', () => {
    const doc = setup('boom');
    const stam = boom.zones.find((z) => z.id === boom.roleZoneId)!;
    const vruchten = boom.zones[0]!;
    const v = vruchten.shape.type === 'ellipse' ? { x: vruchten.shape.cx - 90, y: vruchten.shape.cy - 70 } : { x: 0, y: 0 };
    const head = note(doc, v.x, v.y, 'head', 1);
    const other = note(doc, v.x + 300, v.y, 'other', 2);
    bundleNotes(doc, other, head);
    const stamBounds = stam.shape.type === 'polygon' ? stam.shape.points : [];
    const sx = (stamBounds[0]! + stamBounds[2]!) / 2;
    const role = addRoleCard(doc, { boardId: 'b1', x: sx - 140, y: 1500, roleId: null, side: null, title: 'R', description: '', authorId: 'a', createdAt: 3 });
    const layout = readListLayout(doc, 'b1', boom);
    const all = layout.zones.flatMap((z) => z.entries);
    expect(all.filter((e) => e.kind === 'bundle')).toEqual([{ kind: 'bundle', id: head, members: [head, other] }]);
    expect(all.some((e) => e.id === other && e.kind !== 'bundle')).toBe(false);
    expect(all.filter((e) => e.kind === 'role').map((e) => e.id)).toEqual([role]);
  });

  it('a board without zones keeps everything in one group', () => {
    const doc = setup('vrij');
    const id = note(doc, 100, 100, 'x', 1);
    const layout = readListLayout(doc, 'b1', templateById('vrij')!);
    expect(layout.zones).toEqual([{ zoneId: null, entries: [{ kind: 'note', id }] }]);
  });
});
