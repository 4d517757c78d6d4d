import {
  destinationOf,
  draaiboekOf,
  initMeeting,
  listBoards,
  nextStep,
  PARTS,
  plannedMinutes,
  readControl,
  roots,
  stepsFor,
  timeline,
} from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DRAAIBOEK, PART_INFO, programmeBoards, PROGRAMMES, templateById } from '../src/index.ts';
import { inSeeds } from './seeds.ts';

const MIN = 60_000;

describe('the draaiboek as the manual runs it', () => {
  it('has unique ids, parts A to G in order after the introduction, and days that follow the parts', () => {
    const ids = DRAAIBOEK.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(DRAAIBOEK[0]).toMatchObject({ id: 'intro', part: null, deel: 1 });
    const parts = DRAAIBOEK.slice(1).map((s) => PARTS.indexOf(s.part!));
    expect(parts.every((p, i) => p >= 0 && (i === 0 || p >= parts[i - 1]!))).toBe(true);
    expect([...new Set(DRAAIBOEK.map((s) => s.part).filter(Boolean))]).toEqual([...PARTS]);
    for (const s of DRAAIBOEK) if (s.part) expect(s.deel, s.id).toBe(PART_INFO[s.part].deel);
  });

  it('says and asks everything in the manual\u2019s or the hand-out\u2019s own words', () => {
    for (const s of DRAAIBOEK) {
      expect(inSeeds(s.say), `${s.id} say: ${s.say}`).toBe(true);
      expect(inSeeds(s.task), `${s.id} task: ${s.task}`).toBe(true);
      if (s.optional) expect(inSeeds(s.optional), `${s.id} optional: ${s.optional}`).toBe(true);
      if (s.duration) expect(inSeeds(s.duration), `${s.id} duration: ${s.duration}`).toBe(true);
      expect(s.title.trim()).not.toBe('');
    }
  });

  it('takes its minutes from the manual where it names them, and shares out a part\u2019s time over its steps', () => {
    const WORDS: Record<string, number> = { vijf: 5, kwartier: 15 };
    for (const s of DRAAIBOEK.filter((x) => x.minutesFrom === 'handleiding')) {
      // The manual's words for the time say the step's minutes.
      const said = s.duration!.match(/\d+/)?.[0] ?? Object.keys(WORDS).find((w) => s.duration!.includes(w));
      expect(said, s.id).toBeDefined();
      expect(/^\d+$/.test(said!) ? Number(said) : WORDS[said!], s.id).toBe(s.minutes);
    }
    for (const s of DRAAIBOEK.filter((x) => x.minutesFrom !== 'handleiding')) expect(s.duration, s.id).toBeUndefined();
    // A part's steps, optional ones with minutes of the manual's shared-out time included, add up to the manual's time for the part.
    const total = (part: string) =>
      DRAAIBOEK.filter((s) => s.part === part && s.minutesFrom !== 'voorstel' && !s.perBoard).reduce((n, s) => n + s.minutes, 0);
    expect(total('B')).toBe(PART_INFO.B.minutes!.min);
    expect(total('C')).toBe(PART_INFO.C.minutes!.min);
    expect(total('D')).toBe(PART_INFO.D.minutes!.min);
    expect(total('E')).toBe(PART_INFO.E.minutes!.min);
    for (const s of DRAAIBOEK) expect(s.minutes, s.id).toBeGreaterThan(0);
  });

  it('names only boards that exist, and has a step for every board of the full programme', () => {
    const used = new Set<string>();
    for (const s of DRAAIBOEK) {
      const named = [...s.boards, ...Object.values(s.send ?? {}), ...(s.beamer?.templates ?? [])];
      for (const t of named) {
        expect(templateById(t), `${s.id} names ${t}`).toBeDefined();
        used.add(t);
      }
      // Where a group goes and what the beamer shows are boards the step works on.
      for (const t of [...Object.values(s.send ?? {}), ...(s.beamer?.templates ?? [])]) expect(s.boards, s.id).toContain(t);
    }
    for (const t of PROGRAMMES.find((p) => p.id === 'volledig')!.templates) expect(used.has(t), t).toBe(true);
  });

  it('marks optional what the templates mark optional', () => {
    for (const s of DRAAIBOEK) {
      for (const t of s.boards) {
        const optionalBoard = !!templateById(t)?.optional;
        if (optionalBoard) expect(s.optional, `${s.id} works on the optional ${t}`).toBeDefined();
      }
    }
    expect(DRAAIBOEK.filter((s) => s.optional).map((s) => s.id)).toEqual(['B.6', 'C.3', 'C.4', 'E.4', 'E.5', 'G.1', 'G.2', 'G.3']);
  });

  it('closes voting before the ideas are written and opens it only for the vote', () => {
    const voting = DRAAIBOEK.filter((s) => s.voting).map((s) => [s.id, s.voting]);
    expect(voting).toEqual([
      ['intro', 'closed'],
      ['C.3', 'closed'],
      ['C.4', 'open'],
      ['D.1', 'closed'],
    ]);
  });
});

describe('a full meeting run with "Volgende stap"', () => {
  const fullMeeting = (): Y.Doc => {
    const doc = new Y.Doc();
    const boards = programmeBoards({ templates: [...PROGRAMMES.find((p) => p.id === 'volledig')!.templates, 'beeld'] });
    initMeeting(doc, { title: 'Volledig', createdAt: 1, boards: boards.map((b, i) => ({ id: `b${i}-${b.template}`, ...b })) });
    return doc;
  };

  it('walks every step with the manual\u2019s timers, sends the groups and sets beamer and voting', () => {
    const doc = fullMeeting();
    const boards = listBoards(doc);
    const steps = stepsFor(DRAAIBOEK, boards);
    expect(steps.map((s) => s.id)).toEqual(DRAAIBOEK.map((s) => s.id));
    const byTemplate = (t: string) => boards.find((b) => b.template === t)!.id;
    let now = 1_700_000_000_000;
    const seen: string[] = [];
    for (let id = nextStep(doc, steps, now); id !== null; id = nextStep(doc, steps, now)) {
      seen.push(id);
      const step = steps.find((s) => s.id === id)!;
      const c = readControl(roots(doc).control);
      expect(c.timer, id).toMatchObject({ durationMs: plannedMinutes(step, boards) * MIN, endsAt: now + plannedMinutes(step, boards) * MIN });
      if (step.send) {
        expect(destinationOf(c.send, { id: 'x', side: 'formeel' }), id).toBe(byTemplate(step.send.formeel!));
        expect(destinationOf(c.send, { id: 'x', side: 'informeel' }), id).toBe(byTemplate(step.send.informeel!));
      }
      if (step.beamer?.mode === 'board') expect(c.projector, id).toEqual({ mode: 'board', boards: [byTemplate(step.beamer.templates[0]!)], step: 0 });
      if (id === 'B.2') expect(c.send?.bySide).toEqual({ formeel: byTemplate('kracht-informeel'), informeel: byTemplate('kracht-formeel') });
      if (id === 'C.3') expect(c.votingOpen).toBe(false);
      if (id === 'C.4') expect(c.votingOpen).toBe(true);
      if (id === 'D.1') expect(c.votingOpen).toBe(false);
      now += plannedMinutes(step, boards) * MIN;
    }
    expect(seen).toEqual(DRAAIBOEK.map((s) => s.id));
    // Two organisations' posters: the presentations get two quarters of an hour.
    expect(plannedMinutes(steps.find((s) => s.id === 'A.3')!, boards)).toBe(30);
    const tl = timeline(steps, draaiboekOf(doc), boards, now);
    expect(tl.usedMs).toBe(tl.plannedMs);
  });

  it('runs part 1 only for a kennismaking', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'Kennismaking', createdAt: 1, boards: programmeBoards({ programme: 'kennismaking' }).map((b) => ({ id: b.template, ...b })) });
    const steps = stepsFor(DRAAIBOEK, listBoards(doc));
    expect(steps.map((s) => s.id)).toEqual(['intro', 'A.1', 'A.2', 'A.3', 'B.1', 'B.2', 'B.3', 'B.4', 'B.5', 'B.6', 'B.7']);
  });
});
