import type * as Y from 'yjs';
import { isCovered, referenceCoverage } from '../derive/blindSpots.ts';
import { collapseBundles } from '../derive/bundles.ts';
import { noteWords } from '../derive/notes.ts';
import { tallyVotes } from '../derive/votes.ts';
import { ideaSettingsOf, ideaTarget, tallyIdeas } from '../schema/idea.ts';
import { zoneOfItem } from '../derive/zones.ts';
import type { Part, Template } from '../layout/template.ts';
import { rectCenter, type Rect } from '../layout/geometry.ts';
import { shapeContains, zoneAt } from '../layout/zone.ts';
import type { Role } from '../presence.ts';
import { readMeeting, type MeetingView } from '../meetingView.ts';
import type { Note } from '../schema/note.ts';
import type { Vote } from '../schema/vote.ts';
import { PERSON_SIDES, SIDES, type PersonSide, type Side } from '../schema/side.ts';

/**
 * The report of a meeting as plain data: what the PDF, the Markdown and the
 * server's `report.md` all print, so the three never disagree. Built from
 * the normalised view (`readMeeting`), never from raw document values.
 */
export interface ReportOutline {
  title: string;
  /** When the meeting was created (ms since the epoch); 0 when unknown. */
  date: number;
  participants: ReportParticipants;
  /** The outcomes, printed before the boards: agreements, vote ranking, roles, pitfalls. */
  summary: ReportSummary;
  /** The boards something happened on, in programme order. */
  boards: ReportBoard[];
  /** What nobody used: listed once at the end, never printed in full. */
  unused: ReportUnused;
}

/**
 * The outcomes of a meeting, each per board of its kind: a meeting with
 * several partnerships has a board per partnership, and each gets its own
 * entry (the renderers name the board when there are several).
 */
export interface ReportSummary {
  /** Per board with an agreements table (part F, "Evaluatie: afspraken voor vervolg"). */
  agreements: ReportAgreements[];
  /** Per template that is voted on: every idea with its dots, most first. */
  votes: ReportVoting[];
  /** Per board with a zone for role cards (the Boom's trunk): the roles placed there. */
  roles: { boardId: string; boardTitle: string; zoneLabel: string; roles: ReportRole[] }[];
  /** Per pitfall board: the pitfalls the group said apply ("van toepassing? Ja"), with what they wrote. */
  pitfalls: { boardId: string; boardTitle: string; pitfalls: { label: string; text: string; items: ReportItem[] }[] }[];
  /** Per evaluation board (part F, `Template.summary: 'evaluation'`): what was written in it. */
  evaluations: ReportSummarySection[];
  /** Per partnership's plan (part E.3, `Template.summary: 'plan'`): who writes it up, and what was written in it. */
  plans: ReportSummarySection[];
}

/** A board repeated in the summary as text: its filled one-line answers and its zones with notes. */
export interface ReportSummarySection {
  boardId: string;
  boardTitle: string;
  fields: ReportField[];
  zones: { label: string; items: ReportItem[] }[];
}

export interface ReportAgreements {
  boardId: string;
  boardTitle: string;
  table: ReportTable;
  /** The board's one-line answers: "Wie zet de afspraken op papier?". */
  fields: ReportField[];
  /** What the group noted beside the table (the evaluation: "Vervolgstappen"), per zone. */
  notes: { label: string; items: ReportItem[] }[];
}

/** A board's ideas with their dots (schema/idea.ts). */
export interface ReportIdeas {
  limit: number;
  /** In the board's order; `name` is what the group wrote as the idea's name. */
  ideas: { id: string; label: string; name: string | null; count: number }[];
  /** The idea(s) with the most dots; more than one on a tie; none without votes. */
  winners: string[];
}

export interface ReportVoting {
  /** The board whose ideas these are, when the ideas are on one board (else each idea is a board). */
  boardTitle?: string;
  limit: number;
  /** Ideas with their dots, most first (programme order among equals). */
  ranking: { boardId: string; title: string; count: number }[];
  /** The idea(s) with the most dots; more than one on a tie; none without votes. */
  winners: string[];
}

/** Boards nobody used, and zones of used boards nobody wrote in (quotes nobody reacted to). */
export interface ReportUnused {
  boards: { id: string; title: string }[];
  zones: { boardId: string; boardTitle: string; labels: string[] }[];
}

/**
 * Who took part, as far as anyone can know. Names, sides and organisations
 * live in the tokens, which are never stored; the document keeps an author id
 * and the side per note. So the counts are the distinct authors and voters in
 * the document, completed (and corrected) by the people connected when the
 * report was made, if the caller knows them.
 */
export interface ReportParticipants {
  /** People per side they joined as ('beide': both formeel and informeel worker). */
  perSide: Record<PersonSide, number>;
  /** Authors whose side nothing tells (a role card or an agreement only). */
  unknownSide: number;
  /** Organisations of the people connected, each once (however it was typed), sorted; empty without presence. */
  organisations: string[];
  /**
   * Who took part per side and organisation: a count, and the names when
   * the facilitator chose to print names (`ReportOptions.names`). Formeel
   * first, then informeel, then unknown side; organisations alphabetically,
   * "none named" last.
   */
  groups: ReportGroup[];
  source: 'document' | 'document+presence';
}

export interface ReportGroup {
  side: PersonSide | null;
  /** null: nobody in this group named an organisation (or only the document knows them). */
  organisation: string | null;
  count: number;
  /** Names, sorted, when names were asked for; empty otherwise. People only the document knows have none. */
  names: string[];
}

export interface ReportBoard {
  id: string;
  title: string;
  templateId: string;
  /** The toolkit's name of the board's template ('' for an unknown template). */
  templateTitle: string;
  part: Part | null;
  /** The part's title ("De kracht van de ander") and its part of the day ("Deel 1: Verkenning"). */
  partTitle: string | null;
  deel: string | null;
  instructions: string;
  zones: ReportZone[];
  /** Items and answers on a board without zones (the free board). */
  loose: ReportItem[];
  looseChoices: ReportChoice[];
  /** One-line answers printed outside every zone ("Vorm van samenwerking"). */
  fields: ReportField[];
  /** The agreements table (wat, wie, wanneer) when it lies outside every zone. */
  table: ReportTable | null;
  /** Dots on this board when its template is voted on (ideas of part C), with its place among the ideas. */
  votes: { count: number; limit: number; rank: number; of: number; winner: boolean } | null;
  /** Dots on this board's own ideas (part C on one board): each idea with its count, and the winner(s). */
  ideas?: ReportIdeas;
  /** Lines drawn outside every zone. */
  drawing?: ReportDrawing;
}

/** Pen strokes in a part of the board: a drawing, shown as a picture where the format can. */
export interface ReportDrawing {
  strokes: number;
  /** Where they are, in board coordinates (to cut the drawing out of the poster's picture). */
  rect: Rect;
}

export interface ReportZone {
  id: string;
  label: string;
  hint?: string;
  /** Text printed in the zone: a pitfall, a quote. */
  card?: { text: string; source?: string };
  /** Questions answered in this zone ("van toepassing?"). */
  choices: ReportChoice[];
  /** One-line answers printed in this zone ("wie zet de afspraken op papier?"). */
  fields: ReportField[];
  /** The agreements table, in the zone it is printed in. */
  table?: ReportTable;
  items: ReportItem[];
  /** Reference answers of the zone and whether a note mentions them (blind spots), when included. */
  references?: { label: string; covered: boolean }[];
  /** Lines drawn in this zone. */
  drawing?: ReportDrawing;
}

export interface ReportChoice {
  id: string;
  question: string;
  /** The picked option's label; null when nobody answered. */
  answer: string | null;
  /** The picked option's id ("ja"); null when nobody answered. */
  answerId: string | null;
}

export interface ReportField {
  id: string;
  label: string;
  value: string;
}

export interface ReportTable {
  columns: { id: string; label: string }[];
  /** One row per agreement, oldest first; each row's cells in column order. */
  rows: string[][];
}

export type ReportItem = ReportNote | ReportRole;

export interface ReportNote {
  kind: 'note';
  id: string;
  text: string;
  /** The side of the note's author (of a bundle's head). */
  side: Side | null;
  /** 1 for a single note; a bundle's size. */
  count: number;
  /** Every side in a bundle, in SIDES order. */
  sides: Side[];
  /** What the other notes of a bundle say, where it differs from `text`. */
  others: string[];
}

export interface ReportRole {
  kind: 'role';
  id: string;
  title: string;
  description: string;
  /** Whose role it is. */
  side: Side | null;
}

/** What the outline needs from `templates/`, which `shared/` cannot import. */
export interface ReportSources {
  template: (id: string) => Template | undefined;
  part?: (part: Part) => { title: string; deel: string } | undefined;
}

export interface ReportPerson {
  id: string;
  side: PersonSide | null;
  role?: Role;
  org?: string;
  /** The name they joined with; printed only when the facilitator asks for names. */
  name?: string;
}

export interface ReportOptions {
  /** The people connected now (presence or the relay's verified tokens). */
  people?: readonly ReportPerson[];
  /** Reference answers on every board that has them; otherwise only where the facilitator showed them. */
  allReferences?: boolean;
  /** Ids of people who lead the meeting (the facilitator): not counted as participants. */
  leaders?: readonly string[];
  /** The facilitator's choice: print who took part by name (per side and organisation), not only counts. */
  names?: boolean;
}

const isDoc = (v: Y.Doc | MeetingView): v is Y.Doc => typeof (v as Y.Doc).getMap === 'function';

const byAge = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/** "CJG  den Haag" and "cjg Den Haag" are one organisation. */
const orgKey = (org: string): string => org.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl');

const SIDE_ORDER = (s: PersonSide | null): number => (s ? PERSON_SIDES.indexOf(s) : PERSON_SIDES.length);

const participantsOf = (view: MeetingView, opts: ReportOptions): ReportParticipants => {
  const { people, leaders = [] } = opts;
  const sideOf = new Map<string, PersonSide | null>();
  const orgOf = new Map<string, string>();
  const nameOf = new Map<string, string>();
  const see = (id: string, side: PersonSide | null) => {
    if (!id) return;
    if (!sideOf.get(id)) sideOf.set(id, side);
  };
  for (const n of view.notes) see(n.authorId, n.side);
  for (const r of view.roles) see(r.authorId, null);
  for (const a of view.agreements) see(a.authorId, null);
  for (const v of view.votes) see(v.participantId, null);
  for (const p of people ?? []) {
    // The facilitator and the projector lead and show; they are not participants.
    if (p.role === 'facilitator' || p.role === 'projector') {
      sideOf.delete(p.id);
      continue;
    }
    sideOf.set(p.id, p.side ?? sideOf.get(p.id) ?? null);
    const org = p.org?.replace(/\s+/g, ' ').trim();
    if (org) orgOf.set(p.id, org);
    const name = p.name?.replace(/\s+/g, ' ').trim();
    if (name) nameOf.set(p.id, name);
  }
  for (const id of leaders) sideOf.delete(id);
  const perSide: Record<PersonSide, number> = { formeel: 0, informeel: 0, beide: 0 };
  let unknownSide = 0;
  // One spelling per organisation: the one most people typed (the first seen among equals).
  const spellings = new Map<string, Map<string, number>>();
  for (const [id, org] of orgOf) {
    if (!sideOf.has(id)) continue;
    const m = spellings.get(orgKey(org)) ?? spellings.set(orgKey(org), new Map()).get(orgKey(org))!;
    m.set(org, (m.get(org) ?? 0) + 1);
  }
  const spelling = (key: string) => [...spellings.get(key)!].sort((a, b) => b[1] - a[1])[0]![0];
  const groups = new Map<string, ReportGroup>();
  for (const [id, side] of sideOf) {
    if (side) perSide[side]++;
    else unknownSide++;
    const org = orgOf.get(id);
    const key = `${side ?? ''}\u0000${org ? orgKey(org) : ''}`;
    const g = groups.get(key) ?? groups.set(key, { side, organisation: org ? spelling(orgKey(org)) : null, count: 0, names: [] }).get(key)!;
    g.count++;
    const name = nameOf.get(id);
    if (opts.names && name) g.names.push(name);
  }
  const collator = (a: string, b: string) => a.localeCompare(b, 'nl');
  for (const g of groups.values()) g.names.sort(collator);
  return {
    perSide,
    unknownSide,
    organisations: [...spellings.keys()].map(spelling).sort(collator),
    groups: [...groups.values()].sort(
      (a, b) =>
        SIDE_ORDER(a.side) - SIDE_ORDER(b.side) ||
        (a.organisation === null ? 1 : 0) - (b.organisation === null ? 1 : 0) ||
        collator(a.organisation ?? '', b.organisation ?? ''),
    ),
    source: people ? 'document+presence' : 'document',
  };
};

/** The box around a stroke's points (x, y, pressure triples), widened by its pen. */
const strokeBox = (points: readonly number[], width: number): Rect | null => {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 3) {
    x0 = Math.min(x0, points[i]!);
    x1 = Math.max(x1, points[i]!);
    y0 = Math.min(y0, points[i + 1]!);
    y1 = Math.max(y1, points[i + 1]!);
  }
  if (!Number.isFinite(x0)) return null;
  const pad = width / 2 + 2;
  return { x: x0 - pad, y: y0 - pad, width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad };
};

const addToDrawing = (d: ReportDrawing | undefined, r: Rect): ReportDrawing => {
  if (!d) return { strokes: 1, rect: r };
  const x = Math.min(d.rect.x, r.x);
  const y = Math.min(d.rect.y, r.y);
  return {
    strokes: d.strokes + 1,
    rect: { x, y, width: Math.max(d.rect.x + d.rect.width, r.x + r.width) - x, height: Math.max(d.rect.y + d.rect.height, r.y + r.height) - y },
  };
};

/** Did anything happen in this zone? A printed card or an unanswered question alone is not something that happened. */
const zoneUsed = (z: ReportZone): boolean =>
  z.items.length > 0 ||
  z.choices.some((c) => c.answerId) ||
  z.fields.some((f) => f.value) ||
  (z.table?.rows.length ?? 0) > 0 ||
  !!z.drawing;

const boardUsed = (b: ReportBoard): boolean =>
  b.zones.some(zoneUsed) ||
  b.loose.length > 0 ||
  b.looseChoices.some((c) => c.answerId) ||
  b.fields.some((f) => f.value) ||
  (b.table?.rows.length ?? 0) > 0 ||
  (b.votes?.count ?? 0) > 0 ||
  !!b.ideas?.ideas.some((i) => i.count > 0) ||
  !!b.drawing;

/** A board's ideas with their counted dots (the facilitator's limit, earliest dots first). */
const ideasOf = (board: MeetingView['boards'][number], template: Template, notes: readonly Note[], votes: readonly Vote[]): ReportIdeas => {
  const tally = tallyIdeas(board.id, template, ideaSettingsOf(board.state, template), board.state, notes, votes);
  // Only what happened: an idea nobody wrote in and nobody voted for is left out.
  const happened = tally.ideas.filter((i) => i.written || i.count > 0);
  return { limit: tally.limit, ideas: happened.map(({ id, label, name, count }) => ({ id, label, name, count })), winners: tally.winners };
};

/** A bundle (or a single note) as one report item; null when it says nothing at all. */
const noteItem = (head: Note, members: readonly Note[], letter: Template['letter']): ReportNote | null => {
  const texts = members.map((m) => noteWords(m, letter).trim()).filter((t) => t);
  const text = noteWords(head, letter).trim() || texts[0];
  if (!text) return null;
  const sides = SIDES.filter((s) => members.some((m) => m.side === s));
  const others = [...new Set(texts.filter((t) => t !== text))];
  return { kind: 'note', id: head.id, text, side: head.side, count: members.length, sides, others };
};

const choiceOf = (row: NonNullable<Template['choices']>[number], picked: string | undefined): ReportChoice => {
  const option = row.options.find((o) => o.id === picked);
  return { id: row.id, question: row.label, answer: option?.label ?? null, answerId: option?.id ?? null };
};

/**
 * The report outline of a meeting: boards in programme order, per zone the
 * notes (bundles once, with their size), role cards, answered questions and
 * reference answers; per board its fields, agreements and votes.
 */
export const reportOutline = (source: Y.Doc | MeetingView, sources: ReportSources, opts: ReportOptions = {}): ReportOutline => {
  const view = isDoc(source) ? readMeeting(source) : source;

  // Votes count across every board of the voting template, with one limit per person.
  const votingTemplates = new Map<string, { targets: Set<string>; limit: number }>();
  for (const b of view.boards) {
    const limit = sources.template(b.template)?.voting?.limit;
    if (!limit) continue;
    const entry = votingTemplates.get(b.template) ?? { targets: new Set<string>(), limit };
    entry.targets.add(b.id);
    votingTemplates.set(b.template, entry);
  }
  const voteCounts = new Map<string, number>();
  for (const { targets, limit } of votingTemplates.values()) {
    for (const [id, n] of tallyVotes(view.votes, targets, limit).counts) voteCounts.set(id, n);
  }

  const allBoards = view.boards.map((board): ReportBoard => {
    const template = sources.template(board.template);
    const zonesSpec = template?.zones ?? [];
    const layout = template ?? { width: 0, height: 0, zones: [] };
    const notes = view.notes.filter((n) => n.boardId === board.id).sort(byAge);
    const roles = view.roles.filter((r) => r.boardId === board.id).sort(byAge);
    const zones: ReportZone[] = zonesSpec.map((z) => ({
      id: z.id,
      label: z.label,
      ...(z.hint ? { hint: z.hint } : {}),
      ...(z.card ? { card: { text: z.card.text, ...(z.card.source ? { source: z.card.source } : {}) } } : {}),
      choices: [],
      fields: [],
      items: [],
    }));
    const zoneById = new Map(zones.map((z) => [z.id, z]));
    const loose: ReportItem[] = [];
    const place = (zoneId: string | undefined, item: ReportItem) => {
      const z = zoneId ? zoneById.get(zoneId) : undefined;
      if (z) z.items.push(item);
      else loose.push(item);
    };

    // Items in the order they were written; a bundle sits where its head lies.
    const placed: { at: number; id: string; zoneId: string | undefined; item: ReportItem }[] = [];
    for (const { note, bundle } of collapseBundles(notes)) {
      const item = noteItem(note, bundle ? bundle.members : [note], template?.letter);
      if (!item) continue;
      placed.push({ at: note.createdAt, id: note.id, zoneId: zoneOfItem(layout, note, template?.noteSize)?.id, item });
    }
    for (const r of roles) {
      const item: ReportRole = { kind: 'role', id: r.id, title: r.title, description: r.description, side: r.side };
      placed.push({ at: r.createdAt, id: r.id, zoneId: zoneOfItem(layout, r)?.id, item });
    }
    placed.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    for (const p of placed) place(p.zoneId, p.item);

    const looseChoices: ReportChoice[] = [];
    for (const row of template?.choices ?? []) {
      const choice = choiceOf(row, board.state.choices[row.id]);
      // A question belongs to the zone its buttons are printed in.
      const z = zoneById.get(zoneAt(zonesSpec, row.at)?.id ?? '');
      if (z) z.choices.push(choice);
      else looseChoices.push(choice);
    }

    if (template?.references?.length && (opts.allReferences || board.state.showReferences)) {
      for (const c of referenceCoverage(template.references, notes, board.state.matches)) {
        const z = zoneById.get(c.reference.zoneId);
        if (!z) continue;
        (z.references ??= []).push({ label: c.reference.label, covered: isCovered(c) });
      }
    }

    // A field or the table belongs to the zone that holds its middle; a title line above the zones to the board.
    const holder = (r: Rect) => zonesSpec.find((z) => shapeContains(z.shape, rectCenter(r)));
    const fields: ReportField[] = [];
    for (const f of template?.fields ?? []) {
      const field = { id: f.id, label: f.label, value: board.state.fields[f.id] ?? '' };
      const z = zoneById.get(holder(f.rect)?.id ?? '');
      if (z) z.fields.push(field);
      else fields.push(field);
    }

    const agreements = view.agreements.filter((a) => a.boardId === board.id).sort(byAge);
    const columns = template?.table?.columns.map((c) => ({ id: c.id, label: c.label })) ?? null;
    let table: ReportTable | null = null;
    if (columns || agreements.length) {
      const cols = columns ?? [
        { id: 'wat', label: 'Wat?' },
        { id: 'wie', label: 'Wie?' },
        { id: 'wanneer', label: 'Wanneer?' },
      ];
      const cell = (a: (typeof agreements)[number], id: string) => (id === 'wat' || id === 'wie' || id === 'wanneer' ? a[id].trim() : '');
      table = {
        columns: cols,
        rows: agreements.map((a) => cols.map((c) => cell(a, c.id))).filter((row) => row.some((v) => v)),
      };
      const z = template?.table ? zoneById.get(holder(template.table.rect)?.id ?? '') : undefined;
      if (z) {
        z.table = table;
        table = null;
      }
    }

    let drawing: ReportDrawing | undefined;
    for (const st of view.strokes) {
      if (st.boardId !== board.id) continue;
      const box = strokeBox(st.points, st.width);
      if (!box) continue;
      const z = zonesSpec.length ? zoneById.get(zoneAt(zonesSpec, rectCenter(box))?.id ?? '') : undefined;
      if (z) z.drawing = addToDrawing(z.drawing, box);
      else drawing = addToDrawing(drawing, box);
    }

    const voting = votingTemplates.get(board.template);
    const partInfo = template?.part ? sources.part?.(template.part) : undefined;
    return {
      id: board.id,
      title: board.title,
      templateId: board.template,
      templateTitle: template?.title ?? '',
      part: template?.part ?? null,
      partTitle: partInfo?.title ?? null,
      deel: partInfo?.deel ?? null,
      instructions: template?.instructions ?? '',
      zones,
      loose,
      looseChoices,
      fields,
      table,
      votes: voting ? { count: voteCounts.get(board.id) ?? 0, limit: voting.limit, rank: 0, of: 0, winner: false } : null,
      ...(template?.ideas ? { ideas: ideasOf(board, template, notes, view.votes) } : {}),
      ...(drawing ? { drawing } : {}),
    };
  });

  // Only what happened: boards nobody used go, and so do zones nobody wrote in (a quote nobody reacted to).
  const unused: ReportUnused = { boards: [], zones: [] };
  const used: ReportBoard[] = [];
  for (const b of allBoards) {
    if (!boardUsed(b)) {
      unused.boards.push({ id: b.id, title: b.title });
      continue;
    }
    const empty = b.zones.filter((z) => !zoneUsed(z) && !z.references?.length);
    if (empty.length) unused.zones.push({ boardId: b.id, boardTitle: b.title, labels: empty.map((z) => z.label) });
    used.push({ ...b, zones: b.zones.filter((z) => !empty.includes(z)) });
  }

  return {
    title: view.meta.title,
    date: view.meta.createdAt,
    participants: participantsOf(view, opts),
    summary: summaryOf(used, sources),
    boards: used,
    unused,
  };
};

/** The outcomes of the boards that were used (see `ReportSummary`); sets each idea's rank. */
const summaryOf = (boards: readonly ReportBoard[], sources: ReportSources): ReportSummary => {
  const summary: ReportSummary = { agreements: [], votes: [], roles: [], pitfalls: [], evaluations: [], plans: [] };
  const byTemplate = new Map<string, ReportBoard[]>();
  for (const b of boards) if (b.votes) (byTemplate.get(b.templateId) ?? byTemplate.set(b.templateId, []).get(b.templateId)!).push(b);
  for (const ideas of byTemplate.values()) {
    // Programme order among equals: the sort is stable.
    const ranked = [...ideas].sort((a, b) => b.votes!.count - a.votes!.count);
    const top = ranked[0]!.votes!.count;
    ranked.forEach((b) => {
      b.votes!.rank = 1 + ranked.filter((x) => x.votes!.count > b.votes!.count).length;
      b.votes!.of = ranked.length;
      b.votes!.winner = top > 0 && b.votes!.count === top;
    });
    summary.votes.push({
      limit: ranked[0]!.votes!.limit,
      ranking: ranked.map((b) => ({ boardId: b.id, title: b.title, count: b.votes!.count })),
      winners: ranked.filter((b) => b.votes!.winner).map((b) => b.id),
    });
  }
  // Ideas on one board: a ranking per board, its ideas named as the group named them.
  for (const b of boards) {
    if (!b.ideas) continue;
    const ranked = [...b.ideas.ideas].sort((x, y) => y.count - x.count);
    summary.votes.push({
      boardTitle: b.title,
      limit: b.ideas.limit,
      ranking: ranked.map((i) => ({ boardId: ideaTarget(b.id, i.id), title: i.name ? `${i.label}: ${i.name}` : i.label, count: i.count })),
      winners: b.ideas.winners.map((id) => ideaTarget(b.id, id)),
    });
  }
  for (const b of boards) {
    const template = sources.template(b.templateId);
    if (!template) continue;
    if (template.table) {
      const holder = b.zones.find((z) => z.table);
      const table = holder?.table ?? b.table;
      const fields = [...b.fields, ...b.zones.flatMap((z) => z.fields)];
      const notes = b.zones.filter((z) => z.items.length).map((z) => ({ label: z.label, items: z.items }));
      if (table && (table.rows.length || notes.length || fields.some((f) => f.value))) {
        summary.agreements.push({
          boardId: b.id,
          boardTitle: b.title,
          table,
          fields,
          notes,
        });
      }
    }
    if (template.roleZoneId) {
      const z = b.zones.find((x) => x.id === template.roleZoneId);
      const roles = (z?.items ?? []).filter((i): i is ReportRole => i.kind === 'role');
      if (z && roles.length) summary.roles.push({ boardId: b.id, boardTitle: b.title, zoneLabel: z.label, roles });
    }
    const pitfalls = b.zones
      .filter((z) => z.card && z.choices.some((c) => c.answerId === 'ja'))
      .map((z) => ({ label: z.label, text: z.card!.text, items: z.items }));
    if (pitfalls.length) summary.pitfalls.push({ boardId: b.id, boardTitle: b.title, pitfalls });
    if (template.summary) {
      const fields = [...b.fields, ...b.zones.flatMap((z) => z.fields)].filter((f) => f.value.trim());
      const zones = b.zones.filter((z) => z.items.length).map((z) => ({ label: z.label, items: z.items }));
      if (fields.length || zones.length) (template.summary === 'evaluation' ? summary.evaluations : summary.plans).push({ boardId: b.id, boardTitle: b.title, fields, zones });
    }
  }
  return summary;
};

/** The key of a drawing's cut-out of its poster: its board and its place on the board. */
export const drawingKey = (boardId: string, d: ReportDrawing): string =>
  `${boardId}@${Math.round(d.rect.x)},${Math.round(d.rect.y)},${Math.round(d.rect.width)},${Math.round(d.rect.height)}`;

/** Every note text in an outline (bundles' other texts included): what a report must not lose. */
export const outlineTexts = (outline: ReportOutline): string[] =>
  outline.boards.flatMap((b) =>
    [...b.zones.flatMap((z) => z.items), ...b.loose].flatMap((i) => (i.kind === 'note' ? [i.text, ...i.others] : [i.title])),
  );
