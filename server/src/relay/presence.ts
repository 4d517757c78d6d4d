import type { Presence, TokenClaims } from '@bodem/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Largest awareness state we relay for one client (cursor, drag, identity). */
export const MAX_PRESENCE_BYTES = 2048;

/**
 * Rewrites a connection's awareness update before anyone sees it: only the
 * one client id the connection owns passes, and `user` is stamped from the
 * verified token, so nobody can appear under another's name or side. Entries
 * for other client ids (the stock client echoes everyone's presence back)
 * are dropped here instead of being fanned out again.
 *
 * Returns null when nothing remains to apply.
 */
export const stampPresence = (
  update: Uint8Array,
  claims: TokenClaims,
  owned: { clientId: number | null },
  ownedByOther: (clientId: number) => boolean,
): Uint8Array | null => {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  const kept: { clientId: number; clock: number; json: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const json = decoding.readVarString(d);
    if (owned.clientId === null && !ownedByOther(clientId)) owned.clientId = clientId;
    if (clientId !== owned.clientId) continue;
    kept.push({ clientId, clock, json: stampState(json, claims) });
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes in awareness update');
  if (kept.length === 0) return null;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kept.length);
  for (const k of kept) {
    encoding.writeVarUint(e, k.clientId);
    encoding.writeVarUint(e, k.clock);
    encoding.writeVarString(e, k.json);
  }
  return encoding.toUint8Array(e);
};

const stampState = (json: string, claims: TokenClaims): string => {
  if (json.length > MAX_PRESENCE_BYTES) throw new Error('awareness state too large');
  const state: unknown = JSON.parse(json);
  if (state === null) return 'null';
  if (typeof state !== 'object' || Array.isArray(state)) throw new Error('awareness state must be an object');
  const user: Presence['user'] = { id: claims.sub, name: claims.name, side: claims.side, role: claims.role };
  if (claims.org) user.org = claims.org;
  return JSON.stringify({ ...(state as object), user });
};
