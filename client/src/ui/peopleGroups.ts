import type { PersonSide } from '@bodem/shared';
import type { Person } from '../sync/presence.ts';

export interface OrgGroup {
  /** As the first person of the group typed it; '' for people who named none. */
  org: string;
  people: Person[];
}

export interface SideGroup {
  /** null: everyone without a side (the facilitator, the projector). */
  side: PersonSide | null;
  orgs: OrgGroup[];
  count: number;
}

const SIDE_ORDER: (PersonSide | null)[] = ['formeel', 'informeel', 'beide', null];

/** "CJG Noord", "cjg  noord" and "CJG noord" are one organisation. */
const orgKey = (org: string): string => org.toLocaleLowerCase('nl').replace(/\s+/g, ' ').trim();

/**
 * One line per person (several tablets or tabs of one participant id count
 * once), grouped by side (formeel, informeel, then the rest) and within a
 * side by organisation, alphabetically, those without one last. People keep
 * the order they came in (self first, then by name).
 */
export const groupPeople = (people: readonly Person[]): SideGroup[] => {
  const seen = new Set<string>();
  const unique = people.filter((p) => {
    const key = p.userId || `c${p.clientId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const groups: SideGroup[] = [];
  for (const side of SIDE_ORDER) {
    const members = unique.filter((p) => (p.side ?? null) === side);
    if (members.length === 0) continue;
    const byOrg = new Map<string, OrgGroup>();
    for (const p of members) {
      const key = orgKey(p.org);
      let g = byOrg.get(key);
      if (!g) byOrg.set(key, (g = { org: p.org.trim(), people: [] }));
      g.people.push(p);
    }
    const orgs = [...byOrg.values()].sort((a, b) =>
      a.org === '' ? 1 : b.org === '' ? -1 : a.org.localeCompare(b.org, 'nl', { sensitivity: 'base' }),
    );
    groups.push({ side, orgs, count: members.length });
  }
  return groups;
};

/** Number of people, one per participant id. */
export const countPeople = (groups: readonly SideGroup[]): number => groups.reduce((n, g) => n + g.count, 0);
