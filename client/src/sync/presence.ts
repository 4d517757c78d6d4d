import { cleanLine, isPersonSide, MAX_NAME_LENGTH, MAX_ORG_LENGTH, type Presence, type Role, type PersonSide } from '@bodem/shared';
import type { Awareness } from 'y-protocols/awareness';
import { createStore, KeyedStore } from '../lib/store.ts';

export interface Person {
  /** Awareness client id (one per connection). */
  clientId: number;
  userId: string;
  name: string;
  side: PersonSide | null;
  role: Role;
  /** The organisation from the person's token; '' when none. */
  org: string;
  self: boolean;
}

export interface RemoteCursor {
  clientId: number;
  name: string;
  side: PersonSide | null;
  boardId: string;
  x: number;
  y: number;
}

const ROLES: readonly Role[] = ['facilitator', 'participant', 'projector'];

/** Our own awareness changes (the camera shown, the pointer) wake this view too: unchanged cursors re-render nothing. */
const sameCursors = (a: RemoteCursor[], b: RemoteCursor[]) =>
  a.length === b.length &&
  a.every((c, i) => {
    const d = b[i]!;
    return c.clientId === d.clientId && c.name === d.name && c.side === d.side && c.boardId === d.boardId && c.x === d.x && c.y === d.y;
  });
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Awareness states come from other peers: check every field. */
const readUser = (state: unknown): Omit<Person, 'clientId' | 'self'> | null => {
  const u = (state as Partial<Presence> | null)?.user;
  if (!u || typeof u !== 'object') return null;
  const name = cleanLine(u.name, MAX_NAME_LENGTH);
  return {
    userId: typeof u.id === 'string' ? u.id : '',
    name,
    side: isPersonSide(u.side) ? u.side : null,
    role: ROLES.includes(u.role) ? u.role : 'participant',
    org: cleanLine(u.org, MAX_ORG_LENGTH),
  };
};

const samePeople = (a: Person[], b: Person[]) =>
  a.length === b.length &&
  a.every((p, i) => {
    const q = b[i]!;
    return (
      p.clientId === q.clientId &&
      p.userId === q.userId &&
      p.name === q.name &&
      p.side === q.side &&
      p.role === q.role &&
      p.org === q.org &&
      p.self === q.self
    );
  });

/**
 * Splits awareness into three views that change at different rates, so a
 * moving cursor re-renders the cursor layer only, not the list of people or
 * the notes.
 */
export interface LeaderView {
  boardId: string;
  cx: number;
  cy: number;
  width: number;
}

const sameView = (a: LeaderView | null, b: LeaderView | null) =>
  a === b || (!!a && !!b && a.boardId === b.boardId && a.cx === b.cx && a.cy === b.cy && a.width === b.width);

export class PresenceView {
  /** Everyone connected, self first, then by name. */
  readonly people = createStore<Person[]>([], samePeople);
  /** Other people's pointers. */
  readonly cursors = createStore<RemoteCursor[]>([], sameCursors);
  /** Live positions of notes other people are dragging, by note id. */
  readonly drags = new KeyedStore<{ x: number; y: number }>();
  /** The ids in `drags`, sorted: what the drag layer shows. */
  readonly dragging = createStore<readonly string[]>([], (a, b) => a.length === b.length && a.every((id, i) => id === b[i]));
  /** What the facilitator is looking at ("volg mij" follows it). */
  readonly leaderView = createStore<LeaderView | null>(null, sameView);

  constructor(private readonly awareness: Awareness) {
    awareness.on('change', this.onChange);
    this.onChange();
  }

  private onChange = () => {
    const me = this.awareness.clientID;
    const people: Person[] = [];
    const cursors: RemoteCursor[] = [];
    const drags = new Map<string, { x: number; y: number }>();
    let leaderView: LeaderView | null = null;
    this.awareness.getStates().forEach((state, clientId) => {
      const user = readUser(state);
      if (!user) return;
      const self = clientId === me;
      people.push({ clientId, ...user, self });
      if (self) return;
      const s = state as Partial<Presence>;
      const v = s.view;
      if (user.role === 'facilitator' && !leaderView && v && typeof v.boardId === 'string' && finite(v.cx) && finite(v.cy) && finite(v.width) && v.width > 0) {
        leaderView = { boardId: v.boardId, cx: v.cx, cy: v.cy, width: v.width };
      }
      const c = s.cursor;
      if (c && typeof c.boardId === 'string' && finite(c.x) && finite(c.y)) {
        cursors.push({ clientId, name: user.name, side: user.side, boardId: c.boardId, x: c.x, y: c.y });
      }
      const d = s.drag;
      if (d && typeof d.id === 'string' && finite(d.x) && finite(d.y)) drags.set(d.id, { x: d.x, y: d.y });
    });
    people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'nl') || a.clientId - b.clientId);
    this.people.set(people);
    this.cursors.set(cursors);
    this.leaderView.set(leaderView);
    this.dragging.set([...drags.keys()].sort());
    for (const id of this.drags.keys()) if (!drags.has(id)) this.drags.set(id, undefined);
    for (const [id, pos] of drags) {
      const prev = this.drags.get(id);
      if (!prev || prev.x !== pos.x || prev.y !== pos.y) this.drags.set(id, pos);
    }
  };

  destroy(): void {
    this.awareness.off('change', this.onChange);
  }
}
