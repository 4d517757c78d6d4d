// shared/'s import rule keeps the document model framework-free; the test
// runner is the one import its tests need beyond yjs and lib0.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  applyRemote,
  initMeeting,
  MAX_TITLE_LENGTH,
  migrate,
  type Migration,
  MIGRATIONS,
  origins,
  readMeta,
  readMeeting,
  roots,
  SCHEMA_VERSION,
  schemaVersionOf,
} from '../src/index.ts';

const meeting = (): Y.Doc => {
  const doc = new Y.Doc();
  initMeeting(doc, {
    title: 'Wijkoverleg\nnoord',
    createdAt: 1700000000000,
    boards: [
      { id: 'b1', template: 'vrij', title: 'Verkenning' },
      { id: 'b2', template: 'vrij', title: 'Afspraken' },
    ],
  });
  return doc;
};

const setVersion = (doc: Y.Doc, v: number) => roots(doc).meta.set('schemaVersion', v);

/** A meeting as version-1 code stored it, for the test migrations 2..4 below. */
const legacy = (): Y.Doc => {
  const doc = meeting();
  setVersion(doc, 1);
  return doc;
};

/**
 * Test migrations in the shape real ones take: deterministic and idempotent
 * (check before write), each recording that it ran.
 */
const log: string[] = [];
const m2: Migration = {
  version: 2,
  name: 'notes-get-votes',
  up(doc) {
    log.push('2');
    roots(doc).items.forEach((item) => {
      if (!item.has('votes')) item.set('votes', new Y.Map());
    });
  },
};
const m3: Migration = {
  version: 3,
  name: 'boards-get-zones',
  up(doc) {
    log.push('3');
    roots(doc).boards.forEach((board) => {
      if (!board.has('zones')) board.set('zones', 'links-rechts');
    });
  },
};
const m4: Migration = {
  version: 4,
  name: 'meta-gets-subtitle',
  up(doc) {
    log.push('4');
    const meta = roots(doc).meta;
    if (!meta.has('subtitle')) meta.set('subtitle', '');
  },
};
// Deliberately out of order: migrate must sort by version.
const LIST: readonly Migration[] = [m4, m2, m3];

const updatesOf = (doc: Y.Doc) => {
  const seen: unknown[] = [];
  doc.on('update', (_: Uint8Array, origin: unknown) => seen.push(origin));
  return seen;
};

describe('initMeeting', () => {
  it('writes the schema version this code writes, the title and the boards in order', () => {
    const doc = meeting();
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
    expect(roots(doc).meta.get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(readMeta(roots(doc).meta)).toEqual({
      schemaVersion: SCHEMA_VERSION,
      title: 'Wijkoverleg noord',
      createdAt: 1700000000000,
    });
    expect(readMeeting(doc).boards.map((b) => [b.id, b.order])).toEqual([
      ['b1', 0],
      ['b2', 1],
    ]);
  });

  it('cuts a long title without splitting an emoji, so every peer stores the same title', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: `${'a'.repeat(MAX_TITLE_LENGTH - 1)}😀`, createdAt: 1, boards: [] });
    expect(roots(doc).meta.get('title')).toBe('a'.repeat(MAX_TITLE_LENGTH - 1));
  });

  it('leaves a new meeting current: the shipped migrations have nothing to do', () => {
    const doc = meeting();
    const updates = updatesOf(doc);
    expect(migrate(doc)).toEqual({ status: 'current', version: SCHEMA_VERSION });
    expect(updates).toEqual([]);
  });

  it('shipped migrations are numbered 2..SCHEMA_VERSION, once each, named', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(
      Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 2),
    );
    for (const m of MIGRATIONS) expect(m.name).toMatch(/\S/);
  });
});

describe('migrate', () => {
  it('runs only the migrations above the document version, in order, and sets meta.schemaVersion', () => {
    const doc = legacy();
    log.length = 0;
    expect(migrate(doc, LIST, 4)).toEqual({ status: 'migrated', from: 1, version: 4 });
    expect(log).toEqual(['2', '3', '4']);
    expect(schemaVersionOf(doc)).toBe(4);
    expect(roots(doc).boards.get('b1')!.get('zones')).toBe('links-rechts');

    const later = legacy();
    setVersion(later, 3);
    log.length = 0;
    expect(migrate(later, LIST, 4)).toEqual({ status: 'migrated', from: 3, version: 4 });
    expect(log).toEqual(['4']);
    expect(roots(later).boards.get('b1')!.has('zones')).toBe(false);
  });

  it('stops at the target: migrations for a version this code does not write do not run', () => {
    const doc = legacy();
    log.length = 0;
    expect(migrate(doc, LIST, 3)).toEqual({ status: 'migrated', from: 1, version: 3 });
    expect(log).toEqual(['2', '3']);
    expect(schemaVersionOf(doc)).toBe(3);
  });

  it('is idempotent: a second run does nothing and writes nothing', () => {
    const doc = legacy();
    addNote(doc, { boardId: 'b1', x: 0, y: 0, side: null, authorId: 'a', createdAt: 1 });
    migrate(doc, LIST, 4);
    const after = Y.encodeStateAsUpdate(doc);
    const updates = updatesOf(doc);
    log.length = 0;
    expect(migrate(doc, LIST, 4)).toEqual({ status: 'current', version: 4 });
    expect(log).toEqual([]);
    expect(updates).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(after);
  });

  it('writes in one transaction with the migration origin, so peers see all or nothing and undo ignores it', () => {
    const doc = legacy();
    addNote(doc, { boardId: 'b1', x: 0, y: 0, side: null, authorId: 'a', createdAt: 1 });
    const um = new Y.UndoManager(roots(doc).items, { trackedOrigins: new Set([origins.user]) });
    const updates = updatesOf(doc);
    migrate(doc, LIST, 4);
    expect(updates).toEqual([origins.migration]);
    expect(um.canUndo()).toBe(false);
  });

  it("reports 'newer' for a document from newer code and leaves it untouched", () => {
    const doc = legacy();
    setVersion(doc, 7);
    const before = Y.encodeStateAsUpdate(doc);
    const updates = updatesOf(doc);
    log.length = 0;
    expect(migrate(doc, LIST, 4)).toEqual({ status: 'newer', version: 7 });
    expect(migrate(doc)).toEqual({ status: 'newer', version: 7 });
    expect(log).toEqual([]);
    expect(updates).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('two tablets migrating the same document at once end with the same document', () => {
    const a = legacy();
    addNote(a, { boardId: 'b1', x: 0, y: 0, side: null, authorId: 'a', createdAt: 1 }, origins.user, 'n1');
    const b = new Y.Doc();
    applyRemote(b, Y.encodeStateAsUpdate(a), origins.remote);
    migrate(a, LIST, 4);
    migrate(b, LIST, 4);
    applyRemote(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), origins.remote);
    applyRemote(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), origins.remote);
    expect(schemaVersionOf(a)).toBe(4);
    expect(schemaVersionOf(b)).toBe(4);
    expect(roots(b).items.toJSON()).toEqual(roots(a).items.toJSON());
    expect(roots(b).boards.toJSON()).toEqual(roots(a).boards.toJSON());
    expect(roots(a).items.get('n1')!.get('votes')).toBeInstanceOf(Y.Map);
  });
});
