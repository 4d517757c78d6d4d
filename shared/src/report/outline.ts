import type * as Y from 'yjs';
import { isCovered, referenceCoverage } from '../derive/blindSpots.ts';
import { collapseBundles } from '../derive/bundles.ts';
import { noteWords } from '../derive/notes.ts';
import { tallyVotes } from '../derive/votes.ts';
import { zoneOfItem } from '../derive/zones.ts';
import type { Part, Template } from '../layout/template.ts';
import { rectCenter, type Rect } from '../layout/geometry.ts';
import { shapeContains, zoneAt } from '../layout/zone.ts';
import type { Role } from '../presence.ts';
import { readMeeting, type MeetingView } from '../meetingView.ts';
import type { Note } from '../schema/note.ts';
import { SIDES, type Side } from '../schema/side.ts';

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
  boards: ReportBoard[];
}

/**
 * Who took part, as far as anyone can know. Names, sides and organisations
 * live in the tokens, which are never stored; the document keeps an author id
 * and the side per note. So the counts are the distinct authors and voters in
 * the document, completed (and corrected) by the people connected when the
 * report was made, if the caller knows them.
 */
export interface ReportParticipants {
  perSide: Record<Side, number>;
  /** Authors whose side nothing tells (a role card or an agreement only). */
  unknownSide: number;
  /** Organisations of the people connected, sorted; empty without presence. */
  organisations: string[];
  source: 'document' | 'document+presence';
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
  /** Dots on this board when its template is voted on (ideas of part C). */
  votes: { count: number; limit: number } | null;
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
}

export interface ReportChoice {
  id: string;
  question: string;
  /** The picked option's label; null when nobody answered. */
  answer: string | null;
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
  side: Side | null;
  role?: Role;
  org?: string;
}

export interface ReportOptions {
  /** The people connected now (presence or the relay's verified tokens). */
  people?: readonly ReportPerson[];
  /** Reference answers on every board that has them; otherwise only where the facilitator showed them. */
  allReferences?: boolean;
  /** Ids of people who lead the meeting (the facilitator): not counted as participants. */
  leaders?: readonly string[];
}

const isDoc = (v: Y.Doc | MeetingView): v is Y.Doc => typeof (v as Y.Doc).getMap === 'function';

const byAge = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

const participantsOf = (view: MeetingView, people: readonly ReportPerson[] | undefined, leaders: readonly string[]): ReportParticipants => {
  const sideOf = new Map<string, Side | null>();
  const see = (id: string, side: Side | null) => {
    if (!id) return;
    if (!sideOf.get(id)) sideOf.set(id, side);
  };
  for (const n of view.notes) see(n.authorId, n.side);
  for (const r of view.roles) see(r.authorId, null);
  for (const a of view.agreements) see(a.authorId, null);
  for (const v of view.votes) see(v.participantId, null);
  const orgs = new Set<string>();
  for (const p of people ?? []) {
    // The facilitator and the projector lead and show; they are not participants.
    if (p.role === 'facilitator' || p.role === 'projector') {
      sideOf.delete(p.id);
      continue;
    }
    sideOf.set(p.id, p.side ?? sideOf.get(p.id) ?? null);
    const org = p.org?.trim();
    if (org) orgs.add(org);
  }
  for (const id of leaders) sideOf.delete(id);
  const perSide: Record<Side, number> = { formeel: 0, informeel: 0 };
  let unknownSide = 0;
  for (const side of sideOf.values()) {
    if (side) perSide[side]++;
    else unknownSide++;
  }
  return {
    perSide,
    unknownSide,
    organisations: [...orgs].sort((a, b) => a.localeCompare(b, 'nl')),
    source: people ? 'document+presence' : 'document',
  };
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

const choiceOf = (row: NonNullable<Template['choices']>[number], picked: string | undefined): ReportChoice => ({
  id: row.id,
  question: row.label,
  answer: row.options.find((o) => o.id === picked)?.label ?? null,
});

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

  const boards = view.boards.map((board): ReportBoard => {
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
      votes: voting ? { count: voteCounts.get(board.id) ?? 0, limit: voting.limit } : null,
    };
  });

  return {
    title: view.meta.title,
    date: view.meta.createdAt,
    participants: participantsOf(view, opts.people, opts.leaders ?? []),
    boards,
  };
};

/** Every note text in an outline (bundles' other texts included): what a report must not lose. */
export const outlineTexts = (outline: ReportOutline): string[] =>
  outline.boards.flatMap((b) =>
    [...b.zones.flatMap((z) => z.items), ...b.loose].flatMap((i) => (i.kind === 'note' ? [i.text, ...i.others] : [i.title])),
  );
