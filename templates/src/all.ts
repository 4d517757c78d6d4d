import type { Template } from '@bodem/shared';
import { afspraken } from './afspraken.ts';
import { beeld } from './beeld.ts';
import { boom } from './boom.ts';
import { eigenKracht } from './eigenKracht.ts';
import { inDeWeg } from './inDeWeg.ts';
import { krachtFormeel } from './krachtFormeel.ts';
import { krachtInformeel } from './krachtInformeel.ts';
import { valkuilen } from './valkuilen.ts';
import { voorbeeld } from './voorbeeld.ts';
import { vrij } from './vrij.ts';
import { wens } from './wens.ts';

/** Every board, in the order of the full programme; the free board last. */
export const TEMPLATES: readonly Template[] = [
  beeld,
  krachtInformeel,
  krachtFormeel,
  eigenKracht,
  voorbeeld,
  inDeWeg,
  boom,
  valkuilen,
  afspraken,
  wens,
  vrij,
];

const BY_ID = new Map(TEMPLATES.map((t) => [t.id, t]));

export const templateById = (id: string): Template | undefined => BY_ID.get(id);
