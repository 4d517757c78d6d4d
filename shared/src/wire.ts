import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * The whole wire format in one place: the handshake (path, protocol
 * version), the message types and their encoding, and the close codes. The
 * first four message types are y-websocket's own; Bodem adds a save check so
 * a tablet can say "opgeslagen" only when the server has its edits on disk.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** client → server: varUint ticket. Answered with `saved` once every message before it is stored. */
  saveCheck: 10,
  /** server → client: varUint ticket echoed back. */
  saved: 11,
} as const;

/**
 * Close codes. 4400–4499 are permanent: the stock WebsocketProvider stops
 * retrying on them. Everything else is retried with backoff.
 */
export const CloseCode = {
  badRequest: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  unknownMeeting: 4404,
  meetingDeleted: 4410,
  /**
   * The facilitator removed this participant from the meeting: every socket
   * of that participant id closes with it, and later upgrades are refused
   * with it. Permanent, like the rest of 44xx. Its own code, not 4403 (a
   * role refusal) or 4410 (a deleted meeting), so the tablet can say why.
   */
  removed: 4408,
  /**
   * The meeting's stored data does not load: it is quarantined until an
   * operator repairs it. The tablet keeps its own copy.
   */
  damaged: 4422,
  /** The meeting has as many connections as one relay allows it; try again later by hand. */
  meetingFull: 4429,
  /**
   * This client speaks an older protocol than the relay accepts (it runs
   * an old Bodem, for instance from a tab left open over a deployment): it
   * is told to reload rather than misbehave. Its local copy stays.
   */
  outdated: 4426,
  /**
   * A frame larger than the relay accepts (ws closes with it by itself).
   * Retrying would send the same frame again, so the client stops.
   */
  tooLarge: 1009,
  /**
   * Back off, then reconnect: too many messages in too short a time, or the
   * meeting is live on another relay of a cluster for now (the load
   * balancer routes the next attempt).
   */
  tryAgainLater: 1013,
  /** A transient server fault (storage failed): retry. */
  retry: 1011,
  /** Server shutting down: retry. */
  goingAway: 1001,
} as const;

export const isPermanentClose = (code: number): boolean => code >= 4400 && code < 4500;

/**
 * Whether a client should connect again after the server closed with
 * `code`: not after a permanent refusal, and not after a frame too large,
 * because the next connection would send the same catch-up again, forever
 * (y-websocket#189).
 */
export const shouldReconnectAfter = (code: number): boolean => !isPermanentClose(code) && code !== CloseCode.tooLarge;

/**
 * The largest websocket frame the relay accepts. A full sync of a whole
 * simulated four-hour meeting is far smaller (bench:doc); this leaves room
 * for a long offline session's catch-up, and still stops a runaway tablet.
 */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

/** Websocket path prefix; the room (meeting id) follows it. */
export const YJS_PATH = '/yjs';

/**
 * The version of this wire format, sent by Bodem's client as the `v`
 * parameter of the websocket handshake. Raise it when a change would make
 * an older client misbehave against a newer relay, and raise
 * MIN_PROTOCOL_VERSION with it when the relay stops accepting the old one.
 */
export const PROTOCOL_VERSION = 2;
/** The oldest client protocol the relay accepts. A client without `v` is the stock y-websocket provider (tools, tests): it speaks the base protocol and is accepted. */
export const MIN_PROTOCOL_VERSION = 2;

/** How the relay refuses a handshake's protocol version (`v` as given in the query), or null to accept it. */
export const protocolRefusal = (v: unknown): { code: number; reason: string } | null => {
  if (v === undefined) return null;
  const n = typeof v === 'string' && /^[0-9]{1,6}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1) return { code: CloseCode.badRequest, reason: 'malformed protocol version' };
  return n < MIN_PROTOCOL_VERSION ? { code: CloseCode.outdated, reason: `protocol ${n} is older than ${MIN_PROTOCOL_VERSION}: reload` } : null;
};

/**
 * Messages as both ends read them: y-websocket's sync and awareness
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
