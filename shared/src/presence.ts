import type { Side } from './schema/side.ts';

export type Role = 'facilitator' | 'participant' | 'projector';

/** What each connection publishes through awareness. Never stored. */
export interface Presence {
  user: { id: string; name: string; side: Side | null; role: Role };
  /** Board coordinates of the pointer, while it is over a board. */
  cursor?: { boardId: string; x: number; y: number } | null;
  /** A note being dragged, so others see it move before it is dropped. */
  drag?: { id: string; x: number; y: number } | null;
}
