import { addNote, CloseCode, listBoards, notesOfBoard, peekClaims, setNoteText, type Presence } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodeOf, createMeeting, startServer, synced, waitFor, type Client, type CreatedMeeting, type Running, useRig } from './helpers.ts';

const { server, client, cleanups } = useRig();

interface JoinFields {
  name: string;
  side: 'formeel' | 'informeel';
  org?: string;
  previous?: string;
}

const joinReq = (s: Running, m: CreatedMeeting, f: JoinFields) =>
  s.app.inject({ method: 'POST', url: `/api/meetings/${m.id}/join`, payload: { code: m.joinCode, ...f } });

const join = async (s: Running, m: CreatedMeeting, f: JoinFields): Promise<string> => {
  const res = await joinReq(s, m, f);
  if (res.statusCode !== 200) throw new Error(`join failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: string }).token;
};

const claimsOf = (token: string) => peekClaims(token)!;

const remove = (s: Running, m: CreatedMeeting, sub: string, token: string | null, meetingId = m.id) =>
  s.app.inject({
    method: 'DELETE',
    url: `/api/meetings/${meetingId}/participants/${sub}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

const closedCode = (c: Client): Promise<number> => new Promise((resolve) => c.provider.on('closed', (e) => resolve(e.code)));

const write = (c: Client, text: string): void => {
  const boardId = listBoards(c.doc)[0]!.id;
  const id = addNote(c.doc, { boardId, x: 100, y: 100, side: 'informeel', authorId: 'b', createdAt: Date.now() });
  setNoteText(c.doc, id, text);
};

const texts = (doc: Y.Doc): string[] => notesOfBoard(doc, listBoards(doc)[0]!.id).map((n) => n.text);

const userOf = (observer: Client, of: Client): Presence['user'] | undefined =>
  (observer.provider.awareness.getStates().get(of.doc.clientID) as Presence | undefined)?.user;

describe('organisation', () => {
  it('is cleaned to one line of at most 80 characters, carried in the token and stamped into presence', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const anna = await join(s, m, { name: 'Anna', side: 'formeel', org: '  CJG\nNoord \u202E ' });
    expect(claimsOf(anna)).toMatchObject({ name: 'Anna', side: 'formeel', org: 'CJG Noord', role: 'participant' });
    const long = await join(s, m, { name: 'Lange', side: 'informeel', org: 'x'.repeat(300) });
    expect(claimsOf(long).org).toHaveLength(80);
    // Blank or absent: the token says nothing about an organisation.
    expect(claimsOf(await join(s, m, { name: 'Bilal', side: 'informeel', org: '   ' }))).not.toHaveProperty('org');
    const bilal = await join(s, m, { name: 'Bilal', side: 'informeel' });
    expect(claimsOf(bilal)).not.toHaveProperty('org');

    const a = client(s, m.id, anna);
    const b = client(s, m.id, bilal);
    await synced(a);
    await synced(b);
    // Whatever a client claims about itself, the relay stamps the token's identity.
    a.provider.awareness.setLocalState({ user: { id: 'x', name: 'Anna', side: 'formeel', role: 'participant', org: 'Verzonnen' } });
    b.provider.awareness.setLocalState({ user: { id: 'y', name: 'Bilal', side: 'informeel', role: 'participant', org: 'Moskee' } });
    const seen = await waitFor(() => (userOf(b, a)?.org === 'CJG Noord' ? userOf(b, a) : null), 5000, 'org in presence');
    expect(seen).toEqual({ id: claimsOf(anna).sub, name: 'Anna', side: 'formeel', role: 'participant', org: 'CJG Noord' });
    const bilalSeen = await waitFor(() => userOf(a, b), 5000, 'Bilal in presence');
    expect(bilalSeen).not.toHaveProperty('org');
  });

  it('is refused when absurdly long', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const res = await joinReq(s, m, { name: 'Anna', side: 'formeel', org: 'x'.repeat(401) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_request');
  });
});

describe('joining again', () => {
  it('keeps the participant id with the new name, side and organisation, on both join routes', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const first = await join(s, m, { name: 'Anna', side: 'formeel', org: 'CJG' });
    const again = await join(s, m, { name: 'Anna de Vries', side: 'informeel', org: 'Buurthuis', previous: first });
    expect(claimsOf(again)).toMatchObject({ sub: claimsOf(first).sub, name: 'Anna de Vries', side: 'informeel', org: 'Buurthuis' });
    // Dropping the organisation drops it from the token.
    const noOrg = await join(s, m, { name: 'Anna', side: 'formeel', previous: again });
    expect(claimsOf(noOrg).sub).toBe(claimsOf(first).sub);
    expect(claimsOf(noOrg)).not.toHaveProperty('org');
    // The code-only route, as a tablet uses it.
    const byCode = await s.app.inject({
      method: 'POST',
      url: '/api/join',
      payload: { code: m.joinCode, name: 'Anna', side: 'formeel', previous: first },
    });
    expect(byCode.statusCode).toBe(200);
    expect(claimsOf(byCode.json().token).sub).toBe(claimsOf(first).sub);
    // The renewed token opens the meeting.
    const a = client(s, m.id, again);
    await synced(a);
  });

  it('starts a new participant when the previous token is of another meeting, another role, forged or junk', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const other = await createMeeting(s.http);
    const elsewhere = await join(s, other, { name: 'Anna', side: 'formeel' });
    const mine = await join(s, m, { name: 'Anna', side: 'formeel' });
    const [body, sig] = mine.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...claimsOf(mine), sub: 'someone-else' })).toString('base64url')}.${sig}`;
    expect(body).toBeTruthy();
    for (const previous of [elsewhere, m.facilitatorToken, m.projectorToken, forged, 'junk', '']) {
      const t = await join(s, m, { name: 'Anna', side: 'formeel', previous });
      const sub = claimsOf(t).sub;
      expect(sub).not.toBe(claimsOf(elsewhere).sub);
      expect(sub).not.toBe(claimsOf(mine).sub);
      expect(sub).not.toBe('someone-else');
      expect(sub).not.toBe(claimsOf(m.facilitatorToken).sub);
    }
  });

  it('still needs the right code', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const first = await join(s, m, { name: 'Anna', side: 'formeel' });
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/meetings/${m.id}/join`,
      payload: { code: m.joinCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA', name: 'Anna', side: 'formeel', previous: first },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('removing a participant', () => {
  it('closes every socket of that person only, and refuses them from then on, also after a restart', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const anna = await join(s, m, { name: 'Anna', side: 'formeel', org: 'CJG' });
    const bilal = await join(s, m, { name: 'Bilal', side: 'informeel' });
    // Anna on two tablets (the same token), Bilal and the facilitator on one each.
    const a1 = client(s, m.id, anna);
    const a2 = client(s, m.id, anna);
    const b = client(s, m.id, bilal);
    const f = client(s, m.id, m.facilitatorToken);
    for (const c of [a1, a2, b, f]) await synced(c);
    for (const c of [a1, a2, b, f]) c.provider.awareness.setLocalStateField('cursor', null);
    await waitFor(() => userOf(f, a1) && userOf(f, a2) && userOf(f, b), 5000, 'everyone present');

    const closed1 = closedCode(a1);
    const closed2 = closedCode(a2);
    const res = await remove(s, m, claimsOf(anna).sub, m.facilitatorToken);
    expect(res.statusCode).toBe(204);
    expect(await closed1).toBe(CloseCode.removed);
    expect(await closed2).toBe(CloseCode.removed);
    // The stock client gives up instead of reconnecting.
    expect(a1.provider.shouldConnect).toBe(false);
    expect(a2.provider.shouldConnect).toBe(false);
    await waitFor(() => !userOf(f, a1) && !userOf(f, a2), 5000, 'Anna gone from presence');

    // Bilal keeps working with the facilitator.
    expect(b.provider.wsconnected).toBe(true);
    write(b, 'nog steeds verbonden');
    await waitFor(() => texts(f.doc).includes('nog steeds verbonden'), 5000, 'note reaches the facilitator');
    expect(userOf(f, b)).toMatchObject({ name: 'Bilal' });

    // Removing twice is fine.
    expect((await remove(s, m, claimsOf(anna).sub, m.facilitatorToken)).statusCode).toBe(204);

    // Anna's token no longer opens the meeting; joining with it is refused,
    // with the join code as it is now (removal gave the meeting a new one).
    expect(await closeCodeOf(`${s.ws}/yjs/${m.id}?token=${anna}`)).toBe(CloseCode.removed);
    const now = { ...m, joinCode: (await s.app.store.getMeeting(m.id))!.joinCode };
    expect(now.joinCode).not.toBe(m.joinCode);
    const rejoin = await joinReq(s, now, { name: 'Anna', side: 'formeel', previous: anna });
    expect(rejoin.statusCode).toBe(403);
    expect(rejoin.json()).toEqual({ error: 'removed', message: expect.stringContaining('gespreksleider') });

    // The record is on disk: a restarted server still refuses her and lets Bilal in.
    for (const c of [a1, a2, b, f]) c.destroy();
    await s.stop();
    const again = await startServer({ dataDir: s.dataDir });
    cleanups.push(() => again.stop());
    expect(await closeCodeOf(`${again.ws}/yjs/${m.id}?token=${anna}`)).toBe(CloseCode.removed);
    expect((await joinReq(again, now, { name: 'Anna', side: 'formeel', previous: anna })).statusCode).toBe(403);
    const b2 = client(again, m.id, bilal);
    await synced(b2);
    expect(texts(b2.doc)).toContain('nog steeds verbonden');
  });

  it('catches a socket that is still waiting for its meeting to load', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const anna = await join(s, m, { name: 'Anna', side: 'formeel' });
    // Straight into the relay, as the websocket route does after its checks.
    const closes: number[] = [];
    const handle = s.app.relay.connect(m.id, claimsOf(anna), { send: () => {}, close: (code) => closes.push(code) });
    s.app.relay.removeParticipant(m.id, claimsOf(anna).sub, CloseCode.removed, 'removed');
    expect(closes).toEqual([CloseCode.removed]);
    handle.closed();
    // And a connection that gets past the store check just after the removal.
    s.app.relay.connect(m.id, claimsOf(anna), { send: () => {}, close: (code) => closes.push(code) });
    expect(closes).toEqual([CloseCode.removed, CloseCode.removed]);
  });

  it('is for the facilitator only: 401 without a fitting token, 403 for others, 404 for an unknown meeting', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const other = await createMeeting(s.http);
    const anna = await join(s, m, { name: 'Anna', side: 'formeel' });
    const bilal = await join(s, m, { name: 'Bilal', side: 'informeel' });
    const sub = claimsOf(bilal).sub;

    const asParticipant = await remove(s, m, sub, anna);
    expect(asParticipant.statusCode).toBe(403);
    expect(asParticipant.json()).toEqual({ error: 'forbidden', message: 'Alleen de gespreksleider mag dit doen.' });
    expect((await remove(s, m, sub, m.projectorToken)).statusCode).toBe(403);
    expect((await remove(s, m, sub, null)).statusCode).toBe(401);
    expect((await remove(s, m, sub, 'nonsense')).statusCode).toBe(401);
    // Another meeting's facilitator.
    expect((await remove(s, m, sub, other.facilitatorToken)).statusCode).toBe(401);
    const unknown = await remove(s, m, sub, m.facilitatorToken, 'doesnotexist');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('not_found');
    // Not the facilitator's own id.
    expect((await remove(s, m, claimsOf(m.facilitatorToken).sub, m.facilitatorToken)).statusCode).toBe(400);

    // None of that removed Bilal.
    const b = client(s, m.id, bilal);
    await synced(b);
    expect(await s.app.store.isRemoved(m.id, sub)).toBe(false);
  });

  it('is forgotten with the meeting', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const anna = await join(s, m, { name: 'Anna', side: 'formeel' });
    expect((await remove(s, m, claimsOf(anna).sub, m.facilitatorToken)).statusCode).toBe(204);
    const del = await s.app.inject({ method: 'DELETE', url: `/api/meetings/${m.id}`, headers: { authorization: `Bearer ${m.facilitatorToken}` } });
    expect(del.statusCode).toBe(204);
    expect(await s.app.store.isRemoved(m.id, claimsOf(anna).sub)).toBe(false);
  });
});
