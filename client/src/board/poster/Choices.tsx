import type { ChoiceRow } from '@bodem/shared';
import { memo } from 'react';
import { Group } from 'react-konva';
import { useSelector, useStore } from '../../lib/store.ts';
import type { BoardController } from '../controller.ts';
import { ChoiceRowView } from '../views/PosterParts.tsx';

export { buttonWidth, CHOICE_BUTTON } from '../views/PosterParts.tsx';

function Row({ ctl, row }: { ctl: BoardController; row: ChoiceRow }) {
  const chosen = useSelector(ctl.derived.state, (s) => s.choices[row.id] ?? null);
  const canWrite = useStore(ctl.canWrite);
  return <ChoiceRowView row={row} chosen={chosen} {...(canWrite ? { onChoose: (optionId: string) => ctl.choose(row.id, optionId) } : {})} />;
}

/** The answer buttons printed on a poster ("van toepassing? ja / nee / weet niet"). */
export const Choices = memo(function Choices({ ctl }: { ctl: BoardController }) {
  const rows = ctl.template.choices ?? [];
  if (rows.length === 0) return null;
  return (
    <Group>
      {rows.map((r) => (
        <Row key={r.id} ctl={ctl} row={r} />
      ))}
    </Group>
  );
});
