import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../wire.ts';

/**
 * The whole wire format in one place: y-websocket's sync and awareness
 * messages plus Bodem's save check. Decoding never touches a Y.Doc, so the
 * relay can decide what to do with a message (store it, drop it, refuse the
 * sender) before anything is applied.
 */
export type Message =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'save-check'; ticket: number }
  | { type: 'saved'; ticket: number };

export class ProtocolError extends Error {}

export const decodeMessage = (data: Uint8Array): Message => {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    let msg: Message;
    switch (type) {
      case MessageType.sync: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (sub === syncProtocol.messageYjsSyncStep1) msg = { type: 'sync-step1', stateVector: payload };
        else if (sub === syncProtocol.messageYjsSyncStep2) msg = { type: 'sync-step2', update: payload };
        else if (sub === syncProtocol.messageYjsUpdate) msg = { type: 'update', update: payload };
        else throw new ProtocolError(`unknown sync message ${sub}`);
        break;
      }
      case MessageType.awareness:
        msg = { type: 'awareness', update: decoding.readVarUint8Array(d) };
        break;
      case MessageType.queryAwareness:
        msg = { type: 'query-awareness' };
        break;
      case MessageType.saveCheck:
        msg = { type: 'save-check', ticket: decoding.readVarUint(d) };
        break;
      case MessageType.saved:
        msg = { type: 'saved', ticket: decoding.readVarUint(d) };
        break;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(d)) throw new ProtocolError('trailing bytes');
    return msg;
  } catch (e) {
    if (e instanceof ProtocolError) throw e;
    throw new ProtocolError(`malformed message: ${(e as Error).message}`);
  }
};

const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

export const encodeSyncStep1 = (doc: Y.Doc): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, doc);
  });

export const encodeSyncStep2 = (doc: Y.Doc, stateVector?: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep2(e, doc, stateVector);
  });

export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeUpdate(e, update);
  });

export const encodeAwareness = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeSaveCheck = (ticket: number): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.saveCheck);
    encoding.writeVarUint(e, ticket);
  });

export const encodeSaved = (ticket: number): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.saved);
    encoding.writeVarUint(e, ticket);
  });

/** Applies a peer's update; Y.applyUpdate is V1 only, never the V2 decoders. */
export const applyRemote = (doc: Y.Doc, update: Uint8Array, origin: unknown): void => {
  Y.applyUpdate(doc, update, origin);
};
