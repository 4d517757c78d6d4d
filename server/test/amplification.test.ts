import { addNote, listBoards, MessageType } from '@bodem/shared';
import * as encoding from 'lib0/encoding';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectClient, createMeeting, freePort, joinMeeting, removeDir, saveCheck, spawnServer, synced, tempDir, waitFor } from './helpers.ts';

/** Resident memory of a process, MiB, from /proc. */
const rssMiB = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.split(/\s+/)[1]) / 1024;
};

/** A sync step 1 for a state vector of one unknown client at clock 0: 7 bytes, answered with the whole meeting. */
const syncRequest = (client: number): Uint8Array => {
  const sv = encoding.createEncoder();
  [1, client, 0].forEach((v) => encoding.writeVarUint(sv, v));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(sv));
  return encoding.toUint8Array(e);
};

/**
 * The amplification attack of issue 15, against the relay in its own
 * process: a socket that never reads sends 150 sync requests (about 1.6 KB)
 * against a 3 MiB meeting. Before the fix every answer waited in an
 * unbounded send buffer (+508 MiB). Prints the figures.
 */
it('a socket that never reads cannot make the relay hold a meeting over and over', async () => {
  const dataDir = tempDir();
  const port = await freePort();
  const child = await spawnServer(dataDir, port);
  const http = `http://127.0.0.1:${port}`;
  const ws = `ws://127.0.0.1:${port}`;
  try {
    const m = await createMeeting(http);
    const token = await joinMeeting(http, m, 'Mallory', 'informeel');
    const f = connectClient(ws, m.id, m.facilitatorToken);
    await synced(f);
    const board = listBoards(f.doc)[0]!.id;
    f.doc.transact(() => {
      for (let i = 0; i < 3000; i++) addNote(f.doc, { boardId: board, x: i, y: i, side: null, authorId: 'f', createdAt: i, text: `${i} ${'x'.repeat(995)}` });
    });
    await saveCheck({ ws } as never, m.id, m.facilitatorToken);
    const before = rssMiB(child.pid!);

    const attacker = new WebSocket(`${ws}/yjs/${m.id}?token=${token}`);
    attacker.on('error', () => {});
    const closed = new Promise<number>((resolve) => attacker.on('close', (code) => resolve(code)));
    await new Promise((resolve) => attacker.on('open', resolve));
    // Stop reading: the kernel's receive window fills, then the relay's send buffer.
    (attacker as unknown as { _socket: { pause(): void } })._socket.pause();
    let sent = 0;
    for (let i = 0; i < 150; i++) {
      const frame = syncRequest(7_000_000 + i);
      sent += frame.length;
      attacker.send(frame);
    }
    let peak = before;
    const t0 = Date.now();
    while (Date.now() - t0 < 4000) {
      peak = Math.max(peak, rssMiB(child.pid!));
      await new Promise((r) => setTimeout(r, 25));
    }
    const after = rssMiB(child.pid!);
    // Resume reading so the close (or end) arrives.
    (attacker as unknown as { _socket: { resume(): void } })._socket.resume();
    const code = await Promise.race([closed, new Promise<string>((r) => setTimeout(() => r('open'), 3000))]);
    console.log(JSON.stringify({ attack: 'amplification', meetingMiB: 3, frames: 150, bytesSent: sent, rssMiB: { before: +before.toFixed(1), peak: +peak.toFixed(1), after: +after.toFixed(1) }, attackerClose: code }));
    expect(peak - before).toBeLessThan(64);
    // The facilitator is still served.
    await waitFor(() => f.provider.wsconnected, 5000, 'facilitator connected');
    f.destroy();
    attacker.terminate();
  } finally {
    child.kill('SIGKILL');
    removeDir(dataDir);
  }
}, 120_000);
