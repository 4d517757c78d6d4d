import { NoteBody } from '../board/NoteBody.tsx';
import { NoteText } from '../board/NoteText.tsx';
import { BundleBadge } from '../board/BundleBadge.tsx';
import {
  noteFill,
  ROLE_CARD_SIZE,
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
import { TABLE_HEADER, TABLE_ROW } from '../board/poster/Agreements.tsx';
import { Art } from '../board/poster/Art.tsx';
import { buttonWidth, CHOICE_BUTTON } from '../board/poster/Choices.tsx';
import { ZoneLabels } from '../board/poster/Zones.tsx';
import { strokeOutline } from '../board/strokeOutline.ts';
import { INK, NOTE_FONT_FAMILY, ROLE_LOOK } from '../board/theme.ts';
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
  const behind = Math.min(count - 1, 3);
  const fill = noteFill(note.color, note.side);
  return (
    <Group x={note.x} y={note.y}>
      <NoteBody width={size.width} height={height} fill={fill} stroke="rgba(0,0,0,0.18)" strokeWidth={1} pile={behind} listening={false} />
      <NoteText text={words} width={size.width} height={height} />
      {count > 1 && <BundleBadge count={count} noteWidth={size.width} />}
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
  const { width, height } = ROLE_CARD_SIZE;
  const look = ROLE_LOOK[card.side ?? 'none'];
  return (
    <Group x={card.x} y={card.y}>
      <Rect x={2} y={4} width={width} height={height} cornerRadius={10} fill="rgba(40, 30, 10, 0.16)" {...still} />
      <Rect width={width} height={height} cornerRadius={10} fill={look.fill} stroke={look.band} strokeWidth={2} {...still} />
      <Rect width={14} height={height} cornerRadius={[10, 0, 0, 10]} fill={look.band} {...still} />
      <Text x={26} y={12} width={width - 38} height={28} text={card.title} fontFamily={NOTE_FONT_FAMILY} fontSize={22} fontStyle="bold" fill={INK} wrap="word" ellipsis {...still} />
      <Text x={26} y={44} width={width - 38} height={height - 52} text={card.description} fontFamily={NOTE_FONT_FAMILY} fontSize={15} lineHeight={1.2} fill="#3D3A33" wrap="word" ellipsis {...still} />
    </Group>
  );
}

function StillTable({ template, rows }: { template: Template; rows: readonly Agreement[] }) {
  const table = template.table!;
  const xs = table.columns.map((_, i) => table.columns.slice(0, i).reduce((sum, c) => sum + c.width, 0));
  const cell = (a: Agreement, id: string) => (id === 'wat' || id === 'wie' || id === 'wanneer' ? a[id] : '');
  return (
    <Group x={table.rect.x} y={table.rect.y}>
      <Rect width={table.rect.width} height={TABLE_HEADER} fill="#3B5B45" cornerRadius={[10, 10, 0, 0]} {...still} />
      {table.columns.map((c, i) => (
        <Text key={c.id} x={xs[i]! + 14} width={c.width - 28} height={TABLE_HEADER} text={c.label} verticalAlign="middle" fontFamily={NOTE_FONT_FAMILY} fontSize={28} fontStyle="bold" fill="#FFFFFF" {...still} />
      ))}
      {rows.map((r, index) => (
        <Group key={r.id} y={TABLE_HEADER + index * TABLE_ROW}>
          <Rect width={table.rect.width} height={TABLE_ROW} fill={index % 2 ? '#FFFFFF' : '#F7F4EA'} stroke="#D8D3C4" strokeWidth={1} {...still} />
          {table.columns.map((c, i) => (
            <Text
              key={c.id}
              x={xs[i]! + 14}
              y={10}
              width={c.width - 28}
              height={TABLE_ROW - 20}
              text={cell(r, c.id)}
              verticalAlign="middle"
              fontFamily={NOTE_FONT_FAMILY}
              fontSize={22}
              lineHeight={1.2}
              fill={INK}
              wrap="word"
              ellipsis
              {...still}
            />
          ))}
        </Group>
      ))}
    </Group>
  );
}

function StillChoices({ template, state }: { template: Template; state: BoardState }) {
  return (
    <>
      {(template.choices ?? []).map((row) => {
        const widths = row.options.map((o) => buttonWidth(o.label));
        const lefts = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w + CHOICE_BUTTON.gap, 0));
        const chosen = state.choices[row.id];
        return (
          <Group key={row.id} x={row.at.x} y={row.at.y}>
            <Text y={-40} text={row.label} fontFamily={NOTE_FONT_FAMILY} fontSize={24} fontStyle="bold" fill="#3B3526" {...still} />
            {row.options.map((o, i) => {
              const on = chosen === o.id;
              return (
                <Group key={o.id} x={lefts[i]}>
                  <Rect width={widths[i]} height={CHOICE_BUTTON.height} cornerRadius={28} fill={on ? '#2F5D3A' : '#FFFFFF'} stroke={on ? '#2F5D3A' : '#8C8572'} strokeWidth={3} {...still} />
                  <Text
                    width={widths[i]}
                    height={CHOICE_BUTTON.height}
                    text={on ? `✓ ${o.label}` : o.label}
                    align="center"
                    verticalAlign="middle"
                    fontFamily={NOTE_FONT_FAMILY}
                    fontSize={24}
                    fontStyle="bold"
                    fill={on ? '#FFFFFF' : '#3B3526'}
                    {...still}
                  />
                </Group>
              );
            })}
          </Group>
        );
      })}
    </>
  );
}

function StillFields({ template, state }: { template: Template; state: BoardState }) {
  return (
    <>
      {(template.fields ?? []).map((f) => (
        <Group key={f.id} x={f.rect.x} y={f.rect.y}>
          <Text text={f.label} y={-38} width={f.rect.width} fontFamily={NOTE_FONT_FAMILY} fontSize={26} fontStyle="bold" fill="#3B3526" {...still} />
          <Rect width={f.rect.width} height={f.rect.height} fill="#FFFFFF" stroke="#8C8572" strokeWidth={3} cornerRadius={10} {...still} />
          <Text x={16} width={f.rect.width - 32} height={f.rect.height} text={state.fields[f.id] ?? ''} verticalAlign="middle" fontFamily={NOTE_FONT_FAMILY} fontSize={26} fill={INK} ellipsis wrap="none" {...still} />
        </Group>
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
