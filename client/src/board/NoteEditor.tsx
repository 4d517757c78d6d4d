import { isNoteColor, isSide, MAX_ADDRESSEE_LENGTH, MAX_NOTE_LENGTH, noteFill } from '@bodem/shared';
import { useEffect, useLayoutEffect, useMemo, useRef, type CSSProperties, type FocusEvent } from 'react';
import { useLiveText } from '../ui/liveText.ts';
import { t } from '../i18n/index.ts';
import { useSelector, useStore } from '../lib/store.ts';
import type { BoardController } from './controller.ts';
import { NOTE_FONT, NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, NOTE_PADDING, NOTE_RADIUS, SELECT_STROKE } from './theme.ts';
import { useNoteLook } from './useNotePos.ts';
import { toScreen } from './viewport.ts';

/** The editor never gets smaller than this on screen, however far the board is zoomed out. */
const MIN_EDIT_SCALE = 0.9;
/** Typing is never smaller than this (CSS px): what one types must be readable while typing it. */
const MIN_EDIT_FONT = 16;
/** Room the editor's buttons ("Klaar", "Nieuwe notitie") take. */
const EDITOR_BAR_WIDTH = 300;
/** Out of sight but focusable, so a tap can focus it synchronously. */
const HIDDEN: CSSProperties = { left: 0, top: 0, width: 1, height: 1, opacity: 0, pointerEvents: 'none' };
/** Height of a letter's "Lieve …," line, in board units. */
export const LETTER_HEAD = 56;

const keepFocus = (e: { preventDefault(): void }) => e.preventDefault();

/**
 * A real DOM textarea over the note being edited. It is always mounted, so
 * the tap that opens it can focus it synchronously (that is what brings up a
 * tablet's keyboard), and "Nieuwe notitie" moves it to the next note without
 * the keyboard closing. Typing goes through `useLiveText` (every keystroke
 * kept, composition respected). On a letter, whom it is to has a field of its
 * own under the printed salutation.
 */
export function NoteEditor({ ctl }: { ctl: BoardController }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const editingId = useSelector(ctl.ui, (u) => u.editingId);
  const viewport = useStore(ctl.viewport);
  const look = useNoteLook(ctl, editingId);
  const letter = ctl.template.letter ?? null;

  useLayoutEffect(() => {
    ctl.setEditor(ref.current, toRef.current);
    return () => ctl.setEditor(null, null);
  }, [ctl]);

  // The note went away while it was open (deleted by someone, or undone).
  useEffect(() => {
    if (editingId && !look) ctl.stopEditing();
  }, [ctl, editingId, look]);

  const map = editingId ? ctl.noteMap(editingId) : null;
  const textSource = useMemo(() => (map ? { map, key: 'text', max: MAX_NOTE_LENGTH } : null), [map]);
  const toSource = useMemo(() => (map && letter && map.has('to') ? { map, key: 'to', max: MAX_ADDRESSEE_LENGTH } : null), [map, letter]);
  const textInput = useLiveText(ref, textSource, (value) => ctl.setNoteText(value));
  const toInput = useLiveText(toRef, toSource, (value) => ctl.setLetterAddressee(value));

  const hasTo = !!toSource;

  /** Leaving both fields of the note for anything but its own buttons ends editing. */
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    const next = e.relatedTarget as Node | null;
    if (next && next instanceof Element && (next.closest('.editor-bar') || next === ref.current || next === toRef.current)) return;
    ctl.stopEditing();
  };

  const editing = editingId !== null && look !== null;
  let style: CSSProperties;
  let toStyle: CSSProperties = { display: 'none' };
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
    const fill = noteFill(isNoteColor(look.color) ? look.color : null, isSide(look.side) ? look.side : null);
    // A letter: "Lieve [whom]," on its own line at the top of the sheet, the letter below it.
    const head = hasTo ? Math.max(52, LETTER_HEAD * es) : 0;
    style = {
      left,
      top: top + head,
      width: w,
      height: h - head,
      fontSize: Math.max(NOTE_FONT_SIZE * es, MIN_EDIT_FONT),
      lineHeight: NOTE_LINE_HEIGHT,
      padding: NOTE_PADDING * es,
      fontFamily: NOTE_FONT,
      borderRadius: hasTo ? `0 0 ${NOTE_RADIUS * es}px ${NOTE_RADIUS * es}px` : NOTE_RADIUS * es,
      background: fill,
      outline: `4px solid ${SELECT_STROKE}`,
    };
    toStyle = { left, top, width: w, height: head, background: fill, fontFamily: NOTE_FONT, outline: `4px solid ${SELECT_STROKE}`, borderRadius: `${NOTE_RADIUS * es}px ${NOTE_RADIUS * es}px 0 0` };
    // The buttons under the note, kept inside the board's free area (a note at the right edge must not push them off).
    bar = { left: Math.max(ctl.insets.left + 8, Math.min(left, size.width - ctl.insets.right - EDITOR_BAR_WIDTH)), top: top + h + 8 };
  } else {
    style = HIDDEN;
  }

  return (
    <>
      {letter && (
        // Always mounted on a letter board, like the textarea: the tap that makes a letter focuses it at once
        // (controller.startEditing), which is what brings up a tablet's keyboard. The tap ends with a
        // compatibility mousedown where the finger was, which may now be this line: it must not take the
        // focus away from the field (a mousedown on the label would blur it).
        <div
          className="letter-to"
          style={editing && hasTo ? toStyle : HIDDEN}
          aria-hidden={editing && hasTo ? undefined : true}
          onMouseDown={(e) => e.target !== toRef.current && e.preventDefault()}
        >
          <label htmlFor="letter-to">{letter.salutation}</label>
          <input
            id="letter-to"
            ref={toRef}
            tabIndex={editing && hasTo ? 0 : -1}
            type="text"
            autoComplete="off"
            maxLength={MAX_ADDRESSEE_LENGTH}
            placeholder={t.board.letterTo}
            {...toInput}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                ref.current?.focus({ preventScroll: true });
              } else if (e.key === 'Escape') {
                e.preventDefault();
                ctl.stopEditing();
              }
            }}
            onBlur={onBlur}
          />
          <span aria-hidden="true">,</span>
        </div>
      )}
      <textarea
        ref={ref}
        className="note-editor"
        style={style}
        aria-label={hasTo ? t.board.letterLabel : t.board.noteEditorLabel}
        aria-hidden={editing ? undefined : true}
        tabIndex={editing ? 0 : -1}
        maxLength={MAX_NOTE_LENGTH}
        spellCheck
        {...textInput}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            ctl.stopEditing();
          }
        }}
        onBlur={onBlur}
      />
      {editing && (
        <div className="editor-bar" style={bar}>
          <button type="button" className="btn btn-primary" onPointerDown={keepFocus} onMouseDown={keepFocus} onClick={() => ctl.stopEditing()}>
            {t.board.done}
          </button>
          <button type="button" className="btn" onPointerDown={keepFocus} onMouseDown={keepFocus} onClick={() => ctl.addNextNote()}>
            {hasTo ? t.board.nextLetter : t.board.nextNote}
          </button>
        </div>
      )}
    </>
  );
}
