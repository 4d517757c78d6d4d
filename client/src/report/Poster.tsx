import {
  noteFill,
  NOTE_SIZE,
  STROKE_COLORS,
  type Agreement,
  type BoardState,
  type MeetingView,
  type Note,
  type RoleCard,
  type Stroke,
  type Template,
} from '@bodem/shared';
import { Group, Line, Rect, Text } from 'react-konva';
import { Art } from '../board/poster/Art.tsx';
import { ZoneLabels } from '../board/poster/Zones.tsx';
import { strokeOutline } from '../board/strokeOutline.ts';
import { NoteView } from '../board/views/NoteView.tsx';
import { AgreementRowView, AgreementTableHead, ChoiceRowView, FieldView } from '../board/views/PosterParts.tsx';
import { RoleCardView } from '../board/views/RoleCardView.tsx';
import { INK, NOTE_FONT_FAMILY } from '../board/theme.ts';
import { BADGE_RADIUS, PANEL, type PlannedNote, type PosterPlan } from './posterPlan.ts';

/** Everything drawn on one poster, read from the normalised meeting view. */
export interface PosterData {
  template: Template;
  title: string;
  state: BoardState;
  notes: readonly Note[];
  roles: readonly RoleCard[];
  agreements: readonly Agreement[];
  strokes: readonly Stroke[];
}

const byAge = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

export const posterData = (view: MeetingView, board: MeetingView['boards'][number], template: Template): PosterData => ({
  template,
  title: board.title,
  state: board.state,
  notes: view.notes.filter((n) => n.boardId === board.id).sort(byAge),
  roles: view.roles.filter((r) => r.boardId === board.id).sort(byAge),
  agreements: view.agreements.filter((a) => a.boardId === board.id).sort(byAge),
  strokes: view.strokes.filter((s) => s.boardId === board.id).sort(byAge),
});

const still = { listening: false, perfectDrawEnabled: false } as const;

/** A note as the board shows it (taller where its words need it), a bundle as a pile with its count; no selection, no drag. */
function StillNote({ planned, size }: { planned: PlannedNote; size: { width: number; height: number } }) {
  const { note, count, words, height } = planned;
  return (
    <Group x={note.x} y={note.y}>
      <NoteView words={words} width={size.width} height={height} fill={noteFill(note.color, note.side)} count={count} />
    </Group>
  );
}

/** The number of an item whose full text is in the list beside the poster. */
function Badge({ x, y, n }: { x: number; y: number; n: number }) {
  const r = BADGE_RADIUS;
  return (
    <Group x={x} y={y}>
      <Rect x={-r * 2 + 6} y={-6} width={r * 2 + (n > 9 ? 14 : 0)} height={r * 2} cornerRadius={r} fill="#1D1D1B" stroke="#FFFFFF" strokeWidth={3} {...still} />
      <Text x={-r * 2 + 6} y={-6} width={r * 2 + (n > 9 ? 14 : 0)} height={r * 2} text={String(n)} align="center" verticalAlign="middle" fontFamily={NOTE_FONT_FAMILY} fontSize={24} fontStyle="bold" fill="#FFFFFF" {...still} />
    </Group>
  );
}

/** The continuation list's ground and title; its entries are `continuationEntries`. */
function ContinuationGround({ plan, height }: { plan: PosterPlan; height: number }) {
  const x0 = plan.columns[0]!.x;
  return (
    <Group>
      <Rect x={x0} width={plan.size.width - x0} height={height} fill="#F7F4EA" {...still} />
      <Rect x={x0} width={4} height={height} fill="#CFC8B4" {...still} />
      <Text x={x0 + PANEL.padding} y={PANEL.padding} text="Volledige tekst" fontFamily={NOTE_FONT_FAMILY} fontSize={PANEL.titleSize} fontStyle="bold" fill="#3B5B45" {...still} />
    </Group>
  );
}

/** The continuation list: every word the poster could not show, numbered as on the poster; one element per entry. */
const continuationEntries = (plan: PosterPlan) => {
  const lh = PANEL.fontSize * PANEL.lineHeight;
  return plan.columns.flatMap((col) =>
    col.items.map(({ entry, y, lines }) => (
      <Group key={`entry-${entry.number}`} x={col.x + PANEL.padding} y={y}>
        <Text width={PANEL.numberWidth - 12} text={`${entry.number}.`} align="right" fontFamily={NOTE_FONT_FAMILY} fontSize={PANEL.fontSize} fontStyle="bold" fill="#3B5B45" {...still} />
        {lines.map((line, i) => (
          <Text key={i} x={PANEL.numberWidth} y={i * lh} text={line} fontFamily={NOTE_FONT_FAMILY} fontSize={PANEL.fontSize} fill={INK} {...still} />
        ))}
      </Group>
    )),
  );
};

function StillRole({ card }: { card: RoleCard }) {
  // Ellipsis stays for a card's box; the full words are in the continuation list (posterPlan.ts).
  return (
    <Group x={card.x} y={card.y}>
      <RoleCardView title={card.title} description={card.description} side={card.side} />
    </Group>
  );
}

function StillTable({ template, rows }: { template: Template; rows: readonly Agreement[] }) {
  const table = template.table!;
  return (
    <Group x={table.rect.x} y={table.rect.y}>
      <AgreementTableHead table={table} />
      {rows.map((r, index) => (
        <AgreementRowView key={r.id} row={r} index={index} table={table} />
      ))}
    </Group>
  );
}

function StillChoices({ template, state }: { template: Template; state: BoardState }) {
  return (
    <>
      {(template.choices ?? []).map((row) => (
        <ChoiceRowView key={row.id} row={row} chosen={state.choices[row.id] ?? null} />
      ))}
    </>
  );
}

function StillFields({ template, state }: { template: Template; state: BoardState }) {
  return (
    <>
      {(template.fields ?? []).map((f) => (
        <FieldView key={f.id} spec={f} value={state.fields[f.id] ?? ''} />
      ))}
    </>
  );
}

/**
 * The poster's elements in the order they paint: its ground (art, zones,
 * answers, table), then notes and role cards oldest first (later ones lie
 * on top), then ink, the numbers of what is listed, and the continuation
 * list. The renderer makes them in slices (`Poster`'s `upTo`).
 */
const posterElements = (data: PosterData, plan: PosterPlan) => {
  const { template, state } = data;
  const noteSize = template.noteSize ?? NOTE_SIZE;
  return [
    // The ground in three elements (its art alone is tens of ms on a slow device).
    <Group key="ground-art">
      {/* Under the rounded corners, so a JPEG of the poster has no black corners. */}
      <Rect width={plan.size.width} height={plan.size.height} fill="#FFFFFF" {...still} />
      <Art template={template} title={data.title} />
    </Group>,
    <ZoneLabels key="ground-zones" template={template} />,
    <Group key="ground-answers">
      {template.table && <StillTable template={template} rows={data.agreements} />}
      <StillChoices template={template} state={state} />
      <StillFields template={template} state={state} />
    </Group>,
    ...[
      ...plan.notes.map((p) => ({ at: p.note.createdAt, id: p.note.id, node: <StillNote key={p.note.id} planned={p} size={noteSize} /> })),
      ...data.roles.map((r) => ({ at: r.createdAt, id: r.id, node: <StillRole key={r.id} card={r} /> })),
    ]
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
      .map((x) => x.node),
    ...data.strokes.map((s) => {
      const outline = strokeOutline(s.points, s.width);
      return outline.length >= 6 ? <Line key={s.id} points={outline} closed fill={STROKE_COLORS[s.color]} {...still} /> : null;
    }),
    ...plan.entries.map((e) => <Badge key={`badge-${e.number}`} x={e.at.x} y={e.at.y} n={e.number} />),
    ...(plan.columns.length ? [<ContinuationGround key="continuation" plan={plan} height={plan.size.height} />, ...continuationEntries(plan)] : []),
  ];
};

/** How many elements `Poster` draws after its ground (for the renderer's slices). */
export const posterElementCount = (data: PosterData, plan: PosterPlan): number =>
  3 + plan.notes.length + data.roles.length + data.strokes.length + plan.entries.length + (plan.columns.length ? 1 + plan.columns.reduce((n, c) => n + c.items.length, 0) : 0);

/**
 * The poster as a reader of the report sees it: the template's art and
 * zones, the answers, the table, the notes (a bundle as one pile), role
 * cards and ink, in the board's own drawing code and coordinates. No
 * cursors, selection, buttons or hints: nothing that is only there to edit.
 * Only the first `upTo` of its elements (see `posterElements`).
 */
export function Poster({ data, plan, upTo = Infinity }: { data: PosterData; plan: PosterPlan; upTo?: number }) {
  return <Group listening={false}>{elementsOf(data, plan).slice(0, upTo)}</Group>;
}

/**
 * The elements made once per poster, not at every slice: the renderer renders `Poster` again for each slice, and
 * making every element (each stroke's outline included) each time was work for all of them, slice after slice.
 */
const made = new WeakMap<PosterPlan, { data: PosterData; elements: ReturnType<typeof posterElements> }>();
const elementsOf = (data: PosterData, plan: PosterPlan) => {
  const known = made.get(plan);
  if (known?.data === data) return known.elements;
  const elements = posterElements(data, plan);
  made.set(plan, { data, elements });
  return elements;
};
