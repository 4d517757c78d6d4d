import { asYText, cleanText, origins } from '@bodem/shared';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type * as Y from 'yjs';

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

/** Where a text lives: a key of a shared map holding a Y.Text (which a peer may replace, or create with the first word). */
export interface LiveTextSource {
  map: Y.Map<unknown>;
  key: string;
  /** The most the document keeps; what is shown is what the document kept. */
  max: number;
}

export interface LiveTextHandlers {
  onInput(): void;
  onCompositionStart(): void;
  onCompositionEnd(): void;
}

/**
 * Binds a DOM text field to a Y.Text, the one way Bodem lets people type:
 *
 * - The field is uncontrolled. What a person types stays exactly as typed:
 *   nothing is trimmed or rewritten while they type (a controlled value
 *   cleaned on every keystroke drops each space at the end, which is where
 *   every space is while typing). Readers clean the text (display, report).
 * - Every input goes into the document at once (`write`, a typed operation
 *   of `shared/`), except during composition (IME, dictation, autocorrect's
 *   marked text): that is written once when the composition ends.
 * - Changes from others and from undo flow into the field with the caret
 *   kept where it was; during a composition they wait until it ends, so the
 *   keyboard's marked text is never torn.
 * - When the document refuses part of the input (control characters, over
 *   the length cap, or no right to write), the field shows what it kept.
 */
export function useLiveText<E extends HTMLInputElement | HTMLTextAreaElement>(
  ref: RefObject<E | null>,
  source: LiveTextSource | null,
  write: (value: string) => void,
): LiveTextHandlers {
  const composing = useRef(false);
  const pendingRemote = useRef(false);
  const writeRef = useRef(write);
  const sourceRef = useRef(source);
  useEffect(() => {
    writeRef.current = write;
    sourceRef.current = source;
  });

  const map = source?.map ?? null;
  const key = source?.key ?? '';
  const max = source?.max ?? 0;

  useEffect(() => {
    const el = ref.current;
    if (!el || !map) return;
    let text: Y.Text | null = null;
    const current = () => cleanText(text?.toString() ?? '', max);
    const show = (delta: Delta | null) => {
      const next = current();
      if (el.value === next) return;
      const focused = document.activeElement === el;
      const start = el.selectionStart ?? next.length;
      const end = el.selectionEnd ?? next.length;
      el.value = next;
      if (focused) {
        el.setSelectionRange(delta ? mapIndex(start, delta) : Math.min(start, next.length), delta ? mapIndex(end, delta) : Math.min(end, next.length));
      }
    };
    const onText = (event: Y.YTextEvent) => {
      // Our own keystrokes are already in the field.
      if (event.transaction.local && event.transaction.origin === origins.user) return;
      if (composing.current) {
        pendingRemote.current = true;
        return;
      }
      show(event.delta as Delta);
    };
    const bind = () => {
      text?.unobserve(onText);
      text = asYText(map.get(key));
      text?.observe(onText);
    };
    const onMap = (e: Y.YMapEvent<unknown>) => {
      if (!e.keysChanged.has(key)) return;
      bind();
      if (!composing.current) show(null);
    };
    bind();
    show(null);
    map.observe(onMap);
    return () => {
      text?.unobserve(onText);
      map.unobserve(onMap);
    };
  }, [ref, map, key, max]);

  return useMemo(() => {
    const commit = () => {
      const el = ref.current;
      if (!el) return;
      writeRef.current(el.value);
      // Before the first render after a tap that focused the field, the source may not be bound yet.
      const src = sourceRef.current;
      if (!src) return;
      const kept = cleanText(asYText(src.map.get(src.key))?.toString() ?? '', src.max);
      if (kept !== el.value) {
        const caret = Math.min(el.selectionStart ?? kept.length, kept.length);
        el.value = kept;
        el.setSelectionRange(caret, caret);
      }
    };
    return {
      onInput: () => {
        if (!composing.current) commit();
      },
      onCompositionStart: () => {
        composing.current = true;
      },
      onCompositionEnd: () => {
        composing.current = false;
        commit();
        if (pendingRemote.current) {
          pendingRemote.current = false;
          const el = ref.current;
          const src = sourceRef.current;
          if (el && src) el.value = cleanText(asYText(src.map.get(src.key))?.toString() ?? '', src.max);
        }
      },
    };
  }, [ref]);
}
