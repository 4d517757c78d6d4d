import {
  addBoard,
  addNote,
  asYText,
  castVote,
  CloseCode,
  markPersonalDoc,
  MessageType,
  moveItem,
  peekClaims,
  personalRoom,
  roots,
  shareNote,
  shapeBounds,
  startTimer,
} from '@bodem/shared';
import { templateById } from '@bodem/templates';
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { craftUpdate, createMeeting, docFromDisk, joinMeeting, saveCheck, sendRawWrites, synced, useRig, waitFor, type CreatedMeeting, type Running } from './helpers.ts';

/**
 * Personal boards ("Wat is je eigen kracht?", the letters): what a person
 * writes there lives in their personal room `<meeting>/p/<sub>`, which the
 * relay serves to their own token only, and which holds items of personal
 * boards only. Every refusal is tried over a real socket against the real
 * relay and SQLite file; what every peer received (frames included) and
 * every stored row is checked afterwards.
 */
const { server, client } = useRig();

const KRACHT = templateById('eigen-kracht')!;
const SECRET = 'GEHEIM-eigen-kracht-9c41';
const LETTER = 'GEHEIM-brief-aan-wijkteam-52be';

const inZone = (templateId: string, zone = 0) => {
  const b = shapeBounds(templateById(templateId)!.zones[zone]!.shape);
  return { x: b.x + 40, y: b.y + 120 };
};

/** Every stored row of a person's personal document, applied to one doc (WAL included). */
const personalFromDisk = (dataDir: string, meetingId: string, sub: string): { doc: Y.Doc; rows: number } => {
  const db = new Database(join(dataDir, 'bodem.db'), { readonly: true });
  const doc = new Y.Doc();
  const rows = db.prepare('SELECT data FROM personal_updates WHERE meeting_id = ? AND sub = ? ORDER BY seq').all(meetingId, sub) as { data: Buffer }[];
  for (const r of rows) Y.applyUpdate(doc, new Uint8Array(r.data));
  db.close();
  return { doc, rows: rows.length };
};

const personalRowCount = (dataDir: string, meetingId: string): number => {
  const db = new Database(join(dataDir, 'bodem.db'), { readonly: true });
  const n = (db.prepare('SELECT count(*) AS n FROM personal_updates WHERE meeting_id = ?').get(meetingId) as { n: number }).n;
  db.close();
  return n;
};

/** Whether any of the database's files (main, WAL) holds `text` as bytes. */
const diskHolds = (dataDir: string, text: string): boolean =>
  readdirSync(dataDir)
    .filter((f) => f.startsWith('bodem.db'))
    .some((f) => readFileSync(join(dataDir, f)).toString('latin1').includes(text));

const textsOf = (doc: Y.Doc): string[] =>
  [...roots(doc).items.values()].flatMap((m) => [asYText(m.get('text'))?.toString() ?? '', asYText(m.get('to'))?.toString() ?? '']).filter((t) => t !== '');

/** A raw socket that records every frame and its close; resolves once closed or after the save check's answer. */
const probe = async (url: string, send: Uint8Array[] = []): Promise<{ code: number | null; frames: Uint8Array[] }> => {
  const ws = new WebSocket(url);
  const frames: Uint8Array[] = [];
  ws.on('message', (d: Buffer) => frames.push(new Uint8Array(d)));
  ws.on('error', () => {});
  const code = await new Promise<number | null>((resolve) => {
    ws.on('open', () => {
      for (const f of send) ws.send(f);
    });
    ws.on('close', (c) => resolve(c));
    setTimeout(() => resolve(null), 3000);
  });
  ws.terminate();
  return { code, frames };
};

/** A sync step 1 with an empty state vector: "send me everything". */
const SYNC_REQUEST = new Uint8Array([MessageType.sync, 0, 1, 0]);

const setup = async () => {
  const s = await server();
  const m = await createMeeting(s.http, 'Eigen kracht');
  const f = client(s, m.id, m.facilitatorToken);
  await synced(f);
  const kracht = addBoard(f.doc, { template: 'eigen-kracht', title: KRACHT.title });
  const brief = addBoard(f.doc, { template: 'wens', title: 'Een wens voor de toekomst' });
  const shared = addBoard(f.doc, { template: 'valkuilen', title: 'Valkuilen' });
  const annaToken = await joinMeeting(s.http, m, 'Anna', 'formeel');
  const bilalToken = await joinMeeting(s.http, m, 'Bilal', 'informeel');
  const anna = { token: annaToken, sub: peekClaims(annaToken)!.sub };
  const bilal = { token: bilalToken, sub: peekClaims(bilalToken)!.sub };
  const annaMeeting = client(s, m.id, anna.token);
  const bilalMeeting = client(s, m.id, bilal.token);
  const annaPersonal = client(s, personalRoom(m.id, anna.sub), anna.token, markPersonalDoc(new Y.Doc()));
  await Promise.all([synced(annaMeeting), synced(bilalMeeting), synced(annaPersonal)]);
  await waitFor(() => roots(annaMeeting.doc).boards.has(shared) && roots(bilalMeeting.doc).boards.has(shared), 5000, 'boards arrived');
  // Bilal's tablet: every frame its meeting socket ever receives, recorded raw.
  const bilalFrames: Uint8Array[] = [];
  const bilalRaw = new WebSocket(`${s.ws}/yjs/${m.id}?token=${bilal.token}`);
  bilalRaw.on('message', (d: Buffer) => bilalFrames.push(new Uint8Array(d)));
  bilalRaw.on('error', () => {});
  await new Promise<void>((r) => bilalRaw.on('open', () => r()));
  bilalRaw.send(SYNC_REQUEST);
  return { s, m, f, kracht, brief, shared, anna, bilal, annaMeeting, bilalMeeting, annaPersonal, bilalFrames, bilalRaw };
};

/** Anna writes her strength and a letter in her personal room, and waits until both are stored. */
const writePrivately = async (x: Awaited<ReturnType<typeof setup>>) => {
  const at = inZone('eigen-kracht');
  const noteId = addNote(x.annaPersonal.doc, { boardId: x.kracht, ...at, side: 'formeel', authorId: x.anna.sub, createdAt: Date.now(), text: SECRET });
  const letterId = addNote(x.annaPersonal.doc, { boardId: x.brief, ...inZone('wens'), side: 'formeel', authorId: x.anna.sub, createdAt: Date.now(), text: LETTER, to: 'wijkteam' });
  await saveCheck(x.s, personalRoom(x.m.id, x.anna.sub), x.anna.token);
  await waitFor(() => textsOf(personalFromDisk(x.s.dataDir, x.m.id, x.anna.sub).doc).includes(SECRET), 5000, 'stored in the personal room');
  return { noteId, letterId };
};

const framesHold = (frames: readonly Uint8Array[], text: string): boolean =>
  frames.some((f) => Buffer.from(f).toString('latin1').includes(text));

describe('a personal room is its owner\u2019s alone', () => {
  it('refuses every other token, and a forged, oversized or truncated room, before sending a byte', async () => {
    const x = await setup();
    await writePrivately(x);
    const room = (sub: string, m = x.m.id) => `${x.s.ws}/yjs/${m}/p/${sub}`;
    const other = await createMeeting(x.s.http, 'Andere');
    const projector = x.m.projectorToken;
    const attempts: [string, string, number][] = [
      ["Bilal's token on Anna's room", `${room(x.anna.sub)}?token=${x.bilal.token}`, CloseCode.forbidden],
      ["the facilitator's token on Anna's room (no consent asked: gathering never reads it)", `${room(x.anna.sub)}?token=${x.m.facilitatorToken}`, CloseCode.forbidden],
      ["the beamer's token on Anna's room", `${room(x.anna.sub)}?token=${projector}`, CloseCode.forbidden],
      ["Bilal's token on Anna's room, with a sync request already sent", `${room(x.anna.sub)}?token=${x.bilal.token}`, CloseCode.forbidden],
      ["Anna's token on a truncated sub", `${room(x.anna.sub.slice(0, -1))}?token=${x.anna.token}`, CloseCode.forbidden],
      ["Anna's token on a forged sub (dots)", `${room('a.b.c')}?token=${x.anna.token}`, CloseCode.badRequest],
      ["Anna's token on an oversized sub", `${room('x'.repeat(65))}?token=${x.anna.token}`, CloseCode.badRequest],
      ["Anna's token on a sub with an encoded slash", `${room(`${x.anna.sub}%2Fx`)}?token=${x.anna.token}`, CloseCode.badRequest],
      ["Anna's token on her sub in another meeting", `${room(x.anna.sub, other.id)}?token=${x.anna.token}`, CloseCode.unauthorized],
      ["no token on Anna's room", room(x.anna.sub), CloseCode.unauthorized],
    ];
    for (const [what, url, code] of attempts) {
      const r = await probe(url, [SYNC_REQUEST]);
      expect(r.code, what).toBe(code);
      // Not even the relay's own sync step 1: nothing at all came back.
      expect(r.frames, what).toEqual([]);
    }
    // Anna herself gets her words back on a fresh device.
    const again = client(x.s, personalRoom(x.m.id, x.anna.sub), x.anna.token, markPersonalDoc(new Y.Doc()));
    await waitFor(() => textsOf(again.doc).includes(SECRET) && textsOf(again.doc).includes(LETTER), 5000, 'her notes on a second device');

    // Nobody else ever held or received a byte of them: peers' documents, Bilal's raw frames, the meeting's rows.
    await saveCheck(x.s, x.m.id, x.m.facilitatorToken);
    for (const d of [x.f.doc, x.bilalMeeting.doc, x.annaMeeting.doc]) {
      expect(textsOf(d)).not.toContain(SECRET);
      expect(textsOf(d)).not.toContain(LETTER);
    }
    expect(x.bilalFrames.length).toBeGreaterThan(0);
    expect(framesHold(x.bilalFrames, SECRET) || framesHold(x.bilalFrames, LETTER)).toBe(false);
    expect(textsOf(docFromDisk(x.s.dataDir, x.m.id))).not.toContain(SECRET);
    x.bilalRaw.terminate();
  });

  it('shares one note into the meeting as its owner\u2019s, and only that one', async () => {
    const x = await setup();
    const { noteId } = await writePrivately(x);
    const other = addNote(x.annaPersonal.doc, { boardId: x.kracht, ...inZone('eigen-kracht'), side: 'formeel', authorId: x.anna.sub, createdAt: Date.now(), text: 'Ik luister goed' });
    await waitFor(() => roots(x.annaMeeting.doc).boards.has(x.kracht), 5000, 'board');
    // "Delen": a copy in the meeting document, through Anna's ordinary meeting socket.
    const copy = shareNote(x.annaMeeting.doc, x.annaPersonal.doc, other, { authorId: x.anna.sub, side: 'formeel' }, Date.now());
    expect(copy).toBeTruthy();
    await waitFor(() => textsOf(x.bilalMeeting.doc).includes('Ik luister goed') && textsOf(x.f.doc).includes('Ik luister goed'), 5000, 'the shared note arrived');
    expect(roots(x.f.doc).items.get(copy!)!.get('authorId')).toBe(x.anna.sub);
    // Sharing again copies nothing more.
    expect(shareNote(x.annaMeeting.doc, x.annaPersonal.doc, other, { authorId: x.anna.sub, side: 'formeel' }, Date.now())).toBe(copy);
    await saveCheck(x.s, x.m.id, x.m.facilitatorToken);
    expect(textsOf(x.f.doc).filter((t) => t === 'Ik luister goed')).toHaveLength(1);
    // The unshared one stayed hers.
    expect(textsOf(x.f.doc)).not.toContain(SECRET);
    expect(framesHold(x.bilalFrames, SECRET)).toBe(false);
    expect(framesHold(x.bilalFrames, 'Ik luister goed')).toBe(true);
    expect(noteId).toBeTruthy();
    x.bilalRaw.terminate();
  });
});

describe('a personal room holds items of personal boards only', () => {
  it("keeps every forbidden write (another root, a shared board's item, a move to one; truncated, oversized, under another's id) from every peer and stored row", async () => {
    const x = await setup();
    const { noteId } = await writePrivately(x);
    const personalId = personalRoom(x.m.id, x.anna.sub);
    // Anna's second device on her room: records every item and root it ever holds.
    const peer = client(x.s, personalId, x.anna.token, markPersonalDoc(new Y.Doc()));
    await waitFor(() => textsOf(peer.doc).includes(SECRET), 5000, 'peer synced');
    const seen = { roots: new Set<string>(), boards: new Set<string>(), texts: new Set<string>() };
    const record = () => {
      for (const k of peer.doc.share.keys()) if (peer.doc.getMap(k).size > 0) seen.roots.add(k);
      roots(peer.doc).items.forEach((m) => {
        seen.boards.add(String(m.get('boardId')));
        seen.texts.add(asYText(m.get('text'))?.toString() ?? '');
      });
    };
    peer.doc.on('afterTransaction', record);
    // And a raw socket of hers on the room: every frame the relay sends it, as bytes.
    const rawFrames: Uint8Array[] = [];
    const raw = new WebSocket(`${x.s.ws}/yjs/${personalId}?token=${x.anna.token}`);
    raw.on('message', (d: Buffer) => rawFrames.push(new Uint8Array(d)));
    raw.on('error', () => {});
    await new Promise<void>((r) => raw.on('open', () => r()));
    raw.send(SYNC_REQUEST);

    const base = x.annaPersonal.doc;
    const FORBIDDEN = 'VERBODEN-in-persoonlijk-3d9e';
    const note = (boardId: string, text = FORBIDDEN) => (d: Y.Doc) =>
      void addNote(markPersonalDoc(d), { boardId, ...inZone('eigen-kracht'), side: 'formeel', authorId: x.anna.sub, createdAt: Date.now(), text });
    const writes: Uint8Array[] = [
      // Roots of the meeting's schema that are not items, and one nobody knows.
      craftUpdate(base, (d) => startTimer(d, { label: FORBIDDEN, durationMs: 60_000, now: 1 })),
      craftUpdate(base, (d) => roots(d).boards.set('forged', new Y.Map())),
      craftUpdate(base, (d) => castVote(d, x.kracht, x.anna.sub, 1)),
      craftUpdate(base, (d) => roots(d).meta.set('title', FORBIDDEN)),
      craftUpdate(base, (d) => d.getMap('elders').set('x', FORBIDDEN)),
      // Items of a shared board, of an unknown board, and without a board.
      craftUpdate(base, note(x.shared)),
      craftUpdate(base, note('bestaat-niet')),
      craftUpdate(base, (d) => roots(d).items.set('los', new Y.Map())),
      craftUpdate(base, (d) => roots(d).items.set('plat', FORBIDDEN as never)),
      // Her own personal note moved to a shared board.
      craftUpdate(base, (d) => roots(d).items.get(noteId)!.set('boardId', x.shared)),
      // Oversized text on a personal board.
      craftUpdate(base, (d) => {
        const id = addNote(markPersonalDoc(d), { boardId: x.kracht, x: 10, y: 10, side: 'formeel', authorId: x.anna.sub, createdAt: Date.now(), text: '' });
        // Past the bound, without the client's own cut (addNote cleans what it is given).
        asYText(roots(d).items.get(id)!.get('text'))!.insert(0, `${FORBIDDEN}${'x'.repeat(20_000)}`);
      }),
      // Under Bilal's (the facilitator's, anyone's) Yjs client id: still judged as Anna's.
      craftUpdate(base, note(x.shared), x.bilalMeeting.doc.clientID),
    ];
    // Truncated: a shared board's note, one byte short.
    const whole = craftUpdate(base, note(x.shared));
    writes.push(whole.subarray(0, whole.length - 1));
    await sendRawWrites(x.s, personalId, x.anna.token, writes);
    // The honest path still works afterwards.
    addNote(x.annaPersonal.doc, { boardId: x.brief, ...inZone('wens'), side: 'formeel', authorId: x.bilal.sub, createdAt: Date.now(), text: 'Lieve buurthuis', to: 'buurthuis' });
    moveItem(x.annaPersonal.doc, noteId, 500, 500);
    await saveCheck(x.s, personalId, x.anna.token);
    await waitFor(() => textsOf(peer.doc).includes('Lieve buurthuis'), 5000, 'the honest letter arrived');

    const { doc: disk } = personalFromDisk(x.s.dataDir, x.m.id, x.anna.sub);
    for (const d of [disk, peer.doc, x.annaPersonal.doc]) {
      const r = roots(d);
      expect([...r.boards.keys()]).toEqual([]);
      expect([...r.votes.keys()]).toEqual([]);
      expect([...r.meta.keys()]).toEqual([]);
      expect([...r.control.keys()]).toEqual([]);
      expect(d.getMap('elders').size).toBe(0);
      const boards = new Set([...r.items.values()].map((m) => (m instanceof Y.Map ? m.get('boardId') : 'not-a-map')));
      expect([...boards].sort()).toEqual([x.kracht, x.brief].sort());
      expect(textsOf(d).some((t) => t.includes(FORBIDDEN))).toBe(false);
      expect(r.items.get(noteId)!.get('boardId')).toBe(x.kracht);
      // The honest letter was written under Bilal's name: stamped as Anna's.
      const letter = [...r.items.values()].find((m) => asYText(m.get('text'))?.toString() === 'Lieve buurthuis')!;
      expect(letter.get('authorId')).toBe(x.anna.sub);
    }
    // Her peer never held a forbidden thing, not even for one update.
    expect([...seen.boards].filter((b) => b !== x.kracht && b !== x.brief)).toEqual([]);
    expect([...seen.texts].some((t) => t.includes(FORBIDDEN))).toBe(false);
    expect([...seen.roots].filter((k) => k !== 'items')).toEqual([]);
    expect(rawFrames.length).toBeGreaterThan(1);
    expect(framesHold(rawFrames, FORBIDDEN)).toBe(false);
    expect(framesHold(rawFrames, 'Lieve buurthuis')).toBe(true);
    raw.terminate();
    // And the meeting's own rows were never touched by any of it.
    expect(textsOf(docFromDisk(x.s.dataDir, x.m.id)).some((t) => t.includes(FORBIDDEN) || t === SECRET)).toBe(false);
    x.bilalRaw.terminate();
  });

  it("holds the facilitator to the same rules in their own personal room", async () => {
    const x = await setup();
    const sub = peekClaims(x.m.facilitatorToken)!.sub;
    const own = client(x.s, personalRoom(x.m.id, sub), x.m.facilitatorToken, markPersonalDoc(new Y.Doc()));
    await synced(own);
    startTimer(own.doc, { label: 'x', durationMs: 60_000, now: 1 });
    addNote(own.doc, { boardId: x.shared, x: 10, y: 10, side: null, authorId: sub, createdAt: Date.now(), text: 'niet hier' });
    addNote(own.doc, { boardId: x.kracht, x: 10, y: 10, side: null, authorId: sub, createdAt: Date.now(), text: 'wel hier' });
    await saveCheck(x.s, personalRoom(x.m.id, sub), x.m.facilitatorToken);
    await waitFor(() => [...roots(own.doc).control.keys()].length === 0 && textsOf(own.doc).join() === 'wel hier', 5000, 'refusals taken back').catch((e) => {
      throw new Error(`${(e as Error).message}: ${JSON.stringify({ control: [...roots(own.doc).control.keys()], texts: textsOf(own.doc) })}`);
    });
    const { doc: disk } = personalFromDisk(x.s.dataDir, x.m.id, sub);
    expect(textsOf(disk)).toEqual(['wel hier']);
    expect([...roots(disk).control.keys()]).toEqual([]);
    x.bilalRaw.terminate();
  });
});

describe('a personal room goes with its owner and its meeting', () => {
  const remove = (s: Running, m: CreatedMeeting, sub: string) =>
    fetch(`${s.http}/api/meetings/${m.id}/participants/${sub}`, { method: 'DELETE', headers: { authorization: `Bearer ${m.facilitatorToken}` } });

  it('a removed participant: their personal rows are gone from the file, and their token is refused', async () => {
    const x = await setup();
    await writePrivately(x);
    expect(personalFromDisk(x.s.dataDir, x.m.id, x.anna.sub).rows).toBeGreaterThan(0);
    expect((await remove(x.s, x.m, x.anna.sub)).status).toBe(204);
    expect(personalFromDisk(x.s.dataDir, x.m.id, x.anna.sub).rows).toBe(0);
    expect(diskHolds(x.s.dataDir, SECRET)).toBe(false);
    expect(diskHolds(x.s.dataDir, LETTER)).toBe(false);
    const r = await probe(`${x.s.ws}/yjs/${x.m.id}/p/${x.anna.sub}?token=${x.anna.token}`, [SYNC_REQUEST]);
    expect(r.code).toBe(CloseCode.removed);
    expect(r.frames).toEqual([]);
    // Still gone after a while (nothing queued wrote it back).
    await saveCheck(x.s, x.m.id, x.m.facilitatorToken);
    expect(personalFromDisk(x.s.dataDir, x.m.id, x.anna.sub).rows).toBe(0);
    x.bilalRaw.terminate();
  });

  it('a deleted meeting: every personal row is gone from the file', async () => {
    const x = await setup();
    await writePrivately(x);
    const bilalPersonal = client(x.s, personalRoom(x.m.id, x.bilal.sub), x.bilal.token, markPersonalDoc(new Y.Doc()));
    await synced(bilalPersonal);
    addNote(bilalPersonal.doc, { boardId: x.kracht, ...inZone('eigen-kracht'), side: 'informeel', authorId: x.bilal.sub, createdAt: Date.now(), text: 'GEHEIM-bilal-77aa' });
    await saveCheck(x.s, personalRoom(x.m.id, x.bilal.sub), x.bilal.token);
    expect(personalRowCount(x.s.dataDir, x.m.id)).toBeGreaterThan(0);
    const res = await fetch(`${x.s.http}/api/meetings/${x.m.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${x.m.facilitatorToken}` } });
    expect(res.status).toBe(204);
    expect(personalRowCount(x.s.dataDir, x.m.id)).toBe(0);
    for (const t of [SECRET, LETTER, 'GEHEIM-bilal-77aa']) expect(diskHolds(x.s.dataDir, t), t).toBe(false);
    const r = await probe(`${x.s.ws}/yjs/${x.m.id}/p/${x.anna.sub}?token=${x.anna.token}`, [SYNC_REQUEST]);
    expect(r.code).toBe(CloseCode.meetingDeleted);
    expect(r.frames).toEqual([]);
    x.bilalRaw.terminate();
  });
});
