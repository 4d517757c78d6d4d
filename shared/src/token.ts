import * as buffer from 'lib0/buffer';
import * as string from 'lib0/string';
import type { Role } from './presence.ts';
import type { PersonSide } from './schema/side.ts';

/**
 * What a meeting token says about its holder. The server signs it; clients
 * only read it (to know their own name and side) and never trust another's.
 */
export interface TokenClaims {
  /** meeting id */
  m: string;
  role: Role;
  /** participant id, stable for the token's lifetime */
  sub: string;
  name: string;
  side: PersonSide | null;
  /** organisation the participant named on joining (cleaned single line); absent when none */
  org?: string;
  /** meeting epoch: a re-created meeting invalidates old tokens */
  ep: number;
  /** expiry, seconds since the epoch */
  exp: number;
}

const fromBase64Url = (s: string): string => {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  return string.decodeUtf8(buffer.fromBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4)));
};

/** Reads the claims without checking the signature. Returns null if unreadable. */
export const peekClaims = (token: string): TokenClaims | null => {
  const [body] = token.split('.');
  if (!body) return null;
  try {
    const c = JSON.parse(fromBase64Url(body)) as Partial<TokenClaims>;
    if (typeof c.m !== 'string' || typeof c.role !== 'string' || typeof c.sub !== 'string') return null;
    return c as TokenClaims;
  } catch {
    return null;
  }
};
