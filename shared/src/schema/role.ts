import * as Y from 'yjs';
import { isSide, type Side } from './side.ts';
import { cleanLine, cleanText, MAX_TITLE_LENGTH } from './text.ts';
import { num, str } from './values.ts';

/**
 * A role card on a board (Bijlage 3, or a role the group made up). A card
 * from the palette stores its `roleId` and a copy of its words, so the card
 * reads the same in a report made without the template, and a made-up role
 * stores only the words.
 */
export interface RoleCard {
  id: string;
  kind: 'role';
  boardId: string;
  x: number;
  y: number;
  roleId: string | null;
  /** Whose role it is: the formal or the informal worker's. */
  side: Side | null;
  title: string;
  description: string;
  authorId: string;
  createdAt: number;
}

export const ROLE_CARD_SIZE = { width: 280, height: 120 } as const;
export const MAX_ROLE_DESCRIPTION_LENGTH = 300;

export const readRoleCard = (id: string, map: Y.Map<unknown>): RoleCard | null => {
  if (map.get('kind') !== 'role') return null;
  const boardId = str(map.get('boardId'));
  const title = cleanLine(str(map.get('title')), MAX_TITLE_LENGTH);
  if (!boardId || !title) return null;
  const side = map.get('side');
  const roleId = map.get('roleId');
  return {
    id,
    kind: 'role',
    boardId,
    x: num(map.get('x'), 0),
    y: num(map.get('y'), 0),
    roleId: typeof roleId === 'string' && roleId ? roleId : null,
    side: isSide(side) ? side : null,
    title,
    description: cleanText(str(map.get('description')), MAX_ROLE_DESCRIPTION_LENGTH),
    authorId: str(map.get('authorId')),
    createdAt: num(map.get('createdAt'), 0, Number.MAX_SAFE_INTEGER),
  };
};

export type NewRoleCard = Omit<RoleCard, 'id' | 'kind'>;

export const writeRoleCard = (r: NewRoleCard): Y.Map<unknown> => {
  const map = new Y.Map<unknown>();
  map.set('kind', 'role');
  map.set('boardId', r.boardId);
  map.set('x', num(r.x, 0));
  map.set('y', num(r.y, 0));
  if (r.roleId) map.set('roleId', r.roleId);
  map.set('side', r.side);
  map.set('title', cleanLine(r.title, MAX_TITLE_LENGTH));
  map.set('description', cleanText(r.description, MAX_ROLE_DESCRIPTION_LENGTH));
  map.set('authorId', r.authorId);
  map.set('createdAt', r.createdAt);
  return map;
};
