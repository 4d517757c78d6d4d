import { isPersonalDoc } from '../schema/personal.ts';
import type * as Y from 'yjs';
import { newId } from '../ids.ts';
import { origins, type Origin } from '../origins.ts';
import { MAX_AGREEMENT_FIELD_LENGTH, writeAgreement, type AgreementField, type NewAgreement } from '../schema/agreement.ts';
import { roots } from '../schema/roots.ts';
import { cleanText } from '../schema/text.ts';
import { asYMap, asYText } from '../schema/values.ts';
import { applyTextEdit } from './text.ts';

export const addAgreement = (doc: Y.Doc, a: NewAgreement, origin: Origin = origins.user, id = newId()): string => {
  if (!roots(doc).boards.has(a.boardId) && !isPersonalDoc(doc)) throw new Error(`unknown board ${a.boardId}`);
  doc.transact(() => roots(doc).items.set(id, writeAgreement(a)), origin);
  return id;
};

/** Rewrites one cell (wat, wie or wanneer) by a minimal edit. */
export const setAgreementField = (
  doc: Y.Doc,
  id: string,
  field: AgreementField,
  next: string,
  origin: Origin = origins.user,
): boolean => {
  const m = asYMap(roots(doc).items.get(id));
  const text = m && m.get('kind') === 'agreement' ? asYText(m.get(field)) : null;
  if (!text) return false;
  const target = cleanText(next, MAX_AGREEMENT_FIELD_LENGTH);
  if (text.toString() === target) return true;
  doc.transact(() => applyTextEdit(text, target), origin);
  return true;
};
