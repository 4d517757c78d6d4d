import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in the data folder that keeps a generated key. */
export const FACILITATOR_KEY_FILE = 'facilitator-key';

export interface FacilitatorKey {
  key: string;
  /** Where the key is kept; null when it came from BODEM_FACILITATOR_KEY. */
  file: string | null;
  /** Made on this start (print it once, clearly). */
  created: boolean;
}

/**
 * The host's facilitator key: what creating a meeting needs. Given
 * (`BODEM_FACILITATOR_KEY`, every relay of a cluster the same), or made on
 * first start: 24 random bytes (192 bits, base64url, 32 characters), kept
 * 0600 in the data folder, so it is the same after a restart. A guesser
 * cannot find 192 bits over HTTP, so wrong keys are not rate limited: a
 * limit on them would only let a stranger jam the facilitators.
 */
export const resolveFacilitatorKey = (dataDir: string, given?: string): FacilitatorKey => {
  if (given !== undefined) {
    if (given.length < 16) throw new Error('the facilitator key must be at least 16 characters');
    return { key: given, file: null, created: false };
  }
  const file = join(dataDir, FACILITATOR_KEY_FILE);
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (key.length < 16) throw new Error(`${file} holds no usable key (at least 16 characters); delete it to make a new one`);
    return { key, file, created: false };
  }
  const key = randomBytes(24).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return { key, file, created: true };
};

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Compares in constant time (hashes first, so the lengths match). */
export const keyMatches = (given: string, key: string): boolean => timingSafeEqual(digest(given), digest(key));
