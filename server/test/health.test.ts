import { addNote, listBoards } from '@bodem/shared';
import { describe, expect, it } from 'vitest';
import { createMeeting, joinMeeting, synced, useRig, waitFor } from './helpers.ts';

describe('GET /api/health', () => {
  const rig = useRig();

  it('counts meetings, connections and store writes, and says nothing about who or what', async () => {
    const s = await rig.server();
    const m = await createMeeting(s.http, 'Overleg familie Yılmaz');
    const token = await joinMeeting(s.http, m, 'Anna de Vries', 'formeel');
    const a = rig.client(s, m.id, token);
    const b = rig.client(s, m.id, await joinMeeting(s.http, m, 'Bilal', 'informeel'));
    await synced(a);
    await synced(b);
    addNote(a.doc, { boardId: listBoards(a.doc)[0]!.id, x: 1, y: 1, side: 'formeel', authorId: 'a', createdAt: 1 });

    const health = await waitFor(async () => {
      const res = await fetch(`${s.http}/api/health`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        meetingsLoaded: number;
        connections: { total: number; meetings: number; perMeetingMax: number };
        store: { writes: { count: number; p99Ms: number }; loads: { count: number } };
        eventLoopDelay: { count: number; p99Ms: number };
      };
      return body.store.writes.count > 0 ? { body, text: JSON.stringify(body) } : null;
    });
    expect(health.body.meetingsLoaded).toBe(1);
    expect(health.body.connections).toMatchObject({ total: 2, meetings: 1, perMeetingMax: 2 });
    expect(health.body.store.loads.count).toBe(1);
    expect(health.body.store.writes.p99Ms).toBeGreaterThan(0);
    expect(health.body.eventLoopDelay.p99Ms).toBeGreaterThanOrEqual(0);
    for (const secret of [m.id, m.joinCode, 'Yılmaz', 'Anna', 'Bilal', token, m.facilitatorToken]) {
      expect(health.text.includes(secret), `health mentions ${secret}`).toBe(false);
    }
  });
});
