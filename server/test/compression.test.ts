import { addNote, listBoards, MessageType, notesOfBoard, peekClaims, YJS_PATH } from '@bodem/shared';
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createMeeting, docFromDisk, joinMeeting, saveCheck, syncStep2Frame, synced, useRig, waitFor, type Running } from './helpers.ts';

/**
 * permessage-deflate on the relay's websockets (server/src/app.ts): a board's
 * first sync goes compressed to a browser that offers it, the small messages
 * as they are; and what a client sends compressed is held to the same limits
 * as what it sends plain (a deflate bomb, a broken or truncated stream, a
 * compressed frame on a socket that never agreed to compression).
 */

/** A meeting whose free board holds `n` notes of Dutch sentences, written by the facilitator. */
const meetingWithNotes = async (rig: ReturnType<typeof useRig>, s: Running, n: number) => {
  const m = await createMeeting(s.http);
  const fac = rig.client(s, m.id, m.facilitatorToken);
  await synced(fac);
  const board = listBoards(fac.doc)[0]!;
  for (let i = 0; i < n; i++) {
    const text = `Notitie ${i}: wij willen elkaar beter leren kennen en samen de ouders in de wijk bereiken.`;
    addNote(fac.doc, { boardId: board.id, x: 40 + (i % 6) * 180, y: 40 + Math.floor(i / 6) * 150, text, authorId: peekClaims(m.facilitatorToken)!.sub, side: 'formeel', createdAt: Date.now() });
  }
  await saveCheck(s, m.id, m.facilitatorToken);
  return { m, boardId: board.id };
};

/** Opens a raw socket to the room, with or without compression offered; resolves with every message and the bytes that came over the wire. */
const receiveFirstSync = (s: Running, id: string, token: string, compress: boolean) =>
  new Promise<{ extensions: string; messages: Buffer[]; wireBytes: number; ws: WebSocket }>((resolve, reject) => {
    const ws = new WebSocket(`${s.ws}${YJS_PATH}/${id}?token=${token}`, { perMessageDeflate: compress });
    const messages: Buffer[] = [];
    ws.on('message', (d: Buffer) => {
      messages.push(d);
      // Sync step 2 (the whole meeting) answers the step 1 sent below.
      if (d[0] === MessageType.sync && d[1] === 1) {
        const socket = (ws as unknown as { _socket: Socket })._socket;
        resolve({ extensions: ws.extensions, messages, wireBytes: socket.bytesRead, ws });
      }
    });
    ws.on('open', () => {
      // Sync step 1 with an empty state vector: "send me everything".
      ws.send(Uint8Array.from([MessageType.sync, 0, 1, 0]));
    });
    ws.on('error', reject);
  });

describe('websocket compression', () => {
  const rig = useRig();

  it('sends a board of 30 notes compressed to a client that offers it, the same bytes once inflated, a third of them or less on the wire', async () => {
    const s = await rig.server();
    const { m, boardId } = await meetingWithNotes(rig, s, 30);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');

    const plain = await receiveFirstSync(s, m.id, token, false);
    const packed = await receiveFirstSync(s, m.id, token, true);
    plain.ws.close();
    packed.ws.close();
    expect(plain.extensions).toBe('');
    expect(packed.extensions).toContain('permessage-deflate');

    const step2 = (r: typeof plain) => r.messages.find((d) => d[0] === MessageType.sync && d[1] === 1)!;
    expect(step2(packed).length).toBeGreaterThan(5_000);
    // The message itself is the same meeting either way.
    const decode = (frame: Buffer) => {
      const d = new Y.Doc();
      // [type, step, varuint length (2–3 bytes), update]: let Yjs read the update after the header.
      const lenBytes = frame[2]! < 0x80 ? 1 : frame[3]! < 0x80 ? 2 : 3;
      Y.applyUpdate(d, frame.subarray(2 + lenBytes));
      return d;
    };
    expect(notesOfBoard(decode(step2(packed)), boardId)).toHaveLength(30);
    expect(notesOfBoard(decode(step2(plain)), boardId)).toHaveLength(30);
    const rawBytes = (r: typeof plain) => r.messages.reduce((n, d) => n + d.length, 0);
    expect(rawBytes(packed)).toBe(rawBytes(plain));
    // On the wire: the plain socket carried at least the messages; the compressed one far less.
    expect(plain.wireBytes).toBeGreaterThanOrEqual(rawBytes(plain));
    expect(packed.wireBytes).toBeLessThan(plain.wireBytes / 3);
    console.log(`first sync of 30 notes: ${rawBytes(plain)} B of messages, ${plain.wireBytes} B plain on the wire, ${packed.wireBytes} B compressed`);
  });

  it('closes a socket whose compressed message inflates beyond the frame limit (a deflate bomb), keeps nothing of it, and serves the others', async () => {
    const s = await rig.server();
    const { m, boardId } = await meetingWithNotes(rig, s, 2);
    const token = await joinMeeting(s.http, m, 'Bram', 'informeel');
    const honest = rig.client(s, m.id, token);
    await synced(honest);

    // 9 MiB that deflate to ~9 KB: an update frame whose body is zeros.
    const bomb = Buffer.alloc(9 * 1024 * 1024);
    bomb[0] = MessageType.sync;
    bomb[1] = 2;
    const attacker = new WebSocket(`${s.ws}${YJS_PATH}/${m.id}?token=${token}`, { perMessageDeflate: { threshold: 0 } });
    const code = await new Promise<number>((resolve, reject) => {
      attacker.on('open', () => attacker.send(bomb));
      attacker.on('close', (c) => resolve(c));
      attacker.on('error', () => undefined);
      setTimeout(() => reject(new Error('not closed')), 20_000);
    });
    expect(code).toBe(1009);

    // The honest tablet still writes and the meeting holds exactly what was written.
    addNote(honest.doc, { boardId, x: 500, y: 500, text: 'na de bom', authorId: peekClaims(token)!.sub, side: 'informeel', createdAt: Date.now() });
    await saveCheck(s, m.id, token);
    const stored = docFromDisk(s.dataDir, m.id);
    expect(notesOfBoard(stored, boardId).map((n) => n.text).sort()).toEqual([...notesOfBoard(honest.doc, boardId).map((n) => n.text)].sort());
    expect(notesOfBoard(stored, boardId)).toHaveLength(3);
  });

  describe('hand-made frames on a raw socket', () => {
    /** Handshake by hand (so the frames can be anything), offering compression or not; resolves with the socket once upgraded. */
    const rawSocket = (s: Running, path: string, offer: string | null) =>
      new Promise<{ socket: Socket; response: string }>((resolve, reject) => {
        const url = new URL(s.ws);
        const socket = connect(Number(url.port), url.hostname);
        let got = '';
        socket.on('error', reject);
        socket.on('connect', () => {
          socket.write(
            [
              `GET ${path} HTTP/1.1`,
              `Host: ${url.host}`,
              'Upgrade: websocket',
              'Connection: Upgrade',
              `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
              'Sec-WebSocket-Version: 13',
              ...(offer ? [`Sec-WebSocket-Extensions: ${offer}`] : []),
              '',
              '',
            ].join('\r\n'),
          );
        });
        const onData = (d: Buffer) => {
          got += d.toString('latin1');
          const end = got.indexOf('\r\n\r\n');
          if (end < 0) return;
          socket.off('data', onData);
          resolve({ socket, response: got.slice(0, end) });
        };
        socket.on('data', onData);
      });

    /** One masked binary frame, FIN set, RSV1 as given (RSV1 = "this message is compressed"). */
    const frame = (payload: Buffer, rsv1: boolean): Buffer => {
      const mask = randomBytes(4);
      const len = payload.length;
      const head = len < 126 ? Buffer.from([0x82 | (rsv1 ? 0x40 : 0), 0x80 | len]) : Buffer.from([0x82 | (rsv1 ? 0x40 : 0), 0x80 | 126, len >> 8, len & 0xff]);
      const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
      return Buffer.concat([head, mask, body]);
    };

    /** Sends `bytes` and resolves with the close code the relay answered with (from its close frame). */
    const closeCodeAfter = (socket: Socket, bytes: Buffer) =>
      new Promise<number>((resolve) => {
        let buf = Buffer.alloc(0);
        socket.on('data', (d) => {
          buf = Buffer.concat([buf, d]);
          // Skip whole server frames until a close frame (opcode 8).
          for (let at = 0; at + 2 <= buf.length; ) {
            const op = buf[at]! & 0x0f;
            let len = buf[at + 1]! & 0x7f;
            let off = at + 2;
            if (len === 126) {
              len = buf.readUInt16BE(off);
              off += 2;
            } else if (len === 127) {
              len = Number(buf.readBigUInt64BE(off));
              off += 8;
            }
            if (off + len > buf.length) break;
            if (op === 8) return resolve(buf.readUInt16BE(off));
            at = off + len;
          }
        });
        socket.on('close', () => resolve(-1));
        socket.write(bytes);
      });

    it('refuses a broken deflate stream, a truncated one, and a compressed frame where compression was not agreed; nothing of them is kept', async () => {
      const s = await rig.server();
      const { m, boardId } = await meetingWithNotes(rig, s, 1);
      const token = await joinMeeting(s.http, m, 'Fatma', 'beide');
      const path = `${YJS_PATH}/${m.id}?token=${token}`;

      // A real note update, deflated as a browser would, then broken in two ways.
      const other = new Y.Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(docFromDisk(s.dataDir, m.id)));
      const before = Y.encodeStateVector(other);
      addNote(other, { boardId, x: 10, y: 10, text: 'GEHEIM-COMPRESSED', authorId: peekClaims(token)!.sub, side: null, createdAt: Date.now() });
      const update = Y.encodeStateAsUpdate(other, before);
      const deflated = deflateRawSync(Buffer.from(syncStep2Frame(update)));
      const cases: { name: string; offer: string | null; bytes: Buffer; code: number }[] = [
        // ws: invalid compressed data.
        { name: 'garbage as deflate', offer: 'permessage-deflate', bytes: frame(randomBytes(200), true), code: 1007 },
        // Inflates to half a message: the relay's own refusal of a malformed frame.
        { name: 'truncated deflate', offer: 'permessage-deflate', bytes: frame(deflated.subarray(0, Math.floor(deflated.length / 2)), true), code: 4400 },
        // RSV1 set on a socket that agreed to no extension: a protocol error.
        { name: 'compressed without agreement', offer: null, bytes: frame(deflated, true), code: 1002 },
      ];
      for (const c of cases) {
        const { socket, response } = await rawSocket(s, path, c.offer);
        expect(response, c.name).toMatch(/^HTTP\/1\.1 101/);
        if (c.offer) expect(response, c.name).toMatch(/sec-websocket-extensions: permessage-deflate;.*server_max_window_bits=10/i);
        else expect(response, c.name).not.toMatch(/permessage-deflate/i);
        const code = await closeCodeAfter(socket, c.bytes);
        expect(code, c.name).toBe(c.code);
        socket.destroy();
      }

      // The same update, well-formed and compressed, is taken: the relay reads compressed frames at all.
      const { socket, response } = await rawSocket(s, path, 'permessage-deflate');
      expect(response).toMatch(/permessage-deflate/i);
      socket.write(frame(deflated, true));
      await waitFor(() => notesOfBoard(docFromDisk(s.dataDir, m.id), boardId).some((n) => n.text === 'GEHEIM-COMPRESSED') || null, 10_000, 'stored');
      socket.destroy();
      // And the broken ones left no trace but that one note.
      expect(notesOfBoard(docFromDisk(s.dataDir, m.id), boardId).filter((n) => n.text === 'GEHEIM-COMPRESSED')).toHaveLength(1);
    });
  });
});
