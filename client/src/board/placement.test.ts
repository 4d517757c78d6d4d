import { itemCenter, NOTE_SIZE, ROLE_CARD_SIZE, zoneAt, type Point } from '@bodem/shared';
import { TEMPLATES } from '@bodem/templates';
import { describe, expect, it } from 'vitest';
import { freeSlot, printedRects } from './placement.ts';

describe('freeSlot (where an item added or moved into a zone lands)', () => {
  for (const template of TEMPLATES.filter((t) => t.zones.length > 0)) {
    it(`${template.id}: 30 notes added to each zone all lie in that zone, the first ones apart`, () => {
      const size = template.noteSize ?? NOTE_SIZE;
      for (const zone of template.zones) {
        const taken: Point[] = [];
        for (let i = 0; i < 30; i++) {
          const p = freeSlot(template, zone.id, size, taken);
          expect(zoneAt(template.zones, itemCenter(p, size))?.id, `${template.id}/${zone.id} note ${i}`).toBe(zone.id);
          expect(p.x).toBeGreaterThanOrEqual(0);
          expect(p.y).toBeGreaterThanOrEqual(0);
          expect(p.x + size.width).toBeLessThanOrEqual(template.width);
          expect(p.y + size.height).toBeLessThanOrEqual(template.height);
          taken.push(p);
        }
        // The first note leaves what the poster prints there readable (where the zone has room beside it).
        const first = { ...taken[0]!, ...size };
        const covered = printedRects(template).filter((r) => first.x < r.x + r.width && r.x < first.x + first.width && first.y < r.y + r.height && r.y < first.y + first.height);
        // (The agreements' zone is the table itself: there is no room beside it.)
        if (!(template.id === 'afspraken' && zone.id === 'afspraken')) expect(covered, `${template.id}/${zone.id}`).toEqual([]);
        // The first two never lie on top of each other.
        expect(Math.abs(taken[0]!.x - taken[1]!.x) + Math.abs(taken[0]!.y - taken[1]!.y)).toBeGreaterThan(0);
      }
    });
  }

  it('role cards tapped into the trunk stay in the trunk', () => {
    const boom = TEMPLATES.find((t) => t.id === 'boom')!;
    const taken: Point[] = [];
    for (let i = 0; i < 10; i++) {
      const p = freeSlot(boom, boom.roleZoneId, ROLE_CARD_SIZE, taken);
      expect(zoneAt(boom.zones, itemCenter(p, ROLE_CARD_SIZE))?.id).toBe(boom.roleZoneId);
      taken.push(p);
    }
  });
});
