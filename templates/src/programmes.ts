import type { Part } from '@bodem/shared';
import { templateById } from './all.ts';

/** The toolkit's three (half-)days: verkenning, visie, opzetten. */
export type Deel = 1 | 2 | 3;

export const DEELS: Readonly<Record<Deel, string>> = {
  1: 'Deel 1: Verkenning',
  2: 'Deel 2: Visie op samenwerking',
  3: 'Deel 3: Opzetten van samenwerking',
};

export interface PartInfo {
  title: string;
  deel: Deel;
  /** The manual's own wording of the duration, where it gives one. */
  duration?: string;
  /** The same as a range in minutes, for one or two partnerships. */
  minutes?: { min: number; max: number };
}

export const PART_INFO: Readonly<Record<Part, PartInfo>> = {
  A: {
    title: 'Een nieuw beeld van elkaar',
    deel: 1,
    duration: '1 tot 1,5 uur (bij een grotere groep minstens 2 uur)',
    minutes: { min: 60, max: 90 },
  },
  B: {
    title: 'De kracht van de ander',
    deel: 1,
    duration: '1 à 1,5 uur (2 uur bij een grote groep)',
    minutes: { min: 60, max: 90 },
  },
  C: {
    title: 'Vormen van samenwerking',
    deel: 2,
    duration: '40 minuten (20 minuten presentatie, 20 minuten discussie)',
    minutes: { min: 40, max: 40 },
  },
  // The manual times D per theme; the range covers all three themes.
  D: { title: 'Wat staat er in de weg?', deel: 2, duration: '15-20 minuten per thema', minutes: { min: 45, max: 60 } },
  E: { title: 'De kern van het samen doen', deel: 3, duration: '1,5 uur', minutes: { min: 90, max: 90 } },
  F: { title: 'Evaluatie: Afspraken voor vervolg', deel: 3 },
  G: { title: 'Afsluiting: Een wens voor de toekomst', deel: 3 },
};

export interface Programme {
  id: string;
  title: string;
  description: string;
  /** Template ids, in the order the boards are used. */
  templates: readonly string[];
}

export const PROGRAMMES: readonly Programme[] = [
  {
    id: 'volledig',
    title: 'Volledige bijeenkomst',
    description: 'Het hele programma, van kennismaking tot afspraken en een wens voor de toekomst (minimaal een dag).',
    // Part C's own ideas: every group's idea on one board ('ideeen'), each
    // idea with its own dots. One board per idea ('voorbeeld') can be added.
    templates: [
      'beeld',
      'presentaties',
      'kracht-informeel',
      'kracht-formeel',
      'eigen-kracht',
      'voorbeelden',
      'ideeen',
      'in-de-weg',
      'kern',
      'boom',
      'valkuilen',
      'afspraken',
      'evaluatie',
      'wens',
      'fietsbel',
    ],
  },
  {
    id: 'kennismaking',
    title: 'Kennismaking',
    description: 'Alleen deel 1, voor partners die elkaar nog niet goed kennen: elkaar leren kennen en elkaars kracht verkennen (een dagdeel).',
    templates: ['beeld', 'presentaties', 'kracht-informeel', 'kracht-formeel', 'eigen-kracht'],
  },
];

export const programmeById = (id: string): Programme | undefined => PROGRAMMES.find((p) => p.id === id);

/**
 * The boards a new meeting starts with: a named programme, or the
 * facilitator's own pick of templates. A template picked twice (a poster
 * per organisation) gets a number, so the boards can be told apart.
 */
export const programmeBoards = (
  choice: { programme: string } | { templates: readonly string[] },
): { template: string; title: string }[] => {
  let ids: readonly string[];
  if ('programme' in choice) {
    const programme = programmeById(choice.programme);
    if (!programme) {
      throw new Error(`Unknown programme "${choice.programme}"; known: ${PROGRAMMES.map((p) => p.id).join(', ')}`);
    }
    ids = programme.templates;
  } else {
    ids = choice.templates;
  }
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const template = templateById(id);
    if (!template) throw new Error(`Unknown template "${id}"`);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return { template: id, title: n === 1 ? template.title : `${template.title} (${n})` };
  });
};

/** The part of the day a board belongs to; null for the free board and unknown ids. */
export const deelOf = (templateId: string): Deel | null => {
  const part = templateById(templateId)?.part;
  return part ? PART_INFO[part].deel : null;
};
