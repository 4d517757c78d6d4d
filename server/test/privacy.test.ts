import { addNote, listBoards, setNoteText, YJS_PATH } from '@bodem/shared';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createMeeting, saveCheck, synced, useRig, waitFor } from './helpers.ts';

const { server, client } = useRig();

const CANARY = 'KANARIE-familie-Yilmaz';

describe('privacy', () => {
  it('a canary in notes, names and titles is in no log line, nor in the database files after deletion; tokens never reach the logs', async () => {
    const logs: string[] = [];
    const s = await server({ logger: { level: 'trace', stream: { write: (line: string) => logs.push(line) } } });
    const m = await createMeeting(s.http, `Bijeenkomst ${CANARY}`);
    const joined = await fetch(`${s.http}/api/meetings/${m.id}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: m.joinCode, name: `Anna ${CANARY}`, side: 'formeel', org: `Stichting ${CANARY}` }),
    });
    const { token } = (await joined.json()) as { token: string };
    const tablet = client(s, m.id, token);
    await synced(tablet);
    const board = listBoards(tablet.doc)[0]!.id;
    setNoteText(tablet.doc, addNote(tablet.doc, { boardId: board, x: 1, y: 1, side: 'formeel', authorId: 'a', createdAt: 1 }), `Zorgen over ${CANARY}`);
    tablet.provider.awareness.setLocalState({ cursor: { boardId: board, x: 1, y: 1 }, note: CANARY });
    // A refused write and a malformed frame log too: with no content.
    const raw = new WebSocket(`${s.ws}${YJS_PATH}/${m.id}?token=${token}`);
    await new Promise<void>((resolve) => {
      raw.on('open', () => raw.send(Buffer.from(`tekst ${CANARY}`)));
      raw.on('close', () => resolve());
    });
    await saveCheck(s, m.id, m.facilitatorToken);
    await fetch(`${s.http}/api/meetings/${m.id}/report.md`, { headers: { authorization: `Bearer ${m.facilitatorToken}` } });

    const del = await fetch(`${s.http}/api/meetings/${m.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${m.facilitatorToken}` } });
    expect(del.status).toBe(204);
    await waitFor(() => !s.app.relay.isLoaded(m.id), 5000, 'meeting unloaded');

    // Requests were logged (so the check below looked at something), with tokens redacted.
    expect(logs.some((l) => l.includes(`/yjs/${m.id}?token=[redacted]`))).toBe(true);
    for (const secret of [CANARY, token, m.facilitatorToken, m.projectorToken, m.joinCode]) {
      expect(logs.filter((l) => l.includes(secret)), `a log line holds ${secret.slice(0, 12)}…`).toEqual([]);
    }
    await s.stop();
    for (const f of readdirSync(s.dataDir)) {
      if (!f.startsWith('bodem.db')) continue;
      expect(readFileSync(join(s.dataDir, f)).toString('latin1').includes(CANARY), `${f} still holds the canary`).toBe(false);
    }
  });
});
