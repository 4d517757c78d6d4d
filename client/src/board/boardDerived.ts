import {
  asYMap,
  EMPTY_BOARD_STATE,
  bundlesOf,
  groupByZone,
  isPlaced,
  itemsOfBoard,
  readBoardState,
  referenceCoverage,
  roots,
  type BoardState,
  type Coverage,
  type Note,
  type Template,
} from '@bodem/shared';
import type * as Y from 'yjs';
import { createStore, KeyedStore, type Store } from '../lib/store.ts';

export interface BundleInfo {
  key: string;
  /** Members, head first. */
  memberIds: readonly string[];
  isHead: boolean;
}

const EMPTY_STATE: BoardState = EMPTY_BOARD_STATE;

const sameBundle = (a: BundleInfo | undefined, b: BundleInfo | undefined) =>
  a === b || (!!a && !!b && a.key === b.key && a.isHead === b.isHead && a.memberIds.join() === b.memberIds.join());

const sameCounts = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

const sameState = (a: BoardState, b: BoardState) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a board shows that depends on many items at once: bundles, items per
 * zone (the trunk's limit), reference answers covered or not, and the
 * board's own answers. Recomputed at most once per frame, after any change,
 * so a burst of remote edits costs one pass; per-note results go into a
 * keyed store, so only the notes whose bundle changed re-render.
 */
export class BoardDerived {
  readonly bundles = new KeyedStore<BundleInfo>();
  readonly zoneCounts: Store<ReadonlyMap<string, number>> = createStore<ReadonlyMap<string, number>>(new Map(), sameCounts);
  readonly coverage: Store<readonly Coverage[]> = createStore<readonly Coverage[]>([]);
  readonly state: Store<BoardState> = createStore(EMPTY_STATE, sameState);
  private frame = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly boardId: string,
    private readonly template: Template,
  ) {}

  attach(): () => void {
    const { items, boards } = roots(this.doc);
    const schedule = () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.recompute();
      });
    };
    this.recompute();
    items.observeDeep(schedule);
    boards.observeDeep(schedule);
    return () => {
      items.unobserveDeep(schedule);
      boards.unobserveDeep(schedule);
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
    };
  }

  recompute(): void {
    const items = itemsOfBoard(this.doc, this.boardId);
    const notes = items.filter((i): i is Note => i.kind === 'note');

    const next = new Map<string, BundleInfo>();
    for (const b of bundlesOf(notes).values()) {
      const memberIds = b.members.map((m) => m.id);
      for (const m of b.members) next.set(m.id, { key: b.key, memberIds, isHead: m.id === b.head.id });
    }
    for (const id of this.bundles.keys()) if (!next.has(id)) this.bundles.set(id, undefined);
    for (const [id, info] of next) if (!sameBundle(this.bundles.get(id), info)) this.bundles.set(id, info);

    if (this.template.zones.some((z) => z.limit)) {
      const groups = groupByZone(this.template, items.filter(isPlaced), this.template.noteSize);
      this.zoneCounts.set(new Map([...groups].map(([k, v]) => [k, v.length])));
    }

    const board = asYMap(roots(this.doc).boards.get(this.boardId));
    const state = board ? readBoardState(board) : EMPTY_STATE;
    this.state.set(state);

    if (this.template.references?.length) {
      // The keywords suggest, the facilitator's verdicts (on the board) decide.
      const next = referenceCoverage(this.template.references, notes, state.matches);
      if (JSON.stringify(next) !== JSON.stringify(this.coverage.get())) this.coverage.set(next);
    }
  }
}
