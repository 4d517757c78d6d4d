import { existsSync, readFileSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { FACILITATOR_KEY_FILE } from '../src/auth/facilitatorKey.ts';
import { readSettings, SETTINGS, SettingsError } from '../src/settings.ts';
import { closeCodeOf, createMeeting, freePort, joinMeeting, removeDir, spawnServer, tempDir, useRig, waitFor } from './helpers.ts';
import { KEY_HEADER, TEST_FACILITATOR_KEY } from './infra/key.ts';

const { server, client, cleanups } = useRig();

const create = (http: string, headers: Record<string, string> = {}, title = 'Wijk Noord') =>
  fetch(`${http}/api/meetings`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ title }) });

describe('creating a meeting needs the host’s facilitator key', () => {
  it('a stranger’s flood of 300 creations without the key gets 401 each, with a wrong key 403, and stores nothing', async () => {
    const s = await server();
    const results = await Promise.all(Array.from({ length: 300 }, () => create(s.http)));
    expect(results.every((r) => r.status === 401)).toBe(true);
    const body = (await results[0]!.json()) as { error: string; message: string };
    expect(body.error).toBe('facilitator_key_required');
    expect(body.message).toMatch(/sleutel voor gespreksleiders/);
    for (const wrong of ['Bearer nope', `Bearer ${TEST_FACILITATOR_KEY}x`, `Bearer ${TEST_FACILITATOR_KEY.slice(0, -1)}`, 'Basic abc', `bearer ${TEST_FACILITATOR_KEY}`]) {
      const r = await create(s.http, { authorization: wrong });
      expect([401, 403]).toContain(r.status);
    }
    expect((await create(s.http, { authorization: 'Bearer wrong-key-of-enough-length' })).status).toBe(403);
    // Malformed: an oversized header value, a key in the body instead of the header.
    expect([401, 403, 431]).toContain((await create(s.http, { authorization: `Bearer ${'x'.repeat(8000)}` })).status);
    const inBody = await fetch(`${s.http}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', key: TEST_FACILITATOR_KEY }),
    });
    expect(inBody.status).toBe(401);
    expect(await s.app.store.countMeetings()).toBe(0);
    // The host's key opens the door.
    expect((await create(s.http, KEY_HEADER)).status).toBe(201);
    expect(await s.app.store.countMeetings()).toBe(1);
  });

  it('limits creation per minute server-wide; strangers without the key do not spend the allowance', async () => {
    const s = await server({ createPerMinute: 5 });
    for (let i = 0; i < 50; i++) expect((await create(s.http)).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await create(s.http, KEY_HEADER)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const r = await create(s.http, KEY_HEADER);
    expect(r.headers.get('retry-after')).toBe('60');
    expect(((await r.json()) as { error: string }).error).toBe('too_many_meetings');
    expect(await s.app.store.countMeetings()).toBe(5);
  });

  it('quotas: meetings stored and bytes on disk refuse one more meeting with 507 and a clear message', async () => {
    const s = await server({ quotas: { maxMeetings: 2 } });
    expect((await create(s.http, KEY_HEADER)).status).toBe(201);
    expect((await create(s.http, KEY_HEADER)).status).toBe(201);
    const third = await create(s.http, KEY_HEADER);
    expect(third.status).toBe(507);
    expect(((await third.json()) as { error: string; message: string }).message).toMatch(/grootste aantal bijeenkomsten/);

    const full = await server({ quotas: { maxDiskBytes: 1024 } });
    const r = await create(full.http, KEY_HEADER);
    expect(r.status).toBe(507);
    expect(((await r.json()) as { error: string }).error).toBe('quota_disk');
    expect(await full.app.store.countMeetings()).toBe(0);
  });

  it('quota of live connections: one socket more than the relay allows closes 4429, and one leaving makes room', async () => {
    const s = await server({ quotas: { maxConnections: 2 } });
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const open: WebSocket[] = [];
    for (let i = 0; i < 2; i++) {
      const ws = new WebSocket(`${s.ws}/yjs/${m.id}?token=${token}`);
      await new Promise((r) => ws.once('open', r));
      open.push(ws);
      cleanups.push(() => ws.terminate());
    }
    await waitFor(() => s.app.relay.connectionCount(m.id) === 2);
    expect(await closeCodeOf(`${s.ws}/yjs/${m.id}?token=${m.facilitatorToken}`)).toBe(4429);
    open[0]!.close();
    await waitFor(() => s.app.relay.connectionCount(m.id) === 1);
    const c = client(s, m.id, m.facilitatorToken);
    await waitFor(() => c.provider.synced);
  });

  it('without BODEM_FACILITATOR_KEY the key is made on first start, kept 0600 in a 0700 folder, and the same after a restart', async () => {
    const dataDir = tempDir();
    cleanups.push(() => removeDir(dataDir));
    const s = await server({ dataDir, facilitatorKey: undefined });
    const file = join(dataDir, FACILITATOR_KEY_FILE);
    expect(s.app.facilitatorKey).toEqual({ file, created: true });
    const key = readFileSync(file, 'utf8').trim();
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const f of ['bodem.db', 'secret']) expect(statSync(join(dataDir, f)).mode & 0o777).toBe(0o600);
    expect((await create(s.http, { authorization: `Bearer ${key}` })).status).toBe(201);
    expect((await create(s.http, KEY_HEADER)).status).toBe(403);
    await s.stop();
    const again = await server({ dataDir, facilitatorKey: undefined });
    expect(again.app.facilitatorKey.created).toBe(false);
    expect((await create(again.http, { authorization: `Bearer ${key}` })).status).toBe(201);
  });

  it('the server prints a made key once, clearly, and on later starts only where it is', async () => {
    const dataDir = tempDir();
    cleanups.push(() => removeDir(dataDir));
    const run = async (): Promise<string> => {
      let out = '';
      const port = await freePort();
      const child = await spawnServer(dataDir, port, { BODEM_FACILITATOR_KEY: '' }, (d) => (out += d));
      await waitFor(() => out.includes('facilitator key'), 60_000, 'the key line');
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      return out;
    };
    const first = await run();
    const file = join(dataDir, FACILITATOR_KEY_FILE);
    expect(existsSync(file)).toBe(true);
    const key = readFileSync(file, 'utf8').trim();
    expect(first).toContain(key);
    expect(first).toContain(file);
    const second = await run();
    expect(second).not.toContain(key);
    expect(second).toContain(`facilitator key: ${file}`);
  }, 150_000);
});

describe('settings', () => {
  it('reads every documented default, and names every wrong value at once', () => {
    const s = readSettings({});
    expect(s).toMatchObject({ port: 8080, host: '0.0.0.0', maxMeetings: 2000, createPerMinute: 30, joinIdleHours: 12 });
    let err: unknown;
    try {
      readSettings({ BODEM_MAX_MEETINGS: 'veel', BODEM_MAX_DISK_MB: '-1', BODEM_FACILITATOR_KEY: 'kort', BODEM_TLS_CERT: '/x.pem', PORT: '70000' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SettingsError);
    const problems = (err as SettingsError).problems.join('\n');
    for (const name of ['BODEM_MAX_MEETINGS', 'BODEM_MAX_DISK_MB', 'BODEM_FACILITATOR_KEY', 'BODEM_TLS_KEY', 'PORT']) expect(problems).toContain(name);
  });

  it('a wrong setting stops the start with its name on the console', async () => {
    const dataDir = tempDir();
    cleanups.push(() => removeDir(dataDir));
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../src/main.ts')], {
      env: { ...process.env, PORT: '0', BODEM_DATA_DIR: dataDir, BODEM_MAX_CONNECTIONS: 'lots', BODEM_LOG: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(1);
    expect(err).toContain('BODEM_MAX_CONNECTIONS must be a whole number');
  }, 60_000);
});

describe('README', () => {
  it('lists every setting with its default in one table', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    for (const s of SETTINGS) {
      expect(readme).toContain(`| \`${s.name}\` | ${s.default ? `\`${s.default}\`` : '(unset)'} |`);
    }
  });

  it('Quick start is exactly two shell blocks, and the first says where the facilitator key is', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 5));
    const blocks = [...quick.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(/facilitator key/);
    expect(blocks[0]).toContain('data/facilitator-key');
  });
});
