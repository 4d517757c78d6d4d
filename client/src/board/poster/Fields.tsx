import type { TextField } from '@bodem/shared';
import { memo } from 'react';
import { Group } from 'react-konva';
import { t } from '../../i18n/index.ts';
import { useSelector } from '../../lib/store.ts';
import type { BoardController } from '../controller.ts';
import { FieldView } from '../views/PosterParts.tsx';

function Field({ ctl, spec }: { ctl: BoardController; spec: TextField }) {
  const value = useSelector(ctl.derived.state, (s) => s.fields[spec.id] ?? '');
  return <FieldView spec={spec} value={value} placeholder={t.agreements.fieldEdit} onOpen={() => ctl.openDialog({ type: 'field', fieldId: spec.id })} />;
}

/** One-line answers printed on the poster ("wie zet de afspraken op papier?"). */
export const Fields = memo(function Fields({ ctl }: { ctl: BoardController }) {
  const fields = ctl.template.fields ?? [];
  return (
    <Group>
      {fields.map((f) => (
        <Field key={f.id} ctl={ctl} spec={f} />
      ))}
    </Group>
  );
});
