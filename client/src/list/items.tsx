import { ShareButton } from '../board/NoteToolbar.tsx';
import { asYText, cleanLine, isNoteColor, isSide, MAX_ADDRESSEE_LENGTH, MAX_NOTE_LENGTH, NOTE_COLORS, noteFill, readNote, readRoleCard, type NoteColor } from '@bodem/shared';
import { useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { useItem } from '../board/useItem.ts';
import { fmt, t } from '../i18n/index.ts';
import { useLiveText } from '../ui/liveText.ts';
import { focusSoon, useFocusRequest, useList } from './context.ts';

interface NoteProps {
  id: string;
  /** Its place in the zone, for its name ("Notitie 2 in Stam"). */
  n: number;
  zoneId: string | null;
  zoneLabel: string;
  canWrite: boolean;
  /** A member of a bundle: moved, bundled and unbundled as the bundle. */
  inBundle?: boolean;
}

export function NoteItem(props: NoteProps) {
  const { ctl } = useList();
  const map = ctl.noteMap(props.id);
  return map ? <Note {...props} map={map} /> : null;
}

function Note({ id, n, zoneId, zoneLabel, canWrite, inBundle = false, map }: NoteProps & { map: Y.Map<unknown> }) {
  const { ctl, offerUndo } = useList();
  const note = useItem(id, map, readNote);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const letter = ctl.template.letter ?? null;
  const hasTo = !!letter && map.has('to');
  const textSource = useMemo(() => ({ map, key: 'text', max: MAX_NOTE_LENGTH }), [map]);
  const toSource = useMemo(() => (hasTo ? { map, key: 'to', max: MAX_ADDRESSEE_LENGTH } : null), [map, hasTo]);
  const text = useLiveText(textRef, textSource, (v) => ctl.setTextOf(id, v));
  const to = useLiveText(toRef, toSource, (v) => ctl.setAddresseeOf(id, v));
  // A new letter starts with whom it is to, a new note with its text.
  useFocusRequest(`note-${id}`, hasTo && !note?.to ? toRef : textRef);
  const uid = useId();
  if (!note) return null;
  const fill = noteFill(isNoteColor(note.color) ? note.color : null, isSide(note.side) ? note.side : null);
  const mine = note.authorId !== '' && note.authorId === ctl.session.claims?.sub;
  const name = hasTo ? `${t.board.letterLabel} ${n}` : fmt(t.list.noteIn, { n, zone: zoneLabel });
  return (
    <li
      className="list-note"
      style={{ '--note-fill': fill } as CSSProperties}
      data-note={id}
      onBlur={(e) => {
        // Leaving the note altogether (not for one of its own fields or buttons).
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) ctl.leftNoteInList(id);
      }}
    >
      {hasTo && letter && (
        <div className="list-letter-to">
          <label htmlFor={`${uid}-to`}>{letter.salutation}</label>
          <input
            id={`${uid}-to`}
            ref={toRef}
            type="text"
            autoComplete="off"
            maxLength={MAX_ADDRESSEE_LENGTH}
            placeholder={t.board.letterTo}
            aria-label={`${letter.salutation} (${t.list.letterTo})`}
            readOnly={!canWrite}
            {...to}
            onKeyDown={(e) => {
              // As on the poster: Enter goes on to the letter itself.
              if (e.key === 'Enter') {
                e.preventDefault();
                textRef.current?.focus();
              }
            }}
          />
          <span aria-hidden="true">,</span>
        </div>
      )}
      <textarea
        ref={textRef}
        className="list-note-text"
        aria-label={name}
        rows={2}
        maxLength={MAX_NOTE_LENGTH}
        spellCheck
        readOnly={!canWrite}
        {...text}
      />
      <div className="list-note-meta">
        {note.side && <span className={`chip chip-${note.side}`}>{t.sides[note.side]}</span>}
        {mine && <span className="list-muted">{t.list.mine}</span>}
      </div>
      {canWrite && !inBundle && (
        <div className="list-actions">
          <MoveMenu id={id} zoneId={zoneId} focusKey={`note-${id}`} />
          <BundleMenu id={id} />
          <ColorMenu id={id} current={note.color} />
          {ctl.session.share && <ShareButton ctl={ctl} id={id} />}
          <button
            type="button"
            className="btn btn-danger-outline"
            onClick={() => {
              ctl.deleteItem(id);
              offerUndo({ message: t.list.deleted, focus: true });
            }}
          >
            {t.list.delete}
          </button>
        </div>
      )}
    </li>
  );
}

/** A bundle: its notes (each still editable) and what can be done with the pile as a whole. */
export function BundleItem({ id, members, zoneId, zoneLabel, canWrite }: { id: string; members: string[]; zoneId: string | null; zoneLabel: string; canWrite: boolean }) {
  const { ctl, focus } = useList();
  const headingId = useId();
  return (
    <li className="list-bundle" aria-labelledby={headingId} data-bundle={id}>
      <h4 id={headingId}>{fmt(t.list.bundleOf, { n: members.length })}</h4>
      <ul>
        {members.map((m, i) => (
          <NoteItem key={m} id={m} n={i + 1} zoneId={zoneId} zoneLabel={zoneLabel} canWrite={canWrite} inBundle />
        ))}
      </ul>
      {canWrite && (
        <div className="list-actions">
          <MoveMenu id={id} zoneId={zoneId} focusKey={`note-${id}`} />
          <BundleMenu id={id} />
          <button
            type="button"
            className="btn"
            onClick={() => {
              ctl.unbundle(id);
              focusSoon(focus, `note-${id}`);
            }}
          >
            {t.board.unbundle}
          </button>
        </div>
      )}
    </li>
  );
}

export function RoleItem({ id, zoneId, canWrite }: { id: string; zoneId: string | null; canWrite: boolean }) {
  const { ctl } = useList();
  const map = ctl.itemMap(id);
  return map ? <Role id={id} zoneId={zoneId} canWrite={canWrite} map={map} /> : null;
}

function Role({ id, zoneId, canWrite, map }: { id: string; zoneId: string | null; canWrite: boolean; map: Y.Map<unknown> }) {
  const { ctl, offerUndo } = useList();
  const role = useItem(id, map, readRoleCard);
  const title = useRef<HTMLHeadingElement>(null);
  useFocusRequest(`role-${id}`, title);
  if (!role) return null;
  return (
    <li className={`list-role role-${role.side ?? 'none'}`} data-role={id}>
      <h4 ref={title} tabIndex={-1}>
        <span className="visually-hidden">{t.roleCards.palette}: </span>
        {role.title}
      </h4>
      {role.description && <p>{role.description}</p>}
      {role.side && <span className={`chip chip-${role.side}`}>{t.sides[role.side]}</span>}
      {canWrite && (
        <div className="list-actions">
          <MoveMenu id={id} zoneId={zoneId} focusKey={`role-${id}`} />
          <button
            type="button"
            className="btn btn-danger-outline"
            onClick={() => {
              ctl.deleteItem(id);
              offerUndo({ message: t.list.roleDeleted, focus: true });
            }}
          >
            {t.list.delete}
          </button>
        </div>
      )}
    </li>
  );
}

/** A button that opens a short list of choices below it; Escape closes it and returns to the button. */
function useDisclosure() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
  };
  return { open, setOpen, button, menuId, onKeyDown };
}

/** "Verplaatsen": to which zone; the item lands on a free spot there, on every poster too. */
function MoveMenu({ id, zoneId, focusKey }: { id: string; zoneId: string | null; focusKey: string }) {
  const { ctl, focus } = useList();
  const { open, setOpen, button, menuId, onKeyDown } = useDisclosure();
  const others = ctl.template.zones.filter((z) => z.id !== zoneId);
  if (others.length === 0) return null;
  return (
    <div className="list-menu-wrap" onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="btn" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)}>
        {t.list.move}
      </button>
      {open && (
        <ul id={menuId} className="list-menu" aria-label={t.list.moveLabel}>
          {others.map((z) => (
            <li key={z.id}>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setOpen(false);
                  ctl.moveToZone(id, z.id);
                  focusSoon(focus, focusKey);
                }}
              >
                {fmt(t.list.moveTo, { zone: z.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "Bundelen": with which note (or bundle) of this board, as dropping it on that note does on the poster. */
function BundleMenu({ id }: { id: string }) {
  const { ctl, layout, focus } = useList();
  const { open, setOpen, button, menuId, onKeyDown } = useDisclosure();
  const bundle = ctl.derived.bundles.get(id);
  const own = new Set(bundle?.memberIds ?? [id]);
  const zoneLabel = (z: string | null) => ctl.template.zones.find((x) => x.id === z)?.label ?? '';
  const candidates = open
    ? layout.zones.flatMap((g) =>
        g.entries
          .filter((e) => e.kind !== 'role' && !own.has(e.id))
          .map((e) => {
            const words = cleanLine(asYText(ctl.noteMap(e.id)?.get('text'))?.toString() ?? '', 60) || t.board.emptyNote;
            const size = e.kind === 'bundle' ? ` (${fmt(t.list.bundleOf, { n: e.members.length })})` : '';
            return { id: e.id, label: `${words}${size}`, zone: zoneLabel(g.zoneId) };
          }),
      )
    : [];
  return (
    <div className="list-menu-wrap" onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="btn" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)}>
        {t.list.bundle}
      </button>
      {open && (
        <div id={menuId} className="list-menu-box">
          {candidates.length === 0 ? (
            <p className="list-muted">{t.list.bundleNone}</p>
          ) : (
            <ul className="list-menu" aria-label={t.list.bundleWith}>
              {candidates.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="btn list-menu-note"
                    onClick={() => {
                      setOpen(false);
                      ctl.bundleWith(id, c.id);
                      focusSoon(focus, `note-${id}`);
                    }}
                  >
                    <span>{c.label}</span>
                    {c.zone && <span className="list-muted">{c.zone}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

const COLORS = Object.keys(NOTE_COLORS) as NoteColor[];

/** "Kleur": the poster's colours for a note, each saying whether it is the note's colour now. */
function ColorMenu({ id, current }: { id: string; current: NoteColor | null }) {
  const { ctl } = useList();
  const { open, setOpen, button, menuId, onKeyDown } = useDisclosure();
  return (
    <div className="list-menu-wrap" onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="btn" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)}>
        {t.board.colorGroup}
      </button>
      {open && (
        <ul id={menuId} className="list-menu list-colors" aria-label={t.board.colorGroup}>
          {COLORS.map((c) => (
            <li key={c}>
              <button type="button" className="btn" aria-pressed={current === c} onClick={() => ctl.recolor(id, c)}>
                <span className="swatch" style={{ background: NOTE_COLORS[c] }} aria-hidden="true" />
                {t.colors[c]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
