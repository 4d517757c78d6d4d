import { describe, expect, it } from 'vitest';
import { initMeeting, listBoards, shapeContains } from '@bodem/shared';
import * as Y from 'yjs';
import { PROGRAMMES, templateById } from '../src/index.ts';
import { PRACTICE_AGREEMENTS, PRACTICE_NOTES, practicePlan } from '../src/practice.ts';
import { inSeeds } from './seeds.ts';

/** Word for word in the Doorn report; only the first letter may have been made a capital. */
const inReport = (text: string): boolean => inSeeds(text, 'verslag') || inSeeds(text.charAt(0).toLowerCase() + text.slice(1), 'verslag');

describe('the practice meeting (Doorn)', () => {
  it('quotes the Doorn workshop report for every text', () => {
    for (const n of PRACTICE_NOTES) expect(inReport(n.text), n.text).toBe(true);
    for (const a of PRACTICE_AGREEMENTS) {
      expect(inReport(a.wat), a.wat).toBe(true);
      expect(inSeeds(a.wie, 'verslag'), a.wie).toBe(true);
    }
    // The check can fail: a paraphrase is not in the report.
    expect(inSeeds('Formele werkers hebben veel kennis over kinderen', 'verslag')).toBe(false);
  });

  it('names zones that exist, and puts every note of the full programme inside its zone', () => {
    const full = PROGRAMMES.find((p) => p.id === 'volledig') ?? PROGRAMMES[0]!;
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'Voorbeeld', createdAt: 1, boards: full.templates.map((template, i) => ({ id: `b${i}`, template, title: template })) });
    const boards = listBoards(doc);
    const plan = practicePlan(boards, templateById);
    expect(plan.notes).toHaveLength(PRACTICE_NOTES.length);
    expect(plan.agreements).toHaveLength(PRACTICE_AGREEMENTS.length);
    for (const n of PRACTICE_NOTES) expect(templateById(n.template)?.zones.some((z) => z.id === n.zone), `${n.template}/${n.zone}`).toBe(true);
    plan.notes.forEach((placed, i) => {
      const zone = templateById(PRACTICE_NOTES[i]!.template)!.zones.find((z) => z.id === PRACTICE_NOTES[i]!.zone)!;
      expect(shapeContains(zone.shape, { x: placed.x + 90, y: placed.y + 70 }), placed.text).toBe(true);
    });
    // Without those boards there is nothing to place.
    expect(practicePlan([], templateById)).toEqual({ notes: [], agreements: [] });
  });
});
