import * as Y from 'yjs';
import { cleanText } from './text.ts';
import { asYText, num, str } from './values.ts';

/** The columns of an agreement, in the toolkit's words: wat, wie, wanneer. */
export const AGREEMENT_FIELDS = ['wat', 'wie', 'wanneer'] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];
export const MAX_AGREEMENT_FIELD_LENGTH = 500;

/**
 * One row of "Afspraken voor vervolg". Each cell is a Y.Text, so two people
 * filling in the same agreement at once both keep their words. Rows are
 * ordered by creation, not by position.
 */
export interface Agreement {
  id: string;
  kind: 'agreement';
  boardId: string;
  wat: string;
  wie: string;
  wanneer: string;
  authorId: string;
  createdAt: number;
}

export const readAgreement = (id: string, map: Y.Map<unknown>): Agreement | null => {
  if (map.get('kind') !== 'agreement') return null;
  const boardId = str(map.get('boardId'));
  if (!boardId) return null;
  const cell = (f: AgreementField) => cleanText(asYText(map.get(f))?.toString() ?? '', MAX_AGREEMENT_FIELD_LENGTH);
  return {
    id,
    kind: 'agreement',
    boardId,
    wat: cell('wat'),
    wie: cell('wie'),
    wanneer: cell('wanneer'),
    authorId: str(map.get('authorId')),
    createdAt: num(map.get('createdAt'), 0, Number.MAX_SAFE_INTEGER),
  };
};

export interface NewAgreement {
  boardId: string;
  authorId: string;
  createdAt: number;
  wat?: string;
  wie?: string;
  wanneer?: string;
}

export const writeAgreement = (a: NewAgreement): Y.Map<unknown> => {
  const map = new Y.Map<unknown>();
  map.set('kind', 'agreement');
  map.set('boardId', a.boardId);
  map.set('authorId', a.authorId);
  map.set('createdAt', a.createdAt);
  for (const f of AGREEMENT_FIELDS) map.set(f, new Y.Text(cleanText(a[f] ?? '', MAX_AGREEMENT_FIELD_LENGTH)));
  return map;
};
