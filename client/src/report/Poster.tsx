import { noteHeight } from '../board/noteDraw.ts';
import {
  collapseBundles,
  noteFill,
  noteWords,
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
import { Group, Line, Rect } from 'react-konva';
import { Art } from '../board/poster/Art.tsx';
import { ZoneLabels } from '../board/poster/Zones.tsx';
import { strokeOutline } from '../board/strokeOutline.ts';
import { NoteView } from '../board/views/NoteView.tsx';
import { AgreementRowView, AgreementTableHead, ChoiceRowView, FieldView } from '../board/views/PosterParts.tsx';
import { RoleCardView } from '../board/views/RoleCardView.tsx';

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

/** A note as the board shows it, a bundle as a pile with its count; no selection, no drag. */
function StillNote({ note, count, size, letter }: { note: Note; count: number; size: { width: number; height: number }; letter: Template['letter'] }) {
  const words = noteWords(note, letter);
  return (
    <Group x={note.x} y={note.y}>
      <NoteView words={words} width={size.width} height={noteHeight(words, size)} fill={noteFill(note.color, note.side)} count={count} />
    </Group>
  );
}

function StillRole({ card }: { card: RoleCard }) {
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
export function Poster({ data }: { data: PosterData }) {
  const { template, state } = data;
  const noteSize = template.noteSize ?? NOTE_SIZE;
  return (
    <Group listening={false}>
      {/* Under the rounded corners, so a JPEG of the poster has no black corners. */}
      <Rect width={template.width} height={template.height} fill="#FFFFFF" {...still} />
      <Art template={template} title={data.title} />
      <ZoneLabels template={template} />
      {template.table && <StillTable template={template} rows={data.agreements} />}
      <StillChoices template={template} state={state} />
      <StillFields template={template} state={state} />
      {/* Oldest first, as on the board, so later items lie on top. */}
      {[
        ...collapseBundles(data.notes).map(({ note, bundle }) => ({ at: note.createdAt, id: note.id, node: <StillNote key={note.id} note={note} count={bundle ? bundle.members.length : 1} size={noteSize} letter={data.template.letter} /> })),
        ...data.roles.map((r) => ({ at: r.createdAt, id: r.id, node: <StillRole key={r.id} card={r} /> })),
      ]
        .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
        .map((x) => x.node)}
      {data.strokes.map((s) => {
        const outline = strokeOutline(s.points, s.width);
        return outline.length >= 6 ? <Line key={s.id} points={outline} closed fill={STROKE_COLORS[s.color]} {...still} /> : null;
      })}
    </Group>
  );
}
