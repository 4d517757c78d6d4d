import type { TokenClaims } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import { heldTokens, rejoinFor, type StoredEntry } from './credentials.ts';
import { expiredMeetings, meetingOfCopy } from './sync/expiry.ts';

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

describe('local copies expire with their tokens', () => {
  it('lists meetings whose token has run out or is missing, for every role', () => {
    const entries = [
      entry('live', { token: token({ m: 'live' }) }),
      entry('old', { token: token({ m: 'old', exp: NOW / 1000 - 1 }) }),
      entry('none', {}),
      entry('fac', { role: 'facilitator', facilitatorToken: token({ m: 'fac', role: 'facilitator', exp: NOW / 1000 + 10 }) }),
      entry('facOld', { role: 'facilitator', facilitatorToken: token({ m: 'facOld', role: 'facilitator', exp: NOW / 1000 - 10 }) }),
      entry('beamer', { role: 'projector', token: token({ m: 'beamer', role: 'projector', exp: NOW / 1000 - 10 }) }),
    ];
    expect(expiredMeetings(entries, NOW).sort()).toEqual(['beamer', 'facOld', 'none', 'old']);
  });

  it('knows which meeting a local copy belongs to by its IndexedDB name', () => {
    expect(meetingOfCopy('bodem:abcDEF_-12:77')).toBe('abcDEF_-12');
    expect(meetingOfCopy('bodem:abc')).toBe('abc');
    for (const other of ['workbox-precache', 'bodem:', 'bodem:a b:1', 'x:bodem:a:1']) expect(meetingOfCopy(other)).toBeNull();
  });

  it('sends every participant token the device holds when joining, newest first, at most 20', () => {
    const many = Array.from({ length: 25 }, (_, i) => entry(`m${i}`, { token: `t${i}`, savedAt: i }));
    const held = heldTokens([...many, entry('f', { role: 'facilitator', facilitatorToken: 'f' })]);
    expect(held).toHaveLength(20);
    expect(held[0]).toBe('t24');
    expect(held).not.toContain('f');
  });
});
