import { AGREEMENT_FIELDS, asYMap, fieldKey, MAX_AGREEMENT_FIELD_LENGTH, MAX_FIELD_LENGTH, readAgreement, type AgreementField } from '@bodem/shared';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useLiveText } from '../../ui/liveText.ts';
import { docSource, useSource } from '../../lib/source.ts';
import { t } from '../../i18n/index.ts';
import { useStore } from '../../lib/store.ts';
import type { BoardController } from '../controller.ts';

/** One agreement, read live: someone else may be filling in the same row. */
const useAgreement = (ctl: BoardController, id: string) => {
  const source = useMemo(() => {
    const items = ctl.roots.items;
    return docSource(
      () => {
        const m = asYMap(items.get(id));
        return m ? readAgreement(id, m) : null;
      },
      (on) => {
        items.observeDeep(on);
        return () => items.unobserveDeep(on);
      },
      (a, b) => JSON.stringify(a) === JSON.stringify(b),
    );
  }, [ctl, id]);
  return useSource(source);
};

function AgreementDialog({ ctl, id }: { ctl: BoardController; id: string }) {
  const row = useAgreement(ctl, id);
  const first = useRef<HTMLTextAreaElement>(null);
  const cols = ctl.template.table?.columns ?? [];
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (!row) ctl.openDialog(null);
  }, [ctl, row]);
  if (!row) return null;
  const label = (f: AgreementField) => cols.find((c) => c.id === f)?.label ?? f;
  return (
    <div className="overlay" onPointerDown={(e) => e.target === e.currentTarget && ctl.openDialog(null)}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="agreement-title" onSubmit={(e) => (e.preventDefault(), ctl.openDialog(null))}>
        <h2 id="agreement-title">{t.agreements.edit}</h2>
        {AGREEMENT_FIELDS.map((f, i) => (
          <AgreementCell key={f} ctl={ctl} id={id} field={f} label={label(f)} inputRef={i === 0 ? first : undefined} />
        ))}
        <div className="row">
          <button type="submit" className="btn btn-primary">
            {t.agreements.save}
          </button>
          <button type="button" className="btn btn-danger-outline" onClick={() => ctl.deleteAgreement(id)}>
            {t.agreements.delete}
          </button>
        </div>
      </form>
    </div>
  );
}

/** One cell of an agreement (wat, wie, wanneer): typed straight into its Y.Text, every keystroke kept. */
function AgreementCell({
  ctl,
  id,
  field,
  label,
  inputRef,
}: {
  ctl: BoardController;
  id: string;
  field: AgreementField;
  label: string;
  inputRef?: RefObject<HTMLTextAreaElement | null>;
}) {
  const own = useRef<HTMLTextAreaElement>(null);
  const ref = inputRef ?? own;
  const map = asYMap(ctl.roots.items.get(id));
  const source = useMemo(() => (map ? { map, key: field, max: MAX_AGREEMENT_FIELD_LENGTH } : null), [map, field]);
  const live = useLiveText(ref, source, (value) => ctl.setAgreementCell(id, field, value));
  return (
    <div className="field">
      <label htmlFor={`agreement-${field}`}>{label}</label>
      <textarea id={`agreement-${field}`} ref={ref} rows={field === 'wat' ? 3 : 1} maxLength={MAX_AGREEMENT_FIELD_LENGTH} {...live} />
    </div>
  );
}

function FieldDialog({ ctl, fieldId }: { ctl: BoardController; fieldId: string }) {
  const spec = ctl.template.fields?.find((f) => f.id === fieldId);
  const ref = useRef<HTMLInputElement>(null);
  const board = asYMap(ctl.roots.boards.get(ctl.boardId));
  const source = useMemo(() => (board ? { map: board, key: fieldKey(fieldId), max: MAX_FIELD_LENGTH } : null), [board, fieldId]);
  const live = useLiveText(ref, source, (value) => ctl.setFieldValue(fieldId, value));
  useEffect(() => ref.current?.focus(), []);
  if (!spec) return null;
  return (
    <div className="overlay" onPointerDown={(e) => e.target === e.currentTarget && ctl.openDialog(null)}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="field-title" onSubmit={(e) => (e.preventDefault(), ctl.openDialog(null))}>
        <h2 id="field-title">{spec.label}</h2>
        <div className="field">
          <label htmlFor="board-field" className="visually-hidden">
            {spec.label}
          </label>
          <input id="board-field" ref={ref} type="text" maxLength={MAX_FIELD_LENGTH} {...live} />
        </div>
        <button type="submit" className="btn btn-primary">
          {t.agreements.save}
        </button>
      </form>
    </div>
  );
}

/**
 * The board's DOM dialogs (agreements, fields) and the "Nieuwe afspraak"
 * button. Every keystroke goes into the document, like a note's text.
 */
export function BoardDialogs({ ctl }: { ctl: BoardController }) {
  const dialog = useStore(ctl.dialog);
  const canWrite = useStore(ctl.canWrite);
  const hasTable = !!ctl.template.table;
  return (
    <>
      {hasTable && canWrite && (
        <button type="button" className="btn btn-primary board-action" onClick={() => ctl.addAgreementRow()}>
          <span aria-hidden="true" className="icon">
            +
          </span>{' '}
          {t.agreements.add}
        </button>
      )}
      {dialog?.type === 'agreement' && <AgreementDialog key={dialog.id} ctl={ctl} id={dialog.id} />}
      {dialog?.type === 'field' && <FieldDialog key={dialog.fieldId} ctl={ctl} fieldId={dialog.fieldId} />}
    </>
  );
}
