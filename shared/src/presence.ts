import type { PersonSide } from './schema/side.ts';

export type Role = 'facilitator' | 'participant' | 'projector';

/** What each connection publishes through awareness. Never stored. */
export interface Presence {
  user: { id: string; name: string; side: PersonSide | null; role: Role; org?: string };
  /** Board coordinates of the pointer, while it is over a board. */
  cursor?: { boardId: string; x: number; y: number } | null;
  /** A note being dragged, so others see it move before it is dropped. */
  drag?: { id: string; x: number; y: number } | null;
  /**
   * What this person is looking at: a board and the part of it on screen
   * (centre and width in board coordinates). The facilitator's view is what
   * "volg mij" makes tablets and the projector follow.
   */
  view?: { boardId: string; cx: number; cy: number; width: number } | null;
}
