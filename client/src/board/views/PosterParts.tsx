import type { Agreement, ChoiceRow, TableSpec, TextField } from '@bodem/shared';
import type Konva from 'konva';
import { Group, Rect, Text } from 'react-konva';
import { INK, NOTE_FONT_FAMILY } from '../theme.ts';
import { FIELD_TEXT, TABLE_CELL, TABLE_HEADER, TABLE_ROW } from './metrics.ts';

export { TABLE_HEADER, TABLE_ROW } from './metrics.ts';

/**
 * The parts printed on a poster that people fill in (the agreements table,
 * the answer buttons, the one-line fields), drawn once for the board (with
 * a handler: a tap opens or chooses) and the report (without).
 */

const still = { listening: false, perfectDrawEnabled: false } as const;

/** A tap with the main button or a finger; the board underneath does not also see it. */
const tapped = (act: () => void) => (e: Konva.KonvaEventObject<PointerEvent>) => {
  if (e.evt.button !== undefined && e.evt.button > 0) return;
  e.cancelBubble = true;
  act();
};
const keepFromBoard = (e: Konva.KonvaEventObject<PointerEvent>) => {
  e.cancelBubble = true;
};

// --- the agreements table ("Afspraken voor vervolg") ---------------------------


/** Left edge of each column. */
const offsets = (table: TableSpec): number[] => table.columns.map((_, i) => table.columns.slice(0, i).reduce((sum, c) => sum + c.width, 0));

/** The table's head: wat, wie, wanneer. Drawn at the table's own origin. */
export function AgreementTableHead({ table }: { table: TableSpec }) {
  const xs = offsets(table);
  return (
    <>
      <Rect width={table.rect.width} height={TABLE_HEADER} fill="#3B5B45" cornerRadius={[10, 10, 0, 0]} {...still} />
      {table.columns.map((c, i) => (
        <Text key={c.id} x={xs[i]! + 14} y={0} width={c.width - 28} height={TABLE_HEADER} text={c.label} verticalAlign="middle" fontFamily={NOTE_FONT_FAMILY} fontSize={28} fontStyle="bold" fill="#FFFFFF" {...still} />
      ))}
    </>
  );
}

/** One agreement as a row of the table (the `index`th, oldest first); `onOpen` makes it a button. */
export function AgreementRowView({ row, index, table, onOpen }: { row: Agreement; index: number; table: TableSpec; onOpen?: () => void }) {
  const xs = offsets(table);
  return (
    <Group name="agreement" id={row.id} y={TABLE_HEADER + index * TABLE_ROW} listening={!!onOpen} {...(onOpen ? { onPointerClick: tapped(onOpen), onPointerDown: keepFromBoard } : {})}>
      <Rect width={table.rect.width} height={TABLE_ROW} fill={index % 2 ? '#FFFFFF' : '#F7F4EA'} stroke="#D8D3C4" strokeWidth={1} perfectDrawEnabled={false} />
      {table.columns.map((c, i) => {
        const value = row[c.id as keyof Agreement];
        return (
          <Text
            key={c.id}
            name={`agreement-${c.id}`}
            x={xs[i]! + TABLE_CELL.inset}
            y={10}
            width={c.width - 2 * TABLE_CELL.inset}
            height={TABLE_ROW - 20}
            text={typeof value === 'string' ? value : ''}
            verticalAlign="middle"
            fontFamily={NOTE_FONT_FAMILY}
            fontSize={TABLE_CELL.fontSize}
            lineHeight={TABLE_CELL.lineHeight}
            fill={INK}
            wrap="word"
            ellipsis
            {...still}
          />
        );
      })}
    </Group>
  );
}

// --- answer buttons ("van toepassing? ja / nee / weet niet") ---------------------

// 64 board px: 44 CSS px at the readable scale (viewport.ts READABLE_SCALE), the smallest a finger should have to hit.
export const CHOICE_BUTTON = { width: 130, height: 64, gap: 12 } as const;
const ON = '#2F5D3A';
const CHOICE_FONT_SIZE = 24;

let measure: CanvasRenderingContext2D | null = null;
/** A button grows with its label ("Focus op gemeenschap"); never narrower than the standard. */
export const buttonWidth = (label: string): number => {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return CHOICE_BUTTON.width;
  measure.font = `bold ${CHOICE_FONT_SIZE}px ${NOTE_FONT_FAMILY}`;
  return Math.max(CHOICE_BUTTON.width, Math.ceil(measure.measureText(`✓ ${label}`).width) + 40);
};

/** A row of answer buttons with the chosen one ticked; `onChoose` makes them buttons. */
export function ChoiceRowView({ row, chosen, onChoose }: { row: ChoiceRow; chosen: string | null; onChoose?: (optionId: string) => void }) {
  const widths = row.options.map((o) => buttonWidth(o.label));
  const lefts = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w + CHOICE_BUTTON.gap, 0));
  return (
    <Group name="choice-row" id={`choice-${row.id}`} x={row.at.x} y={row.at.y}>
      <Text y={-40} text={row.label} fontFamily={NOTE_FONT_FAMILY} fontSize={CHOICE_FONT_SIZE} fontStyle="bold" fill="#3B3526" {...still} />
      {row.options.map((o, i) => {
        const on = chosen === o.id;
        return (
          <Group
            key={o.id}
            name="choice-option"
            id={`choice-${row.id}-${o.id}`}
            x={lefts[i]}
            listening={!!onChoose}
            {...(onChoose ? { onPointerClick: tapped(() => onChoose(o.id)), onPointerDown: keepFromBoard } : {})}
          >
            <Rect width={widths[i]} height={CHOICE_BUTTON.height} cornerRadius={32} fill={on ? ON : '#FFFFFF'} stroke={on ? ON : '#8C8572'} strokeWidth={3} perfectDrawEnabled={false} />
            <Text
              width={widths[i]}
              height={CHOICE_BUTTON.height}
              text={on ? `✓ ${o.label}` : o.label}
              align="center"
              verticalAlign="middle"
              fontFamily={NOTE_FONT_FAMILY}
              fontSize={CHOICE_FONT_SIZE}
              fontStyle="bold"
              fill={on ? '#FFFFFF' : '#3B3526'}
              {...still}
            />
          </Group>
        );
      })}
    </Group>
  );
}

// --- one-line fields ("Wie zet de afspraken op papier?") -------------------------

/** A field with its label and answer; on the board an empty one says what a tap does (`placeholder`), `onOpen` makes it a button. */
export function FieldView({ spec, value, placeholder = '', onOpen }: { spec: TextField; value: string; placeholder?: string; onOpen?: () => void }) {
  const { x, y, width, height } = spec.rect;
  return (
    <Group name="field" id={`field-${spec.id}`} x={x} y={y} listening={!!onOpen} {...(onOpen ? { onPointerClick: tapped(onOpen), onPointerDown: keepFromBoard } : {})}>
      <Text text={spec.label} y={-38} width={width} fontFamily={NOTE_FONT_FAMILY} fontSize={26} fontStyle="bold" fill="#3B3526" {...still} />
      <Rect width={width} height={height} fill="#FFFFFF" stroke="#8C8572" strokeWidth={3} cornerRadius={10} perfectDrawEnabled={false} />
      <Text
        name="field-value"
        x={FIELD_TEXT.inset}
        width={width - 2 * FIELD_TEXT.inset}
        height={height}
        text={value || placeholder}
        verticalAlign="middle"
        fontFamily={NOTE_FONT_FAMILY}
        fontSize={FIELD_TEXT.fontSize}
        fontStyle={value ? 'normal' : 'italic'}
        fill={value ? INK : '#8C8572'}
        ellipsis
        wrap="none"
        {...still}
      />
    </Group>
  );
}
