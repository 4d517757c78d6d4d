import * as Y from 'yjs';

/**
 * The top-level shared types of a meeting document. Their names are part of
 * the stored format: renaming one is a migration.
 */
export const ROOT = { meta: 'meta', boards: 'boards', items: 'items', votes: 'votes', control: 'control' } as const;

export interface Roots {
  meta: Y.Map<unknown>;
  boards: Y.Map<Y.Map<unknown>>;
  items: Y.Map<Y.Map<unknown>>;
  /** One entry per (target, participant): see schema/vote.ts. */
  votes: Y.Map<unknown>;
  /** The facilitator's controls: see control/control.ts. */
  control: Y.Map<unknown>;
}

export const roots = (doc: Y.Doc): Roots => ({
  meta: doc.getMap<unknown>(ROOT.meta),
  boards: doc.getMap<Y.Map<unknown>>(ROOT.boards),
  items: doc.getMap<Y.Map<unknown>>(ROOT.items),
  votes: doc.getMap<unknown>(ROOT.votes),
  control: doc.getMap<unknown>(ROOT.control),
});
