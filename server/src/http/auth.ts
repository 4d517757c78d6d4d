import type { TokenClaims } from '@bodem/shared';
import type { FastifyRequest } from 'fastify';
import { tokenFits, type TokenSigner } from '../auth/tokens.ts';
import type { MeetingRecord, MeetingStore } from '../storage/store.ts';
import { ApiError } from './errors.ts';

/** The token of an `Authorization: Bearer …` header. */
export const bearer = (req: FastifyRequest): string | null => {
  const h = req.headers.authorization;
  return h && h.startsWith('Bearer ') ? h.slice(7).trim() : null;
};

/**
 * The meeting of a facilitator's request, for every facilitator-only route:
 * 401 without a token that fits the meeting, 404 for an unknown meeting,
 * 403 for any other role.
 */
export const asFacilitator = async (
  req: FastifyRequest,
  id: string,
  deps: { store: MeetingStore; signer: TokenSigner },
): Promise<{ meeting: MeetingRecord; claims: TokenClaims }> => {
  const claims = deps.signer.verify(bearer(req));
  if (!claims) throw new ApiError(401, 'unauthorized');
  const meeting = await deps.store.getMeeting(id);
  if (!meeting) throw new ApiError(404, 'not_found');
  if (!tokenFits(claims, meeting)) throw new ApiError(401, 'unauthorized');
  if (claims.role !== 'facilitator') throw new ApiError(403, 'forbidden');
  return { meeting, claims };
};
