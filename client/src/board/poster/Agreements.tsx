import { readAgreement, type TableSpec } from '@bodem/shared';
import { memo, useEffect, useMemo } from 'react';
import { Group } from 'react-konva';
import type * as Y from 'yjs';
import { useStore } from '../../lib/store.ts';
import type { BoardController } from '../controller.ts';
import { ItemIndex } from '../itemIndex.ts';
import { useItem } from '../useItem.ts';
import { AgreementRowView, AgreementTableHead } from '../views/PosterParts.tsx';

export { TABLE_HEADER, TABLE_ROW } from '../views/PosterParts.tsx';

function Row({ ctl, id, map, index, table }: { ctl: BoardController; id: string; map: Y.Map<unknown>; index: number; table: TableSpec }) {
  const row = useItem(id, map, readAgreement);
  if (!row) return null;
  return <AgreementRowView row={row} index={index} table={table} onOpen={() => ctl.openDialog({ type: 'agreement', id })} />;
}

/** "Afspraken voor vervolg" as a table: wat, wie, wanneer; a row per agreement, oldest first. */
export const Agreements = memo(function Agreements({ ctl }: { ctl: BoardController }) {
  const table = ctl.template.table!;
  const index = useMemo(() => new ItemIndex(ctl.roots, ctl.boardId, ['agreement']), [ctl]);
  useEffect(() => index.attach(), [index]);
  const rows = useStore(index.entries);
  return (
    <Group name="agreements" x={table.rect.x} y={table.rect.y}>
      <AgreementTableHead table={table} />
      {rows.map((r, i) => (
        <Row key={r.id} ctl={ctl} id={r.id} map={r.map} index={i} table={table} />
      ))}
    </Group>
  );
});
