import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fmt } from './index.ts';
import { DEFAULT_LOCALE, resolveLocale } from './locale.ts';
import { nl } from './nl.ts';

/** Every leaf (string or number) as `path → value`, e.g. `join.errors.code`, `run.presets.0.minutes`. */
const leaves = (value: unknown, path = ''): Map<string, unknown> => {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      for (const [p, leaf] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, leaf);
    }
  } else {
    out.set(path, value);
  }
  return out;
};

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('en', () => {
  const nlLeaves = leaves(nl);
  const enLeaves = leaves(en);

  it('has every key of nl, as a string with the same placeholders', () => {
    for (const [path, nlText] of nlLeaves) {
      const enText = enLeaves.get(path);
      if (typeof nlText !== 'string') {
        // Numbers (a timer preset's minutes) are the same in every language.
        expect(enText, path).toBe(nlText);
        continue;
      }
      expect(typeof enText, path).toBe('string');
      expect(placeholders(enText as string), path).toEqual(placeholders(nlText));
    }
  });

  it('has no keys that nl lacks', () => {
    expect([...enLeaves.keys()].filter((p) => !nlLeaves.has(p))).toEqual([]);
  });

  it('has no empty strings', () => {
    for (const [path, text] of enLeaves) if (typeof text === 'string') expect(text.trim(), path).not.toBe('');
  });
});

describe('resolveLocale', () => {
  it('picks Dutch when nothing is stored', () => {
    expect(DEFAULT_LOCALE).toBe('nl');
    expect(resolveLocale(null)).toBe('nl');
    expect(resolveLocale(undefined)).toBe('nl');
  });

  it('picks the stored locale', () => {
    expect(resolveLocale('en')).toBe('en');
    expect(resolveLocale('nl')).toBe('nl');
  });

  it('picks Dutch for junk', () => {
    for (const junk of ['', 'EN', 'en-GB', 'de', '"en"', 'null', 'toString', ' en']) expect(resolveLocale(junk), junk).toBe('nl');
  });
});

describe('fmt', () => {
  it('fills known placeholders and leaves unknown ones', () => {
    expect(fmt(en.voting.left, { n: 2, limit: 5 })).toBe('You have 2 of 5 votes left.');
    expect(fmt('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
