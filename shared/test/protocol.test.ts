// shared/'s import rule keeps the document model framework-free; the test
// runner is the one import its tests need beyond yjs and lib0.
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import {
  addNote,
  applyRemote,
  decodeMessage,
  encodeAwareness,
  encodeSaved,
  encodeSaveCheck,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  initMeeting,
  type Message,
  MessageType,
  origins,
  ProtocolError,
  readMeeting,
  setNoteText,
} from '../src/index.ts';

const meetingWithNote = (): Y.Doc => {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'T', createdAt: 1, boards: [{ id: 'b1', template: 'vrij', title: 'B' }] });
  const id = addNote(doc, { boardId: 'b1', x: 1, y: 2, side: 'formeel', authorId: 'a', createdAt: 3 });
  setNoteText(doc, id, 'Hallo ş ğ ı ł ż é ë 😀');
  return doc;
};

const bytes = (...b: number[]) => new Uint8Array(b);

/** The error decodeMessage threw, failing the test if it returned or threw anything but ProtocolError. */
const refusal = (data: Uint8Array): ProtocolError => {
  let result: Message;
  try {
    result = decodeMessage(data);
  } catch (e) {
    expect(e, `[${data.join(',')}] threw a non-ProtocolError`).toBeInstanceOf(ProtocolError);
    return e as ProtocolError;
  }
  throw new Error(`[${data.join(',')}] decoded as ${JSON.stringify(result)} instead of being refused`);
};

describe('every encoder round-trips through decodeMessage', () => {
  it('sync step 1 carries the state vector', () => {
    const doc = meetingWithNote();
    expect(decodeMessage(encodeSyncStep1(doc))).toEqual({ type: 'sync-step1', stateVector: Y.encodeStateVector(doc) });
  });

  it('sync step 2 carries what the asker lacks, and applying it brings the asker up to date', () => {
    const doc = meetingWithNote();
    const empty = new Y.Doc();
    const msg = decodeMessage(encodeSyncStep2(doc, Y.encodeStateVector(empty)));
    expect(msg.type).toBe('sync-step2');
    applyRemote(empty, (msg as { update: Uint8Array }).update, origins.remote);
    expect(readMeeting(empty)).toEqual(readMeeting(doc));

    // Without a state vector it carries the whole document.
    const whole = decodeMessage(encodeSyncStep2(doc));
    expect(whole).toEqual({ type: 'sync-step2', update: Y.encodeStateAsUpdate(doc) });

    // To a peer that is up to date, it carries an update that changes nothing.
    const upToDate = decodeMessage(encodeSyncStep2(doc, Y.encodeStateVector(doc))) as { update: Uint8Array };
    const before = Y.encodeStateVector(empty);
    applyRemote(empty, upToDate.update, origins.remote);
    expect(Y.encodeStateVector(empty)).toEqual(before);
  });

  it('update carries the exact bytes', () => {
    const doc = meetingWithNote();
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeMessage(encodeUpdate(update))).toEqual({ type: 'update', update });
    expect(decodeMessage(encodeUpdate(new Uint8Array(0)))).toEqual({ type: 'update', update: new Uint8Array(0) });
  });

  it('awareness carries the exact bytes', () => {
    const update = prng.uint8Array(prng.create(1), 300);
    expect(decodeMessage(encodeAwareness(update))).toEqual({ type: 'awareness', update });
  });

  it('query-awareness, which Bodem only receives, decodes', () => {
    expect(decodeMessage(bytes(MessageType.queryAwareness))).toEqual({ type: 'query-awareness' });
  });

  it.each([0, 1, 127, 128, 16_383, 16_384, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER])(
    'save-check and saved carry ticket %i',
    (ticket) => {
      expect(decodeMessage(encodeSaveCheck(ticket))).toEqual({ type: 'save-check', ticket });
      expect(decodeMessage(encodeSaved(ticket))).toEqual({ type: 'saved', ticket });
    },
  );

  it('uses y-websocket framing: message type, then sync subtype', () => {
    const doc = meetingWithNote();
    expect([...encodeSyncStep1(doc).subarray(0, 2)]).toEqual([0, 0]);
    expect([...encodeSyncStep2(doc).subarray(0, 2)]).toEqual([0, 1]);
    expect([...encodeUpdate(bytes(9)).subarray(0, 2)]).toEqual([0, 2]);
    expect([...encodeAwareness(bytes(9))]).toEqual([1, 1, 9]);
    expect([...encodeSaveCheck(300)]).toEqual([10, 0xac, 0x02]);
    expect([...encodeSaved(5)]).toEqual([11, 5]);
  });
});

describe('decodeMessage refuses malformed frames with a ProtocolError', () => {
  it('an empty frame', () => {
    refusal(new Uint8Array(0));
  });

  it.each([
    ['a lone continuation byte', [0xff]],
    ['two continuation bytes', [0x80, 0x80]],
    ['a sync frame cut inside its subtype', [MessageType.sync, 0x81]],
    ['a sync frame without a subtype', [MessageType.sync]],
    ['a sync frame without a payload length', [MessageType.sync, 0]],
    ['a sync frame cut inside its payload length', [MessageType.sync, 2, 0x80]],
    ['a save-check without a ticket', [MessageType.saveCheck]],
    ['a save-check cut inside its ticket', [MessageType.saveCheck, 0xac]],
    ['a saved cut inside its ticket', [MessageType.saved, 0xff, 0xff]],
    ['an awareness frame without a length', [MessageType.awareness]],
  ])('a truncated varint: %s', (_, frame) => {
    expect(refusal(bytes(...frame)).message).toMatch(/malformed/);
  });

  it('a varint larger than a safe integer', () => {
    refusal(bytes(...Array<number>(10).fill(0xff), 0x01));
    refusal(bytes(MessageType.saveCheck, ...Array<number>(9).fill(0xff), 0x7f));
  });

  it('a payload length beyond the end of the frame', () => {
    refusal(bytes(MessageType.sync, 2, 5, 1, 2));
    refusal(bytes(MessageType.awareness, 0xff, 0xff, 0xff, 0x0f, 1));
  });

  it('a payload length beyond the frame even when the frame is a view into a larger buffer', () => {
    // Node hands out slices of pooled buffers: reading past the frame would
    // read someone else's bytes instead of failing.
    const pool = new Uint8Array(64).fill(7);
    pool.set([MessageType.awareness, 10, 1, 2], 8);
    refusal(pool.subarray(8, 12));
  });

  it('unknown message types, including huge ones', () => {
    for (const type of [MessageType.auth, 4, 5, 9, 12, 0x7f]) {
      expect(refusal(bytes(type, 0)).message).toMatch(/unknown message type/);
    }
    expect(refusal(bytes(0xff, 0xff, 0x03)).message).toMatch(/unknown message type/);
  });

  it('unknown sync subtypes', () => {
    for (const sub of [3, 4, 0x7f]) {
      expect(refusal(bytes(MessageType.sync, sub, 0)).message).toMatch(/unknown sync message/);
    }
    expect(refusal(bytes(MessageType.sync, 0x80, 0x01, 0)).message).toMatch(/unknown sync message/);
  });

  it('trailing bytes after any well-formed message', () => {
    const doc = meetingWithNote();
    const frames = [
      encodeSyncStep1(doc),
      encodeSyncStep2(doc),
      encodeUpdate(Y.encodeStateAsUpdate(doc)),
      encodeAwareness(bytes(1, 2, 3)),
      bytes(MessageType.queryAwareness),
      encodeSaveCheck(7),
      encodeSaved(7),
    ];
    for (const f of frames) {
      expect(refusal(bytes(...f, 0)).message).toMatch(/trailing bytes/);
      expect(refusal(bytes(...f, ...f)).message).toMatch(/trailing bytes/);
    }
  });

  it('every strict prefix of every well-formed message', () => {
    const doc = meetingWithNote();
    const frames = [
      encodeSyncStep1(doc),
      encodeSyncStep2(doc),
      encodeUpdate(Y.encodeStateAsUpdate(doc)),
      encodeAwareness(bytes(1, 2, 3)),
      encodeSaveCheck(Number.MAX_SAFE_INTEGER),
      encodeSaved(300),
    ];
    for (const f of frames) {
      for (let len = 0; len < f.length; len++) refusal(f.subarray(0, len));
    }
  });

  it('thousands of random frames: each decodes to a well-formed message or is refused, quickly', () => {
    const gen = prng.create(0xb0de);
    const typeBytes = [MessageType.sync, MessageType.awareness, MessageType.queryAwareness, MessageType.saveCheck];
    let decoded = 0;
    let refused = 0;
    const started = Date.now();
    for (let i = 0; i < 5000; i++) {
      const data = prng.uint8Array(gen, prng.uint32(gen, 0, 64));
      // Half of the frames start like a real message so the decoder gets past the first byte.
      if (i % 2 === 0 && data.length > 0) data[0] = prng.oneOf(gen, typeBytes);
      if (i % 4 === 0 && data.length > 1) data[1] = prng.uint32(gen, 0, 3);
      let msg: Message;
      try {
        msg = decodeMessage(data);
      } catch (e) {
        expect(e, `frame ${i} [${data.join(',')}] threw a non-ProtocolError`).toBeInstanceOf(ProtocolError);
        refused++;
        continue;
      }
      decoded++;
      // What decodes must re-encode to a frame that decodes the same.
      const again = reencode(msg);
      expect(decodeMessage(again), `frame ${i} [${data.join(',')}]`).toEqual(msg);
    }
    expect(refused).toBeGreaterThan(1000);
    expect(decoded).toBeGreaterThan(10);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

const reencode = (msg: Message): Uint8Array => {
  switch (msg.type) {
    case 'sync-step1': {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, msg.stateVector);
      return encoding.toUint8Array(e);
    }
    case 'sync-step2': {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, msg.update);
      return encoding.toUint8Array(e);
    }
    case 'update':
      return encodeUpdate(msg.update);
    case 'awareness':
      return encodeAwareness(msg.update);
    case 'query-awareness':
      return bytes(MessageType.queryAwareness);
    case 'save-check':
      return encodeSaveCheck(msg.ticket);
    case 'saved':
      return encodeSaved(msg.ticket);
  }
};
