import { listBoards } from '@bodem/shared';
import { programmeById } from '@bodem/templates';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildApp } from '../src/app.ts';
import { removeDir, tempDir } from './helpers.ts';
import { KEY_HEADER } from './infra/key.ts';

const dirs: string[] = [];
const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
  for (const d of dirs.splice(0)) removeDir(d);
});

const app = async () => {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const a = await buildApp({ dataDir, staticDir: null, facilitatorKey: KEY_HEADER.authorization.slice(7) });
  apps.push(a);
  return a;
};

/** The boards as stored in SQLite, read back the way a relay loads them. */
const storedBoards = async (a: Awaited<ReturnType<typeof app>>, id: string) => {
  const { updates } = await a.store.loadDocument(id);
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return listBoards(doc).map((b) => ({ template: b.template, title: b.title }));
};

describe('creating a meeting from a programme', () => {
  it('starts the full meeting by default: parts A–G in order, both Kracht boards', async () => {
    const a = await app();
    const res = await a.inject({ method: 'POST', url: '/api/meetings', headers: KEY_HEADER, payload: { title: 'Wijk Noord' } });
    expect(res.statusCode).toBe(201);
    const boards = await storedBoards(a, res.json<{ id: string }>().id);
    expect(boards.map((b) => b.template)).toEqual(programmeById('volledig')!.templates);
    expect(boards.map((b) => b.title)).toContain('De kracht van informeel');
    expect(boards.map((b) => b.title)).toContain('De kracht van formeel');
  });

  it('starts a first acquaintance with part 1 only', async () => {
    const a = await app();
    const res = await a.inject({ method: 'POST', url: '/api/meetings', headers: KEY_HEADER, payload: { title: 'Kennismaking', programme: 'kennismaking' } });
    expect(res.statusCode).toBe(201);
    expect((await storedBoards(a, res.json<{ id: string }>().id)).map((b) => b.template)).toEqual(programmeById('kennismaking')!.templates);
  });

  it("takes the facilitator's own selection, numbering a board chosen twice", async () => {
    const a = await app();
    const res = await a.inject({ method: 'POST', url: '/api/meetings', headers: KEY_HEADER, payload: { title: 'Eigen', templates: ['beeld', 'beeld', 'boom'] } });
    expect(res.statusCode).toBe(201);
    expect(await storedBoards(a, res.json<{ id: string }>().id)).toEqual([
      { template: 'beeld', title: 'Een nieuw beeld van elkaar' },
      { template: 'beeld', title: 'Een nieuw beeld van elkaar (2)' },
      { template: 'boom', title: 'Boom van samenwerking' },
    ]);
  });

  it('refuses an unknown programme, an unknown board or an empty selection with a Dutch message', async () => {
    const a = await app();
    for (const payload of [
      { title: 'X', programme: 'bestaat-niet' },
      { title: 'X', templates: ['boom', 'bestaat-niet'] },
      { title: 'X', templates: [] },
    ]) {
      const res = await a.inject({ method: 'POST', url: '/api/meetings', headers: KEY_HEADER, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: 'unknown_programme', message: expect.stringMatching(/programma/) });
    }
    const tooMany = await a.inject({ method: 'POST', url: '/api/meetings', headers: KEY_HEADER, payload: { title: 'X', templates: Array(41).fill('boom') } });
    expect(tooMany.statusCode).toBe(400);
  });
});
