import { addNote, initMeeting, readMeeting, reportOutline, roots, setPrep, readControl } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { D_QUOTE_IDS, meetingTemplate, REPORT_SOURCES, reportSourcesFor, templateById, THEMAS } from '../src/index.ts';
import { inSeeds } from './seeds.ts';

const D = templateById('in-de-weg')!;

describe("part D's quotes chosen while preparing", () => {
  it('the D board has one zone per quote of the manual, each quoted word for word', () => {
    expect(D_QUOTE_IDS).toHaveLength(THEMAS.flatMap((t) => t.quotes).length);
    expect(D_QUOTE_IDS).toHaveLength(8);
    for (const thema of THEMAS) {
      expect(inSeeds(thema.title), thema.title).toBe(true);
      for (const q of thema.quotes) expect(inSeeds(q.text.replace(/^“|”$/g, '')), q.text.slice(0, 40)).toBe(true);
    }
  });

  it('draws only the chosen quotes, each in its own place (so notes beside it keep their zone), with its pane and card', () => {
    const chosen = ['thema-3-citaat-1', 'thema-1-citaat-2'];
    const t = meetingTemplate('in-de-weg', { quotes: chosen })!;
    expect(t.zones.map((z) => z.id)).toEqual(['thema-1-citaat-2', 'thema-3-citaat-1']);
    for (const z of t.zones) expect(z).toBe(D.zones.find((x) => x.id === z.id));
    // Two art shapes (pane, quote mark) per quote.
    expect(t.art).toHaveLength(2 * chosen.length);
    expect(D.art).toHaveLength(2 * 8);
    expect([t.width, t.height, t.title, t.instructions]).toEqual([D.width, D.height, D.title, D.instructions]);
    // The facilitator's explanation stays on the template (shown to the facilitator only).
    expect(t.facilitatorNotes).toBe(D.facilitatorNotes);
    // Nothing chosen: no quote; null: all; other templates are the toolkit's.
    expect(meetingTemplate('in-de-weg', { quotes: [] })!.zones).toEqual([]);
    expect(meetingTemplate('in-de-weg', { quotes: null })).toBe(D);
    expect(meetingTemplate('boom', { quotes: chosen })).toBe(templateById('boom'));
    expect(meetingTemplate('bestaat-niet', { quotes: null })).toBeUndefined();
    // The same choice is the same template (the board does not redraw for nothing).
    expect(meetingTemplate('in-de-weg', { quotes: [...chosen].reverse() })).toBe(t);
  });

  it('the report holds only the chosen quotes of the meeting', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'D', createdAt: 1, boards: [{ id: 'd', template: 'in-de-weg', title: D.title }] });
    const zone = (id: string) => D.zones.find((z) => z.id === id)!.shape as { x: number; y: number; width: number; height: number };
    const z = zone('thema-2-citaat-1');
    addNote(doc, { boardId: 'd', x: z.x + z.width - 300, y: z.y + 200, side: 'formeel', authorId: 'p1', createdAt: 2, text: 'Herken ik' });
    setPrep(doc, { quotes: ['thema-2-citaat-1'] });
    const prep = readControl(roots(doc).control).prep;
    expect(prep.quotes).toEqual(['thema-2-citaat-1']);
    const text = JSON.stringify(reportOutline(readMeeting(doc), reportSourcesFor(prep), { leaders: [], names: false }));
    expect(text).toContain('Thema 2 · citaat 1');
    expect(text).toContain('Herken ik');
    expect(text).not.toContain('Thema 1 · citaat 1');
    expect(text).not.toContain('Ik krijg de indruk');
    // All eight without a choice.
    const all = JSON.stringify(reportOutline(readMeeting(doc), REPORT_SOURCES, { leaders: [], names: false }));
    expect(all).toContain('Thema 1 · citaat 1');
  });
});
