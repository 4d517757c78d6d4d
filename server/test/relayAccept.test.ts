import { CloseCode, decodeMessage, encodeSyncStep1, initMeeting, PROTOCOL_VERSION, type Role } from '@bodem/shared';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { issueClaims, TokenSigner } from '../src/auth/tokens.ts';
import { DEFAULT_LIMITS, type Limits } from '../src/relay/limits.ts';
import { Relay, type ConnectionHandle, type SocketRequest } from '../src/relay/relay.ts';
import type { SocketLike } from '../src/relay/socket.ts';
import type { MeetingRecord, MeetingStore } from '../src/storage/store.ts';
import { waitFor } from './helpers.ts';
import { MemoryStore } from './memoryStore.ts';

/**
 * The relay's core without any web framework (Hocuspocus's shape): a
 * socket-like object and the request's fields go in, and every decision
 * about the socket (origin, version, token, meeting, epoch, removal, frame
 * and byte budgets, liveness) comes out of the core. The server tests over
 * real sockets (relay.test.ts, hostileFrames.test.ts, protocolVersion.test.ts)
 * cover the same rules through Fastify; this suite shows the adapter adds none.
 */

/** A socket held in memory: what the relay sent, how it closed, whether it was pinged or terminated. */
class MemorySocket implements SocketLike {
  sent: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;
  terminated = false;
  pings = 0;
  bufferedAmount = 0;
  send(d: Uint8Array): void {
    this.sent.push(d);
  }
  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason };
  }
  terminate(): void {
    this.terminated = true;
  }
  ping(): void {
    this.pings++;
  }
  /** The messages the relay sent, by kind, in order. */
  types(): string[] {
    return this.sent.map((d) => decodeMessage(d).type);
  }
}

const secret = randomBytes(32);
const signer = new TokenSigner(secret);
const relays: Relay[] = [];
afterEach(async () => {
  for (const r of relays.splice(0)) await r.close();
});

const rig = async (limits: Partial<Limits> = {}, allowedOrigins: readonly string[] | null = null) => {
  const store: MeetingStore = new MemoryStore();
  const log: string[] = [];
  const relay = new Relay(store, {
    compactEvery: 1000,
    connectionsPerMeeting: 50,
    socketsPerParticipant: 5,
    limits: { ...DEFAULT_LIMITS, ...limits },
    signer,
    allowedOrigins,
    log: (event) => log.push(event),
  });
  relays.push(relay);
  const meeting: MeetingRecord = { id: randomBytes(16).toString('base64url'), title: 'Kern', joinCode: 'ABCDEF', epoch: 7, createdAt: Date.now() };
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'Kern', createdAt: Date.now(), boards: [] });
  await store.createMeeting(meeting, Y.encodeStateAsUpdate(doc));
  const token = (role: Role = 'participant', m: { id: string; epoch: number } = meeting, sub?: string) =>
    signer.sign(issueClaims(m, role, { name: 'Anna', side: 'formeel', ...(sub ? { sub } : {}) }));
  const open = (req: Partial<SocketRequest> = {}): { socket: MemorySocket; handle: ConnectionHandle } => {
    const socket = new MemorySocket();
    const handle = relay.accept(socket, {
      meetingId: meeting.id,
      token: token(),
      version: String(PROTOCOL_VERSION),
      origin: 'https://bodem.example.nl',
      host: 'bodem.example.nl',
      ...req,
    });
    return { socket, handle };
  };
  return { relay, store, meeting, token, open, log };
};

const closeOf = async (socket: MemorySocket): Promise<number> =>
  (await waitFor(() => socket.closedWith, 5000, 'the socket closed')).code;

describe('the relay core decides about a socket by itself', () => {
  it('refuses a foreign page, an outdated or malformed version and a token that is not this meeting’s, at once', async () => {
    const r = await rig();
    const other = { id: randomBytes(16).toString('base64url'), epoch: 7 };
    const cases: [Partial<SocketRequest>, number][] = [
      [{ origin: 'https://evil.example' }, CloseCode.forbidden],
      [{ origin: 'not a url' }, CloseCode.forbidden],
      [{ version: '1' }, 4426],
      [{ version: 'twee' }, CloseCode.badRequest],
      [{ token: undefined }, CloseCode.unauthorized],
      [{ token: 'x'.repeat(5000) }, CloseCode.unauthorized],
      [{ token: `${r.token()}x` }, CloseCode.unauthorized],
      [{ token: r.token().slice(0, 40) }, CloseCode.unauthorized],
      [{ token: r.token('participant', other) }, CloseCode.unauthorized],
      [{ token: new TokenSigner(randomBytes(32)).sign(issueClaims(r.meeting, 'facilitator', { name: 'Mallory', side: null })) }, CloseCode.unauthorized],
    ];
    for (const [req, code] of cases) {
      const { socket, handle } = r.open(req);
      // Decided before any lookup: closed within the call.
      expect(socket.closedWith?.code, JSON.stringify(req).slice(0, 80)).toBe(code);
      handle.receive(encodeSyncStep1(new Y.Doc()));
      expect(socket.sent).toHaveLength(0);
    }
    expect(r.relay.connectionCount(r.meeting.id)).toBe(0);
  });

  it('lets a same-origin page, a listed origin and a program without Origin in', async () => {
    const r = await rig();
    for (const req of [{}, { origin: undefined }]) {
      const { socket, handle } = r.open(req);
      handle.receive(encodeSyncStep1(new Y.Doc()));
      await waitFor(() => socket.types().includes('sync-step2'), 5000, 'the meeting arrives');
      expect(socket.closedWith).toBeNull();
      handle.closed();
    }
    const listed = await rig({}, ['https://school.example.nl']);
    expect(listed.open({ origin: 'https://bodem.example.nl' }).socket.closedWith?.code).toBe(CloseCode.forbidden);
    expect(listed.open({ origin: 'https://school.example.nl', host: 'elsewhere' }).socket.closedWith).toBeNull();
  });

  it('looks the meeting up: unknown, deleted, an old epoch and a removed participant are closed with what happened', async () => {
    const r = await rig();
    const unknown = r.open({ meetingId: 'nope', token: r.token('participant', { id: 'nope', epoch: 7 }) });
    expect(await closeOf(unknown.socket)).toBe(CloseCode.unknownMeeting);
    const oldEpoch = r.open({ token: r.token('participant', { id: r.meeting.id, epoch: 6 }) });
    expect(await closeOf(oldEpoch.socket)).toBe(CloseCode.meetingDeleted);
    await r.store.removeParticipant(r.meeting.id, 'removed-one', Date.now());
    const removed = r.open({ token: r.token('participant', r.meeting, 'removed-one') });
    expect(await closeOf(removed.socket)).toBe(CloseCode.removed);
    // A removal while the meeting is being looked up closes the socket too.
    const racing = r.open({ token: r.token('participant', r.meeting, 'racing') });
    r.relay.removeParticipant(r.meeting.id, 'racing', CloseCode.removed, 'removed from the meeting');
    expect(await closeOf(racing.socket)).toBe(CloseCode.removed);
    await r.store.deleteMeeting(r.meeting.id);
    const deleted = r.open();
    expect(await closeOf(deleted.socket)).toBe(CloseCode.meetingDeleted);
    for (const s of [unknown, oldEpoch, removed, racing, deleted]) expect(s.socket.types()).not.toContain('sync-step2');
  });

  it('keeps frames sent before the meeting is loaded, in order, in one queue', async () => {
    const r = await rig();
    const { socket, handle } = r.open();
    // Sent at once, before the lookup answered: a sync request, then a save check.
    handle.receive(encodeSyncStep1(new Y.Doc()));
    expect(socket.sent).toHaveLength(0);
    await waitFor(() => socket.types().includes('sync-step2'), 5000, 'the answer to the early sync request');
    expect(socket.closedWith).toBeNull();
  });

  it('closes a socket that sends text, or more frames or bytes than its budget, and no one else', async () => {
    const r = await rig({ messagesPerSecond: 1, messageBurst: 5, bytesPerSecond: 1000, maxPayload: 1000 });
    const text = r.open();
    text.handle.receive('hallo');
    expect(text.socket.closedWith?.code).toBe(CloseCode.badRequest);

    const flood = r.open({ token: r.token('participant', r.meeting, 'flood') });
    const calm = r.open({ token: r.token('participant', r.meeting, 'calm') });
    for (let i = 0; i < 6; i++) flood.handle.receive(encodeSyncStep1(new Y.Doc()));
    expect(flood.socket.closedWith?.code).toBe(CloseCode.tryAgainLater);
    const big = r.open({ token: r.token('participant', r.meeting, 'big') });
    big.handle.receive(new Uint8Array(2001));
    expect(big.socket.closedWith?.code).toBe(CloseCode.tryAgainLater);
    expect(r.log.filter((e) => e === 'rate-limited')).toHaveLength(2);
    calm.handle.receive(encodeSyncStep1(new Y.Doc()));
    await waitFor(() => calm.socket.types().includes('sync-step2'), 5000, 'the calm socket is answered');
    expect(calm.socket.closedWith).toBeNull();
  });

  it('pings every socket and ends the one that stopped answering, within two intervals', async () => {
    const r = await rig({ pingIntervalMs: 100 });
    const answering = r.open({ token: r.token('participant', r.meeting, 'answering') });
    const silent = r.open({ token: r.token('participant', r.meeting, 'silent') });
    await waitFor(() => r.relay.connectionCount(r.meeting.id) === 2 && answering.socket.pings > 0, 5000, 'pinged');
    const started = Date.now();
    while (!silent.socket.terminated) {
      answering.handle.alive();
      await new Promise((done) => setTimeout(done, 20));
      if (Date.now() - started > 5000) throw new Error('the silent socket was never ended');
    }
    expect(answering.socket.terminated).toBe(false);
    expect(answering.socket.pings).toBeGreaterThanOrEqual(2);
  });
});
