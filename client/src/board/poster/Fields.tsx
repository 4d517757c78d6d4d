import type Konva from 'konva';
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { t } from '../../i18n/index.ts';
import { useSelector } from '../../lib/store.ts';
import type { BoardController } from '../controller.ts';
import { INK, NOTE_FONT_FAMILY } from '../theme.ts';

function Field({ ctl, id }: { ctl: BoardController; id: string }) {
  const spec = ctl.template.fields!.find((f) => f.id === id)!;
  const value = useSelector(ctl.derived.state, (s) => s.fields[id] ?? '');
  const { x, y, width, height } = spec.rect;
  const tap = (e: Konva.KonvaEventObject<PointerEvent>) => {
    if (e.evt.button !== undefined && e.evt.button > 0) return;
    e.cancelBubble = true;
    ctl.openDialog({ type: 'field', fieldId: id });
  };
  return (
    <Group name="field" id={`field-${id}`} x={x} y={y} onPointerClick={tap} onPointerDown={(e) => (e.cancelBubble = true)}>
      <Text text={spec.label} y={-38} width={width} fontFamily={NOTE_FONT_FAMILY} fontSize={26} fontStyle="bold" fill="#3B3526" listening={false} />
      <Rect width={width} height={height} fill="#FFFFFF" stroke="#8C8572" strokeWidth={3} cornerRadius={10} perfectDrawEnabled={false} />
      <Text
        name="field-value"
        x={16}
        width={width - 32}
        height={height}
        text={value || t.agreements.fieldEdit}
        verticalAlign="middle"
        fontFamily={NOTE_FONT_FAMILY}
        fontSize={26}
        fontStyle={value ? 'normal' : 'italic'}
        fill={value ? INK : '#8C8572'}
        ellipsis
        wrap="none"
        listening={false}
      />
    </Group>
  );
}

/** One-line answers printed on the poster ("wie zet de afspraken op papier?"). */
export const Fields = memo(function Fields({ ctl }: { ctl: BoardController }) {
  const fields = ctl.template.fields ?? [];
  return (
    <Group>
      {fields.map((f) => (
        <Field key={f.id} ctl={ctl} id={f.id} />
      ))}
    </Group>
  );
});
