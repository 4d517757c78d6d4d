import { MessageType } from '@bodem/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterSyncMessage, batchRemoteUpdates, handleMessage, stopRelayingPresence, takeOverReconnects } from './providerAdapter.ts';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';

/** Pinned to y-websocket 3.1.x: fails when a release changes the provider internals Bodem hooks (one adapter). */

/** A socket class that is never opened (the provider is made with connect: false). */
class NoSocket {
  readyState = 3;
  send(): void {}
  close(): void {}
}

const provider = () => {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const p = new WebsocketProvider('ws://127.0.0.1:9', 'm1', doc, { connect: false, awareness, disableBc: true, WebSocketPolyfill: NoSocket as unknown as typeof WebSocket });
  return { doc, awareness, p };
};

describe('y-websocket internals, through the one adapter', () => {
  it('stops the provider relaying presence: its handler leaves the awareness', () => {
    const { awareness, p } = provider();
    const observers = (awareness as unknown as { _observers: Map<string, Set<unknown>> })._observers;
    const handler = (p as unknown as { _awarenessUpdateHandler: unknown })._awarenessUpdateHandler;
    expect(typeof handler).toBe('function');
    expect(observers.get('update')?.has(handler)).toBe(true);
    stopRelayingPresence(p, awareness);
    expect(observers.get('update')?.has(handler) ?? false).toBe(false);
    p.destroy();
  });

  it('answers a message type of Bodem’s own, and still reads the sync step it peeks at', () => {
    const { doc, p } = provider();
    const got: number[] = [];
    handleMessage(p, MessageType.saved, (d) => got.push(decoding.readVarUint(d)));
    const steps: boolean[] = [];
    afterSyncMessage(p, MessageType.sync, (wasStep1) => steps.push(wasStep1));
    const handlers = (p as unknown as { messageHandlers: ((e: encoding.Encoder, d: decoding.Decoder, p: unknown, s: boolean, t: number) => void)[] }).messageHandlers;

    const saved = encoding.createEncoder();
    encoding.writeVarUint(saved, 42);
    handlers[MessageType.saved]!(encoding.createEncoder(), decoding.createDecoder(encoding.toUint8Array(saved)), p, true, MessageType.saved);
    expect(got).toEqual([42]);

    // The server's sync step 1: the provider answers with step 2 in the encoder.
    const server = new Y.Doc();
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, server);
    doc.getMap('items').set('x', 1);
    const reply = encoding.createEncoder();
    handlers[MessageType.sync]!(reply, decoding.createDecoder(encoding.toUint8Array(step1)), p, true, MessageType.sync);
    const r = decoding.createDecoder(encoding.toUint8Array(reply));
    expect(decoding.readVarUint(r)).toBe(MessageType.sync);
    expect(decoding.readVarUint(r)).toBe(syncProtocol.messageYjsSyncStep2);
    // An update is not step 1.
    const update = encoding.createEncoder();
    syncProtocol.writeUpdate(update, Y.encodeStateAsUpdate(doc));
    handlers[MessageType.sync]!(encoding.createEncoder(), decoding.createDecoder(encoding.toUint8Array(update)), p, true, MessageType.sync);
    expect(steps).toEqual([true, false]);
    p.destroy();
  });

  it('takes over reconnecting: the provider’s own retry is switched off and ours is told the attempt', () => {
    const { p } = provider();
    const attempts: number[] = [];
    takeOverReconnects(p, (n) => attempts.push(n));
    const internals = p as unknown as { shouldConnect: boolean; wsUnsuccessfulReconnects: number };
    expect(typeof internals.wsUnsuccessfulReconnects).toBe('number');
    internals.shouldConnect = true;
    internals.wsUnsuccessfulReconnects = 2;
    p.emit('connection-close', [{ code: 1006 } as CloseEvent, p]);
    expect(attempts).toEqual([3]);
    expect(internals.shouldConnect).toBe(false);
    // A close while not meant to be connected (a local disconnect) is left alone.
    p.emit('connection-close', [{ code: 1006 } as CloseEvent, p]);
    expect(attempts).toEqual([3]);
    p.destroy();
  });

  it('applies others’ updates once a frame, in one transaction from the provider, presence after them, steps first', () => {
    const { doc, awareness, p } = provider();
    const handlers = (p as unknown as { messageHandlers: ((e: encoding.Encoder, d: decoding.Decoder, p: unknown, s: boolean, t: number) => void)[] }).messageHandlers;
    const deliver = (type: number, bytes: Uint8Array) => {
      const reply = encoding.createEncoder();
      handlers[type]!(reply, decoding.createDecoder(bytes), p, true, type);
      return encoding.toUint8Array(reply);
    };
    const updateMessage = (u: Uint8Array) => {
      const e = encoding.createEncoder();
      syncProtocol.writeUpdate(e, u);
      return encoding.toUint8Array(e);
    };
    let frames: (() => void)[] = [];
    const batch = batchRemoteUpdates(p, doc, { sync: MessageType.sync, awareness: MessageType.awareness }, (flush) => frames.push(flush));
    const transactions: { origin: unknown; local: boolean }[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => transactions.push({ origin: tr.origin, local: tr.local }));

    // Someone else writes twice, and moves their pointer, within one frame.
    const other = new Y.Doc();
    const otherUpdates: Uint8Array[] = [];
    other.on('update', (u: Uint8Array) => otherUpdates.push(u));
    other.getMap('items').set('a', 1);
    other.getMap('items').set('b', 2);
    const otherAwareness = new Awareness(other);
    otherAwareness.setLocalState({ cursor: { x: 1, y: 2 } });
    for (const u of otherUpdates) deliver(MessageType.sync, updateMessage(u));
    deliver(MessageType.awareness, (() => {
      const e = encoding.createEncoder();
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(otherAwareness, [other.clientID]));
      return encoding.toUint8Array(e);
    })());
    expect(doc.getMap('items').size).toBe(0);
    expect(awareness.getStates().has(other.clientID)).toBe(false);
    expect(frames).toHaveLength(1);

    let seenItemsWithPresence = -1;
    awareness.on('change', () => (seenItemsWithPresence = doc.getMap('items').size));
    frames[0]!();
    expect(doc.getMap('items').toJSON()).toEqual({ a: 1, b: 2 });
    expect(transactions).toEqual([{ origin: p, local: false }]);
    // The pointer came after the notes: it is applied when they are in.
    expect(seenItemsWithPresence).toBe(2);

    // With nothing waiting, presence applies at once.
    otherAwareness.setLocalState({ cursor: { x: 3, y: 4 } });
    const e = encoding.createEncoder();
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(otherAwareness, [other.clientID]));
    deliver(MessageType.awareness, encoding.toUint8Array(e));
    expect(awareness.getStates().get(other.clientID)).toEqual({ cursor: { x: 3, y: 4 } });

    // A step 1 from the server while an update waits: the update goes in first, and the answer is sent as before.
    frames = [];
    otherUpdates.length = 0;
    other.getMap('items').set('c', 3);
    deliver(MessageType.sync, updateMessage(otherUpdates[0]!));
    const server = new Y.Doc();
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, server);
    const reply = decoding.createDecoder(deliver(MessageType.sync, encoding.toUint8Array(step1)));
    expect(doc.getMap('items').get('c')).toBe(3);
    expect(decoding.readVarUint(reply)).toBe(MessageType.sync);
    expect(decoding.readVarUint(reply)).toBe(syncProtocol.messageYjsSyncStep2);
    frames[0]!(); // nothing left: no transaction
    expect(transactions).toHaveLength(2);

    // A malformed update is reported (as the provider's own apply throws), the ones beside it still apply.
    const reported: unknown[] = [];
    const realReport = globalThis.reportError;
    globalThis.reportError = (e: unknown) => reported.push(e);
    try {
      frames = [];
      otherUpdates.length = 0;
      other.getMap('items').set('d', 4);
      deliver(MessageType.sync, updateMessage(new Uint8Array([200, 1, 2])));
      deliver(MessageType.sync, updateMessage(otherUpdates[0]!));
      frames[0]!();
      expect(doc.getMap('items').get('d')).toBe(4);
      expect(reported).toHaveLength(1);
    } finally {
      globalThis.reportError = realReport;
    }

    // Stopping applies what waits and gives the provider its handlers back.
    otherUpdates.length = 0;
    other.getMap('items').set('e', 5);
    deliver(MessageType.sync, updateMessage(otherUpdates[0]!));
    batch.stop();
    expect(doc.getMap('items').get('e')).toBe(5);
    otherUpdates.length = 0;
    other.getMap('items').set('f', 6);
    deliver(MessageType.sync, updateMessage(otherUpdates[0]!));
    expect(doc.getMap('items').get('f')).toBe(6);
    p.destroy();
  });
});
