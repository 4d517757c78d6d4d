import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '@bodem/templates';
import { handoutParts, parseOrgs } from './prep.ts';

describe('preparing', () => {
  it('reads the expected organisations one a line, without doubles or blanks', () => {
    expect(parseOrgs('CJG Doorn\n\n  Moskee Al Fath \ncjg doorn\nBuurthuis De Zwaluw, Vluchtelingenwerk')).toEqual(['CJG Doorn', 'Moskee Al Fath', 'Buurthuis De Zwaluw', 'Vluchtelingenwerk']);
    expect(parseOrgs('   \n ')).toEqual([]);
    expect(parseOrgs(Array.from({ length: 100 }, (_, i) => `Org ${i}`).join('\n'))).toHaveLength(40);
    expect(parseOrgs('x'.repeat(500))[0]!.length).toBeLessThanOrEqual(80);
  });
  it('lists the programme by part, A to G, each board title once', () => {
    const parts = handoutParts(TEMPLATES);
    expect(parts.map((p) => p.part)).toEqual([...new Set(TEMPLATES.map((t) => t.part).filter((p) => p))].sort());
    const b = parts.find((p) => p.part === 'B')!;
    expect(b.titles).toContain('De kracht van informeel');
    expect(new Set(b.titles).size).toBe(b.titles.length);
  });
  it('leaves out the boards the plan leaves out, and a part with none left', () => {
    const parts = handoutParts(TEMPLATES, new Set(['boom', 'in-de-weg']));
    expect(parts.flatMap((p) => p.titles)).not.toContain('Boom van samenwerking');
    expect(parts.map((p) => p.part)).not.toContain('D');
    expect(parts.find((p) => p.part === 'E')!.titles.length).toBeGreaterThan(0);
  });
});
