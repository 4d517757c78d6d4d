import { describe, expect, it } from 'vitest';
import type { Person } from '../sync/presence.ts';
import { countPeople, groupPeople } from './peopleGroups.ts';

let nextClient = 1;
const person = (p: Partial<Person> & { name: string }): Person => ({
  clientId: nextClient++,
  userId: p.name.toLowerCase(),
  side: null,
  role: 'participant',
  org: '',
  self: false,
  ...p,
});

const names = (groups: ReturnType<typeof groupPeople>) =>
  groups.map((g) => ({ side: g.side, count: g.count, orgs: g.orgs.map((o) => [o.org, o.people.map((p) => p.name)]) }));

describe('groupPeople', () => {
  it('groups by side (formeel, informeel, the rest) and by organisation, those without one last', () => {
    const groups = groupPeople([
      person({ name: 'Gespreksleider', role: 'facilitator', self: true }),
      person({ name: 'Anna', side: 'formeel', org: 'Wijkteam' }),
      person({ name: 'Bilal', side: 'informeel', org: 'Moskee' }),
      person({ name: 'Carla', side: 'formeel', org: 'CJG Noord' }),
      person({ name: 'Dirk', side: 'formeel' }),
      person({ name: 'Emre', side: 'informeel', org: 'Buurthuis' }),
      person({ name: 'Fatma', side: 'formeel', org: 'cjg  noord' }),
      person({ name: 'Projector', role: 'projector' }),
    ]);
    expect(names(groups)).toEqual([
      {
        side: 'formeel',
        count: 4,
        orgs: [
          ['CJG Noord', ['Carla', 'Fatma']],
          ['Wijkteam', ['Anna']],
          ['', ['Dirk']],
        ],
      },
      { side: 'informeel', count: 2, orgs: [['Buurthuis', ['Emre']], ['Moskee', ['Bilal']]] },
      { side: null, count: 2, orgs: [['', ['Gespreksleider', 'Projector']]] },
    ]);
    expect(countPeople(groups)).toBe(8);
  });

  it('counts a person with several tablets once, and leaves out empty sides', () => {
    const groups = groupPeople([
      person({ name: 'Anna', side: 'formeel', userId: 'a' }),
      person({ name: 'Anna', side: 'formeel', userId: 'a' }),
      // Without an id (an old client): one line per connection.
      person({ name: 'Zonder id', side: 'formeel', userId: '' }),
      person({ name: 'Zonder id', side: 'formeel', userId: '' }),
    ]);
    expect(names(groups)).toEqual([{ side: 'formeel', count: 3, orgs: [['', ['Anna', 'Zonder id', 'Zonder id']]] }]);
    expect(groupPeople([])).toEqual([]);
  });
});
