import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * The one place Bodem reaches into y-websocket's provider beyond its
 * documented API (pinned: y-websocket 3.1.x; providerAdapter.test.ts fails
 * when a release changes any of it). The stock provider stays: the relay
 * speaks its protocol, and tests and tools use it as it is.
 */

type Handler = (encoder: encoding.Encoder, decoder: decoding.Decoder, provider: WebsocketProvider, emitSynced: boolean, messageType: number) => void;

interface ProviderInternals {
  _awarenessUpdateHandler: (...args: unknown[]) => void;
  messageHandlers: Handler[];
  shouldConnect: boolean;
  wsUnsuccessfulReconnects: number;
  shouldReconnect: (event: CloseEvent, provider: WebsocketProvider) => boolean;
}
const internals = (p: WebsocketProvider): ProviderInternals => p as unknown as ProviderInternals;

/**
 * Stops the provider from re-sending every presence update it hears: with
 * 40 tablets each would upload 39 others' cursors. The caller sends its own.
 */
export function stopRelayingPresence(provider: WebsocketProvider, awareness: Awareness): void {
  awareness.off('update', internals(provider)._awarenessUpdateHandler);
}

/** Answers a message type the stock provider does not know (Bodem's save receipts). */
export function handleMessage(provider: WebsocketProvider, type: number, handle: (decoder: decoding.Decoder) => void): void {
  internals(provider).messageHandlers[type] = (_encoder, decoder) => handle(decoder);
}

/**
 * Runs `after` once the provider has handled a sync message, told whether
 * it was the server's sync step 1 (the provider answers that with what the
 * server lacks, on the socket right after the handler returns).
 */
export function afterSyncMessage(provider: WebsocketProvider, syncType: number, after: (wasStep1: boolean) => void): void {
  const handlers = internals(provider).messageHandlers;
  const sync = handlers[syncType];
  if (!sync) return;
  handlers[syncType] = (encoder, decoder, p, emitSynced, type) => {
    // The sync sub-type is the next varuint; step 1 is 0. Peeked, not read.
    const wasStep1 = decoder.arr[decoder.pos] === 0;
    sync(encoder, decoder, p, emitSynced, type);
    after(wasStep1);
  };
}

/**
 * Takes over reconnecting after a dropped connection: the provider's own
 * retry is made a no-op (`shouldConnect` off) and `reconnect(attempt)` is
 * called instead, with how many attempts have failed so far (for backoff).
 * Local closes and the refusals `shouldReconnect` rejects are left alone.
 */
export function takeOverReconnects(provider: WebsocketProvider, reconnect: (attempt: number) => void): void {
  provider.on('connection-close', (event: CloseEvent | null) => {
    const p = internals(provider);
    if (!p.shouldConnect || (event && !p.shouldReconnect(event, provider))) return;
    p.shouldConnect = false;
    reconnect(p.wsUnsuccessfulReconnects + 1);
  });
}

/** The sync sub-type of an update someone else made (y-protocols' messageYjsUpdate). */
const SYNC_UPDATE = 2;

/**
 * Applies others' updates together, once per `schedule` (a frame), in one
 * Yjs transaction, instead of one transaction per websocket message: twenty
 * people writing send a hundred messages a second, and each transaction ran
 * the document's observers, a React render and a store into IndexedDB (on
 * a throttled tablet 40–80 ms each, one after the other, between frames).
 * The transaction has the provider as origin and is not local, as the
 * provider's own apply.
 *
 * Only sync updates wait. Any other sync message (the server's steps 1 and
 * 2) first applies what waits, in order. A presence message that comes
 * while updates wait is applied after them (a drag's ghost and the note's
 * new place show in the same frame). `flush()` applies what waits now;
 * the returned cleanup applies it and restores the handlers.
 */
export function batchRemoteUpdates(
  provider: WebsocketProvider,
  doc: Y.Doc,
  types: { sync: number; awareness: number },
  schedule: (flush: () => void) => void,
): { flush: () => void; stop: () => void } {
  const handlers = internals(provider).messageHandlers;
  const sync = handlers[types.sync];
  const awareness = handlers[types.awareness];
  let updates: Uint8Array[] = [];
  let presence: (() => void)[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!updates.length && !presence.length) return;
    const waiting = updates;
    const after = presence;
    updates = [];
    presence = [];
    let failed: unknown = null;
    if (waiting.length) {
      Y.transact(
        doc,
        () => {
          for (const u of waiting) {
            try {
              Y.applyUpdate(doc, u, provider);
            } catch (e) {
              // As a throw from the provider's own apply: reported, the others still apply.
              failed ??= e;
            }
          }
        },
        provider,
        false,
      );
    }
    for (const apply of after) apply();
    if (failed) reportError(failed);
  };
  const later = () => {
    if (scheduled) return;
    scheduled = true;
    schedule(flush);
  };
  if (sync) {
    handlers[types.sync] = (encoder, decoder, p, emitSynced, type) => {
      if (decoder.arr[decoder.pos] === SYNC_UPDATE) {
        decoding.readVarUint(decoder);
        updates.push(decoding.readVarUint8Array(decoder));
        later();
        return;
      }
      flush();
      sync(encoder, decoder, p, emitSynced, type);
    };
  }
  if (awareness) {
    handlers[types.awareness] = (encoder, decoder, p, emitSynced, type) => {
      if (!updates.length) return awareness(encoder, decoder, p, emitSynced, type);
      presence.push(() => awareness(encoder, decoder, p, emitSynced, type));
    };
  }
  return {
    flush,
    stop: () => {
      flush();
      if (sync) handlers[types.sync] = sync;
      if (awareness) handlers[types.awareness] = awareness;
    },
  };
}
