import { describe, expect, it } from 'vitest';
import Konva from './konvaCore.ts';

/** Every react-konva element the client renders, read from the sources' imports. */
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.ts'], { query: '?raw', import: 'default', eager: true });
const usedElements = (): Set<string> => {
  const names = new Set<string>();
  for (const src of Object.values(sources)) {
    for (const m of src.matchAll(/import\s*\{([^}]*)\}\s*from\s*'react-konva'/g)) {
      for (const name of m[1]!.split(',')) {
        const n = name.trim().replace(/^type\s+/, '');
        if (/^[A-Z]/.test(n)) names.add(n);
      }
    }
  }
  return names;
};

describe('Konva through its core entry', () => {
  it('registers every shape the client draws (a missing one would not draw at all)', () => {
    const used = usedElements();
    // The client draws notes, posters, cursors and strokes: the list is not empty.
    expect(used.has('Stage') && used.has('Rect') && used.has('Text')).toBe(true);
    const registry = Konva as unknown as Record<string, unknown>;
    const missing = [...used].filter((name) => typeof registry[name] !== 'function');
    expect(missing).toEqual([]);
  });

  it('leaves out what Bodem never draws', () => {
    const registry = Konva as unknown as Record<string, unknown>;
    for (const name of ['Transformer', 'TextPath', 'Sprite', 'Star', 'Image', 'Arrow']) {
      expect(registry[name], name).toBeUndefined();
    }
    expect(Object.keys((registry.Filters ?? {}) as object)).toEqual([]);
  });
});
