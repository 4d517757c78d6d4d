import { CloseCode, peekClaims } from '@bodem/shared';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { closeCodeOf, createMeeting, joinMeeting, synced, useRig, waitFor } from './helpers.ts';
import { KEY_HEADER } from './infra/key.ts';

const { server, client, cleanups } = useRig();

/** A raw HTTP/1.1 request with any Host header (fetch will not send a crafted one). */
const rawRequest = (port: number, text: string): Promise<string> =>
  new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', () => ok(out));
    socket.on('error', fail);
  });

const statusOf = (answer: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('hardening', () => {
  it('refuses a crafted Host (DNS rebinding) on every route, websockets included, with 421; the listed hosts pass', async () => {
    const s = await server();
    const port = Number(new URL(s.http).port);
    const m = await createMeeting(s.http);
    const ask = (host: string, line = 'GET /healthz') => rawRequest(port, `${line} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(await ask(`127.0.0.1:${port}`))).toBe(200);
    expect(statusOf(await ask(`localhost:${port}`))).toBe(200);
    for (const evil of ['kwaadaardig.example', `kwaadaardig.example:${port}`, '127.0.0.1.kwaadaardig.example', '[::1', 'localhost.', `${'a'.repeat(300)}.example`]) {
      expect(statusOf(await ask(evil)), evil).toBe(421);
    }
    // A write from a rebinding page: Origin and Host agree, both foreign.
    const body = JSON.stringify({ title: 'x' });
    const post = await rawRequest(
      port,
      `POST /api/meetings HTTP/1.1\r\nHost: kwaadaardig.example\r\nOrigin: http://kwaadaardig.example\r\nAuthorization: ${KEY_HEADER.authorization}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(statusOf(post)).toBe(421);
    expect(await s.app.store.countMeetings()).toBe(1);
    // The websocket upgrade with a foreign Host is refused before the relay sees it.
    const ws = new WebSocket(`${s.ws}/yjs/${m.id}?token=${m.facilitatorToken}`, { headers: { host: 'kwaadaardig.example' } });
    const refused = await new Promise<number>((ok) => {
      ws.on('unexpected-response', (req, res) => {
        ok(res.statusCode ?? 0);
        req.destroy();
      });
      ws.on('open', () => ok(101));
      ws.on('error', () => {});
    });
    expect(refused).toBe(421);
    expect(s.app.relay.connectionCount(m.id)).toBe(0);

    const listed = await server({ allowedHosts: ['bodem.example.nl'] });
    const listedPort = Number(new URL(listed.http).port);
    const askListed = (host: string) => rawRequest(listedPort, `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(await askListed('bodem.example.nl'))).toBe(200);
    expect(statusOf(await askListed('BODEM.example.nl:8443'))).toBe(200);
    expect(statusOf(await askListed('bodem.example.org'))).toBe(421);
    expect(statusOf(await askListed(`192.0.2.1:${listedPort}`))).toBe(421);
    // Loopback always passes (no rebinding page can send it; the operator's toolbox uses it).
    expect(statusOf(await askListed(`127.0.0.1:${listedPort}`))).toBe(200);
  });

  it('ends a connection whose request does not arrive in time (slow headers, nothing at all)', async () => {
    const s = await server({ timeouts: { headersMs: 500, requestMs: 1000 } });
    const port = Number(new URL(s.http).port);
    const hangs = async (send: string): Promise<number> => {
      const t0 = Date.now();
      await new Promise<void>((ok, fail) => {
        const socket = connect(port, '127.0.0.1', () => send && socket.write(send));
        socket.on('data', () => {});
        socket.on('close', () => ok());
        socket.on('error', fail);
        cleanups.push(() => void socket.destroy());
      });
      return Date.now() - t0;
    };
    // Slowloris: headers that never end.
    expect(await hangs('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n')).toBeLessThan(5000);
    // A body that never comes.
    expect(await hangs('POST /api/join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{')).toBeLessThan(5000);
    // An honest request still works.
    expect((await fetch(`${s.http}/healthz`)).status).toBe(200);
  });

  it('keeps join codes (the QR link’s code= and m=) and tokens out of the log lines', async () => {
    const logs: string[] = [];
    const s = await server({ logger: { level: 'info', stream: { write: (line: string) => logs.push(line) } } });
    const m = await createMeeting(s.http);
    await fetch(`${s.http}/join?code=${m.joinCode}&m=${m.id}`);
    await fetch(`${s.http}/join?m=${m.id}&code=${m.joinCode.toLowerCase()}`);
    expect(logs.some((l) => l.includes('/join?code=[redacted]&m=[redacted]'))).toBe(true);
    for (const secret of [m.joinCode, m.joinCode.toLowerCase(), m.facilitatorToken]) expect(logs.filter((l) => l.includes(secret))).toEqual([]);
  });

  it('tokens live days, not months; the facilitator ends the beamer’s access at once, and gets a fresh beamer link', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const days = (token: string) => (peekClaims(token)!.exp * 1000 - Date.now()) / 86_400_000;
    expect(days(m.projectorToken)).toBeLessThanOrEqual(3);
    expect(days(m.facilitatorToken)).toBeLessThanOrEqual(30);
    const anna = await joinMeeting(s.http, m, 'Anna', 'formeel');
    expect(days(anna)).toBeLessThanOrEqual(3);
    const beamer = client(s, m.id, m.projectorToken);
    await synced(beamer);
    const renew = (token: string, body: unknown) =>
      fetch(`${s.http}/api/meetings/${m.id}/projector`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    // Only the facilitator; a participant, the beamer itself and junk are refused.
    expect((await renew(anna, { previous: m.projectorToken, end: true })).status).toBe(403);
    expect((await renew(m.projectorToken, { previous: m.projectorToken, end: true })).status).toBe(403);
    expect((await renew(m.facilitatorToken, { previous: anna, end: true })).status).toBe(400);
    expect((await renew(m.facilitatorToken, { previous: 'junk', end: true })).status).toBe(400);
    expect((await renew(m.facilitatorToken, { end: 'ja' })).status).toBe(400);
    expect(beamer.provider.wsconnected).toBe(true);
    // Renewing alone leaves the old beamer on.
    const fresh = (await (await renew(m.facilitatorToken, {})).json()) as { projectorToken: string };
    expect(fresh.projectorToken).not.toBe(m.projectorToken);
    expect(beamer.provider.wsconnected).toBe(true);
    // Ending it: its socket closes with 4408 and its token never connects again; the new link works.
    const ended = await renew(m.facilitatorToken, { previous: m.projectorToken, end: true });
    expect(ended.status).toBe(200);
    const next = ((await ended.json()) as { projectorToken: string }).projectorToken;
    await waitFor(() => !beamer.provider.wsconnected && !beamer.provider.shouldConnect, 5000, 'beamer cut off');
    expect(await closeCodeOf(`${s.ws}/yjs/${m.id}?token=${m.projectorToken}`)).toBe(CloseCode.removed);
    const again = client(s, m.id, next);
    await synced(again);
    // The facilitator and Anna carry on.
    await synced(client(s, m.id, anna));
  });

  it('the operator routes (pnpm bodem) refuse without the operator key, with a wrong one, and with the facilitator key or a token', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const ask = (method: string, path: string, token?: string) =>
      fetch(`${s.http}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
    for (const [method, path] of [
      ['GET', '/api/operator/meetings'],
      ['DELETE', `/api/operator/meetings/${m.id}`],
      ['POST', '/api/operator/purge'],
    ] as const) {
      expect((await ask(method, path)).status).toBe(401);
      for (const wrong of ['nope', KEY_HEADER.authorization.slice(7), m.facilitatorToken]) expect((await ask(method, path, wrong)).status).toBe(403);
    }
    expect(await s.app.store.getMeeting(m.id)).not.toBeNull();
  });
});
