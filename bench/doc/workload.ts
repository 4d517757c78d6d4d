/**
 * A full meeting's activity, compressed: what 30 participants do on the
 * programme's boards in about four hours, as the client would write it
 * (every write through the typed ops of @bodem/shared):
 *
 * - notes written character by character (one Y.Text edit per keystroke,
 *   with typos corrected by a backspace), some edited later (a word added or
 *   removed), some recoloured, about one in twelve deleted again;
 * - drags committed on drop (`perFrameDrags` writes every frame of the drag
 *   instead, ~40 positions, to show what the rule saves);
 * - bundles (a note dropped on another) and the odd unbundle;
 * - pen strokes (20–80 points with pressure), a few erased;
 * - dot votes on three boards (three dots each, one withdrawn and recast);
 * - role cards on the Boom, the facilitator's agreements typed cell by cell,
 *   board choices;
 * - every tablet reconnecting twice with a fresh document (a reload: a new
 *   Yjs client id, as a reopened tab gets).
 *
 * By default about four notes of 3–12 words per participant per note board
 * (one every seven minutes or so per person over four hours): with the ten
 * boards of the full programme ~1,000 notes and ~60,000 updates.
 */
import * as Y from 'yjs';
import {
  addAgreement,
  addNote,
  addRoleCard,
  addStroke,
  bundleNotes,
  castVote,
  deleteItems,
  deleteItem,
  listBoards,
  moveItem,
  origins,
  recolorNote,
  roots,
  setAgreementField,
  setNoteText,
  unbundle,
  withdrawVote,
  type Board,
  type Side,
} from '@bodem/shared';
import { ROLLEN, templateById } from '@bodem/templates';
import { rng } from '../lib/figures.ts';
import { sentence, WORDS } from '../lib/words.ts';

/** Someone at the meeting: their current document (replaced on a reload) and identity. */
export interface Participant {
  doc: Y.Doc;
  sub: string;
  side: Side;
}

export interface WorkloadOptions {
  /** Write every frame of a drag (the anti-pattern) instead of the drop only. */
  perFrameDrags: boolean;
  seed: number;
  /** Notes per participant per note board. */
  notesPerBoard: number;
}

/** Boards where the group votes, and where the facilitator writes agreements. */
const VOTE_BOARDS = new Set(['in-de-weg', 'valkuilen', 'wens']);
const AGREEMENT_BOARD = 'afspraken';
const ROLE_BOARD = 'boom';

const sizeOf = (board: Board) => {
  const t = templateById(board.template);
  return { w: t?.width ?? 2400, h: t?.height ?? 1600 };
};

const items = (doc: Y.Doc) => roots(doc).items;
const notesOn = (doc: Y.Doc, boardId: string): string[] => {
  const out: string[] = [];
  items(doc).forEach((m, id) => {
    const map = m as Y.Map<unknown>;
    if (map.get('kind') === 'note' && map.get('boardId') === boardId) out.push(id);
  });
  return out;
};

/**
 * One step of someone's work at a time: the meeting runs as all
 * participants' scripts interleaved, one step each per round, so edits are
 * concurrent as in a room (the relay merges them).
 */
export type Script = Generator<void, void, void>;

const FRAME_STEPS = 40; // ~0.7 s of drag at 60 frames a second

function* drag(p: Participant, id: string, x: number, y: number, perFrame: boolean): Script {
  const m = items(p.doc).get(id) as Y.Map<unknown> | undefined;
  if (!m) return;
  if (perFrame) {
    const x0 = Number(m.get('x'));
    const y0 = Number(m.get('y'));
    for (let k = 1; k < FRAME_STEPS; k++) {
      // The same two map writes moveItem makes for a loose item, without its
      // search for the bundle (which reads every item of the meeting) on each frame.
      p.doc.transact(() => {
        m.set('x', Math.round(x0 + ((x - x0) * k) / FRAME_STEPS));
        m.set('y', Math.round(y0 + ((y - y0) * k) / FRAME_STEPS));
      }, origins.user);
      yield;
    }
  }
  moveItem(p.doc, id, x, y);
  yield;
}

function* typeInto(write: (text: string) => void, current: string, words: string, r: () => number): Script {
  let text = current;
  for (const ch of words) {
    // About one keystroke in 25 is a typo, taken back with a backspace.
    if (r() < 0.04) {
      write(text + WORDS[Math.floor(r() * WORDS.length)]![0]);
      yield;
      write(text);
      yield;
    }
    text += ch;
    write(text);
    yield;
  }
}

/** One participant's part on one board. */
function* onBoard(p: Participant, board: Board, opts: WorkloadOptions, r: () => number, at: () => number): Script {
  const { w, h } = sizeOf(board);
  const place = () => ({ x: Math.round(60 + r() * w * 0.85), y: Math.round(60 + r() * h * 0.85) });
  const mine: string[] = [];
  if (board.template === ROLE_BOARD) {
    for (let k = 0; k < 2; k++) {
      const role = ROLLEN[Math.floor(r() * ROLLEN.length)]!;
      const id = addRoleCard(p.doc, { boardId: board.id, ...place(), roleId: role.id, side: p.side, title: role.title, description: '', authorId: p.sub, createdAt: at() });
      yield;
      yield* drag(p, id, place().x, place().y, opts.perFrameDrags);
    }
  }
  if (board.template === AGREEMENT_BOARD) return;
  const count = Math.max(1, Math.round(opts.notesPerBoard * (0.6 + r() * 0.8)));
  for (let k = 0; k < count; k++) {
    const id = addNote(p.doc, { boardId: board.id, ...place(), side: p.side, authorId: p.sub, createdAt: at() });
    mine.push(id);
    yield;
    yield* typeInto((t) => setNoteText(p.doc, id, t), '', sentence(r), r);
    // Most notes are moved once or twice, committed on drop.
    const moves = Math.floor(r() * 3);
    for (let d = 0; d < moves; d++) yield* drag(p, id, place().x, place().y, opts.perFrameDrags);
  }
  // Later: corrections, colours, bundles with others' notes, strokes, a deletion.
  for (const id of mine) {
    const m = items(p.doc).get(id) as Y.Map<unknown> | undefined;
    if (!m) continue;
    const q = r();
    if (q < 0.15) {
      const text = String((m.get('text') as Y.Text).toString());
      yield* typeInto((t) => setNoteText(p.doc, id, t), text, ` ${WORDS[Math.floor(r() * WORDS.length)]}`, r);
    } else if (q < 0.22) {
      const text = String((m.get('text') as Y.Text).toString());
      setNoteText(p.doc, id, text.replace(/ \S+$/, ''));
      yield;
    } else if (q < 0.27) {
      recolorNote(p.doc, id, r() < 0.5 ? 'geel' : 'groen');
      yield;
    }
  }
  const others = notesOn(p.doc, board.id).filter((id) => !mine.includes(id));
  if (others.length && mine.length && r() < 0.5) {
    const dragged = mine[Math.floor(r() * mine.length)]!;
    bundleNotes(p.doc, dragged, others[Math.floor(r() * others.length)]!);
    yield;
    if (r() < 0.15) {
      unbundle(p.doc, dragged);
      yield;
    }
  }
  if (r() < 0.35) {
    const strokes: string[] = [];
    for (let s = 0, n = 1 + Math.floor(r() * 2); s < n; s++) {
      const id = addStroke(p.doc, { boardId: board.id, points: strokePoints(r, board), color: 'zwart', width: 4, authorId: p.sub, createdAt: at() });
      if (id) strokes.push(id);
      yield;
    }
    if (strokes.length && r() < 0.2) {
      deleteItems(p.doc, strokes.slice(0, 1));
      yield;
    }
  }
  if (mine.length > 1 && r() < 0.35) {
    deleteItem(p.doc, mine[0]!);
    yield;
  }
  if (VOTE_BOARDS.has(board.template)) {
    const targets = notesOn(p.doc, board.id);
    const picks = [0, 1, 2].map(() => targets[Math.floor(r() * targets.length)]).filter((t): t is string => !!t);
    for (const t of picks) {
      castVote(p.doc, t, p.sub, at());
      yield;
    }
    if (picks[0] && r() < 0.4) {
      withdrawVote(p.doc, picks[0], p.sub);
      yield;
      const again = targets[Math.floor(r() * targets.length)];
      if (again) castVote(p.doc, again, p.sub, at());
      yield;
    }
  }
}

const strokePoints = (r: () => number, board: Board): number[] => {
  const count = 20 + Math.floor(r() * 61);
  const { w, h } = sizeOf(board);
  let x = 60 + r() * (w - 120);
  let y = 60 + r() * (h - 120);
  let heading = r() * Math.PI * 2;
  let pressure = 0.4 + r() * 0.3;
  const points: number[] = [];
  for (let k = 0; k < count; k++) {
    points.push(x, y, pressure);
    heading += (r() - 0.5) * 0.6;
    const step = 6 + r() * 8;
    x = Math.min(w - 10, Math.max(10, x + Math.cos(heading) * step));
    y = Math.min(h - 10, Math.max(10, y + Math.sin(heading) * step));
    pressure = Math.min(0.9, Math.max(0.2, pressure + (r() - 0.5) * 0.1));
  }
  return points;
};

/** The facilitator's part on the agreements board: ten agreements, each cell typed. */
function* agreements(f: Participant, board: Board, r: () => number, at: () => number): Script {
  for (let k = 0; k < 10; k++) {
    const id = addAgreement(f.doc, { boardId: board.id, authorId: f.sub, createdAt: at() });
    yield;
    for (const [field, words] of [
      ['wat', sentence(r, 4, 10)],
      ['wie', sentence(r, 1, 3)],
      ['wanneer', sentence(r, 1, 3)],
    ] as const) {
      yield* typeInto((t) => setAgreementField(f.doc, id, field, t), '', words, r);
    }
  }
}

/**
 * Every participant's script for the whole meeting: board after board, in
 * the programme's order. `reload(i)` swaps participant i's document for a
 * fresh one (it resolves once the new one has synced); it is called twice
 * per participant, at about a third and two thirds of the meeting.
 */
export const meetingScripts = (
  people: Participant[],
  facilitator: Participant,
  opts: WorkloadOptions,
  reload: (p: Participant) => Promise<void>,
): { scripts: Script[]; reloads: Promise<void>[] } => {
  const reloads: Promise<void>[] = [];
  let clock = Date.UTC(2026, 10, 23, 9, 0, 0);
  const at = () => (clock += 250);
  const scripts = people.map((p, i) =>
    (function* (): Script {
      const r = rng(opts.seed * 1000 + i);
      const boards = listBoards(p.doc);
      for (const [b, board] of boards.entries()) {
        if (b === Math.floor(boards.length / 3) || b === Math.floor((2 * boards.length) / 3)) {
          let done = false;
          reloads.push(reload(p).then(() => void (done = true)));
          while (!done) yield;
        }
        yield* onBoard(p, board, opts, r, at);
      }
    })(),
  );
  scripts.push(
    (function* (): Script {
      const r = rng(opts.seed * 1000 + 999);
      for (const board of listBoards(facilitator.doc)) {
        if (board.template === AGREEMENT_BOARD) yield* agreements(facilitator, board, r, at);
      }
    })(),
  );
  return { scripts, reloads };
};
