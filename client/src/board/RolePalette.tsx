import { SIDES, type RoleSpec, type Side } from '@bodem/shared';
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { t } from '../i18n/index.ts';
import { BringIn } from './BringIn.tsx';
import { RoleChips } from './RoleChips.tsx';
import type { BoardController } from './controller.ts';

/** Sideways movement that turns a press on a card into a drag onto the board (vertical scrolls the list). */
const DRAG_START = 12;

interface Drag {
  spec: RoleSpec;
  pointerId: number;
  start: { x: number; y: number };
  active: boolean;
  at: { x: number; y: number };
}

/**
 * The role cards of Bijlage 3 beside the board: tap one to put it in the
 * trunk, or slide it sideways onto the spot where it belongs. Plain pointer
 * events (not HTML drag and drop, which tablets do not all support) with
 * pointer capture, so a finger that leaves the list keeps the card.
 */
export function RolePalette({ ctl, onClose }: { ctl: BoardController; onClose: () => void }) {
  const roles = ctl.template.roles ?? [];
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const update = (d: Drag | null) => {
    dragRef.current = d;
    setDrag(d);
  };

  const down = (spec: RoleSpec) => (e: ReactPointerEvent) => {
    if (e.button > 0) return;
    update({ spec, pointerId: e.pointerId, start: { x: e.clientX, y: e.clientY }, active: false, at: { x: e.clientX, y: e.clientY } });
  };
  const move = (e: ReactPointerEvent) => {
    const d = dragRef.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const dx = e.clientX - d.start.x;
    const dy = e.clientY - d.start.y;
    if (!d.active) {
      if (Math.abs(dx) < DRAG_START || Math.abs(dx) < Math.abs(dy)) {
        if (Math.abs(dy) > DRAG_START) update(null);
        return;
      }
      (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    }
    update({ ...d, active: true, at: { x: e.clientX, y: e.clientY } });
  };
  const up = (e: ReactPointerEvent) => {
    const d = dragRef.current;
    update(null);
    if (!d || d.pointerId !== e.pointerId) return;
    if (!d.active) {
      ctl.addPaletteRole(d.spec);
      return;
    }
    const p = ctl.boardPointAt(e.clientX, e.clientY);
    const overPalette = (e.currentTarget as Element).closest('.role-palette')?.contains(document.elementFromPoint(e.clientX, e.clientY));
    if (p && !overPalette) ctl.addPaletteRole(d.spec, p);
  };

  return (
    <aside className="role-palette" aria-label={t.roleCards.palette}>
      <header className="palette-head">
        <h2>{t.roleCards.palette}</h2>
        <button type="button" className="btn" onClick={onClose}>
          {t.roleCards.hidePalette}
        </button>
      </header>
      <p className="muted small">{t.roleCards.paletteHint}</p>
      <BringIn ctl={ctl} />
      <RoleChips
        roles={roles}
        heading="h3"
        idPrefix="palette"
        chip={(r) => ({
          onPointerDown: down(r),
          onPointerMove: move,
          onPointerUp: up,
          onPointerCancel: () => update(null),
          onKeyDown: (e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              ctl.addPaletteRole(r);
            }
          },
        })}
      />
      <OwnRole ctl={ctl} />
      {drag?.active && (
        <div className={`role-chip role-${drag.spec.side} role-ghost`} style={{ left: drag.at.x, top: drag.at.y }} aria-hidden="true">
          <strong>{drag.spec.title}</strong>
        </div>
      )}
    </aside>
  );
}

/** A role the group names itself ("eigen rollen"). */
export function OwnRole({ ctl }: { ctl: BoardController }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [side, setSide] = useState<Side | ''>('');
  return (
    <form
      className="palette-group own-role"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) return;
        ctl.addRole({ roleId: null, side: side || null, title, description });
        setTitle('');
        setDescription('');
      }}
    >
      <h3>{t.roleCards.own}</h3>
      <div className="field">
        <label htmlFor="own-role-title">{t.roleCards.ownTitle}</label>
        <input id="own-role-title" type="text" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="own-role-description">{t.roleCards.ownDescription}</label>
        <textarea id="own-role-description" rows={2} value={description} maxLength={300} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <fieldset className="field">
        <legend>{t.roleCards.ownSide}</legend>
        {(['', ...SIDES] as const).map((s) => (
          <label key={s || 'none'} className="radio">
            <input type="radio" name="own-role-side" value={s} checked={side === s} onChange={() => setSide(s)} />
            {s ? t.sides[s] : t.roleCards.sideNone}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={!title.trim()}>
        {t.roleCards.ownAdd}
      </button>
    </form>
  );
}
