import { draaiboekOf, goToStep, peekClaims } from '@bodem/shared';
import { DRAAIBOEK } from '@bodem/templates';
import { describe, expect, it } from 'vitest';
import { createMeeting, joinMeeting, synced, useRig, waitFor } from './helpers.ts';
import { KEY_HEADER, TEST_FACILITATOR_KEY } from './infra/key.ts';

const { server, client } = useRig();

const facilitate = (http: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${http}/api/facilitate`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the facilitator on another laptop: the host’s key and the meeting’s code', () => {
  it('give a facilitator token that writes to the meeting; without the key, with a wrong key, a participant’s token or a wrong code nothing is given', async () => {
    const s = await server();
    const m = await createMeeting(s.http, 'Samen sterker, deel 2');
    const anna = await joinMeeting(s.http, m, 'Anna', 'formeel');

    // Refused, and the answers say nothing about which codes exist unless the key is right.
    const refused: [unknown, Record<string, string>, number][] = [
      [{ code: m.joinCode }, {}, 401],
      [{ code: m.joinCode }, { authorization: 'Bearer wrong-key-of-enough-length' }, 403],
      [{ code: m.joinCode }, { authorization: `Bearer ${TEST_FACILITATOR_KEY}x` }, 403],
      // A participant's token is not the host's key.
      [{ code: m.joinCode }, { authorization: `Bearer ${anna}` }, 403],
      [{ code: m.joinCode }, { authorization: `Bearer ${m.facilitatorToken}` }, 403],
      // Malformed: no code, an oversized code, a number, an oversized key.
      [{}, KEY_HEADER, 400],
      [{ code: 'X'.repeat(100) }, KEY_HEADER, 400],
      // (Fastify coerces a number to its digits: no meeting has them.)
      [{ code: 12345 }, KEY_HEADER, 404],
      [{ code: m.joinCode }, { authorization: `Bearer ${'k'.repeat(8000)}` }, 403],
      // The right key and a code that is no meeting's.
      [{ code: m.joinCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA' }, KEY_HEADER, 404],
    ];
    for (const [body, headers, status] of refused) {
      const r = await facilitate(s.http, body, headers);
      expect([status, 431], JSON.stringify(body)).toContain(r.status);
      const text = await r.text();
      expect(text).not.toContain('facilitatorToken');
      expect(text).not.toContain(m.id);
    }
    // The key in the body is not the key (the server drops fields it does not know).
    expect((await facilitate(s.http, { code: m.joinCode, key: TEST_FACILITATOR_KEY })).status).toBe(401);

    // The host's key and the code, typed as people type it (lower case, a dash): the facilitator's tokens.
    const code = `${m.joinCode.slice(0, 3).toLowerCase()}-${m.joinCode.slice(3)}`;
    const r = await facilitate(s.http, { code }, KEY_HEADER);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const got = (await r.json()) as { id: string; title: string; joinCode: string; facilitatorToken: string; projectorToken: string };
    expect(got).toMatchObject({ id: m.id, title: 'Samen sterker, deel 2', joinCode: m.joinCode });
    expect(peekClaims(got.facilitatorToken)).toMatchObject({ m: m.id, role: 'facilitator' });
    expect(peekClaims(got.projectorToken)).toMatchObject({ m: m.id, role: 'projector' });

    // The new laptop's token is a facilitator's to the relay: its control write reaches a participant.
    const laptop = client(s, m.id, got.facilitatorToken);
    const tablet = client(s, m.id, anna);
    await Promise.all([synced(laptop), synced(tablet)]);
    expect(goToStep(laptop.doc, DRAAIBOEK, 'B.2', Date.now())).toBe(true);
    await waitFor(() => draaiboekOf(tablet.doc).current === 'B.2', 10_000, 'the step reaches the tablet');
  });

  it('works on a meeting whose door is closed (resuming another day)', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const closed = await fetch(`${s.http}/api/meetings/${m.id}/door`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${m.facilitatorToken}` },
      body: JSON.stringify({ open: false }),
    });
    expect(closed.status).toBe(200);
    const r = await facilitate(s.http, { code: m.joinCode }, KEY_HEADER);
    expect(r.status).toBe(200);
    expect(((await r.json()) as { id: string }).id).toBe(m.id);
  });
});
