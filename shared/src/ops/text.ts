import type * as Y from 'yjs';

/**
 * Turns `text` into `target` by rewriting only the changed middle part, so a
 * concurrent edit elsewhere in the same text survives the merge. Call inside
 * a transaction; `target` must already be cleaned.
 */
export const applyTextEdit = (text: Y.Text, target: string): void => {
  const current = text.toString();
  if (current === target) return;
  let start = 0;
  const maxStart = Math.min(current.length, target.length);
  while (start < maxStart && current.charCodeAt(start) === target.charCodeAt(start)) start++;
  // Never split a surrogate pair (emoji, some scripts) at either edge. Step
  // back before measuring the suffix, so the suffix may use what the prefix
  // gave up: typing 😀 before 👍 (both D83D …) inserts 😀 instead of
  // rewriting 👍 too, which would undo a concurrent deletion of 👍.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  let end = 0;
  const maxEnd = Math.min(current.length, target.length) - start;
  while (end < maxEnd && current.charCodeAt(current.length - 1 - end) === target.charCodeAt(target.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = target.slice(start, target.length - end);
  if (inserted) text.insert(start, inserted);
};

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
