import { MAX_ORG_NAME, MAX_PREP_ORGS, cleanLine, type Template } from '@bodem/shared';

/** The expected organisations as typed, one a line (or separated by commas): trimmed, without doubles or empty lines. */
export const parseOrgs = (text: string): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\n,;]/)) {
    const org = cleanLine(raw, MAX_ORG_NAME);
    if (!org || seen.has(org.toLowerCase())) continue;
    seen.add(org.toLowerCase());
    out.push(org);
  }
  return out.slice(0, MAX_PREP_ORGS);
};

/**
 * The programme on the hand-out: each part in order, with the titles of its
 * boards (each title once); boards the plan leaves out (a part left out, an
 * optional step skipped) are not listed, nor is a part with none left.
 */
export const handoutParts = (templates: readonly Template[], leftOut: ReadonlySet<string> = new Set()): { part: string; titles: string[] }[] => {
  const byPart = new Map<string, string[]>();
  for (const tp of templates) {
    if (!tp.part || leftOut.has(tp.id)) continue;
    const titles = byPart.get(tp.part) ?? [];
    if (!titles.includes(tp.title)) titles.push(tp.title);
    byPart.set(tp.part, titles);
  }
  return [...byPart.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([part, titles]) => ({ part, titles }));
};
