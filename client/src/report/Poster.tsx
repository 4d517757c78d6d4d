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

/** The continuation list: every word the poster could not show, numbered as on the poster. */
function Continuation({ plan, height }: { plan: PosterPlan; height: number }) {
  if (!plan.columns.length) return null;
  const x0 = plan.columns[0]!.x;
  const lh = PANEL.fontSize * PANEL.lineHeight;
  return (
    <Group>
      <Rect x={x0} width={plan.size.width - x0} height={height} fill="#F7F4EA" {...still} />
      <Rect x={x0} width={4} height={height} fill="#CFC8B4" {...still} />
      <Text x={x0 + PANEL.padding} y={PANEL.padding} text="Volledige tekst" fontFamily={NOTE_FONT_FAMILY} fontSize={PANEL.titleSize} fontStyle="bold" fill="#3B5B45" {...still} />
      {plan.columns.map((col) =>
        col.items.map(({ entry, y, lines }) => (
          <Group key={entry.number} x={col.x + PANEL.padding} y={y}>
            <Text width={PANEL.numberWidth - 12} text={`${entry.number}.`} align="right" fontFamily={NOTE_FONT_FAMILY} fontSize={PANEL.fontSize} fontStyle="bold" fill="#3B5B45" {...still} />
            {lines.map((line, i) => (
              <Text key={i} x={PANEL.numberWidth} y={i * lh} text={line} fontFamily={NOTE_FONT_FAMILY} fontSize={PANEL.fontSize} fill={INK} {...still} />
            ))}
          </Group>
        )),
      )}
    </Group>
  );
}

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
 * The poster as a reader of the report sees it: the template's art and
 * zones, the answers, the table, the notes (a bundle as one pile), role
 * cards and ink, in the board's own drawing code and coordinates. No
 * cursors, selection, buttons or hints: nothing that is only there to edit.
 */
export function Poster({ data, plan, upTo = Infinity }: { data: PosterData; plan: PosterPlan; upTo?: number }) {
  const { template, state } = data;
  const noteSize = template.noteSize ?? NOTE_SIZE;
  const badges = [...plan.entries].map((e) => <Badge key={`badge-${e.number}`} x={e.at.x} y={e.at.y} n={e.number} />);
  return (
    <Group listening={false}>
      {/* Under the rounded corners, so a JPEG of the poster has no black corners. */}
      <Rect width={plan.size.width} height={plan.size.height} fill="#FFFFFF" {...still} />
      <Art template={template} title={data.title} />
      <ZoneLabels template={template} />
      {template.table && <StillTable template={template} rows={data.agreements} />}
      <StillChoices template={template} state={state} />
      <StillFields template={template} state={state} />
      {/* Oldest first, as on the board, so later items lie on top; the first `upTo` of them (the renderer adds them in slices). */}
      {[
        ...plan.notes.map((p) => ({ at: p.note.createdAt, id: p.note.id, node: <StillNote key={p.note.id} planned={p} size={noteSize} /> })),
        ...data.roles.map((r) => ({ at: r.createdAt, id: r.id, node: <StillRole key={r.id} card={r} /> })),
      ]
        .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
        .slice(0, upTo)
        .map((x) => x.node)}
      {upTo >= plan.notes.length + data.roles.length && data.strokes.map((s) => {
        const outline = strokeOutline(s.points, s.width);
        return outline.length >= 6 ? <Line key={s.id} points={outline} closed fill={STROKE_COLORS[s.color]} {...still} /> : null;
      })}
      {upTo >= plan.notes.length + data.roles.length && badges}
      {upTo >= plan.notes.length + data.roles.length && <Continuation plan={plan} height={plan.size.height} />}
    </Group>
  );
}
