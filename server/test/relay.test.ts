import { programmeById } from '@bodem/templates';
import {
  addNote,
  CloseCode,
  encodeSaveCheck,
  encodeUpdate,
  listBoards,
  MessageType,
  notesOfBoard,
  readMeeting,
  setNoteText,
  type Presence,
} from '@bodem/shared';
import Database from 'better-sqlite3';
import * as decoding from 'lib0/decoding';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  closeCodeOf,
  createMeeting,
  saveCheck,
  joinMeeting,
  startServer,
  synced,
  waitFor,
  type Client,
  useRig,
} from './helpers.ts';
import { KEY_HEADER } from './infra/key.ts';

const { server, client, cleanups } = useRig();

const boardOf = (doc: Y.Doc) => listBoards(doc)[0]!.id;

const write = (c: Client, text: string, x = 100, y = 100): string => {
  const id = addNote(c.doc, { boardId: boardOf(c.doc), x, y, side: 'formeel', authorId: 'a', createdAt: Date.now() });
  setNoteText(c.doc, id, text);
  return id;
};

const texts = (doc: Y.Doc): string[] => notesOfBoard(doc, boardOf(doc)).map((n) => n.text).sort();

describe('relay with stock y-websocket clients', () => {
  it('syncs a new meeting: title and the full programme from the server, notes between two participants', async () => {
    const s = await server();
    const m = await createMeeting(s.http, 'Kennismaking CJG en moskee');
    const a = client(s, m.id, await joinMeeting(s.http, m, 'Anna', 'formeel'));
    const b = client(s, m.id, await joinMeeting(s.http, m, 'Bilal', 'informeel'));
    await synced(a);
    await synced(b);
    expect(readMeeting(a.doc).meta.title).toBe('Kennismaking CJG en moskee');
    expect(listBoards(a.doc).map((b) => b.template)).toEqual(programmeById('volledig')!.templates);
    const id = write(a, 'Kennis van de wijk');
    await waitFor(() => texts(b.doc).includes('Kennis van de wijk'), 5000, 'note at B');
    const note = notesOfBoard(b.doc, boardOf(b.doc)).find((n) => n.id === id)!;
    expect(note).toMatchObject({ x: 100, y: 100, side: 'formeel' });
    write(b, 'Vertrouwen in de gemeenschap');
    await waitFor(() => texts(a.doc).length === 2, 5000, 'note at A');
  });

  it('keeps everything across a restart of the server', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const a = client(s, m.id, token);
    await synced(a);
    for (let i = 0; i < 30; i++) write(a, `notitie ${i}`, i * 10, i * 5);
    // The save check answers only after everything before it is stored.
    await saveCheck(s, m.id, token);
    const before = readMeeting(a.doc);
    a.destroy();
    await s.stop();

    const again = await startServer({ dataDir: s.dataDir });
    cleanups.push(() => again.stop());
    const b = client(again, m.id, token);
    await synced(b);
    expect(readMeeting(b.doc)).toEqual(before);
  });

  it('compacts stored updates into a snapshot and still restores everything', async () => {
    const s = await server({ compactEvery: 10 });
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const a = client(s, m.id, token);
    await synced(a);
    for (let i = 0; i < 95; i++) write(a, `n${i}`);
    await saveCheck(s, m.id, token);
    const db = new Database(join(s.dataDir, 'bodem.db'), { readonly: true });
    const rows = (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE meeting_id = ?').get(m.id) as { n: number }).n;
    db.close();
    // 1 initial + 95 × 2 updates (add, text), compacted every 10.
    expect(rows).toBeLessThan(12);
    const b = client(s, m.id, token, new Y.Doc());
    await synced(b);
    expect(texts(b.doc)).toHaveLength(95);
  });

  it('refuses an unknown meeting, a missing or forged token, and a token of another meeting with a 44xx close', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const other = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    expect(await closeCodeOf(`${s.ws}/yjs/${m.id}`)).toBe(CloseCode.unauthorized);
    expect(await closeCodeOf(`${s.ws}/yjs/${m.id}?token=nonsense`)).toBe(CloseCode.unauthorized);
    const [body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), role: 'facilitator' }))
      .toString('base64url');
    expect(await closeCodeOf(`${s.ws}/yjs/${m.id}?token=${forged}.${sig}`)).toBe(CloseCode.unauthorized);
    expect(await closeCodeOf(`${s.ws}/yjs/${other.id}?token=${token}`)).toBe(CloseCode.unauthorized);

    // A deleted meeting says so, also to a token that was once good (the tablet wipes its copy).
    const del = await fetch(`${s.http}/api/meetings/${m.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${m.facilitatorToken}` },
    });
    expect(del.status).toBe(204);
    expect(await closeCodeOf(`${s.ws}/yjs/${m.id}?token=${token}`)).toBe(CloseCode.meetingDeleted);
    expect(s.app.relay.isLoaded(m.id)).toBe(false);

    // The stock client gives up on a permanent refusal instead of retrying forever.
    const c = client(s, m.id, token);
    const closed = await new Promise<number>((resolve) => c.provider.on('closed', (e) => resolve(e.code)));
    expect(closed).toBe(CloseCode.meetingDeleted);
    expect(c.provider.shouldConnect).toBe(false);
  });

  it('answers a wrong join code with 401 and a Dutch message, the same for an unknown meeting', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const wrong = await s.app.inject({
      method: 'POST',
      url: `/api/meetings/${m.id}/join`,
      payload: { code: m.joinCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA', name: 'Anna', side: 'formeel' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: 'wrong_code', message: expect.stringContaining('code') });
    const unknown = await s.app.inject({
      method: 'POST',
      url: `/api/meetings/doesnotexist/join`,
      payload: { code: m.joinCode, name: 'Anna', side: 'formeel' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    const lower = await s.app.inject({
      method: 'POST',
      url: '/api/join',
      payload: { code: m.joinCode.toLowerCase().replace(/^(...)/, '$1-'), name: 'Anna', side: 'informeel' },
    });
    expect(lower.statusCode).toBe(200);
    expect(lower.json().id).toBe(m.id);
    const noSide = await s.app.inject({ method: 'POST', url: '/api/join', payload: { code: m.joinCode, name: 'A', side: 'x' } });
    expect(noSide.statusCode).toBe(400);
    expect(noSide.json().error).toBe('side_required');
  });

  it('creates meetings with 128-bit ids and six-character codes without look-alikes', async () => {
    const s = await server();
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const m = await createMeeting(s.http, `m${i}`);
      expect(Buffer.from(m.id, 'base64url').length).toBeGreaterThanOrEqual(16);
      expect(m.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
      expect(m.joinCode).not.toMatch(/[01OIL]/);
      seen.add(m.joinCode);
    }
    expect(seen.size).toBe(20);
    const bad = await s.app.inject({ method: 'POST', url: '/api/meetings', headers: KEY_HEADER, payload: { title: '   ' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'title_required', message: 'Geef de bijeenkomst een titel.' });
  });

  it('deletes a meeting: its sockets close, its rows are gone; only the facilitator may', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const a = client(s, m.id, token);
    await synced(a);
    write(a, 'gevoelige informatie over een gezin');
    await saveCheck(s, m.id, token);
    const asParticipant = await s.app.inject({
      method: 'DELETE',
      url: `/api/meetings/${m.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asParticipant.statusCode).toBe(403);
    const closed = new Promise<number>((resolve) => a.provider.on('closed', (e) => resolve(e.code)));
    const res = await s.app.inject({
      method: 'DELETE',
      url: `/api/meetings/${m.id}`,
      headers: { authorization: `Bearer ${m.facilitatorToken}` },
    });
    expect(res.statusCode).toBe(204);
    expect(await closed).toBe(CloseCode.meetingDeleted);
    const db = new Database(join(s.dataDir, 'bodem.db'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM updates WHERE meeting_id = ?').get(m.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM meetings WHERE id = ?').get(m.id)).toEqual({ n: 0 });
    db.close();
  });

  it('stamps presence from the token: nobody appears under another name or side', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const a = client(s, m.id, await joinMeeting(s.http, m, 'Anna', 'formeel'));
    const b = client(s, m.id, await joinMeeting(s.http, m, 'Bilal', 'informeel'));
    await synced(a);
    await synced(b);
    a.provider.awareness.setLocalState({
      user: { id: 'x', name: 'De gespreksleider', side: 'informeel', role: 'facilitator' },
      cursor: { boardId: 'b', x: 1, y: 2 },
    });
    const seen = await waitFor(() => {
      const st = b.provider.awareness.getStates().get(a.doc.clientID) as Presence | undefined;
      return st?.cursor ? st : null;
    });
    expect(seen.user).toMatchObject({ name: 'Anna', side: 'formeel', role: 'participant' });
    expect(seen.cursor).toEqual({ boardId: 'b', x: 1, y: 2 });
    a.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 5000, 'presence removed on close');
  });

  it('drops writes from the projector', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const p = client(s, m.id, m.projectorToken);
    const a = client(s, m.id, await joinMeeting(s.http, m, 'Anna', 'formeel'));
    await synced(p);
    await synced(a);
    write(p, 'van de projector');
    write(a, 'van Anna');
    await waitFor(() => texts(p.doc).includes('van Anna'));
    await saveCheck(s, m.id, m.facilitatorToken);
    expect(texts(a.doc)).toEqual(['van Anna']);
  });

  it('a malformed frame costs only its own connection', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const a = client(s, m.id, token);
    const b = client(s, m.id, token);
    await synced(a);
    await synced(b);
    // Includes a sync step 1 whose state vector does not decode: the room throws, the connection pays.
    for (const garbage of [[0xff], [0, 9, 1], [42], [0, 2, 5, 1, 2], [0, 0, 2, 5, 0xff]]) {
      const raw = new WebSocket(`${s.ws}/yjs/${m.id}?token=${token}`);
      const code = await new Promise<number>((resolve) => {
        raw.on('open', () => raw.send(new Uint8Array(garbage)));
        raw.on('close', (c) => resolve(c));
      });
      expect(code).toBe(CloseCode.badRequest);
    }
    write(a, 'nog steeds live');
    await waitFor(() => texts(b.doc).includes('nog steeds live'));
  });
});

describe('save check', () => {
  it('is answered only after every update sent before it is in the database', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const db = new Database(join(s.dataDir, 'bodem.db'), { readonly: true });
    cleanups.push(() => void db.close());
    const count = () => (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE meeting_id = ?').get(m.id) as { n: number }).n;
    const doc = new Y.Doc();
    const acks: number[] = [];
    const synced0 = client(s, m.id, token);
    await synced(synced0);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(synced0.doc));
    synced0.destroy();
    const before = count();
    const raw = new WebSocket(`${s.ws}/yjs/${m.id}?token=${token}`);
    raw.on('message', (d: Buffer) => {
      const dec = decoding.createDecoder(new Uint8Array(d));
      if (decoding.readVarUint(dec) === MessageType.saved) {
        acks.push(decoding.readVarUint(dec));
        acks.push(count());
      }
    });
    await new Promise((r) => raw.on('open', r));
    doc.on('update', (u: Uint8Array) => raw.send(encodeUpdate(u)));
    const note = addNote(doc, { boardId: boardOf(doc), x: 1, y: 1, side: 'formeel', authorId: 'a', createdAt: Date.now() });
    for (let i = 1; i < 25; i++) setNoteText(doc, note, `tekst ${i}`);
    raw.send(encodeSaveCheck(7));
    await waitFor(() => acks.length === 2);
    // Ticket 7 came back, and by then the 25 updates were rows.
    expect(acks).toEqual([7, before + 25]);
    raw.close();
  });
});
