import { AGREEMENT_FIELDS, MAX_AGREEMENT_FIELD_LENGTH, type AgreementField } from '@bodem/shared';
import { useId, useMemo, useRef } from 'react';
import { fmt, t } from '../i18n/index.ts';
import { useLiveText } from '../ui/liveText.ts';
import { focusSoon, useFocusRequest, useList } from './context.ts';

/** The agreements table (wat, wie, wanneer): one group of cells per row, each cell typed straight into its Y.Text. */
export function Agreements({ ids, canWrite }: { ids: string[]; canWrite: boolean }) {
  const { ctl, focus } = useList();
  const headingId = useId();
  return (
    <div className="list-agreements">
      <h4 id={headingId}>{t.list.agreementsTable}</h4>
      {ids.length === 0 ? (
        <p className="list-muted">{t.list.noAgreements}</p>
      ) : (
        <ol className="list-agreement-rows" aria-labelledby={headingId}>
          {ids.map((id, i) => (
            <AgreementRow key={id} id={id} n={i + 1} canWrite={canWrite} />
          ))}
        </ol>
      )}
      {canWrite && (
        <button
          type="button"
          className="btn list-add"
          onClick={() => {
            const id = ctl.addAgreement();
            if (id) focusSoon(focus, `agreement-${id}`);
          }}
        >
          <span aria-hidden="true" className="icon">
            +
          </span>
          {t.agreements.add}
        </button>
      )}
    </div>
  );
}

function AgreementRow({ id, n, canWrite }: { id: string; n: number; canWrite: boolean }) {
  const { ctl, offerUndo } = useList();
  const cols = ctl.template.table?.columns ?? [];
  const label = (f: AgreementField) => cols.find((c) => c.id === f)?.label ?? f;
  const name = fmt(t.list.agreement, { n });
  return (
    <li data-agreement={id}>
      <div className="list-agreement" role="group" aria-label={name}>
      <span className="list-agreement-n" aria-hidden="true">
        {n}
      </span>
      <div className="list-agreement-cells">
        {AGREEMENT_FIELDS.map((f, i) => (
          <Cell key={f} id={id} field={f} label={label(f)} rowName={name} first={i === 0} canWrite={canWrite} />
        ))}
      </div>
      {canWrite && (
        <button
          type="button"
          className="btn btn-danger-outline"
          aria-label={`${t.agreements.delete}: ${name}`}
          onClick={() => {
            ctl.deleteAgreement(id);
            offerUndo({ message: t.list.agreementDeleted, focus: true });
          }}
        >
          {t.agreements.delete}
        </button>
      )}
      </div>
    </li>
  );
}

function Cell({ id, field, label, rowName, first, canWrite }: { id: string; field: AgreementField; label: string; rowName: string; first: boolean; canWrite: boolean }) {
  const { ctl } = useList();
  const ref = useRef<HTMLTextAreaElement>(null);
  const map = ctl.roots.items.get(id) ?? null;
  const source = useMemo(() => (map ? { map, key: field, max: MAX_AGREEMENT_FIELD_LENGTH } : null), [map, field]);
  const live = useLiveText(ref, source, (v) => ctl.setAgreementCell(id, field, v));
  useFocusRequest(first ? `agreement-${id}` : `agreement-${id}-${field}`, ref);
  const uid = useId();
  return (
    <div className={`list-cell list-cell-${field}`}>
      <label htmlFor={uid}>
        {label}
        <span className="visually-hidden"> ({rowName})</span>
      </label>
      <textarea id={uid} ref={ref} rows={field === 'wat' ? 2 : 1} maxLength={MAX_AGREEMENT_FIELD_LENGTH} readOnly={!canWrite} {...live} />
    </div>
  );
}
