import { CloseCode, JOIN_CODE_ALPHABET, peekClaims } from '@bodem/shared';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../src/storage/postgres.ts';
import { closeCodeOf, createMeeting, synced, tempDir, useRig, waitFor, type CreatedMeeting, type Running } from './helpers.ts';
import { startPostgres, type TestPostgres } from './infra/postgres.ts';

const { server, client } = useRig();

const post = (s: Running, path: string, body: unknown, token?: string) =>
  fetch(`${s.http}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

const viaRoute = (s: Running, id: string, code: string, extra: Record<string, unknown> = {}) =>
  post(s, `/api/meetings/${id}/join`, { code, name: 'Gast', side: 'formeel', ...extra });
const viaCode = (s: Running, code: string, extra: Record<string, unknown> = {}) => post(s, '/api/join', { code, name: 'Gast', side: 'formeel', ...extra });

const door = (s: Running, id: string, token: string, open?: boolean) =>
  fetch(`${s.http}/api/meetings/${id}/door`, {
    method: open === undefined ? 'GET' : 'PUT',
    headers: { authorization: `Bearer ${token}`, ...(open === undefined ? {} : { 'content-type': 'application/json' }) },
    body: open === undefined ? undefined : JSON.stringify({ open }),
  });

/** A code of the alphabet that is none of `taken`. */
const otherCode = (taken: string[], seed: number): string => {
  for (let n = seed; ; n++) {
    let c = '';
    let x = n;
    for (let i = 0; i < 6; i++) {
      c += JOIN_CODE_ALPHABET[x % JOIN_CODE_ALPHABET.length];
      x = Math.floor(x / JOIN_CODE_ALPHABET.length) + i * 7;
    }
    if (!taken.includes(c)) return c;
  }
};

/** Runs `n` requests, `width` at a time. */
const flood = async (n: number, width: number, one: (i: number) => Promise<Response>): Promise<Map<number, number>> => {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const r = await one(next++);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        await r.body?.cancel();
      }
    }),
  );
  return statuses;
};

describe('joining cannot be guessed or jammed', () => {
  it('the eviction flood: 10,000 joins on made-up meeting ids neither count nor evict, so the next 100 guesses after a jam are all refused', async () => {
    // The limits' clock stands still: the allowance does not come back while the flood runs.
    const s = await server({ limiterClock: () => 1_800_000_000_000 });
    const a = await createMeeting(s.http, 'A');
    const b = await createMeeting(s.http, 'B');
    const taken = [a.joinCode, b.joinCode];
    // The code-only route's allowance (5 × 20 a minute) is spent on wrong codes.
    const wrong = await flood(100, 10, (i) => viaCode(s, otherCode(taken, 1000 + i)));
    expect(wrong.get(401)).toBe(100);
    expect((await viaCode(s, otherCode(taken, 5000))).status).toBe(429);
    // The old in-memory LRU map (10,000 keys) forgot the jam after this flood.
    const ids = await flood(10_000, 50, () => viaRoute(s, randomBytes(16).toString('base64url'), otherCode(taken, 7)));
    expect([...ids.keys()]).toEqual([401]);
    // Every guess is still refused without being checked, the right codes too.
    const guesses = await flood(100, 10, (i) => viaCode(s, i === 50 ? a.joinCode : otherCode(taken, 9000 + i)));
    expect([...guesses.entries()]).toEqual([[429, 100]]);
    const body = (await (await viaCode(s, a.joinCode)).json()) as { error: string; message: string };
    expect(body.error).toBe('too_many_attempts_code');
    expect(body.message).toMatch(/QR-code/);
    // The QR code's route of each meeting is untouched by the jam.
    expect((await viaRoute(s, a.id, a.joinCode)).status).toBe(200);
    expect((await viaRoute(s, b.id, b.joinCode)).status).toBe(200);
  }, 300_000);

  it('a jammed meeting route holds up that meeting only: another meeting’s right code gets in by both routes', async () => {
    const s = await server();
    const a = await createMeeting(s.http, 'A');
    const b = await createMeeting(s.http, 'B');
    const taken = [a.joinCode, b.joinCode];
    for (let i = 0; i < 20; i++) expect((await viaRoute(s, a.id, otherCode(taken, 100 + i))).status).toBe(401);
    expect((await viaRoute(s, a.id, a.joinCode)).status).toBe(429);
    expect((await viaRoute(s, b.id, b.joinCode)).status).toBe(200);
    expect((await viaCode(s, b.joinCode)).status).toBe(200);
    // A's code typed on a tablet still works (the typed route has its own allowance).
    expect((await viaCode(s, a.joinCode)).status).toBe(200);
    // Malformed attempts on a route are refused before they count: no code, an oversized code, junk.
    expect((await post(s, `/api/meetings/${b.id}/join`, { name: 'x', side: 'formeel' })).status).toBe(400);
    expect((await post(s, `/api/meetings/${b.id}/join`, { code: 'A'.repeat(100), name: 'x', side: 'formeel' })).status).toBe(400);
    expect((await fetch(`${s.http}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code":' })).status).toBe(400);
    expect((await viaRoute(s, b.id, b.joinCode)).status).toBe(200);
  });

  it('"Deelnemen gesloten": the facilitator closes the door and reopens it with one call; nobody else can', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const t = (await (await viaRoute(s, m.id, m.joinCode)).json()) as { token: string };
    expect(await (await door(s, m.id, m.facilitatorToken)).json()).toMatchObject({ joinCode: m.joinCode, open: true, closedByFacilitator: false });
    // Participants cannot close it; strangers and malformed bodies neither.
    expect((await door(s, m.id, t.token, false)).status).toBe(403);
    expect((await door(s, m.id, m.projectorToken, false)).status).toBe(403);
    expect((await door(s, m.id, 'forged.token', false)).status).toBe(401);
    expect((await door(s, m.id, t.token)).status).toBe(403);
    const bad = await fetch(`${s.http}/api/meetings/${m.id}/door`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${m.facilitatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ open: 'nee' }),
    });
    expect(bad.status).toBe(400);
    expect((await viaCode(s, m.joinCode)).status).toBe(200);

    const closed = await door(s, m.id, m.facilitatorToken, false);
    expect(await closed.json()).toMatchObject({ open: false, closedByFacilitator: true });
    const refused = await viaRoute(s, m.id, m.joinCode);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/Deelnemen is gesloten/);
    // The typed route does not say whether the code exists.
    const typed = await viaCode(s, m.joinCode);
    expect(typed.status).toBe(401);
    expect(((await typed.json()) as { error: string }).error).toBe('wrong_code_or_closed');
    // The projector reads the door (to show the code or "gesloten").
    expect(await (await door(s, m.id, m.projectorToken)).json()).toMatchObject({ open: false });
    // Reopened: in again.
    expect(await (await door(s, m.id, m.facilitatorToken, true)).json()).toMatchObject({ open: true });
    expect((await viaCode(s, m.joinCode)).status).toBe(200);
    expect((await viaRoute(s, m.id, m.joinCode)).status).toBe(200);
  });

  it('join codes stop working a set time after the last activity, and reopening makes them work again', async () => {
    const s = await server({ joinIdleHours: 1.5 / 3600 });
    const m = await createMeeting(s.http);
    expect((await viaRoute(s, m.id, m.joinCode)).status).toBe(200);
    // Nothing happens in the meeting: the code expires by itself.
    await waitFor(async () => (await viaRoute(s, m.id, m.joinCode)).status === 403, 10_000, 'code expired');
    expect((await viaCode(s, m.joinCode)).status).toBe(401);
    expect(await (await door(s, m.id, m.facilitatorToken)).json()).toMatchObject({ open: false, closedByFacilitator: false });
    // One tap: open again, for another idle time.
    expect(await (await door(s, m.id, m.facilitatorToken, true)).json()).toMatchObject({ open: true });
    expect((await viaCode(s, m.joinCode)).status).toBe(200);
  });

  it('a removed participant stays out by every route: the old token, the old code on both routes, the QR link; the new code is the facilitator’s', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const anna = ((await (await viaRoute(s, m.id, m.joinCode, { name: 'Anna' })).json()) as { token: string }).token;
    const bilal = ((await (await viaCode(s, m.joinCode, { name: 'Bilal' })).json()) as { token: string }).token;
    const a = client(s, m.id, anna);
    await synced(a);
    const sub = peekClaims(anna)!.sub;
    const removed = await fetch(`${s.http}/api/meetings/${m.id}/participants/${sub}`, { method: 'DELETE', headers: { authorization: `Bearer ${m.facilitatorToken}` } });
    expect(removed.status).toBe(204);
    await waitFor(() => !a.provider.wsconnected && !a.provider.shouldConnect, 5000, 'Anna closed');

    // Her token: the websocket, a rejoin on either route keeping her id.
    expect(await closeCodeOf(`${s.ws}/yjs/${m.id}?token=${anna}`)).toBe(CloseCode.removed);
    // The code she knew (and the QR link on her tablet) no longer opens anything, with or without her token.
    for (const extra of [{}, { previous: anna }] as Record<string, unknown>[]) {
      expect((await viaRoute(s, m.id, m.joinCode, extra)).status).toBe(401);
      expect((await viaCode(s, m.joinCode, extra)).status).toBe(401);
    }
    // The facilitator and the projector see the new code.
    const now = ((await (await door(s, m.id, m.facilitatorToken)).json()) as { joinCode: string }).joinCode;
    expect(now).not.toBe(m.joinCode);
    expect(((await (await door(s, m.id, m.projectorToken)).json()) as { joinCode: string }).joinCode).toBe(now);
    // Even with the new code her token is refused on both routes.
    expect((await viaRoute(s, m.id, now, { previous: anna })).status).toBe(403);
    expect((await viaCode(s, now, { previous: anna })).status).toBe(403);
    // Her tablet's stored copy knows the old code only; it sends every token it holds, and hers is refused.
    expect((await viaCode(s, now, { held: [bilal.slice(0, 10), anna] })).status).toBe(403);
    expect((await viaRoute(s, m.id, now, { held: [anna] })).status).toBe(403);
    // Malformed held lists are refused whole.
    expect((await viaCode(s, now, { held: Array(21).fill(anna) })).status).toBe(400);
    expect((await viaCode(s, now, { held: [{ token: anna }] })).status).toBe(400);
    // Her token reads nothing of the facilitator's either.
    expect((await door(s, m.id, anna)).status).toBe(401);
    // Bilal carries on with his token; a newcomer with the new code gets in.
    const b = client(s, m.id, bilal);
    await synced(b);
    expect((await viaCode(s, now, { name: 'Carla' })).status).toBe(200);
    // Someone in the room who reads the new code off the beamer gets in as someone new, until the
    // facilitator closes the door: then nobody does.
    await door(s, m.id, m.facilitatorToken, false);
    expect((await viaCode(s, now)).status).toBe(401);
    expect((await viaRoute(s, m.id, now)).status).toBe(403);
  });
});

describe('in a cluster the join limits are shared through PostgreSQL', () => {
  let cluster: TestPostgres;
  beforeAll(() => {
    cluster = startPostgres();
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('wrong codes sent to one relay count on the other: the second relay refuses once the first used the allowance', async () => {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE bodem_join');
    await admin.end();
    const url = cluster.urlFor('bodem_join');
    const relays: Running[] = [];
    for (let i = 0; i < 2; i++) {
      const store = await PostgresStore.open(url);
      relays.push(await server({ store, dataDir: tempDir(), limiterClock: () => 1_800_000_000_000 }));
    }
    const [one, two] = relays as [Running, Running];
    const m: CreatedMeeting = await createMeeting(one.http);
    for (let i = 0; i < 20; i++) expect((await viaRoute(one, m.id, otherCode([m.joinCode], 300 + i))).status).toBe(401);
    expect((await viaRoute(two, m.id, m.joinCode)).status).toBe(429);
    for (let i = 0; i < 100; i++) expect((await viaCode(two, otherCode([m.joinCode], 600 + i))).status).toBe(401);
    expect((await viaCode(one, m.joinCode)).status).toBe(429);
  }, 60_000);
});
