/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The toolkit's own texts, to check that a template quotes them exactly.
 * Copies of the manual (000_…), the slides (001_…), the hand-out
 * (003_…) and the Doorn workshop's report (002_…, for the practice meeting) of `../shared/seeds/` live beside this file, so the check runs
 * wherever the repository does.
 *
 * The seeds are PDF conversions: lines break anywhere and the manual
 * hyphenates at line ends. Only the conversion is undone, never the words:
 * whitespace runs become one space, markdown emphasis (`*`, `**`) goes, and
 * a hyphen at the end of a line either joins its word ("vrijwil-/ligers")
 * or stays a hyphen ("CJG-/manager"); a quote matches if either reading
 * holds it. The hand-out's conversion also flattened typographic single
 * quotes (‘voorwerk’ became 'voorwerk'), so those compare as one.
 */
const DIR = fileURLToPath(new URL('./seeds/', import.meta.url));

const quotes = (s: string): string => s.replace(/[‘’]/g, "'");

const flow = (raw: string, keepHyphen: boolean): string =>
  quotes(raw)
    .replace(/\*+/g, '')
    .replace(/-[ \t]*\r?\n\s*/g, keepHyphen ? '-' : '')
    .replace(/\s+/g, ' ');

/** Which seed: the manual, the slides or the hand-out. */
export type Seed = 'handleiding' | 'sheets' | 'hand-out' | 'verslag';
const FILES: Record<Seed, string> = { handleiding: '000_', sheets: '001_', 'hand-out': '003_', verslag: '002_' };

const READINGS: readonly { seed: Seed; text: string }[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => {
    const seed = (Object.keys(FILES) as Seed[]).find((k) => f.startsWith(FILES[k]));
    if (!seed) return [];
    const raw = readFileSync(DIR + f, 'utf8');
    return [
      { seed, text: flow(raw, false) },
      { seed, text: flow(raw, true) },
    ];
  });

if (new Set(READINGS.map((r) => r.seed)).size !== 4) throw new Error(`seed copies missing in ${DIR}`);

/** Whether `text` occurs word for word in one of the toolkit's seeds (or in the one named; the workshop report only when named). */
export const inSeeds = (text: string, only?: Seed): boolean =>
  text.trim() !== '' && READINGS.some((r) => (only ? r.seed === only : r.seed !== 'verslag') && r.text.includes(quotes(text)));

/**
 * A label or a heading lifted from inside a sentence gets a capital
 * ("Wat is er gezegd?" from "…: wat is er gezegd?"): the first letter may
 * differ in case, nothing else.
 */
export const inSeedsAsLabel = (text: string): boolean =>
  inSeeds(text) || inSeeds(text.charAt(0).toLowerCase() + text.slice(1)) || inSeeds(text.charAt(0).toUpperCase() + text.slice(1));

/** A printed list item: the bullet is layout, the words after it are the quote. */
export const withoutBullet = (line: string): string => line.replace(/^• /, '');
