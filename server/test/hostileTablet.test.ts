import {
  addBoard,
  addNote,
  CloseCode,
  encodeUpdate,
  listBoards,
  lockBoard,
  MessageType,
  notesOfBoard,
  readBoardState,
  readControl,
  readMeta,
  restoreMeeting,
  roots,
  setReferencesShown,
  setVotingOpen,
  startTimer,
} from '@bodem/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createMeeting, docFromDisk, joinMeeting, saveCheck, synced, useRig, waitFor, type Running } from './helpers.ts';

/**
 * Attacks a participant with a join code can make over a plain websocket,
 * against the real relay (issue 15). Every frame is crafted here, as an
 * attacker would; every test checks what every peer, a late joiner after a
 * restart and the SQLite rows hold afterwards.
 */
const { server, client } = useRig();

/** A raw websocket with a participant's token: sends what it is told, records what comes back. */
export interface RawSocket {
  ws: WebSocket;
  frames: Uint8Array[];
  closed: Promise<number>;
  send(frame: Uint8Array): void;
}

export const rawSocket = async (s: Running, meetingId: string, token: string): Promise<RawSocket> => {
  const ws = new WebSocket(`${s.ws}/yjs/${meetingId}?token=${token}`);
  const frames: Uint8Array[] = [];
  ws.on('message', (d: Buffer) => frames.push(new Uint8Array(d)));
  ws.on('error', () => {});
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('close', () => reject(new Error('closed before open')));
  });
  return { ws, frames, closed, send: (f) => ws.send(f) };
};

export const syncStep2Frame = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};

/** What only the facilitator may change, as a peer sees it. */
const facilitatorState = (doc: Y.Doc) => {
  const r = roots(doc);
  return {
    title: readMeta(r.meta).title,
    control: readControl(r.control),
    boards: listBoards(doc).map((b) => ({ ...b, state: readBoardState(r.boards.get(b.id)!) })),
  };
};

const CANARY = 'GEKAAPT-canary-7f3a';

/** A copy of `from` with every facilitator-only change an attacker wants, as one update (the diff). */
const forgedUpdate = (from: Y.Doc, clientId?: number): Uint8Array => forge(from, clientId).update;

const forge = (from: Y.Doc, clientId?: number): { update: Uint8Array; doc: Y.Doc } => {
  const forged = new Y.Doc();
  if (clientId !== undefined) forged.clientID = clientId;
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(from));
  const sv = Y.encodeStateVector(forged);
  const board = listBoards(forged)[0]!.id;
  forged.transact(() => {
    roots(forged).meta.set('title', CANARY);
    lockBoard(forged, board, null);
    lockBoard(forged, board, CANARY);
    setReferencesShown(forged, board, true);
    startTimer(forged, { label: CANARY, durationMs: 60_000, now: 1 });
    setVotingOpen(forged, true);
    addBoard(forged, { template: 'vrij', title: CANARY });
  });
  return { update: Y.encodeStateAsUpdate(forged, sv), doc: forged };
};

/** The delete-set part of `doc`'s updates (encodeStateAsUpdate always ends with the document's whole delete set). */
const deleteSetOf = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)).subarray(1);

/** Nothing of the canary in any of the meeting's database files. */
const diskHolds = (dataDir: string, text: string): boolean =>
  readdirSync(dataDir)
    .filter((f) => f.startsWith('bodem.db'))
    .some((f) => readFileSync(join(dataDir, f)).toString('latin1').includes(text));

const restart = async (s: Running): Promise<Running> => {
  await s.stop();
  return server({ dataDir: s.dataDir });
};

const setup = async () => {
  const s = await server();
  const m = await createMeeting(s.http);
  const attackerToken = await joinMeeting(s.http, m, 'Mallory', 'informeel');
  const f = client(s, m.id, m.facilitatorToken);
  const anna = client(s, m.id, await joinMeeting(s.http, m, 'Anna', 'formeel'));
  const mallory = client(s, m.id, attackerToken);
  await Promise.all([synced(f), synced(anna), synced(mallory)]);
  return { s, m, f, anna, mallory, attackerToken };
};

describe('every fault is a refusal', () => {
  for (const variant of ['update one byte short', 'sync step 2 whose delete set says one client more than it holds'] as const) {
    it(`a participant's ${variant} leaves no trace in the room, on any peer, or on disk`, async () => {
      const { s, m, f, anna, mallory, attackerToken } = await setup();
      const before = facilitatorState(f.doc);
      const { update, doc: forged } = forge(mallory.doc);
      let frame: Uint8Array;
      if (variant === 'update one byte short') frame = encodeUpdate(update.subarray(0, update.length - 1));
      else {
        const ds = deleteSetOf(forged);
        const structs = update.subarray(0, update.length - ds.length);
        const d = decoding.createDecoder(ds);
        const clients = decoding.readVarUint(d);
        const e = encoding.createEncoder();
        encoding.writeUint8Array(e, structs);
        encoding.writeVarUint(e, clients + 1);
        encoding.writeUint8Array(e, ds.subarray(d.pos));
        frame = syncStep2Frame(encoding.toUint8Array(e));
      }
      mallory.destroy();
      const raw = await rawSocket(s, m.id, attackerToken);
      raw.send(frame);
      expect(await raw.closed).toBe(CloseCode.badRequest);
      await saveCheck(s, m.id, m.facilitatorToken);

      // The honest peers never saw any of it; their edits still flow.
      const board = listBoards(f.doc)[0]!.id;
      addNote(anna.doc, { boardId: board, x: 1, y: 1, side: 'formeel', authorId: 'a', createdAt: 1 });
      await waitFor(() => notesOfBoard(f.doc, board).length === 1, 5000, 'honest edit arrives');
      for (const c of [f, anna]) expect(facilitatorState(c.doc)).toEqual(before);
      expect(JSON.stringify(restoreMeeting(f.doc))).not.toContain(CANARY);

      // Nothing stored: not after a restart, not in the database files.
      await saveCheck(s, m.id, m.facilitatorToken);
      expect(facilitatorState(docFromDisk(s.dataDir, m.id))).toEqual(before);
      const again = await restart(s);
      expect(diskHolds(again.dataDir, CANARY)).toBe(false);
      const late = client(again, m.id, m.facilitatorToken);
      await synced(late);
      expect(facilitatorState(late.doc)).toEqual(before);
      expect(notesOfBoard(late.doc, board)).toHaveLength(1);
    });
  }

  it("the facilitator's malformed frame costs only its socket", async () => {
    const { s, m, f, anna } = await setup();
    const before = facilitatorState(anna.doc);
    const update = forgedUpdate(f.doc);
    const raw = await rawSocket(s, m.id, m.facilitatorToken);
    raw.send(encodeUpdate(update.subarray(0, update.length - 1)));
    expect(await raw.closed).toBe(CloseCode.badRequest);
    await saveCheck(s, m.id, m.facilitatorToken);
    expect(facilitatorState(anna.doc)).toEqual(before);
    expect(f.provider.wsconnected).toBe(true);
  });
});
