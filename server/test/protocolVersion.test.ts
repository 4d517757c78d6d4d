import { addNote, CloseCode, encodeUpdate, MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, roots } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { closeCodeOf, createMeeting, docFromDisk, joinMeeting, saveCheck, synced, useRig, waitFor } from './helpers.ts';

/**
 * The handshake carries the client's protocol version (`v`). A tablet
 * running a Bodem older than the relay accepts is told to reload (4426)
 * instead of misbehaving; a malformed version is a bad request; the stock
 * y-websocket provider, which sends none, still works.
 */
describe('protocol version in the handshake', () => {
  const rig = useRig();

  it('refuses an outdated or malformed version with a clear close, accepts the current one and none', async () => {
    const s = await rig.server();
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const url = (v?: string) => `${s.ws}/yjs/${m.id}?token=${token}${v === undefined ? '' : `&v=${encodeURIComponent(v)}`}`;
    expect(await closeCodeOf(url(String(MIN_PROTOCOL_VERSION - 1)))).toBe(CloseCode.outdated);
    for (const bad of ['abc', '-1', '0', '2.5', '99999999', '']) expect(await closeCodeOf(url(bad)), `v=${bad}`).toBe(CloseCode.badRequest);

    const current = rig.client(s, m.id, token);
    // The stock provider (no v) syncs; so does one that says the current version.
    await synced(current);
    const doc = new Y.Doc();
    const versioned = rig.client(s, m.id, token, doc);
    (versioned.provider as unknown as { params: Record<string, string> }).params.v = String(PROTOCOL_VERSION);
    versioned.provider.disconnect();
    versioned.provider.connect();
    await synced(versioned);
  });

  it('an outdated tablet’s edits reach no peer and no stored row', async () => {
    const s = await rig.server();
    const m = await createMeeting(s.http);
    const anna = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const bilal = await joinMeeting(s.http, m, 'Bilal', 'informeel');
    const peer = rig.client(s, m.id, bilal);
    await synced(peer);
    const boardId = [...roots(peer.doc).boards.keys()][0]!;

    // An old tablet: opens with v=1 and sends a note at once, whole and truncated.
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(peer.doc));
    const before = Y.encodeStateVector(old);
    addNote(old, { boardId, x: 10, y: 10, side: 'formeel', authorId: 'x', createdAt: 1, text: 'van een oude tablet' });
    const update = Y.encodeStateAsUpdate(old, before);
    const frame = encodeUpdate(update);
    const raw = new WebSocket(`${s.ws}/yjs/${m.id}?token=${anna}&v=1`);
    const code = await new Promise<number>((resolve) => {
      raw.on('open', () => {
        raw.send(frame);
        raw.send(frame.subarray(0, Math.floor(frame.length / 2)));
      });
      raw.on('close', (c) => resolve(c));
      raw.on('error', () => {});
    });
    expect(code).toBe(CloseCode.outdated);

    // Everything the relay handled before now is stored; the note is in neither place.
    await saveCheck(s, m.id, bilal);
    const texts = (d: Y.Doc) => [...roots(d).items.values()].map((i) => String(i.get('text') ?? ''));
    expect(texts(peer.doc)).not.toContain('van een oude tablet');
    await waitFor(() => docFromDisk(s.dataDir, m.id).getMap('meta').size > 0, 5_000, 'meeting on disk');
    expect(texts(docFromDisk(s.dataDir, m.id))).toEqual([]);
  });
});
