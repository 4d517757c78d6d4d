import { addNote, CloseCode, listBoards, notesOfBoard } from '@bodem/shared';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCodeOf, connectClient, createMeeting, freePort, joinMeeting, removeDir, saveCheck, spawnServer, synced, tempDir, waitFor, type Client, type CreatedMeeting } from './helpers.ts';
import { TEST_FACILITATOR_KEY } from './infra/key.ts';

const CLI = resolve(import.meta.dirname, '../src/cli.ts');

/** `pnpm bodem <args>` as the operator runs it, with the server's settings. */
const bodem = (env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string; err: string }> =>
  new Promise((ok) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, BODEM_LOG: 'silent', BODEM_FACILITATOR_KEY: TEST_FACILITATOR_KEY, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => ok({ code: code ?? 1, out, err }));
  });

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
const stopProcess = async (p: ChildProcess): Promise<void> => {
  if (p.exitCode !== null) return;
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  await exited;
};

describe('the operator’s toolbox (pnpm bodem)', () => {
  it('backs up while tablets write, deletes a meeting as the facilitator would, restores into a fresh folder, and the server finds all but the deleted one', async () => {
    const a = tempDir('bodem-tool-a-');
    const backupDir = join(tempDir('bodem-tool-b-'), 'backup');
    const c = tempDir('bodem-tool-c-');
    cleanups.push(() => [a, c, resolve(backupDir, '..')].forEach(removeDir));
    const port = await freePort();
    const proc = await spawnServer(a, port);
    cleanups.push(() => stopProcess(proc));
    const http = `http://127.0.0.1:${port}`;
    const ws = `ws://127.0.0.1:${port}`;
    const env = { BODEM_DATA_DIR: a, PORT: String(port) };

    const meetings: CreatedMeeting[] = [];
    const tablets: Client[] = [];
    for (const title of ['Noord', 'Oost', 'Zuid']) {
      const m = await createMeeting(http, title);
      meetings.push(m);
      const t = connectClient(ws, m.id, await joinMeeting(http, m, `Tablet ${title}`, 'formeel'));
      cleanups.push(() => t.destroy());
      await synced(t);
      tablets.push(t);
    }
    // The tablets keep writing while the backup is made.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        for (const t of tablets) {
          if (!t.provider.wsconnected) continue;
          const board = listBoards(t.doc)[0]!.id;
          addNote(t.doc, { boardId: board, x: written % 900, y: 40, side: 'formeel', authorId: 'x', createdAt: Date.now(), text: `notitie ${written}` });
        }
        written++;
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    await waitFor(() => written > 20, 10_000, 'writing');
    const made = await bodem(env, 'backup', backupDir);
    expect(made.code, made.err).toBe(0);
    expect(written).toBeGreaterThan(20);
    await waitFor(() => written > 60, 10_000, 'writing after the backup');
    writing = false;
    await writer;
    for (const m of meetings) await saveCheck({ ws } as never, m.id, m.facilitatorToken);
    // The backup: database, secret, manifest; readable by the operator only.
    for (const f of ['bodem.db', 'secret', 'manifest.json']) expect(statSync(join(backupDir, f)).mode & 0o777, f).toBe(0o600);
    expect(statSync(backupDir).mode & 0o777).toBe(0o700);
    const copy = new Database(join(backupDir, 'bodem.db'), { readonly: true });
    expect((copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    copy.close();

    // list: ids, times, sizes, connections; no titles.
    const listed = await bodem(env, 'list');
    expect(listed.code, listed.err).toBe(0);
    for (const m of meetings) expect(listed.out).toMatch(new RegExp(`${m.id}.*\\s1\\n`));
    for (const title of ['Noord', 'Oost', 'Zuid']) expect(listed.out).not.toContain(title);

    // delete: the meeting's tablet is told (4410) at once, as by the facilitator's button.
    const [keep1, gone, keep2] = meetings as [CreatedMeeting, CreatedMeeting, CreatedMeeting];
    const closed = new Promise<number>((ok) => tablets[1]!.provider.on('connection-close', (e: { code: number } | null) => e && ok(e.code)));
    const del = await bodem(env, 'delete', gone.id);
    expect(del.code, del.err).toBe(0);
    expect(await closed).toBe(CloseCode.meetingDeleted);
    expect((await bodem(env, 'delete', gone.id)).code).toBe(1);
    expect((await bodem(env, 'delete', '../etc')).code).toBe(1);
    await stopProcess(proc);

    // restore into a fresh folder; what was deleted after the backup stays deleted.
    expect((await bodem({ BODEM_DATA_DIR: a, PORT: String(port) }, 'restore', backupDir)).code).toBe(1);
    const restored = await bodem({ BODEM_DATA_DIR: c, PORT: String(port) }, 'restore', backupDir, '--forget-deleted-in', a);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain('1 deleted since the backup deleted again');
    expect(statSync(join(c, 'bodem.db')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(c, 'secret'))).toBe(true);
    const offline = await bodem({ BODEM_DATA_DIR: c, PORT: String(port) }, 'list');
    expect(offline.out).toContain('2 meeting(s)');

    const port2 = await freePort();
    const proc2 = await spawnServer(c, port2);
    cleanups.push(() => stopProcess(proc2));
    const ws2 = `ws://127.0.0.1:${port2}`;
    // The old tokens still work (the secret came along), and the meetings hold what was written before the backup.
    for (const m of [keep1, keep2]) {
      const f = connectClient(ws2, m.id, m.facilitatorToken);
      cleanups.push(() => f.destroy());
      await synced(f);
      const notes = notesOfBoard(f.doc, listBoards(f.doc)[0]!.id);
      expect(notes.length).toBeGreaterThan(0);
    }
    expect(await closeCodeOf(`${ws2}/yjs/${gone.id}?token=${gone.facilitatorToken}`)).toBe(CloseCode.meetingDeleted);
  }, 300_000);

  it('settings: prints every setting, secrets hidden, and names a wrong one', async () => {
    const ok = await bodem({ BODEM_FACILITATOR_KEY: 'geheim-geheim-geheim', BODEM_MAX_MEETINGS: '50' }, 'settings');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/BODEM_MAX_MEETINGS\s+50\n/);
    expect(ok.out).toMatch(/BODEM_FACILITATOR_KEY\s+\(set\)/);
    expect(ok.out).not.toContain('geheim');
    const bad = await bodem({ BODEM_MAX_MEETINGS: 'veel' }, 'settings');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('BODEM_MAX_MEETINGS');
  });
});
