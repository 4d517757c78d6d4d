import * as Y from 'yjs';
import { origins } from '../origins.ts';
import { roots } from './roots.ts';
import { num } from './values.ts';

/** The schema this code writes. Bump it together with a new migration. */
export const SCHEMA_VERSION = 5;

/**
 * A migration brings a document from `version - 1` to `version`. It must be
 * deterministic and idempotent: two peers may run it on the same state and
 * their writes merge.
 */
export interface Migration {
  version: number;
  name: string;
  up(doc: Y.Doc): void;
}

/** Numbered migrations, oldest first. Version 1 is the first stored schema. */
export const MIGRATIONS: readonly Migration[] = [
  {
    // Role cards, agreements, bundles, votes and board answers are new
    // records; nothing old is rewritten. The bump is what matters: a
    // version-1 client would not show them, so it must go read-only rather
    // than let its user bundle, vote or clear a board half-blind.
    version: 2,
    name: 'toolkit-boards',
    up: () => {},
  },
  {
    // The facilitator's controls (timer, groups, locks, projector) are new;
    // a version-2 client would ignore a lock and write on a locked board.
    version: 3,
    name: 'facilitator-controls',
    up: () => {},
  },
  {
    // Pen strokes are a new kind of item; a version-3 client would not draw them.
    version: 4,
    name: 'pen-strokes',
    up: () => {},
  },
  {
    // Answer fields become Y.Texts (two people typing at once both keep
    // their words; a string keeps one), and letters get an addressee field
    // of their own. A version-4 client would overwrite an answer's text with
    // a string and not show whom a letter is to. Answers written as strings
    // become texts with the same words; only the server runs this (at load),
    // so no two peers race to convert one field.
    version: 5,
    name: 'answer-texts',
    up: (doc) => {
      roots(doc).boards.forEach((board) => {
        if (!(board instanceof Y.Map)) return;
        for (const [key, value] of [...board.entries()]) {
          if (key.startsWith('field:') && typeof value === 'string') board.set(key, new Y.Text(value));
        }
      });
    },
  },
];

export type SchemaState =
  | { status: 'current'; version: number }
  | { status: 'migrated'; from: number; version: number }
  /** Written by newer code: this client must not write and says "herlaad". */
  | { status: 'newer'; version: number };

export const schemaVersionOf = (doc: Y.Doc): number =>
  num(roots(doc).meta.get('schemaVersion'), 0, Number.MAX_SAFE_INTEGER);

export const migrate = (
  doc: Y.Doc,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): SchemaState => {
  const from = schemaVersionOf(doc);
  if (from > target) return { status: 'newer', version: from };
  if (from === target) return { status: 'current', version: from };
  doc.transact(() => {
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version > from && m.version <= target) m.up(doc);
    }
    roots(doc).meta.set('schemaVersion', target);
  }, origins.migration);
  return { status: 'migrated', from, version: target };
};
