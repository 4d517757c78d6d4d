import { AGREEMENT_FIELDS, asYMap, readAgreement, type AgreementField } from '@bodem/shared';
import { useEffect, useMemo, useRef } from 'react';
import { docSource, useSource } from '../../lib/source.ts';
import { t } from '../../i18n/index.ts';
import { useSelector, useStore } from '../../lib/store.ts';
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
          <div className="field" key={f}>
            <label htmlFor={`agreement-${f}`}>{label(f)}</label>
            <textarea
              id={`agreement-${f}`}
              ref={i === 0 ? first : undefined}
              rows={f === 'wat' ? 3 : 1}
              value={row[f]}
              onChange={(e) => ctl.setAgreementCell(id, f, e.target.value)}
            />
          </div>
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

function FieldDialog({ ctl, fieldId }: { ctl: BoardController; fieldId: string }) {
  const spec = ctl.template.fields?.find((f) => f.id === fieldId);
  const value = useSelector(ctl.derived.state, (s) => s.fields[fieldId] ?? '');
  const ref = useRef<HTMLInputElement>(null);
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
          <input id="board-field" ref={ref} type="text" value={value} onChange={(e) => ctl.setFieldValue(fieldId, e.target.value)} />
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
