import type { TokenClaims } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import { rejoinFor, type StoredEntry } from './credentials.ts';

const NOW = 1_800_000_000_000;

/** A token as the server shapes it; the client never checks the signature. */
const token = (c: Partial<TokenClaims>): string => {
  const claims: TokenClaims = { m: 'm1', role: 'participant', sub: 's1', name: 'Anna', side: 'formeel', ep: 1, exp: NOW / 1000 + 3600, ...c };
  const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(claims))));
  return `${b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.signature`;
};

const entry = (id: string, m: Partial<StoredEntry['meeting']>): StoredEntry => ({
  id,
  meeting: { role: 'participant', joinCode: 'K7PX2M', savedAt: 1, ...m },
});

describe('rejoinFor', () => {
  it('finds the participant token this device holds for the code and offers to carry on', () => {
    const t = token({ org: 'CJG' });
    const r = rejoinFor([entry('m1', { token: t })], 'K7PX2M', NOW);
    expect(r).toMatchObject({ id: 'm1', token: t, canContinue: true, claims: { name: 'Anna', side: 'formeel', org: 'CJG' } });
  });

  it('knows nothing for another code, a facilitator entry, or a token of another meeting', () => {
    expect(rejoinFor([entry('m1', { token: token({}) })], 'ZZZZZZ', NOW)).toBeNull();
    expect(rejoinFor([entry('m1', { role: 'facilitator', facilitatorToken: token({ role: 'facilitator' }) })], 'K7PX2M', NOW)).toBeNull();
    expect(rejoinFor([entry('m2', { token: token({ m: 'm1' }) })], 'K7PX2M', NOW)).toBeNull();
    expect(rejoinFor([entry('m1', { token: 'junk' })], 'K7PX2M', NOW)).toBeNull();
  });

  it('still sends an expired or removed token along (the server decides), but offers no "carry on"', () => {
    const expired = rejoinFor([entry('m1', { token: token({ exp: NOW / 1000 - 1 }) })], 'K7PX2M', NOW);
    expect(expired?.canContinue).toBe(false);
    const removed = rejoinFor([entry('m1', { token: token({}), removed: true })], 'K7PX2M', NOW);
    expect(removed?.canContinue).toBe(false);
    expect(removed?.token).toBeTruthy();
  });

  it('takes the newest when a code was reused after a meeting was deleted', () => {
    const r = rejoinFor(
      [entry('old', { token: token({ m: 'old', name: 'Oud' }), savedAt: 5 }), entry('new', { token: token({ m: 'new', name: 'Nieuw' }), savedAt: 9 })],
      'K7PX2M',
      NOW,
    );
    expect(r?.id).toBe('new');
  });
});
