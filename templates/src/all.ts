import type { Template } from '@bodem/shared';
import { afspraken } from './afspraken.ts';
import { beeld } from './beeld.ts';
import { boom } from './boom.ts';
import { eigenKracht } from './eigenKracht.ts';
import { evaluatie } from './evaluatie.ts';
import { fietsbel } from './fietsbel.ts';
import { ideeen } from './ideeen.ts';
import { inDeWeg, inDeWegWith } from './inDeWeg.ts';
import { kern } from './kern.ts';
import { krachtFormeel } from './krachtFormeel.ts';
import { krachtInformeel } from './krachtInformeel.ts';
import { presentaties } from './presentaties.ts';
import { valkuilen } from './valkuilen.ts';
import { voorbeeld } from './voorbeeld.ts';
import { voorbeelden } from './voorbeelden.ts';
import { vrij } from './vrij.ts';
import { wens } from './wens.ts';

/** Every board, in the order the toolkit uses them; the free board last. */
export const TEMPLATES: readonly Template[] = [
  beeld,
  presentaties,
  krachtInformeel,
  krachtFormeel,
  eigenKracht,
  voorbeelden,
  ideeen,
  voorbeeld,
  inDeWeg,
  kern,
  boom,
  valkuilen,
  afspraken,
  evaluatie,
  wens,
  fietsbel,
  vrij,
];

const BY_ID = new Map(TEMPLATES.map((t) => [t.id, t]));

export const templateById = (id: string): Template | undefined => BY_ID.get(id);

/**
 * A board's template as this meeting prepared it: part D shows only the
 * quotes the facilitator chose (`prep.quotes`, null: all); every other
 * template is the toolkit's. Poster, list, beamer and report draw through it.
 */
export const meetingTemplate = (id: string, prep: { quotes: readonly string[] | null }): Template | undefined =>
  id === inDeWeg.id ? inDeWegWith(prep.quotes) : templateById(id);
