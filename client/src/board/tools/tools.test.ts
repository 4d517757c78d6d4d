import { asYText, lockBoard, origins, roots } from '@bodem/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { TestEditor } from '../testEditor.ts';
import { ItemPress, LONG_PRESS_MS, LONG_PRESS_SLOP } from './itemPress.ts';
import { PAN_DISTANCE } from './selectTool.ts';

/**
 * The gestures people rely on, driven headless: real document, real undo,
 * the real controller and tools, pointers made by the test editor.
 */

let t0 = 1_000_000;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(t0);
});
afterEach(() => vi.useRealTimers());
const later = (ms: number) => {
  t0 += ms;
  vi.setSystemTime(t0);
};

describe('select tool: tap and pan', () => {
  it('a tap on empty board adds a note there and opens it; a second tap closes it, and the empty note goes again', () => {
    const ed = new TestEditor();
    const at = { x: 300, y: 300 };
    ed.tap(at);
    expect(ed.notes()).toHaveLength(1);
    const note = ed.notes()[0]!;
    expect(ed.ctl.ui.get().editingId).toBe(note.id);
    // centred on the finger
    const b = ed.toBoard(at);
    expect(Math.abs(note.x + ed.ctl.noteSize.width / 2 - b.x)).toBeLessThanOrEqual(1);
    expect(ed.ctl.selectTool.state).toBe('idle');
    ed.tap({ x: 700, y: 600 });
    expect(ed.ctl.ui.get().editingId).toBeNull();
    // nothing typed: taken back whole, and no second note from the dismissing tap
    expect(ed.notes()).toHaveLength(0);
  });

  it('a note with words stays when closed; the tap that closes it adds nothing', () => {
    const ed = new TestEditor();
    ed.tap({ x: 300, y: 300 });
    ed.ctl.setNoteText('Luisteren');
    ed.tap({ x: 700, y: 600 });
    expect(ed.notes()).toHaveLength(1);
    expect(ed.notes().map((n) => asYText(roots(ed.doc).items.get(n.id)?.get('text'))?.toString())).toEqual(['Luisteren']);
  });

  it(`a finger that moves ${PAN_DISTANCE} px or more pans the board and adds nothing; less is still a tap`, () => {
    const ed = new TestEditor();
    const before = ed.ctl.viewport.get();
    ed.stroke([{ x: 400, y: 400 }, { x: 420, y: 400 }, { x: 480, y: 430 }]);
    const after = ed.ctl.viewport.get();
    expect(ed.notes()).toHaveLength(0);
    expect(after.scale).toBe(before.scale);
    expect(after.x !== before.x || after.y !== before.y).toBe(true);
    ed.stroke([{ x: 400, y: 400 }, { x: 402, y: 401 }]);
    expect(ed.notes()).toHaveLength(1);
  });

  it('a press on a note closes the open editor and leaves the note to its own gestures (no pan, no new note)', () => {
    const ed = new TestEditor();
    ed.writeNote({ x: 300, y: 300 }, 'Eerste');
    const [first] = ed.notes();
    ed.tap({ x: 700, y: 600 }); // a second note, open
    ed.ctl.setNoteText('Tweede');
    const v = ed.ctl.viewport.get();
    ed.stroke([ed.toScreen({ x: first!.x + 10, y: first!.y + 10 }), ed.toScreen({ x: first!.x + 80, y: first!.y + 10 })]);
    expect(ed.ctl.ui.get().editingId).toBeNull();
    expect(ed.ctl.viewport.get()).toEqual(v);
    expect(ed.notes()).toHaveLength(2);
  });

  it('nobody who may not write adds a note by tapping: a projector, or a participant on a locked board', () => {
    const beamer = new TestEditor({ role: 'projector' });
    beamer.tap({ x: 300, y: 300 });
    expect(beamer.notes()).toHaveLength(0);
    const ed = new TestEditor();
    lockBoard(ed.doc, 'b1', 'Pauze', origins.remote);
    ed.frame();
    ed.tap({ x: 300, y: 300 });
    expect(ed.notes()).toHaveLength(0);
    expect(ed.ctl.canWrite.get()).toBe(false);
  });
});

describe('long press', () => {
  const noteWithWords = () => {
    const ed = new TestEditor();
    return { ed, id: ed.writeNote({ x: 300, y: 300 }, 'Vertrouwen') };
  };

  it('held still for LONG_PRESS_MS it opens the menu, and the release is no tap; moved or released early it is nothing', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(t0);
    const { ed, id } = noteWithWords();
    const press = new ItemPress(() => ed.ctl.longPress(id));
    press.down({ x: 100, y: 100 });
    press.move({ x: 104, y: 103 });
    vi.advanceTimersByTime(LONG_PRESS_MS);
    expect(press.state).toBe('idle');
    expect(ed.ctl.ui.get()).toMatchObject({ selectedId: id, editingId: null });
    ed.ctl.onNoteClick(id); // the release
    expect(ed.ctl.ui.get().editingId).toBeNull();

    ed.ctl.select(null);
    vi.advanceTimersByTime(1000);
    press.down({ x: 100, y: 100 });
    press.move({ x: 100 + LONG_PRESS_SLOP + 1, y: 100 });
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(ed.ctl.ui.get().selectedId).toBeNull();

    press.down({ x: 100, y: 100 });
    vi.advanceTimersByTime(LONG_PRESS_MS / 2);
    press.cancel(); // released early: a tap
    vi.advanceTimersByTime(LONG_PRESS_MS);
    expect(ed.ctl.ui.get().selectedId).toBeNull();
    ed.ctl.onNoteClick(id);
    expect(ed.ctl.ui.get().selectedId).toBe(id);
  });

  it('opens the item menu and swallows the tap that ends it; a later tap on the selected note edits it', () => {
    const { ed, id } = noteWithWords();
    ed.ctl.longPress(id);
    ed.ctl.onNoteClick(id); // the release of the long press
    expect(ed.ctl.ui.get()).toMatchObject({ selectedId: id, editingId: null });
    later(800);
    ed.ctl.onNoteClick(id);
    expect(ed.ctl.ui.get()).toMatchObject({ selectedId: id, editingId: id });
  });
});

describe('pen and eraser', () => {
  it('a line reaches the document once, on pen-up, as one undo step', () => {
    const ed = new TestEditor();
    ed.ctl.setTool('pen');
    const p = ed.press({ x: 200, y: 200 }, { pointerType: 'pen', pressure: 0.8 });
    for (let i = 1; i <= 10; i++) p.move({ x: 200 + i * 10, y: 200 + i * 5 });
    expect(ed.strokeCount()).toBe(0);
    expect(ed.ctl.penTool.state).toBe('drawing');
    p.up();
    expect(ed.strokeCount()).toBe(1);
    const points = ed.ctl.strokes.entries.get()[0]!.map.get('points') as number[];
    expect(points.length).toBe(33);
    expect(points[2]).toBe(0.8);
    ed.ctl.undo();
    expect(ed.strokeCount()).toBe(0);
  });

  it('a dot (a touch without a move) is no line', () => {
    const ed = new TestEditor();
    ed.ctl.setTool('pen');
    ed.tap({ x: 200, y: 200 });
    expect(ed.strokeCount()).toBe(0);
    expect(ed.notes()).toHaveLength(0);
  });

  it('a second finger while drawing is a pinch: the line is dropped, the board zooms, the finger that lifts last draws nothing', () => {
    const ed = new TestEditor();
    ed.ctl.setTool('pen');
    const scale = ed.ctl.viewport.get().scale;
    const first = ed.press({ x: 300, y: 300 });
    first.move({ x: 320, y: 310 });
    first.move({ x: 340, y: 320 });
    ed.touches([{ x: 340, y: 320 }, { x: 500, y: 320 }]);
    expect(ed.ctl.penTool.state).toBe('idle');
    ed.touches([{ x: 300, y: 320 }, { x: 600, y: 320 }]);
    first.move({ x: 300, y: 320 });
    expect(ed.ctl.viewport.get().scale).toBeGreaterThan(scale * 1.5);
    ed.touches([{ x: 300, y: 320 }]);
    first.up();
    expect(ed.strokeCount()).toBe(0);
    // still the pen after the pinch
    expect(ed.ctl.tool.get()).toBe('pen');
  });

  it('the eraser hides the lines it goes over and deletes them together on release; a pinch gives them back', () => {
    const ed = new TestEditor();
    ed.ctl.setTool('pen');
    ed.stroke([{ x: 100, y: 100 }, { x: 200, y: 100 }, { x: 300, y: 100 }]);
    ed.stroke([{ x: 100, y: 300 }, { x: 200, y: 300 }, { x: 300, y: 300 }]);
    expect(ed.strokeCount()).toBe(2);
    ed.ctl.setTool('eraser');
    const e = ed.press({ x: 200, y: 40 });
    e.move({ x: 200, y: 100 });
    e.move({ x: 200, y: 200 });
    e.move({ x: 200, y: 300 });
    expect(ed.ctl.erasing.get().size).toBe(2);
    expect(ed.strokeCount()).toBe(2);
    ed.touches([{ x: 200, y: 300 }, { x: 400, y: 300 }]);
    expect(ed.ctl.erasing.get().size).toBe(0);
    ed.touches([]);
    e.up();
    expect(ed.strokeCount()).toBe(2);
    ed.stroke([{ x: 200, y: 40 }, { x: 200, y: 100 }]);
    expect(ed.strokeCount()).toBe(1);
    ed.ctl.undo();
    expect(ed.strokeCount()).toBe(2);
  });
});

describe('pinch', () => {
  it('zooms around the fingers in the select tool, and the last finger lifting is no tap', () => {
    const ed = new TestEditor();
    const v0 = ed.ctl.viewport.get();
    const a = ed.press({ x: 400, y: 400 });
    ed.touches([{ x: 400, y: 400 }, { x: 600, y: 400 }]);
    ed.touches([{ x: 350, y: 400 }, { x: 650, y: 400 }]);
    ed.touches([{ x: 650, y: 400 }]);
    a.up({ x: 350, y: 400 });
    expect(ed.ctl.viewport.get().scale).toBeGreaterThan(v0.scale);
    ed.tap({ x: 650, y: 400 });
    expect(ed.notes()).toHaveLength(0);
    later(400);
    ed.tap({ x: 650, y: 400 });
    expect(ed.notes()).toHaveLength(1);
  });
});

describe('dragging an item', () => {
  it('commits on drop only: moves go to presence, the document gets one write, undone in one step', () => {
    const ed = new TestEditor();
    ed.writeNote({ x: 300, y: 300 }, 'Netwerk');
    const before = ed.notes()[0]!;
    let writes = 0;
    ed.doc.on('update', () => writes++);
    const at = { x: before.x, y: before.y };
    const node = { x: () => at.x, y: () => at.y, position: (p: { x: number; y: number }) => Object.assign(at, p) };
    ed.ctl.onItemDragStart(before.id, node);
    for (let i = 1; i <= 20; i++) {
      at.x = before.x + i * 10.4;
      at.y = before.y + i * 3.3;
      ed.ctl.onItemDragMove(before.id, node);
      expect(ed.notes()[0]).toMatchObject({ x: before.x, y: before.y });
    }
    expect(writes).toBe(0);
    expect(ed.ctl.ui.get().draggingId).toBe(before.id);
    ed.ctl.onItemDragEnd(before.id, node);
    expect(writes).toBe(1);
    expect(ed.notes()[0]).toMatchObject({ x: Math.round(before.x + 208), y: Math.round(before.y + 66) });
    expect(ed.ctl.ui.get().draggingId).toBeNull();
    ed.ctl.undo();
    expect(ed.notes()[0]).toMatchObject({ x: before.x, y: before.y });
  });

  it('dropped well inside another note, a note bundles with it and is put in the pile', () => {
    const ed = new TestEditor();
    for (const x of [200, 700]) ed.writeNote({ x, y: 300 }, `Notitie ${x}`);
    const [a, b] = ed.notes();
    const node = ed.drag(b!.id, [{ x: a!.x + 5, y: a!.y + 5 }]);
    expect(ed.ctl.derived.bundles.get(b!.id)).toBeTruthy();
    expect(ed.ctl.derived.bundles.get(a!.id)?.key).toBe(ed.ctl.derived.bundles.get(b!.id)?.key);
    const placed = ed.ctl.itemMap(b!.id);
    expect({ x: node.x(), y: node.y() }).toEqual({ x: placed?.get('x'), y: placed?.get('y') });
  });

  it('a projector dragging writes nothing', () => {
    const ed = new TestEditor();
    ed.writeNote({ x: 300, y: 300 }, 'Blijft');
    const n = ed.notes()[0]!;
    const beamer = new TestEditor({ role: 'projector' });
    Y.applyUpdate(beamer.doc, Y.encodeStateAsUpdate(ed.doc));
    let writes = 0;
    beamer.doc.on('update', () => writes++);
    beamer.drag(n.id, [{ x: 10, y: 10 }]);
    expect(writes).toBe(0);
    expect(beamer.notes()[0]).toMatchObject({ x: n.x, y: n.y });
  });
});
