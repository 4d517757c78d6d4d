import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBoard,
  addNote,
  allVotes,
  castVote,
  ideaOpen,
  ideaSettingsOf,
  ideaTarget,
  ideaWritten,
  initMeeting,
  notesOfBoard,
  readBoardState,
  readIdeaSettings,
  readIdeaTarget,
  readMeeting,
  reportOutline,
  reportMarkdown,
  roots,
  setField,
  setIdeaVoteLimit,
  setIdeaVoting,
  tallyIdeas,
  IDEA_VOTE_LIMIT_KEY,
  IDEA_VOTING_KEY,
  type Template,
  type Vote,
} from '../src/index.ts';

// A stand-in for templates/'s `ideeen` (shared/ cannot import templates/): three ideas, a column each.
const col = (n: number) => ({ id: `idee-${n}-doel`, label: `Idee ${n} · Doelstelling`, shape: { type: 'rect' as const, x: (n - 1) * 1000, y: 200, width: 1000, height: 800 } });
const IDEAS: Template = {
  id: 'ideeen',
  part: 'C',
  title: 'Samenwerkingsvoorbeelden',
  instructions: 'Maak samen de keuze.',
  background: '#fff',
  art: [],
  width: 3000,
  height: 1000,
  zones: [1, 2, 3].map(col),
  fields: [1, 2, 3].map((n) => ({ id: `idee-${n}-vorm`, label: `Idee ${n} · Vorm`, rect: { x: (n - 1) * 1000, y: 0, width: 900, height: 96 } })),
  ideas: { list: [1, 2, 3].map((n) => ({ id: `idee-${n}`, label: `Idee ${n}`, zoneIds: [`idee-${n}-doel`], fieldId: `idee-${n}-vorm` })), voting: { limit: 2 } },
};
const sources = { template: (id: string) => (id === 'ideeen' ? IDEAS : undefined) };

const meeting = () => {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'Ideeën', createdAt: 1, boards: [] });
  const board = addBoard(doc, { template: 'ideeen', title: 'Onze ideeën', fields: IDEAS.fields!.map((f) => f.id) });
  return { doc, board, map: roots(doc).boards.get(board) as Y.Map<unknown> };
};
const tally = (doc: Y.Doc, board: string) => {
  const map = roots(doc).boards.get(board) as Y.Map<unknown>;
  return tallyIdeas(board, IDEAS, readIdeaSettings(map, IDEAS), readBoardState(map), notesOfBoard(doc, board), allVotes(doc));
};

describe('ideas on one board, each with its own dots', () => {
  it('names a dot’s target by board and idea, and reads only well-formed targets', () => {
    expect(readIdeaTarget(ideaTarget('b1', 'idee-2'))).toEqual({ boardId: 'b1', ideaId: 'idee-2' });
    for (const bad of ['b1', '~idee', 'b1~', `b1~${'x'.repeat(300)}`]) expect(readIdeaTarget(bad)).toBeNull();
  });

  it('takes the template’s limit until the facilitator sets one, and ignores malformed settings', () => {
    const { doc, board, map } = meeting();
    expect(readIdeaSettings(map, IDEAS)).toEqual({ limit: 2, voting: 'auto' });
    expect(setIdeaVoteLimit(doc, board, 3)).toBe(true);
    expect(setIdeaVoting(doc, board, 'closed')).toBe(true);
    expect(readIdeaSettings(map, IDEAS)).toEqual({ limit: 3, voting: 'closed' });
    // Out of range is refused by the op and ignored when read from a document.
    expect(setIdeaVoteLimit(doc, board, 0)).toBe(false);
    expect(setIdeaVoteLimit(doc, board, 2.5)).toBe(false);
    for (const raw of [0, -1, 11, 2.5, '3', NaN, null]) {
      map.set(IDEA_VOTE_LIMIT_KEY, raw);
      expect(readIdeaSettings(map, IDEAS).limit).toBe(2);
    }
    map.set(IDEA_VOTING_KEY, 'wide open');
    expect(readIdeaSettings(map, IDEAS).voting).toBe('auto');
    setIdeaVoting(doc, board, 'auto');
    expect(map.has(IDEA_VOTING_KEY)).toBe(false);
    expect(ideaSettingsOf({ ideaVoteLimit: null, ideaVoting: null }, undefined)).toEqual({ limit: 1, voting: 'auto' });
  });

  it('opens an idea to dots once someone wrote in it (a note in its zones or its name), unless the facilitator opened or closed the board', () => {
    const { doc, board } = meeting();
    const written = (n: number) => {
      const map = roots(doc).boards.get(board) as Y.Map<unknown>;
      return ideaWritten(IDEAS, IDEAS.ideas!.list[n - 1]!, readBoardState(map), notesOfBoard(doc, board));
    };
    expect([1, 2, 3].map(written)).toEqual([false, false, false]);
    setField(doc, board, 'idee-1-vorm', 'Koffie-ochtend');
    addNote(doc, { boardId: board, x: 1300, y: 400, side: 'formeel', authorId: 'a', createdAt: 2, text: 'Ouders ontmoeten elkaar' });
    // An empty note says nothing yet; a note outside every idea opens none.
    addNote(doc, { boardId: board, x: 2300, y: 400, side: 'formeel', authorId: 'a', createdAt: 3, text: '  ' });
    expect([1, 2, 3].map(written)).toEqual([true, true, false]);
    expect(ideaOpen({ limit: 2, voting: 'auto' }, false)).toBe(false);
    expect(ideaOpen({ limit: 2, voting: 'auto' }, true)).toBe(true);
    expect(ideaOpen({ limit: 2, voting: 'open' }, false)).toBe(true);
    expect(ideaOpen({ limit: 2, voting: 'closed' }, true)).toBe(false);
  });

  it('counts each person’s earliest dots up to the limit, names the winner, and ties give two winners', () => {
    const { doc, board } = meeting();
    setField(doc, board, 'idee-2-vorm', 'Huisbezoek');
    const cast = (n: number, who: string, at: number) => castVote(doc, ideaTarget(board, `idee-${n}`), who, at);
    cast(1, 'anna', 1);
    cast(2, 'anna', 2);
    cast(3, 'anna', 3); // past Anna's limit of 2: does not count
    cast(2, 'bilal', 4);
    castVote(doc, 'another-board', 'bilal', 5); // not an idea of this board
    const t = tally(doc, board);
    expect(t.ideas.map((i) => [i.id, i.count])).toEqual([
      ['idee-1', 1],
      ['idee-2', 2],
      ['idee-3', 0],
    ]);
    expect(t.ideas[1]!.name).toBe('Huisbezoek');
    expect(t.winners).toEqual(['idee-2']);
    expect(t.excess.map((v: Vote) => v.targetId)).toEqual([ideaTarget(board, 'idee-3')]);
    expect([...t.mine('anna')].sort()).toEqual([ideaTarget(board, 'idee-1'), ideaTarget(board, 'idee-2')]);
    // The facilitator lowers the limit to 1: only each person's first dot counts, and idea 1 and 2 tie.
    setIdeaVoteLimit(doc, board, 1);
    const lower = tally(doc, board);
    expect(lower.ideas.map((i) => i.count)).toEqual([1, 1, 0]);
    expect(lower.winners).toEqual(['idee-1', 'idee-2']);
    // Before any dot there is no winner.
    const fresh = meeting();
    expect(tally(fresh.doc, fresh.board).winners).toEqual([]);
  });

  it('puts the counts per idea and the winner in the report’s outline and its summary', () => {
    const { doc, board } = meeting();
    setField(doc, board, 'idee-1-vorm', 'Koffie-ochtend');
    setField(doc, board, 'idee-2-vorm', 'Huisbezoek');
    castVote(doc, ideaTarget(board, 'idee-2'), 'anna', 1);
    castVote(doc, ideaTarget(board, 'idee-2'), 'bilal', 2);
    castVote(doc, ideaTarget(board, 'idee-1'), 'bilal', 3);
    const outline = reportOutline(readMeeting(doc), sources);
    const b = outline.boards.find((x) => x.id === board)!;
    expect(b.ideas).toEqual({
      limit: 2,
      ideas: [
        { id: 'idee-1', label: 'Idee 1', name: 'Koffie-ochtend', count: 1 },
        { id: 'idee-2', label: 'Idee 2', name: 'Huisbezoek', count: 2 },
        // Idee 3: nobody wrote in it or voted for it; the report leaves it out.
      ],
      winners: ['idee-2'],
    });
    const voting = outline.summary.votes.find((v) => v.boardTitle === 'Onze ideeën')!;
    expect(voting.ranking.map((r) => [r.title, r.count])).toEqual([
      ['Idee 2: Huisbezoek', 2],
      ['Idee 1: Koffie-ochtend', 1],
    ]);
    expect(voting.winners).toEqual([ideaTarget(board, 'idee-2')]);
    const md = reportMarkdown(outline);
    expect(md).toContain('1. **Idee 2: Huisbezoek**: 2 stemmen (');
    expect(md).toContain('2. Idee 1: Koffie-ochtend: 1 stem');
  });
});
