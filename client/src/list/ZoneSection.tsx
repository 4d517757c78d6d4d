import { fieldKey, isCovered, MAX_FIELD_LENGTH, asYMap, rectCenter, type ChoiceRow, type TextField } from '@bodem/shared';
import { useMemo, useRef, type ReactNode } from 'react';
import { BringIn } from '../board/BringIn.tsx';
import { OwnRole } from '../board/RolePalette.tsx';
import { fmt, t } from '../i18n/index.ts';
import { useSelector, useStore } from '../lib/store.ts';
import { useLiveText } from '../ui/liveText.ts';
import { focusSoon, useList } from './context.ts';
import { zoneIdAt, type ListEntry } from './layout.ts';
import { BundleItem, NoteItem, RoleItem } from './items.tsx';
import { RoleChips } from '../board/RoleChips.tsx';

interface Props {
  zoneId: string | null;
  label: string;
  entries: ListEntry[];
  canWrite: boolean;
  children?: ReactNode;
}

/** One zone of the poster: its heading and hint, what is printed in it, its answers, its notes, and "add a note here". */
export function ZoneSection({ zoneId, label, entries, canWrite, children }: Props) {
  const { ctl, focus } = useList();
  const template = ctl.template;
  const zone = template.zones.find((z) => z.id === zoneId) ?? null;
  const headingId = `lz-${zoneId ?? 'board'}`;
  const count = useSelector(ctl.derived.zoneCounts, (m) => (zoneId ? (m.get(zoneId) ?? 0) : 0));
  const over = !!zone?.limit && count > zone.limit.max;
  const choices = (template.choices ?? []).filter((r) => zoneIdAt(template, r.at) === zoneId);
  const fields = (template.fields ?? []).filter((f) => zoneIdAt(template, rectCenter(f.rect)) === zoneId);
  const isRoleZone = !!template.roles?.length && template.roleZoneId === zoneId;
  const isBringIn = !!template.bringIn && template.bringIn.zoneId === zoneId;
  const letter = !!template.letter;

  const add = () => {
    const id = ctl.addNoteInZone(zoneId);
    if (id) focusSoon(focus, `note-${id}`);
  };

  return (
    <section className="list-zone" aria-labelledby={headingId} data-zone={zoneId ?? ''}>
      <h3 id={headingId} className="list-zone-title">
        {label}
      </h3>
      {zone?.hint && <p className="list-hint">{zone.hint}</p>}
      {zone && 'card' in zone && zone.card && (
        <blockquote className="list-card">
          <p>{zone.card.text}</p>
          {zone.card.source && <footer>— {zone.card.source}</footer>}
        </blockquote>
      )}
      {over && zone?.limit && (
        <p className="list-limit" role="note">
          {zone.limit.message}
        </p>
      )}
      {choices.map((row) => (
        <Choice key={row.id} row={row} zoneHeadingId={headingId} canWrite={canWrite} />
      ))}
      {fields.map((f) => (
        <Field key={f.id} field={f} canWrite={canWrite} />
      ))}
      {children}
      <References zoneId={zoneId} />
      {entries.length > 0 ? (
        <ul className="list-items" aria-labelledby={headingId}>
          {entries.map((e, i) =>
            e.kind === 'role' ? (
              <RoleItem key={e.id} id={e.id} zoneId={zoneId} canWrite={canWrite} />
            ) : e.kind === 'bundle' ? (
              <BundleItem key={e.id} id={e.id} members={e.members} zoneId={zoneId} zoneLabel={label} canWrite={canWrite} />
            ) : (
              <NoteItem key={e.id} id={e.id} n={i + 1} zoneId={zoneId} zoneLabel={label} canWrite={canWrite} />
            ),
          )}
        </ul>
      ) : (
        !children && !choices.length && !fields.length && <p className="list-muted">{t.list.empty}</p>
      )}
      {canWrite && isBringIn && (
        <div className="list-palette">
          <BringIn ctl={ctl} />
        </div>
      )}
      {canWrite && isRoleZone && <RolePicker />}
      {canWrite && (
        <button type="button" className="btn list-add" onClick={add}>
          <span aria-hidden="true" className="icon">
            +
          </span>
          {letter ? t.list.addLetter : t.list.addNote}
          {/* Heard, not shown: which zone (the visible words come first in the name, WCAG 2.5.3). */}
          <span className="visually-hidden"> {fmt(t.list.inZone, { zone: label })}</span>
        </button>
      )}
    </section>
  );
}

/** "Van toepassing? Ja / Nee / Weet niet": buttons that say which is chosen; choosing the chosen one again clears it. */
function Choice({ row, zoneHeadingId, canWrite }: { row: ChoiceRow; zoneHeadingId: string; canWrite: boolean }) {
  const { ctl } = useList();
  const chosen = useSelector(ctl.derived.state, (s) => s.choices[row.id] ?? null);
  const labelId = `lc-${row.id}`;
  return (
    <div className="list-choice" role="group" aria-labelledby={`${zoneHeadingId} ${labelId}`}>
      <span id={labelId} className="list-choice-label">
        {row.label}
      </span>
      <div className="list-choice-options">
        {row.options.map((o) => (
          <button
            key={o.id}
            type="button"
            className="btn list-option"
            aria-pressed={chosen === o.id}
            disabled={!canWrite}
            data-option={o.id}
            onClick={() => ctl.choose(row.id, o.id)}
          >
            {chosen === o.id && (
              <span aria-hidden="true" className="icon">
                ✓
              </span>
            )}
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A one-line answer of the board ("Wie zet de afspraken op papier?"): typed straight into its Y.Text. */
function Field({ field, canWrite }: { field: TextField; canWrite: boolean }) {
  const { ctl } = useList();
  const ref = useRef<HTMLInputElement>(null);
  const board = asYMap(ctl.roots.boards.get(ctl.boardId));
  const source = useMemo(() => (board ? { map: board, key: fieldKey(field.id), max: MAX_FIELD_LENGTH } : null), [board, field.id]);
  const live = useLiveText(ref, source, (value) => ctl.setFieldValue(field.id, value));
  const id = `lf-${field.id}`;
  return (
    <div className="list-field">
      <label htmlFor={id}>{field.label}</label>
      <input id={id} ref={ref} type="text" autoComplete="off" maxLength={MAX_FIELD_LENGTH} readOnly={!canWrite} {...live} />
    </div>
  );
}

/** The reference answers of this zone, while the facilitator shows them on the board. */
function References({ zoneId }: { zoneId: string | null }) {
  const { ctl } = useList();
  const shown = useSelector(ctl.derived.state, (s) => s.showReferences);
  const coverage = useStore(ctl.derived.coverage);
  const list = coverage.filter((c) => c.reference.zoneId === zoneId);
  if (!shown || list.length === 0) return null;
  return (
    <div className="list-references">
      <h4>{t.list.references}</h4>
      <ul>
        {list.map((c) => {
          const covered = isCovered(c);
          return (
            <li key={c.reference.id} className={covered ? 'covered' : 'blind-spot'}>
              <span aria-hidden="true">{covered ? '✓' : '○'}</span> {c.reference.label} <span className="list-muted">({covered ? t.list.covered : t.list.notCovered})</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The template's role cards (Bijlage 3) and a role of the group's own, put into the role zone. */
function RolePicker() {
  const { ctl } = useList();
  const roles = ctl.template.roles ?? [];
  return (
    <details className="list-palette">
      <summary className="btn">
        {t.list.addRole}
      </summary>
      <RoleChips roles={roles} heading="h4" idPrefix="lr" chip={(r) => ({ onClick: () => ctl.addPaletteRole(r) })} />
      <OwnRole ctl={ctl} />
    </details>
  );
}
