import { addNote, castVote, initMeeting, listBoards, setNoteText, deleteItem, ROOT } from '@bodem/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inspectUpdate, MalformedUpdateError, MAX_KEY_LENGTH } from '../src/relay/updateShape.ts';

const rules = { schemaContentOnly: true, rootNames: new Set<string>(Object.values(ROOT)) };

/** Updates an honest tablet sends: every kind of write the schema has, incremental and whole, with deletions and GC. */
const honestUpdates = (): Uint8Array[] => {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'Bijeenkomst', createdAt: 1, boards: [{ id: 'b1', template: 'vrij', title: 'Bord' }] });
  const out: Uint8Array[] = [Y.encodeStateAsUpdate(doc)];
  doc.on('update', (u: Uint8Array) => out.push(u));
  const board = listBoards(doc)[0]!.id;
  const notes: string[] = [];
  for (let i = 0; i < 5; i++) {
    const n = addNote(doc, { boardId: board, x: i, y: i, side: 'formeel', authorId: 'a', createdAt: i });
    setNoteText(doc, n, `notitie ${i} met é en 😀`);
    notes.push(n);
  }
  castVote(doc, board, 'a', 3);
  deleteItem(doc, notes[0]!);
  setNoteText(doc, notes[1]!, 'korter');
  out.push(Y.encodeStateAsUpdate(doc));
  out.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(new Y.Doc())));
  return out;
};

describe('inspectUpdate reads an update completely before anything is applied', () => {
  it('refuses a root the schema does not have and a key longer than the schema writes (they would stay in the document for good)', () => {
    const change = (f: (d: Y.Doc) => void): Uint8Array => {
      const d = new Y.Doc();
      f(d);
      return Y.encodeStateAsUpdate(d);
    };
    expect(() => inspectUpdate(change((d) => d.getMap('gekaapt').set('a', 1)), rules)).toThrow(/root/);
    expect(() => inspectUpdate(change((d) => d.getText('gekaapt').insert(0, 'x')), rules)).toThrow(/root/);
    expect(() => inspectUpdate(change((d) => d.getMap(ROOT.items).set('k'.repeat(MAX_KEY_LENGTH + 1), 1)), rules)).toThrow(/key/);
    // Nested a level down too.
    expect(() =>
      inspectUpdate(
        change((d) => {
          const m = new Y.Map<unknown>();
          d.getMap(ROOT.boards).set('b', m);
          m.set('k'.repeat(100_000), 'x');
        }),
        rules,
      ),
    ).toThrow(/key/);
    // The longest key the schema allows, under a schema root, passes; so does anything for the facilitator (no schema rules).
    expect(() => inspectUpdate(change((d) => d.getMap(ROOT.items).set('k'.repeat(MAX_KEY_LENGTH), 1)), rules)).not.toThrow();
    expect(() => inspectUpdate(change((d) => d.getMap('gekaapt').set('k'.repeat(1000), 1)), { schemaContentOnly: false })).not.toThrow();
  });

  it('accepts every honest update, and says which client writes which clocks', () => {
    const updates = honestUpdates();
    expect(updates.length).toBeGreaterThan(10);
    for (const u of updates) {
      const shape = inspectUpdate(u, rules);
      for (const { from, to } of shape.writes.values()) expect(to).toBeGreaterThan(from);
      expect(() => Y.applyUpdate(new Y.Doc(), u)).not.toThrow();
    }
    // The state vector after applying the whole document is exactly what was read.
    const whole = inspectUpdate(updates.at(-1)!, rules);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, updates.at(-1)!);
    for (const [client, { to }] of whole.writes) expect(Y.decodeStateVector(Y.encodeStateVector(doc)).get(client)).toBe(to);
  });

  it('refuses every truncation of every honest update, and trailing bytes', () => {
    let refused = 0;
    for (const u of honestUpdates()) {
      for (let cut = 0; cut < u.length; cut++) {
        expect(() => inspectUpdate(u.subarray(0, cut), rules), `cut at ${cut} of ${u.length}`).toThrow(MalformedUpdateError);
        refused++;
      }
      const longer = new Uint8Array(u.length + 1);
      longer.set(u);
      expect(() => inspectUpdate(longer, rules)).toThrow(/trailing/);
    }
    expect(refused).toBeGreaterThan(1000);
  });

  it('refuses lying counts, a client twice, clocks past any tablet, and content the schema never makes', () => {
    const e = (write: (e: encoding.Encoder) => void) => {
      const enc = encoding.createEncoder();
      write(enc);
      return encoding.toUint8Array(enc);
    };
    // Delete set says 4 clients, holds 3.
    const lyingDs = e((x) => {
      encoding.writeVarUint(x, 0);
      encoding.writeVarUint(x, 4);
      for (let i = 0; i < 3; i++) [i + 1, 1, 0, 1].forEach((v) => encoding.writeVarUint(x, v));
    });
    expect(() => inspectUpdate(lyingDs, rules)).toThrow(MalformedUpdateError);
    // A billion structs in a few bytes.
    expect(() => inspectUpdate(e((x) => [1, 1e9, 7, 0].forEach((v) => encoding.writeVarUint(x, v))), rules)).toThrow(/count larger/);
    // A GC range of 2^45 clocks under someone's id.
    const farAhead = e((x) => {
      [1, 1, 42, 0].forEach((v) => encoding.writeVarUint(x, v));
      encoding.writeUint8(x, 0);
      encoding.writeVarUint(x, 2 ** 45);
      encoding.writeVarUint(x, 0);
    });
    expect(() => inspectUpdate(farAhead, rules)).toThrow(/clock out of range/);
    // The same client twice (yjs would silently drop the first run).
    const one = (clock: number) => (x: encoding.Encoder) => {
      [1, 42, clock].forEach((v) => encoding.writeVarUint(x, v));
      encoding.writeUint8(x, 0);
      encoding.writeVarUint(x, 1);
    };
    const twice = e((x) => {
      encoding.writeVarUint(x, 2);
      one(0)(x);
      one(1)(x);
      encoding.writeVarUint(x, 0);
    });
    expect(() => inspectUpdate(twice, rules)).toThrow(/twice/);
    // A binary value and an XML fragment: never made by Bodem.
    const d = new Y.Doc();
    d.getMap('m').set('b', new Uint8Array([1, 2]));
    expect(() => inspectUpdate(Y.encodeStateAsUpdate(d), rules)).toThrow(/schema/);
    expect(() => inspectUpdate(Y.encodeStateAsUpdate(d), { schemaContentOnly: false })).not.toThrow();
    const x = new Y.Doc();
    x.getMap('m').set('x', new Y.XmlFragment());
    expect(() => inspectUpdate(Y.encodeStateAsUpdate(x), rules)).toThrow(/schema/);
  });
});
