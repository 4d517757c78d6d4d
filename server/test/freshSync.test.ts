import { addNote, listBoards, notesOfBoard, setNoteText } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMeeting, joinMeeting, synced, useRig, waitFor } from './helpers.ts';

const { server, client } = useRig();

const texts = (doc: Y.Doc) => notesOfBoard(doc, listBoards(doc)[0]!.id).map((n) => n.text).sort();

describe('fresh joins', () => {
  it('every tablet that joins afresh gets the whole meeting as it is now, also right after a change', async () => {
    const s = await server();
    const m = await createMeeting(s.http);
    const token = await joinMeeting(s.http, m, 'Anna', 'formeel');
    // Two fresh tablets (empty state vectors): the second is answered from the same encoding.
    const a = client(s, m.id, token);
    const b = client(s, m.id, token);
    await synced(a);
    await synced(b);
    expect(Y.encodeStateVector(b.doc)).toEqual(Y.encodeStateVector(a.doc));
    for (const words of ['Kennis van de wijk', 'Vertrouwen']) {
      const id = addNote(a.doc, { boardId: listBoards(a.doc)[0]!.id, x: 10, y: 10, side: 'formeel', authorId: 'a', createdAt: Date.now() });
      setNoteText(a.doc, id, words);
      await waitFor(() => texts(b.doc).includes(words), 5000, 'the note at B');
      // A tablet joining after the change gets it in its first sync, not an encoding from before.
      const fresh = client(s, m.id, token);
      await synced(fresh);
      expect(texts(fresh.doc)).toEqual(texts(a.doc));
    }
  });
});
