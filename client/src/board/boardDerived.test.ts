import { addNote, bundleNotes, deleteItem, origins } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import { TestEditor } from './testEditor.ts';

/** Someone else's note, through the document (as it arrives from the relay). */
const put = (ed: TestEditor, id: string, x: number, createdAt: number) =>
  addNote(ed.doc, { boardId: 'b1', x, y: 300, side: null, authorId: 'p2', createdAt, text: id }, origins.template, id);

const members = (ed: TestEditor, id: string) => ed.ctl.derived.bundles.get(id)?.memberIds.join(' ') ?? null;

describe('BoardDerived follows bundles through the changes that can touch them', () => {
  it('a loose note coming or going leaves the bundles; a linked note, or one a link points at, changes them', () => {
    const ed = new TestEditor();
    put(ed, 'a', 200, 1);
    put(ed, 'b', 500, 2);
    put(ed, 'c', 800, 3);
    bundleNotes(ed.doc, 'b', 'a', origins.template);
    bundleNotes(ed.doc, 'c', 'a', origins.template);
    ed.frame();
    expect(members(ed, 'a')).toBe('a b c');
    const before = ed.ctl.derived.bundles.get('b');

    // A loose note added, and taken away again: no bundle changes.
    put(ed, 'd', 1100, 4);
    ed.frame();
    expect(members(ed, 'd')).toBeNull();
    deleteItem(ed.doc, 'd', origins.template);
    ed.frame();
    expect(ed.ctl.derived.bundles.get('b')).toBe(before);

    // A note dropped on the pile joins it.
    put(ed, 'e', 1400, 5);
    bundleNotes(ed.doc, 'e', 'b', origins.template);
    ed.frame();
    expect(members(ed, 'a')).toBe('a b c e');

    // The head taken away: the rest stay a bundle under the oldest.
    deleteItem(ed.doc, 'a', origins.template);
    ed.frame();
    expect(members(ed, 'a')).toBeNull();
    expect(members(ed, 'b')).toBe('b c e');

    // A loose note comes back under the id the others point at (an undo elsewhere): it heads them again.
    put(ed, 'a', 200, 1);
    ed.frame();
    expect(members(ed, 'b')).toBe('a b c e');
    expect(ed.ctl.derived.bundles.get('a')?.isHead).toBe(true);
  });
});
