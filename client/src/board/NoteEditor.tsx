import { cleanText, isNoteColor, isSide, MAX_NOTE_LENGTH, noteFill, origins, setNoteText } from '@bodem/shared';
import { useEffect, useLayoutEffect, useRef, type CSSProperties } from 'react';
import type * as Y from 'yjs';
import { asYText } from '@bodem/shared';
import { t } from '../i18n/index.ts';
import { useSelector, useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import { NOTE_FONT, NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, NOTE_PADDING, NOTE_RADIUS, SELECT_STROKE } from './theme.ts';
import { useNoteLook } from './useNotePos.ts';
import { toScreen } from './viewport.ts';

/** The editor never gets smaller than this on screen, however far the board is zoomed out. */
const MIN_EDIT_SCALE = 0.9;

type Delta = { insert?: unknown; retain?: number; delete?: number }[];

/** Where a caret at `index` ends up after a change described by `delta`. */
export const mapIndex = (index: number, delta: Delta): number => {
  let pos = 0;
  let shift = 0;
  for (const op of delta) {
    if (pos > index) break;
    if (op.retain) pos += op.retain;
    else if (op.insert !== undefined) shift += typeof op.insert === 'string' ? op.insert.length : 1;
    else if (op.delete) {
      shift -= Math.min(op.delete, index - pos);
      pos += op.delete;
    }
  }
  return Math.max(0, index + shift);
};

const keepFocus = (e: { preventDefault(): void }) => e.preventDefault();

/**
 * A real DOM textarea over the note being edited. It is always mounted, so
 * the tap that opens it can focus it synchronously (that is what brings up a
 * tablet's keyboard), and "Nieuwe notitie" moves it to the next note without
 * the keyboard closing. Every input is written to the note's Y.Text at once.
 */
export function NoteEditor({ ctl }: { ctl: BoardController }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const editingId = useSelector(ctl.ui, (u) => u.editingId);
  const viewport = useStore(ctl.viewport);
  const look = useNoteLook(ctl, editingId);
  const composing = useRef(false);
  const pendingRemote = useRef(false);

  useLayoutEffect(() => {
    ctl.setEditor(ref.current);
    return () => ctl.setEditor(null);
  }, [ctl]);

  // The note went away while it was open (deleted by someone, or undone).
  useEffect(() => {
    if (editingId && !look) ctl.stopEditing();
  }, [ctl, editingId, look]);

  // Changes from others (and from undo) flow into the textarea, caret kept in place.
  useEffect(() => {
    const el = ref.current;
    const map = editingId ? ctl.noteMap(editingId) : null;
    if (!el || !map) return;
    let text: Y.Text | null = null;
    const onText = (event: Y.YTextEvent) => {
      if (event.transaction.local && event.transaction.origin === origins.user) return;
      if (composing.current) {
        pendingRemote.current = true;
        return;
      }
      const focused = document.activeElement === el;
      const start = el.selectionStart;
      const end = el.selectionEnd;
      const delta = event.delta as Delta;
      el.value = cleanText(event.target.toString(), MAX_NOTE_LENGTH);
      if (focused) el.setSelectionRange(mapIndex(start, delta), mapIndex(end, delta));
    };
    const bind = () => {
      text?.unobserve(onText);
      text = asYText(map.get('text'));
      text?.observe(onText);
    };
    // A peer may replace the Y.Text itself; follow it.
    const onMap = (e: Y.YMapEvent<unknown>) => {
      if (e.keysChanged.has('text')) {
        bind();
        el.value = cleanText(text?.toString() ?? '', MAX_NOTE_LENGTH);
      }
    };
    bind();
    map.observe(onMap);
    return () => {
      text?.unobserve(onText);
      map.unobserve(onMap);
    };
  }, [ctl, editingId]);

  const write = () => {
    const el = ref.current;
    const id = ctl.ui.get().editingId;
    if (!el || !id || !ctl.canWrite.get()) return;
    setNoteText(ctl.session.doc, id, el.value);
    // The document strips control characters and caps the length; show what it kept.
    const kept = asYText(ctl.noteMap(id)?.get('text'))?.toString();
    if (kept !== undefined && kept !== el.value) {
      const caret = Math.min(el.selectionStart, kept.length);
      el.value = kept;
      el.setSelectionRange(caret, caret);
    }
  };

  const editing = editingId !== null && look !== null;
  let style: CSSProperties;
  let bar: CSSProperties = { display: 'none' };
  if (editing) {
    const es = Math.max(viewport.scale, MIN_EDIT_SCALE);
    const size = ctl.size.get();
    const w = ctl.noteSize.width * es;
    const h = ctl.noteSize.height * es;
    const p = toScreen(viewport, look);
    const left = Math.max(4, Math.min(p.x, size.width - w - 4));
    // Room below for its buttons, above the board's bottom bar: a note low on a zoomed-out poster must not hide "Klaar".
    const top = Math.max(4, Math.min(p.y, size.height - ctl.insets.bottom - h - 60));
    style = {
      left,
      top,
      width: w,
      height: h,
      fontSize: NOTE_FONT_SIZE * es,
      lineHeight: NOTE_LINE_HEIGHT,
      padding: NOTE_PADDING * es,
      fontFamily: NOTE_FONT,
      borderRadius: NOTE_RADIUS * es,
      background: noteFill(isNoteColor(look.color) ? look.color : null, isSide(look.side) ? look.side : null),
      outline: `4px solid ${SELECT_STROKE}`,
    };
    bar = { left, top: top + h + 8 };
  } else {
    style = { left: 0, top: 0, width: 1, height: 1, opacity: 0, pointerEvents: 'none' };
  }

  return (
    <>
      <textarea
        ref={ref}
        className="note-editor"
        style={style}
        aria-label={t.board.noteEditorLabel}
        aria-hidden={editing ? undefined : true}
        tabIndex={editing ? 0 : -1}
        maxLength={MAX_NOTE_LENGTH}
        spellCheck
        onInput={() => {
          if (!composing.current) write();
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={() => {
          composing.current = false;
          write();
          if (pendingRemote.current) {
            pendingRemote.current = false;
            const el = ref.current;
            const id = ctl.ui.get().editingId;
            const text = id ? asYText(ctl.noteMap(id)?.get('text')) : null;
            if (el && text) el.value = cleanText(text.toString(), MAX_NOTE_LENGTH);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            ctl.stopEditing();
          }
        }}
        onBlur={(e) => {
          const next = e.relatedTarget as Node | null;
          if (next && next instanceof Element && next.closest('.editor-bar')) return;
          ctl.stopEditing();
        }}
      />
      {editing && (
        <div className="editor-bar" style={bar}>
          <button type="button" className="btn btn-primary" onPointerDown={keepFocus} onMouseDown={keepFocus} onClick={() => ctl.stopEditing()}>
            {t.board.done}
          </button>
          <button type="button" className="btn" onPointerDown={keepFocus} onMouseDown={keepFocus} onClick={() => ctl.addNextNote()}>
            {t.board.nextNote}
          </button>
        </div>
      )}
    </>
  );
}
