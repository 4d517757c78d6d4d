import { MessageType } from '@bodem/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterSyncMessage, handleMessage, stopRelayingPresence, takeOverReconnects } from './providerAdapter.ts';

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
});
