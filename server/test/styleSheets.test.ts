import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The client's style sheets, read as files (vitest does not load CSS): every
 * rule closes where it should. A lost `}` (a merge that kept both sides of a
 * conflict) nests every rule after it inside one selector; browsers then
 * apply them only there, and half the app loses its layout without an error.
 */
const CLIENT = join(import.meta.dirname, '../../client/src');

const cssFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : []));

/** Rules nested in a rule that is not an at-rule, and rules left open at the end. */
export const ruleFaults = (css: string): { nested: string[]; open: string[]; strayClose: number } => {
  const stack: string[] = [];
  const nested: string[] = [];
  let strayClose = 0;
  let selector = '';
  for (const ch of css.replace(/\/\*[\s\S]*?\*\//g, '')) {
    if (ch === '{') {
      const sel = selector.trim();
      const parent = stack[stack.length - 1];
      if (parent !== undefined && !parent.startsWith('@')) nested.push(`${sel} inside ${parent}`);
      stack.push(sel);
      selector = '';
    } else if (ch === '}') {
      if (stack.length) stack.pop();
      else strayClose++;
      selector = '';
    } else if (ch === ';') selector = '';
    else selector += ch;
  }
  return { nested, open: stack, strayClose };
};

describe('the client’s style sheets', () => {
  it('close every rule, and nest rules only in at-rules', () => {
    const files = cssFiles(CLIENT);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(ruleFaults(readFileSync(f, 'utf8')), relative(CLIENT, f)).toEqual({ nested: [], open: [], strayClose: 0 });
  });

  it('catches a lost brace and a stray one', () => {
    expect(ruleFaults('.a { color: red;\n.b { color: blue; }\n').nested).toEqual(['.b inside .a']);
    expect(ruleFaults('.a { color: red; }}').strayClose).toBe(1);
    expect(ruleFaults('@media (min-width: 1px) { .a { color: red; } }')).toEqual({ nested: [], open: [], strayClose: 0 });
  });
});
