import { addBoard, allVotes, castVote, listBoards, peekClaims, readMeeting, tallyVotes, voteKey } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  createMeeting,
  type CreatedMeeting,
  joinMeeting,
  startServer,
  synced,
  waitFor,
  type Client,
  type Running,
  useRig,
} from './helpers.ts';

/**
 * Dot voting through the real relay, with stock y-websocket clients: the
 * per-person limit is applied when counting, so concurrent votes from one
 * person's tablets must leave every tablet (and the store) counting the
 * same dots.
 */

const VOTING_TEMPLATE = 'voorbeeld';
const LIMIT = 2;

const { server, client, cleanups } = useRig();

/** A participant's token and id: the id is the token's `sub`, as the client reads it. */
const participant = async (s: Running, m: CreatedMeeting, name: string) => {
  const token = await joinMeeting(s.http, m, name, 'informeel');
  const claims = peekClaims(token);
  if (!claims) throw new Error('unreadable token');
  return { token, id: claims.sub };
};

/**
 * What a tablet shows for the ideas on `boards`: dots per board and who
 * used how many, plus which dots count. (The meeting's programme may hold
 * voting boards of its own; the tests vote on the three they add.)
 */
const tally = (doc: Y.Doc, boards: readonly string[]) => {
  const t = tallyVotes(allVotes(doc), new Set(boards), LIMIT);
  return {
    counts: Object.fromEntries([...t.counts].sort(([a], [b]) => (a < b ? -1 : 1))),
    counted: [...t.counted].sort(),
    excess: t.excess.map((v) => voteKey(v.targetId, v.participantId)).sort(),
    used: Object.fromEntries([...t.used].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
};

/** A meeting with three voting boards, added by the facilitator, seen by `tablets`. */
const votingMeeting = async (s: Running) => {
  const m = await createMeeting(s.http, 'Ideeën kiezen');
  const facilitator = client(s, m.id, m.facilitatorToken);
  await synced(facilitator);
  const boards = ['Koffie-ochtend', 'Huisbezoek', 'Voorlichting in de moskee']
    .map((title) => addBoard(facilitator.doc, { template: VOTING_TEMPLATE, title }))
    .sort();
  // Added after the programme, in order.
  expect(listBoards(facilitator.doc).slice(-3).map((b) => b.template)).toEqual([VOTING_TEMPLATE, VOTING_TEMPLATE, VOTING_TEMPLATE]);
  return { m, facilitator, boards };
};

const allSee = (clients: readonly Client[], boards: readonly string[]) =>
  Promise.all(
    clients.map(async (c) => {
      await synced(c);
      await waitFor(() => boards.every((id) => listBoards(c.doc).some((b) => b.id === id)), 10_000, 'the voting boards');
    }),
  );

describe('dot voting through the relay', () => {
  it('three tablets of one person voting at the same moment, limit 2: every tablet, a late joiner and the store after a restart count the same two dots', async () => {
    const s = await server();
    const { m, facilitator, boards } = await votingMeeting(s);
    const anna = await participant(s, m, 'Anna');
    const bilal = await participant(s, m, 'Bilal');
    const tablets = [client(s, m.id, anna.token), client(s, m.id, anna.token), client(s, m.id, anna.token), client(s, m.id, bilal.token)];
    await allSee(tablets, boards);

    // The same moment on all three of Anna's tablets, no waiting in between;
    // Bilal votes too. With a tie in time, the lowest board ids count.
    const at = Date.now();
    castVote(tablets[0]!.doc, boards[2]!, anna.id, at);
    castVote(tablets[1]!.doc, boards[0]!, anna.id, at);
    castVote(tablets[2]!.doc, boards[1]!, anna.id, at);
    castVote(tablets[3]!.doc, boards[2]!, bilal.id, at);

    const expected = {
      counts: Object.fromEntries([
        [boards[0]!, 1],
        [boards[1]!, 1],
        [boards[2]!, 1],
      ]),
      counted: [voteKey(boards[0]!, anna.id), voteKey(boards[1]!, anna.id), voteKey(boards[2]!, bilal.id)].sort(),
      excess: [voteKey(boards[2]!, anna.id)],
      used: Object.fromEntries(
        [
          [anna.id, 2],
          [bilal.id, 1],
        ].sort(([a], [b]) => (a! < b! ? -1 : 1)),
      ),
    };
    const everyone = [...tablets, facilitator];
    await Promise.all(
      everyone.map((c, i) =>
        waitFor(
          () => {
            expect(tally(c.doc, boards)).toEqual(expected);
            return true;
          },
          10_000,
          `client ${i} to count Anna's first two dots`,
        ),
      ),
    );
    const view = readMeeting(tablets[0]!.doc);
    expect(view.votes).toHaveLength(4);
    for (const c of everyone) expect(readMeeting(c.doc)).toEqual(view);

    // Someone who joins afterwards counts the same.
    const late = client(s, m.id, (await participant(s, m, 'Chen')).token);
    await synced(late);
    expect(tally(late.doc, boards)).toEqual(expected);
    expect(readMeeting(late.doc)).toEqual(view);

    // So does the store, after a restart. Every client saw every vote, and
    // the relay stores before it forwards: the votes are on disk.
    for (const c of [...everyone, late]) c.destroy();
    await s.stop();
    const again = await startServer({ dataDir: s.dataDir });
    cleanups.push(() => again.stop());
    const reader = client(again, m.id, anna.token);
    await synced(reader);
    expect(tally(reader.doc, boards)).toEqual(expected);
    expect(readMeeting(reader.doc)).toEqual(view);
  });

  it('different people voting at the same moment all count, each up to their own limit', async () => {
    const s = await server();
    const { m, facilitator, boards } = await votingMeeting(s);
    const people = await Promise.all(['Anna', 'Bilal', 'Chen', 'Dewi'].map((name) => participant(s, m, name)));
    const tablets = people.map((p) => client(s, m.id, p.token));
    await allSee(tablets, boards);

    // Each person dots two boards at once; all four at the same moment.
    const at = Date.now();
    people.forEach((p, i) => {
      castVote(tablets[i]!.doc, boards[i % 3]!, p.id, at);
      castVote(tablets[i]!.doc, boards[(i + 1) % 3]!, p.id, at);
    });

    const counted = people.flatMap((p, i) => [voteKey(boards[i % 3]!, p.id), voteKey(boards[(i + 1) % 3]!, p.id)]).sort();
    for (const c of [...tablets, facilitator]) {
      const t = await waitFor(
        () => {
          const now = tally(c.doc, boards);
          return now.counted.length === counted.length ? now : null;
        },
        10_000,
        'all eight dots',
      );
      expect(t.counted).toEqual(counted);
      expect(t.excess).toEqual([]);
      // Boards 0 and 1 are each dotted by three people, board 2 by two.
      expect(Object.values(t.counts).sort()).toEqual([2, 3, 3]);
      expect(Object.values(t.used)).toEqual([2, 2, 2, 2]);
    }
  });
});
