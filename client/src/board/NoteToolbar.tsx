import { asYText, isNoteColor, NOTE_COLORS, type NoteColor } from '@bodem/shared';
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { fmt, t } from '../i18n/index.ts';
import { useKeyed, useSelector, useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import { useNoteLook } from './useNotePos.ts';
import { toScreen } from './viewport.ts';

const COLORS = Object.keys(NOTE_COLORS) as NoteColor[];
/** Size of the bar before it is measured. */
const BAR_WIDTH = 620;
const BAR_HEIGHT = 64;

/**
 * Big DOM buttons next to the selected item: colour, edit and delete for a
 * note; the members and "bundel losmaken" for a bundle; delete for a role card.
 */
export function NoteToolbar({ ctl }: { ctl: BoardController }) {
  const id = useSelector(ctl.ui, (u) => (u.editingId || u.draggingId ? null : u.selectedId));
  const canWrite = useStore(ctl.canWrite);
  const viewport = useStore(ctl.viewport);
  const size = useStore(ctl.size);
  const look = useNoteLook(ctl, id);
  const bundle = useKeyed(ctl.derived.bundles, id ?? '');
  const ref = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState({ width: BAR_WIDTH, height: BAR_HEIGHT });
  const shown = !!id && !!look && canWrite;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    // oxlint-disable-next-line react/set-state-in-effect -- measuring the DOM needs a second pass
    setMeasured((m) => (m.width === r.width && m.height === r.height ? m : { width: r.width, height: r.height }));
  }, [shown]);
  if (!id || !look || !canWrite) return null;

  const p = toScreen(viewport, look);
  const item = ctl.sizeOf(look.kind);
  const noteW = item.width * viewport.scale;
  const noteH = item.height * viewport.scale;
  // Within the board's free area: never under the side panel or the palette, never off screen (it wraps instead).
  const minX = ctl.insets.left + 8;
  const maxX = size.width - ctl.insets.right - 8;
  const room = Math.max(120, maxX - minX);
  const width = Math.min(measured.width, room);
  const left = Math.max(minX, Math.min(p.x + noteW / 2 - width / 2, maxX - width));
  const above = p.y - measured.height - 12;
  const below = p.y + noteH + 12;
  const bottom = size.height - ctl.insets.bottom - measured.height - 8;
  const top = above > ctl.insets.top ? above : Math.max(ctl.insets.top, Math.min(below, bottom));
  const style: CSSProperties = { left, top, maxWidth: room };
  const current = isNoteColor(look.color) ? look.color : null;

  if (bundle) {
    return (
      <div ref={ref} className="note-toolbar bundle-toolbar" role="toolbar" aria-label={fmt(t.board.bundleLabel, { n: bundle.memberIds.length })} style={style}>
        <ul className="bundle-members" aria-label={fmt(t.board.bundleLabel, { n: bundle.memberIds.length })}>
          {bundle.memberIds.map((m) => (
            <li key={m}>{asYText(ctl.noteMap(m)?.get('text'))?.toString() || t.board.emptyNote}</li>
          ))}
        </ul>
        <button type="button" className="btn" onClick={() => ctl.unbundle(id)}>
          {t.board.unbundle}
        </button>
      </div>
    );
  }
  if (look.kind === 'role') {
    return (
      <div ref={ref} className="note-toolbar" role="toolbar" aria-label={t.board.roleToolbarLabel} style={style}>
        <button type="button" className="btn btn-danger" onClick={() => ctl.deleteItem(id)}>
          {t.board.delete}
        </button>
      </div>
    );
  }

  return (
    <div ref={ref} className="note-toolbar" role="toolbar" aria-label={t.board.toolbarLabel} style={style}>
      <div className="swatches" role="group" aria-label={t.board.colorGroup}>
        {COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className="swatch-btn"
            aria-pressed={current === c}
            onClick={() => ctl.recolor(id, c)}
          >
            <span className="swatch" style={{ background: NOTE_COLORS[c] }} aria-hidden="true" />
            {t.colors[c]}
          </button>
        ))}
      </div>
      <button type="button" className="btn" onClick={() => ctl.startEditing(id)}>
        {t.board.edit}
      </button>
      {ctl.session.share && <ShareButton ctl={ctl} id={id} />}
      <button type="button" className="btn btn-danger" onClick={() => ctl.deleteItem(id)}>
        {t.board.delete}
      </button>
    </div>
  );
}

/**
 * "Delen" on a personal board's own note (schema/personal.ts): copies it
 * into the meeting for everyone; once shared it says so.
 */
export function ShareButton({ ctl, id }: { ctl: BoardController; id: string }) {
  const [now, setNow] = useState(false);
  const shared = now || typeof ctl.noteMap(id)?.get('sharedAs') === 'string';
  if (shared) {
    return (
      <button type="button" className="btn btn-share" disabled>
        {t.personal.isShared}
      </button>
    );
  }
  return (
    <button
      type="button"
      className="btn btn-share"
      aria-label={t.personal.shareLabel}
      onClick={() => {
        ctl.session.share?.(id);
        setNow(true);
      }}
    >
      {t.personal.share}
    </button>
  );
}
