import { addNote, CloseCode, encodeAwareness, encodeSaveCheck, listBoards, notesOfBoard, setNoteText, shouldReconnectAfter, YJS_PATH } from '@bodem/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createMeeting, joinMeeting, saveCheck, synced, useRig, waitFor, type Running } from './helpers.ts';
import { KEY_HEADER } from './infra/key.ts';

const { server, client, cleanups } = useRig();

/** Counts websocket upgrades per meeting, as the server sees them. */
const countUpgrades = (s: Running): Map<string, number> => {
  const seen = new Map<string, number>();
  s.app.server.on('upgrade', (req: { url?: string }) => {
    const id = (req.url ?? '').split('?')[0]!.split('/').pop()!;
    seen.set(id, (seen.get(id) ?? 0) + 1);
  });
  return seen;
};

const closeOf = (url: string, send: (s: WebSocket) => void = () => {}, headers: Record<string, string> = {}): Promise<number> =>
  new Promise((resolve) => {
    const raw = new WebSocket(url, { headers });
    raw.on('open', () => send(raw));
    raw.on('close', (code) => resolve(code));
    raw.on('error', () => {});
  });

const post = (s: Running, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${s.http}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(path === '/api/meetings' ? KEY_HEADER : {}), ...headers },
    body: JSON.stringify(body),
  });

describe('limits', () => {
  it('closes a frame above maxPayload with 1009; the honest client stops instead of resending it forever', async () => {
    const s = await server({ limits: { maxPayload: 64 * 1024 } });
    const upgrades = countUpgrades(s);
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const other = client(s, m.id, token);
    await synced(other);
    const board = listBoards(other.doc)[0]!.id;

    // A tablet that comes back with more offline work than one frame may hold.
    const big = new Y.Doc();
    Y.applyUpdate(big, Y.encodeStateAsUpdate(other.doc));
    for (let i = 0; i < 200; i++) setNoteText(big, addNote(big, { boardId: board, x: i, y: i, side: 'formeel', authorId: 'a', createdAt: i }), 'x'.repeat(1900));
    const closes: number[] = [];
    const honest = new WebsocketProvider(`${s.ws}${YJS_PATH}`, m.id, big, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 100,
      shouldReconnect: (e: { code: number }) => shouldReconnectAfter(e.code),
    });
    cleanups.push(() => honest.destroy());
    honest.on('closed', (e: { code: number }) => closes.push(e.code));
    let honestConnections = 0;
    honest.on('connection-close', () => honestConnections++);
    await waitFor(() => closes.length === 1, 10_000, 'the honest client gives up');
    expect(closes).toEqual([CloseCode.tooLarge]);

    // The stock provider's own rule retries the same frame again and again.
    const stock = new WebsocketProvider(`${s.ws}${YJS_PATH}`, m.id, big, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 100,
    });
    cleanups.push(() => stock.destroy());
    await waitFor(() => (upgrades.get(m.id) ?? 0) >= 5, 10_000, 'the stock client retrying');
    stock.destroy();
    // Counted while the stock client looped: the honest one still connected once.
    expect(honestConnections).toBe(1);
    expect(honest.wsconnected || honest.wsconnecting).toBe(false);

    // The other tablet on the meeting was never disturbed.
    setNoteText(other.doc, addNote(other.doc, { boardId: board, x: 1, y: 1, side: 'formeel', authorId: 'a', createdAt: 1 }), 'nog hier');
    const late = client(s, m.id, m.facilitatorToken);
    await waitFor(() => notesOfBoard(late.doc, board).some((n) => n.text === 'nog hier'), 5000, 'other tablet still syncs');
    expect(notesOfBoard(late.doc, board)).toHaveLength(1);
  });

  it('closes a connection that floods messages with 1013 (retry later); others go on', async () => {
    const s = await server({ limits: { messagesPerSecond: 50, messageBurst: 100 } });
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const a = client(s, m.id, token);
    const b = client(s, m.id, m.facilitatorToken);
    await Promise.all([synced(a), synced(b)]);
    const code = await closeOf(`${s.ws}${YJS_PATH}/${m.id}?token=${token}`, (raw) => {
      for (let i = 0; i < 500; i++) raw.send(encodeSaveCheck(i));
    });
    expect(code).toBe(CloseCode.tryAgainLater);
    const board = listBoards(a.doc)[0]!.id;
    setNoteText(a.doc, addNote(a.doc, { boardId: board, x: 1, y: 1, side: 'formeel', authorId: 'a', createdAt: 1 }), 'gewoon tempo');
    await waitFor(() => notesOfBoard(b.doc, board).some((n) => n.text === 'gewoon tempo'), 5000, 'normal pace passes');
  });

  it('drops presence beyond 30 a second (burst 60) from one connection instead of fanning it out', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const observer = client(s, m.id, m.facilitatorToken);
    await synced(observer);
    const clientId = 424242;
    let seen = 0;
    observer.provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
      if (added.concat(updated).includes(clientId)) seen++;
    });
    const raw = new WebSocket(`${s.ws}${YJS_PATH}/${m.id}?token=${token}`);
    cleanups.push(() => raw.close());
    await new Promise((r) => raw.on('open', r));
    const frame = (clock: number) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, JSON.stringify({ cursor: { boardId: 'b', x: clock, y: 0 } }));
      return encodeAwareness(encoding.toUint8Array(e));
    };
    const clockSeen = () => observer.provider.awareness.meta.get(clientId)?.clock ?? 0;
    const t0 = performance.now();
    for (let clock = 1; clock <= 300; clock++) raw.send(frame(clock));
    await saveCheck(s, m.id, m.facilitatorToken);
    const elapsed = (performance.now() - t0) / 1000;
    const allowed = 60 + Math.ceil(30 * elapsed) + 1;
    // The relay sends presence in batches (the latest state per client), so
    // the observer cannot count the frames that passed. What tells is the
    // last state it gets: the 300th when everything is fanned out; with the
    // budget the burst's first 60 pass and then one now and then as the
    // budget refills (30 a second, anywhere in the burst), so the 300th only
    // if a refill lands exactly on it (a fraction of a percent). A second
    // person's presence, sent after the whole burst was handled, goes out in
    // the same batch as the burst's last states or a later one: once the
    // observer has it, it has everything of the burst that was fanned out.
    const other = new WebSocket(`${s.ws}${YJS_PATH}/${m.id}?token=${await joinMeeting(s.http, m, 'Bilal', 'informeel')}`);
    cleanups.push(() => other.close());
    await new Promise((r) => other.on('open', r));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 777);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, JSON.stringify({ cursor: null }));
    other.send(encodeAwareness(encoding.toUint8Array(e)));
    await waitFor(() => observer.provider.awareness.getStates().has(777), 5000, "the second person's presence");
    expect(clockSeen()).toBeGreaterThanOrEqual(60);
    expect(clockSeen()).toBeLessThan(300);
    expect(seen).toBeLessThanOrEqual(allowed);
    // Within the budget again, the next one passes.
    await new Promise((r) => setTimeout(r, 200));
    raw.send(frame(301));
    await waitFor(() => clockSeen() === 301, 5000, 'presence within the budget passes');
  });

  it('refuses connections beyond the per-meeting limit with 4429, and other meetings are unaffected', async () => {
    const s = await server({ limits: { connectionsPerMeeting: 3 } });
    const m = await createMeeting(s.http);
    const n = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const open = [client(s, m.id, token), client(s, m.id, token), client(s, m.id, m.facilitatorToken)];
    await Promise.all(open.map(synced));
    expect(await closeOf(`${s.ws}${YJS_PATH}/${m.id}?token=${token}`)).toBe(CloseCode.meetingFull);
    await synced(client(s, n.id, n.facilitatorToken));
    // A place frees up when someone leaves.
    open[0]!.destroy();
    await waitFor(() => s.app.relay.connectionCount(m.id) === 2, 5000, 'the server saw the socket close');
    const again = client(s, m.id, token);
    await synced(again);
  });

  it('limits wrong join codes per meeting, not per address: then even the right code waits, other meetings not', async () => {
    const s = await server({ limits: { joinFailuresPerMinute: 5 } });
    const m = await createMeeting(s.http);
    const n = await createMeeting(s.http);
    const wrong = m.joinCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    for (let i = 0; i < 5; i++) {
      expect((await post(s, `/api/meetings/${m.id}/join`, { code: wrong, name: 'Gok', side: 'formeel' })).status).toBe(401);
    }
    const refused = await post(s, `/api/meetings/${m.id}/join`, { code: m.joinCode, name: 'Anna', side: 'formeel' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(((await refused.json()) as { message: string }).message).toMatch(/Te veel pogingen/);
    expect((await post(s, `/api/meetings/${n.id}/join`, { code: n.joinCode, name: 'Bilal', side: 'informeel' })).status).toBe(200);
    // An unknown meeting answers like a wrong code, and spends its own allowance only.
    expect((await post(s, `/api/meetings/onbekend/join`, { code: wrong, name: 'Gok', side: 'formeel' })).status).toBe(401);
  });

  it('refuses pages of another origin: websocket and writes; no Origin (not a browser) and the own origin pass', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const host = new URL(s.http).host;
    const url = `${s.ws}${YJS_PATH}/${m.id}?token=${m.facilitatorToken}`;
    expect(await closeOf(url, () => {}, { origin: 'https://kwaadaardig.example' })).toBe(CloseCode.forbidden);
    const foreign = await post(s, '/api/meetings', { title: 'x' }, { origin: 'https://kwaadaardig.example' });
    expect(foreign.status).toBe(403);
    expect((await post(s, '/api/meetings', { title: 'x' }, { origin: `http://${host}` })).status).toBe(201);
    const own = new WebSocket(url, { headers: { origin: `http://${host}` } });
    cleanups.push(() => own.close());
    await new Promise<void>((resolve, reject) => {
      own.on('message', () => resolve());
      own.on('close', (c) => reject(new Error(`closed ${c}`)));
    });

    const listed = await server({ allowedOrigins: ['https://bodem.example.nl'] });
    expect((await post(listed, '/api/meetings', { title: 'x' }, { origin: 'https://bodem.example.nl' })).status).toBe(201);
    expect((await post(listed, '/api/meetings', { title: 'x' }, { origin: `http://${new URL(listed.http).host}` })).status).toBe(403);
  });

  it('rejects nonsense limits at start', async () => {
    await expect(server({ limits: { maxPayload: 100 * 1024 * 1024 } })).rejects.toThrow(/maxPayload/);
    await expect(server({ limits: { messagesPerSecond: 0 } })).rejects.toThrow(/messagesPerSecond/);
    await expect(server({ limits: { meetingBytes: -1 } })).rejects.toThrow(/meetingBytes/);
    await expect(server({ limits: { participantUpdateBytes: 16 * 1024 * 1024 } })).rejects.toThrow(/participantUpdateBytes/);
    await expect(server({ limits: { maxTextLength: 10 } })).rejects.toThrow(/maxTextLength/);
    await expect(server({ limits: { itemsPerBoard: 2.5 } })).rejects.toThrow(/itemsPerBoard/);
  });
});
