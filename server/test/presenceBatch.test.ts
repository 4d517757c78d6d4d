import { encodeAwareness, MessageType } from '@bodem/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createMeeting, joinMeeting, useRig, waitFor } from './helpers.ts';

const { server, cleanups } = useRig();

interface Seen {
  frames: number;
  /** Latest state per client id, as received. */
  states: Map<number, { clock: number; state: { user?: { name: string }; n?: number } | null }>;
}

/** A raw protocol client that publishes presence under its own client id and records what presence it receives. */
const rawClient = async (url: string, clientId: number) => {
  const ws = new WebSocket(url);
  cleanups.push(() => ws.close());
  const seen: Seen = { frames: 0, states: new Map() };
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== MessageType.awareness) return;
    seen.frames++;
    const u = decoding.createDecoder(decoding.readVarUint8Array(d));
    const n = decoding.readVarUint(u);
    for (let i = 0; i < n; i++) {
      const id = decoding.readVarUint(u);
      const clock = decoding.readVarUint(u);
      seen.states.set(id, { clock, state: JSON.parse(decoding.readVarString(u)) });
    }
  });
  await new Promise((r) => ws.on('open', r));
  let clock = 0;
  const publish = (state: object) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, ++clock);
    encoding.writeVarString(e, JSON.stringify(state));
    ws.send(encodeAwareness(encoding.toUint8Array(e)));
  };
  return { ws, seen, publish };
};

describe('presence fan-out', () => {
  it('sends many movers in few frames per tablet, each state the latest, stamped, and never back to its sender', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const url = async (name: string) =>
      `${s.ws}/yjs/${m.id}?token=${encodeURIComponent(await joinMeeting(s.http, m, name, 'formeel'))}`;
    const watcher = await rawClient(await url('Kijker'), 999);
    const movers = await Promise.all(['Anna', 'Bilal', 'Chris', 'Dunya', 'Emre', 'Fatima'].map(async (name, i) => rawClient(await url(name), 100 + i)));
    // Every mover publishes its first state (which binds its client id), then ten moves in a burst.
    for (const mv of movers) mv.publish({ n: 0 });
    await waitFor(() => movers.every((_, i) => watcher.seen.states.has(100 + i)), 5000, 'every mover seen');
    const before = watcher.seen.frames;
    for (let k = 1; k <= 10; k++) for (const mv of movers) mv.publish({ n: k, user: { name: 'Vervalst' } });
    await waitFor(
      () => movers.every((_, i) => watcher.seen.states.get(100 + i)?.state?.n === 10),
      5000,
      'every mover at its last state',
    );
    // 60 changes reached the watcher in far fewer frames than one per change.
    expect(watcher.seen.frames - before).toBeLessThanOrEqual(10);
    // Names come from the tokens, not from what the client claimed.
    expect(movers.map((_, i) => watcher.seen.states.get(100 + i)!.state!.user!.name)).toEqual([
      'Anna',
      'Bilal',
      'Chris',
      'Dunya',
      'Emre',
      'Fatima',
    ]);
    // Each mover sees the others' last states, never its own.
    await waitFor(() => movers.every((mv, i) => movers.every((_, j) => j === i || mv.seen.states.get(100 + j)?.state?.n === 10)), 5000, 'movers see each other');
    movers.forEach((mv, i) => expect(mv.seen.states.has(100 + i)).toBe(false));
    // Leaving is presence too: the watcher learns of it.
    movers[0]!.ws.close();
    await waitFor(() => watcher.seen.states.get(100)?.state === null, 5000, 'Anna removed');
  });
});
