import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { PersonSide, Role, TokenClaims } from '@bodem/shared';
import type { MeetingRecord } from '../storage/store.ts';

/** Whether a verified token is for this meeting as it is now (a re-created meeting has another epoch). */
export const tokenFits = (claims: TokenClaims, meeting: MeetingRecord): boolean => claims.m === meeting.id && claims.ep === meeting.epoch;

/**
 * Meeting tokens: base64url(JSON claims) "." base64url(HMAC-SHA256). The
 * server keeps no token table; a token is good while its signature, expiry,
 * meeting and epoch hold.
 */
export class TokenSigner {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error('token secret must be at least 32 bytes');
  }

  sign(claims: TokenClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** Returns the claims of a well-signed, unexpired token, else null. */
  verify(token: unknown, now = Date.now()): TokenClaims | null {
    if (typeof token !== 'string' || token.length > 4096) return null;
    const dot = token.indexOf('.');
    if (dot <= 0) return null;
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return null;
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < now) return null;
    return claims;
  }

  /**
   * A key derived from the secret for another purpose (the operator's
   * toolbox): whoever can read the secret file can derive it; no token
   * opens anything with it.
   */
  derive(label: string): string {
    return createHmac('sha256', this.secret).update(`bodem-derive:${label}`).digest('base64url');
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

/**
 * Token lifetimes, as short as the work allows. A meeting may run over two
 * days: participants' tokens last three. The beamer's lasts three too; the
 * facilitator's panel asks for a fresh one when it runs low (POST
 * /api/meetings/:id/projector), and can end it at once. The facilitator
 * prepares weeks ahead and writes the report afterwards: 30 days. Any
 * participant's and the beamer's access ends at once by removal.
 */
export const TOKEN_TTL_SECONDS: Record<Role, number> = {
  facilitator: 30 * 24 * 3600,
  projector: 3 * 24 * 3600,
  participant: 3 * 24 * 3600,
};

/**
 * Claims for a new token. `who.sub` keeps the participant id of an earlier
 * token (a tablet joining again); the caller has verified that token.
 */
export const issueClaims = (
  meeting: { id: string; epoch: number },
  role: Role,
  who: { name: string; side: PersonSide | null; org?: string; sub?: string },
  now = Date.now(),
): TokenClaims => ({
  m: meeting.id,
  role,
  sub: who.sub ?? randomBytes(9).toString('base64url'),
  name: who.name,
  side: who.side,
  // Left out when empty: a token carries only what was said.
  ...(who.org ? { org: who.org } : {}),
  ep: meeting.epoch,
  exp: Math.floor(now / 1000) + TOKEN_TTL_SECONDS[role],
});

/**
 * A secret shared by several relays (`BODEM_SECRET_FILE`): a token signed by
 * one must be good on all of them. The operator creates it once (at least
 * 32 random bytes, base64); it must exist, a relay never makes one up.
 */
export const loadSecretFile = (file: string): Buffer => {
  if (!existsSync(file)) throw new Error(`secret file ${file} does not exist (create it: head -c 32 /dev/urandom | base64 > ${file})`);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
};

/** The signing secret lives beside the data, created on first start (mode 0600). */
export const loadOrCreateSecret = (file: string): Buffer => {
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('base64url'), { mode: 0o600, flag: 'wx' });
  return secret;
};
