import { asYMap, isPlaced, keyInParent, readItemMap, zoneAt, zoneOfItem, type Template } from '@bodem/shared';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { BoardController } from '../board/controller.ts';
import { fmt, t } from '../i18n/index.ts';

/** The first announcement waits this long for the rest of a burst; later ones come at most this often. */
const FIRST_MS = 1200;
const EVERY_MS = 5000;
/** An announcement is cleared after this, so the same words can be said again later. */
const CLEAR_MS = 4000;

interface Seen {
  kind: 'note' | 'role' | 'agreement';
  zone: string | null;
}

export type Change =
  | { type: 'added' | 'removed' | 'moved'; kind: 'note' | 'role'; zone: string | null }
  | { type: 'bundled'; kind: 'note'; zone: string | null }
  | { type: 'added'; kind: 'agreement'; zone: null }
  /** An answer picked (or cleared) in a row; `zone` holds the words to say: the zone and the answer. */
  | { type: 'chosen'; kind: 'choice'; zone: string };

/**
 * What others changed on this board since the last announcement, in a few
 * words: "Nieuwe notitie in Kennis en begrip", "2 nieuwe notities in Stam".
 * Typing is not announced (every keystroke of others would be noise), nor
 * is anything this person did.
 */
export const summarise = (changes: readonly Change[], zoneLabel: (id: string | null) => string): string => {
  const counts = new Map<string, { c: Change; n: number }>();
  for (const c of changes) {
    const k = `${c.type}|${c.kind}|${c.zone}`;
    const e = counts.get(k);
    if (e) e.n++;
    else counts.set(k, { c, n: 1 });
  }
  const parts: string[] = [];
  for (const { c, n } of counts.values()) {
    if (c.kind === 'choice') {
      parts.push(fmt(t.list.announce.choice, { row: c.zone }));
      continue;
    }
    const zone = zoneLabel(c.zone);
    if (c.kind === 'agreement') parts.push(t.list.announce.agreement);
    else if (c.type === 'bundled') parts.push(fmt(t.list.announce.bundled, { zone }));
    else if (c.kind === 'role') {
      if (c.type === 'added') parts.push(fmt(t.list.announce.role, { zone }));
    } else if (c.type === 'added') parts.push(n === 1 ? fmt(t.list.announce.added, { zone }) : fmt(t.list.announce.addedMany, { n, zone }));
    else if (c.type === 'removed') parts.push(fmt(t.list.announce.removed, { zone }));
    else parts.push(fmt(t.list.announce.moved, { zone }));
  }
  // Sparingly: the three largest changes at most.
  return parts.slice(0, 3).join('. ');
};

/**
 * Follows the document for changes made by others (remote transactions) to
 * this board's items and answers, and hands back a short polite
 * announcement, throttled.
 */
export const useAnnouncements = (ctl: BoardController, template: Template): string => {
  const [message, setMessage] = useState('');
  useEffect(() => {
    const doc = ctl.session.doc;
    const items = ctl.roots.items;
    const zoneLabel = (id: string | null) => template.zones.find((z) => z.id === id)?.label ?? '';
    const look = (id: string): Seen | null => {
      const m = asYMap(items.get(id));
      const item = m ? readItemMap(id, m) : null;
      if (!item || item.boardId !== ctl.boardId) return null;
      if (item.kind === 'agreement') return { kind: 'agreement', zone: null };
      if (!isPlaced(item)) return null;
      return { kind: item.kind, zone: template.zones.length ? (zoneOfItem(template, item, template.noteSize)?.id ?? null) : null };
    };
    const seen = new Map<string, Seen>();
    items.forEach((_, id) => {
      const s = look(id);
      if (s) seen.set(id, s);
    });
    const pending = new Set<string>();
    /** Notes others dropped onto another note, and answer rows others picked in. */
    const bundled = new Set<string>();
    const chosen = new Set<string>();
    const boardMap = () => asYMap(ctl.roots.boards.get(ctl.boardId));
    let timer: ReturnType<typeof setTimeout> | null = null;
    let clear: ReturnType<typeof setTimeout> | null = null;
    let last = 0;

    const flush = () => {
      timer = null;
      const changes: Change[] = [];
      for (const id of pending) {
        const before = seen.get(id) ?? null;
        const now = look(id);
        if (now) seen.set(id, now);
        else seen.delete(id);
        if (!before && now) changes.push(now.kind === 'agreement' ? { type: 'added', kind: 'agreement', zone: null } : { type: 'added', kind: now.kind, zone: now.zone });
        else if (before && !now && before.kind !== 'agreement') changes.push({ type: 'removed', kind: before.kind, zone: before.zone });
        else if (before && now && now.kind !== 'agreement' && before.zone !== now.zone) changes.push({ type: 'moved', kind: now.kind, zone: now.zone });
      }
      pending.clear();
      for (const id of bundled) {
        const now = look(id);
        if (now && now.kind === 'note' && asYMap(items.get(id))?.get('bundle')) changes.push({ type: 'bundled', kind: 'note', zone: now.zone });
      }
      bundled.clear();
      const state = boardMap();
      for (const rowId of chosen) {
        const row = template.choices?.find((r) => r.id === rowId);
        const option = row?.options.find((o) => o.id === state?.get(`choice:${rowId}`));
        if (!row) continue;
        const where = template.zones.length ? zoneLabel(zoneAt(template.zones, row.at)?.id ?? null) : '';
        changes.push({ type: 'chosen', kind: 'choice', zone: [where, row.label, option?.label ?? '—'].filter(Boolean).join(' ') });
      }
      chosen.clear();
      const text = summarise(changes, zoneLabel);
      if (!text) return;
      last = Date.now();
      setMessage(text);
      if (clear) clearTimeout(clear);
      clear = setTimeout(() => setMessage(''), CLEAR_MS);
    };

    /** The ids of items a transaction added, removed, or moved (x, y); notes it bundled; answer rows it picked in. */
    const touched = (tr: Y.Transaction): { ids: string[]; bundles: string[]; rows: string[] } => {
      const out = { ids: [] as string[], bundles: [] as string[], rows: [] as string[] };
      const board = boardMap();
      tr.changed.forEach((keys, type) => {
        if (type === (items as unknown)) {
          for (const k of keys) if (k) out.ids.push(k);
        } else if (type.parent === (items as unknown)) {
          const id = keyInParent(type);
          if (id && (keys.has('x') || keys.has('y'))) out.ids.push(id);
          if (id && keys.has('bundle')) out.bundles.push(id);
        } else if (board && type === (board as unknown)) {
          for (const k of keys) if (k?.startsWith('choice:')) out.rows.push(k.slice('choice:'.length));
        }
      });
      return out;
    };

    const onTransaction = (tr: Y.Transaction) => {
      const { ids, bundles, rows } = touched(tr);
      if (ids.length === 0 && bundles.length === 0 && rows.length === 0) return;
      if (tr.local || !ctl.session.state.get().everSynced) {
        // This person's own change, or the board arriving on this screen: known, not announced.
        for (const id of ids) {
          if (pending.has(id)) continue;
          const s = look(id);
          if (s) seen.set(id, s);
          else seen.delete(id);
        }
        return;
      }
      for (const id of ids) pending.add(id);
      for (const id of bundles) bundled.add(id);
      for (const row of rows) chosen.add(row);
      if (timer) return;
      const wait = Math.max(FIRST_MS, last + EVERY_MS - Date.now());
      timer = setTimeout(flush, wait);
    };
    doc.on('afterTransaction', onTransaction);
    return () => {
      doc.off('afterTransaction', onTransaction);
      if (timer) clearTimeout(timer);
      if (clear) clearTimeout(clear);
    };
  }, [ctl, template]);
  return message;
};
