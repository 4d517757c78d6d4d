import { readAgreement, type Agreement, type TableSpec } from '@bodem/shared';
import type Konva from 'konva';
import { memo, useEffect, useMemo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type * as Y from 'yjs';
import { useStore } from '../../lib/store.ts';
import type { BoardController } from '../controller.ts';
import { ItemIndex } from '../itemIndex.ts';
import { INK, NOTE_FONT_FAMILY } from '../theme.ts';
import { useItem } from '../useItem.ts';

export const TABLE_HEADER = 64;
export const TABLE_ROW = 84;

/** Left edge of each column. */
const offsets = (table: TableSpec): number[] => table.columns.map((_, i) => table.columns.slice(0, i).reduce((sum, c) => sum + c.width, 0));

function Row({ ctl, id, map, index, table }: { ctl: BoardController; id: string; map: Y.Map<unknown>; index: number; table: TableSpec }) {
  const row = useItem(id, map, readAgreement);
  if (!row) return null;
  const tap = (e: Konva.KonvaEventObject<PointerEvent>) => {
    if (e.evt.button !== undefined && e.evt.button > 0) return;
    e.cancelBubble = true;
    ctl.openDialog({ type: 'agreement', id });
  };
  const xs = offsets(table);
  return (
    <Group name="agreement" id={id} y={TABLE_HEADER + index * TABLE_ROW} onPointerClick={tap} onPointerDown={(e) => (e.cancelBubble = true)}>
      <Rect width={table.rect.width} height={TABLE_ROW} fill={index % 2 ? '#FFFFFF' : '#F7F4EA'} stroke="#D8D3C4" strokeWidth={1} perfectDrawEnabled={false} />
      {table.columns.map((c, i) => {
        const cx = xs[i]!;
        const value = row[c.id as keyof Agreement];
        return (
          <Text
            key={c.id}
            name={`agreement-${c.id}`}
            x={cx + 14}
            y={10}
            width={c.width - 28}
            height={TABLE_ROW - 20}
            text={typeof value === 'string' ? value : ''}
            verticalAlign="middle"
            fontFamily={NOTE_FONT_FAMILY}
            fontSize={22}
            lineHeight={1.2}
            fill={INK}
            wrap="word"
            ellipsis
            listening={false}
            perfectDrawEnabled={false}
          />
        );
      })}
    </Group>
  );
}

/** "Afspraken voor vervolg" as a table: wat, wie, wanneer; a row per agreement, oldest first. */
export const Agreements = memo(function Agreements({ ctl }: { ctl: BoardController }) {
  const table = ctl.template.table!;
  const index = useMemo(() => new ItemIndex(ctl.roots, ctl.boardId, ['agreement']), [ctl]);
  useEffect(() => index.attach(), [index]);
  const rows = useStore(index.entries);
  const xs = offsets(table);
  return (
    <Group name="agreements" x={table.rect.x} y={table.rect.y}>
      <Rect width={table.rect.width} height={TABLE_HEADER} fill="#3B5B45" cornerRadius={[10, 10, 0, 0]} listening={false} />
      {table.columns.map((c, i) => {
        const cx = xs[i]!;
        return (
          <Text
            key={c.id}
            x={cx + 14}
            y={0}
            width={c.width - 28}
            height={TABLE_HEADER}
            text={c.label}
            verticalAlign="middle"
            fontFamily={NOTE_FONT_FAMILY}
            fontSize={28}
            fontStyle="bold"
            fill="#FFFFFF"
            listening={false}
          />
        );
      })}
      {rows.map((r, i) => (
        <Row key={r.id} ctl={ctl} id={r.id} map={r.map} index={i} table={table} />
      ))}
    </Group>
  );
});
