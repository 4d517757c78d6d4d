import { addNote, listBoards, readMeeting, setNoteText } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import { createMeeting, joinMeeting, synced, useRig, waitFor } from './helpers.ts';

const { server, client } = useRig();

/**
 * After a relay dies (kill -9), the edits it had received but not stored
 * are gone, while the tablet that made them still has them. Its next edit
 * builds on them; if that edit reaches the relay (the same one restarted,
 * or another relay of a cluster) before the tablet's catch-up (sync step
 * 2), it waits for content the relay never had. An honest tablet must not
 * be refused for good then: the relay asks it to sync again, and its reply
 * brings the lost edits and the new one, through the same write rules.
 */
describe('a tablet whose last edits died with the relay', () => {
  it('keeps its connection when its next edit arrives before its catch-up, and every edit gets stored', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const anna = client(s, m.id, await joinMeeting(s.http, m, 'Anna', 'formeel'));
    const bilal = client(s, m.id, await joinMeeting(s.http, m, 'Bilal', 'informeel'));
    await synced(anna);
    await synced(bilal);
    const board = listBoards(anna.doc)[0]!.id;
    const note = addNote(anna.doc, { boardId: board, x: 1, y: 1, side: 'formeel', authorId: 'a', createdAt: 1 });
    await waitFor(() => readMeeting(bilal.doc).notes.length === 1, 5_000, 'note at Bilal');

    // The edit the relay never stored: made while Anna's socket is down.
    const closes: number[] = [];
    anna.provider.on('connection-close', (ev: { code: number } | null) => ev && closes.push(ev.code));
    anna.provider.disconnect();
    setNoteText(anna.doc, note, 'verloren bij de crash');
    // Back online: the next edit leaves with the socket's first frames,
    // before Anna has heard the relay's sync step 1 and sent her catch-up.
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      anna.provider.off('status', onStatus);
      setNoteText(anna.doc, note, 'verloren bij de crash, en daarna verder getypt');
    };
    anna.provider.on('status', onStatus);
    anna.provider.connect();

    await waitFor(
      () => readMeeting(bilal.doc).notes[0]?.text === 'verloren bij de crash, en daarna verder getypt',
      10_000,
      'both edits reach Bilal',
    );
    expect(closes).toEqual([]);
    expect(anna.provider.wsconnected).toBe(true);
    const stored = await s.app.store.loadDocument(m.id);
    expect(stored.updates.length).toBeGreaterThan(2);
  });
});
