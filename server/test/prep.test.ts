import { CONTROL_KEYS, clearPersonalSend, readControl, roots, sendGroups, setPrep } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { craftUpdate, createMeeting, docFromDisk, joinMeeting, saveCheck, sendRawWrites, synced, useRig, waitFor } from './helpers.ts';

const { server, client } = useRig();


const prepOf = (doc: Y.Doc) => readControl(roots(doc).control).prep;

describe('the facilitator alone prepares the meeting and clears own destinations', () => {
  it("keeps a participant's crafted preparation and clearing, well-formed and malformed, from every peer and every stored row; the facilitator's arrives", async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const annaToken = await joinMeeting(s.http, m, 'Anna', 'formeel');
    const f = client(s, m.id, m.facilitatorToken);
    const bilal = client(s, m.id, await joinMeeting(s.http, m, 'Bilal', 'informeel'));
    const anna = client(s, m.id, annaToken);
    await Promise.all([synced(f), synced(bilal), synced(anna)]);
    // The facilitator sent Bilal to a board of his own.
    sendGroups(f.doc, { bySide: { formeel: 'b1' }, byPerson: { bilal: 'b2' } });
    await waitFor(() => readControl(roots(anna.doc).control).send?.byPerson.bilal === 'b2', 5000, 'the send arrived');

    // Bilal, a peer, notes every preparation and every send he ever holds.
    const seen: string[] = [];
    const beideSent: (string | undefined)[] = [];
    bilal.doc.on('afterTransaction', () => beideSent.push(readControl(roots(bilal.doc).control).send?.bySide.beide));
    bilal.doc.on('afterTransaction', () => seen.push(JSON.stringify([roots(bilal.doc).control.get(CONTROL_KEYS.prep) ?? null, readControl(roots(bilal.doc).control).send?.byPerson])));

    // 1. Through Anna's own stock client.
    setPrep(anna.doc, { votingLimit: 9, orgs: ['Anna’s eigen club'] });
    // Part D with only the quote she likes, and "Beide" sent as a group to her board.
    setPrep(anna.doc, { quotes: ['thema-1-citaat-1'] });
    sendGroups(anna.doc, { bySide: { beide: 'b2' }, byPerson: {} });
    clearPersonalSend(anna.doc, 'bilal');

    // 2. Hand-crafted frames on Anna's socket.
    const base = new Y.Doc();
    Y.applyUpdate(base, Y.encodeStateAsUpdate(f.doc));
    const craft = (change: (d: Y.Doc) => void, clientID?: number): Uint8Array => craftUpdate(base, change, clientID);
    const wellFormed = craft((d) => setPrep(d, { votingLimit: 5 }));
    const noQuotes = craft((d) => setPrep(d, { quotes: [] }));
    const manyQuotes = craft((d) => roots(d).control.set(CONTROL_KEYS.prep, { orgs: [], quotes: Array.from({ length: 50_000 }, (_, i) => `thema-${i}-citaat-${'x'.repeat(40)}`) }));
    const beideSend = craft((d) => sendGroups(d, { bySide: { formeel: 'b1', beide: 'b2' }, byPerson: { bilal: 'b2' } }));
    const clearing = craft((d) => clearPersonalSend(d, 'bilal'));
    const asFacilitator = craft((d) => setPrep(d, { votingLimit: 7, orgs: ['X'] }), f.doc.clientID);
    const oversized = craft((d) => roots(d).control.set(CONTROL_KEYS.prep, { votingLimit: 1e9, orgs: Array.from({ length: 10_000 }, (_, i) => `org ${i}`.repeat(50)) }));
    const nested = craft((d) => roots(d).control.set(CONTROL_KEYS.prep, new Y.Map([['votingLimit', 3]] as [string, unknown][])));
    const truncated = wellFormed.slice(0, Math.floor(wellFormed.length / 2));

    await sendRawWrites(s, m.id, annaToken, [wellFormed, noQuotes, manyQuotes, beideSend, clearing, asFacilitator, oversized, nested, truncated]);
    await saveCheck(s, m.id, m.facilitatorToken);

    // Anna's tablet is put back.
    await waitFor(() => roots(anna.doc).control.get(CONTROL_KEYS.prep) === undefined && readControl(roots(anna.doc).control).send?.byPerson.bilal === 'b2', 5000, "Anna's own changes taken back");

    // The facilitator's own preparation and clearing arrive (so the test can see them arrive).
    setPrep(f.doc, { votingLimit: 3, orgs: ['CJG Doorn'], quotes: ['thema-2-citaat-1', 'thema-3-citaat-1'] });
    clearPersonalSend(f.doc, 'bilal');
    await waitFor(() => prepOf(bilal.doc).votingLimit === 3 && readControl(roots(bilal.doc).control).send?.byPerson.bilal === undefined, 5000, "the facilitator's arrive");
    await saveCheck(s, m.id, m.facilitatorToken);

    // Bilal never held a preparation but the facilitator's, nor lost his destination before the facilitator cleared it.
    const held = seen.map((x) => JSON.parse(x) as [unknown, Record<string, string> | undefined]);
    expect(held.map(([p]) => p).filter((p) => p !== null)).toEqual(held.filter(([p]) => p !== null).map(() => ({ votingLimit: 3, orgs: ['CJG Doorn'], quotes: ['thema-2-citaat-1', 'thema-3-citaat-1'] })));
    // (The facilitator prepared first, then cleared: Bilal's destination went only after that.)
    const prepared = held.findIndex(([p]) => p !== null);
    const cleared = held.findIndex(([, by]) => by?.bilal === undefined);
    expect(prepared).toBeGreaterThanOrEqual(0);
    expect(cleared).toBeGreaterThanOrEqual(prepared);
    // Nor a send of "Beide" as a group.
    expect(beideSent.length).toBeGreaterThan(0);
    expect(beideSent.filter((b) => b !== undefined)).toEqual([]);
    // The stored meeting, read from the SQLite file.
    const stored = docFromDisk(s.dataDir, m.id);
    expect(prepOf(stored)).toEqual({ votingLimit: 3, orgs: ['CJG Doorn'], quotes: ['thema-2-citaat-1', 'thema-3-citaat-1'] });
    expect(readControl(roots(stored).control).send?.byPerson).toEqual({});
    expect(readControl(roots(stored).control).send?.bySide).toEqual({ formeel: 'b1' });
  });
});
