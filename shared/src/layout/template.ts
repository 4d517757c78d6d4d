import type { Side } from '../schema/side.ts';
import type { ArtShape } from './art.ts';
import type { Point, Rect, Size } from './geometry.ts';
import type { BoardLayout, Zone } from './zone.ts';

/** The toolkit's parts, in the order of the programme. */
export const PARTS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type Part = (typeof PARTS)[number];

/**
 * A reference answer of Bijlage 1 ("controleantwoorden"). A note covers it
 * when the note holds one of its keywords: each keyword is the start of a
 * word (or of a few words), compared without case and accents, so "cultu"
 * matches "culturen" and "Cultuur". Short, visible rules a facilitator can
 * check by eye.
 */
export interface ReferenceAnswer {
  id: string;
  zoneId: string;
  label: string;
  /** The toolkit's explanation ("Uitleg krachtpunten"), shown on request. */
  explanation?: string;
  keywords: readonly string[];
}

/** A role card of Bijlage 3. */
export interface RoleSpec {
  id: string;
  side: Side;
  title: string;
  description: string;
}

/** A question answered by picking one option: a pitfall's "van toepassing?". */
export interface ChoiceRow {
  id: string;
  label: string;
  options: readonly { id: string; label: string }[];
  /** Where the option buttons start (top-left), in board coordinates. */
  at: Point;
}

/** A one-line answer written on the poster itself ("wie zet de afspraken op papier?"). */
export interface TextField {
  id: string;
  label: string;
  rect: Rect;
}

/** A table whose rows are items (the agreements: wat, wie, wanneer). */
export interface TableSpec {
  rect: Rect;
  columns: readonly { id: string; label: string; width: number }[];
}

/** Text printed on the poster as part of a zone: a quote, a pitfall. */
export interface PrintedCard {
  text: string;
  /** Who said it, for quotes. */
  source?: string;
  rect: Rect;
}

/**
 * Text for the facilitator only (part D's explanation per theme, the
 * VEILIGE RUIMTE box): never printed on the poster. A paragraph is a list
 * of the manual's own fragments, shown joined by a space; a fragment ends
 * where the manual's column breaks a sentence, so each one can be checked
 * word for word against the manual.
 */
export interface FacilitatorNote {
  id: string;
  title: string;
  paragraphs: readonly (readonly string[])[];
}

/**
 * One of several ideas on one board (part C), made of some of the board's
 * zones and, optionally, a field holding its name; voted on as a whole.
 */
export interface IdeaSpec {
  id: string;
  label: string;
  zoneIds: readonly string[];
  fieldId?: string;
}

/** A zone as a template draws it: where its label sits, and any printed card. */
export interface TemplateZone extends Zone {
  labelAt?: Point;
  card?: PrintedCard;
}

/**
 * A board as data: everything a client needs to draw the poster and
 * everything a report needs to group what was written on it.
 */
export interface Template extends BoardLayout {
  id: string;
  part: Part | null;
  /** The board's default title, in the toolkit's words. */
  title: string;
  /** Short instruction from the hand-out. */
  instructions: string;
  background: string;
  art: readonly ArtShape[];
  zones: readonly TemplateZone[];
  /** Size of a sticky note on this board (letters are bigger). */
  noteSize?: Size;
  /**
   * Notes on this board are letters: each is printed with the salutation
   * ("Lieve") before an addressee field of its own, then the letter.
   */
  letter?: { salutation: string };
  references?: readonly ReferenceAnswer[];
  /** Role cards to drag onto the board, and the zone a tapped card goes to. */
  roles?: readonly RoleSpec[];
  roleZoneId?: string;
  /**
   * What this board adds to the report's summary beside its own section:
   * the evaluation of the meeting (part F) or a partnership's plan
   * (part E.3, one board per partnership), every zone and field written in.
   */
  summary?: 'evaluation' | 'plan';
  choices?: readonly ChoiceRow[];
  fields?: readonly TextField[];
  table?: TableSpec;
  /**
   * Notes of other boards the group can copy onto this one: part E brings
   * each participant's own strength ("Wat is je eigen kracht", part B) into
   * the roots of the tree.
   */
  bringIn?: { fromTemplate: string; zoneId: string; label: string };
  /** Dot voting on boards of this template: votes per person across all of them. */
  voting?: { limit: number };
  /** Several boards of this template per meeting make sense (one per group). */
  repeatable?: boolean;
  /**
   * Several ideas on this one board, each with its own dots (votes per
   * person across the ideas of the board, `schema/idea.ts`): the limit here
   * until the facilitator sets one on the board; the relay checks each dot
   * against these ideas; IdeaVotes draws them, the beamer ranks them and
   * the report counts them.
   */
  ideas?: { list: readonly IdeaSpec[]; voting: { limit: number } };
  /** What the facilitator reads beside the board; never printed on it. */
  facilitatorNotes?: readonly FacilitatorNote[];
  /**
   * What a person writes on this board is theirs (schema/personal.ts): it
   * lives in their personal document, which only their own token reads,
   * until they share a note or consent when the facilitator gathers.
   */
  personal?: true;
  /** The manual's words when this part is optional ("Optioneel onderdeel, als er tijd is"). */
  optional?: string;
}
