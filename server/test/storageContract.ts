import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JoinCodeTakenError, type MeetingRecord, type MeetingStore } from '../src/storage/store.ts';

export interface StoreFixture {
  store: MeetingStore;
  /** Closes the store and opens a new one on the same data. */
  reopen(): Promise<MeetingStore>;
  cleanup(): Promise<void>;
}

const meeting = (id: string, joinCode: string): MeetingRecord => ({
  id,
  title: `Bijeenkomst ${id}`,
  joinCode,
  epoch: 7,
  createdAt: 1_700_000_000_000,
});

const bytes = (...b: number[]) => new Uint8Array(b);

/**
 * What every MeetingStore must do. Run against each implementation
 * (SQLite and PostgreSQL) with its own fixture.
 */
export const storageContract = (name: string, make: () => Promise<StoreFixture>): void => {
  describe(`MeetingStore contract: ${name}`, () => {
    let fx: StoreFixture;
    let store: MeetingStore;
    beforeEach(async () => {
      fx = await make();
      store = fx.store;
    });
    afterEach(async () => {
      await fx.cleanup();
    });

    it('creates a meeting with its first update and finds it by id and join code', async () => {
      await store.createMeeting(meeting('m1', 'ABCDEF'), bytes(1, 2, 3));
      // A new meeting's door is open and its last activity is its creation.
      expect(await store.getMeeting('m1')).toEqual({ ...meeting('m1', 'ABCDEF'), lastActiveAt: 1_700_000_000_000, joinClosed: false });
      expect(await store.findByJoinCode('ABCDEF')).toEqual({ ...meeting('m1', 'ABCDEF'), lastActiveAt: 1_700_000_000_000, joinClosed: false });
      expect(await store.getMeeting('nope')).toBeNull();
      expect(await store.findByJoinCode('ZZZZZZ')).toBeNull();
      expect(await store.loadDocument('m1')).toEqual({ updates: [bytes(1, 2, 3)], lastSeq: 1 });
    });

    it('refuses a second meeting with a join code in use', async () => {
      await store.createMeeting(meeting('m1', 'ABCDEF'), bytes(1));
      await expect(store.createMeeting(meeting('m2', 'ABCDEF'), bytes(2))).rejects.toBeInstanceOf(JoinCodeTakenError);
      expect(await store.getMeeting('m2')).toBeNull();
    });

    it('appends updates in order with increasing sequence numbers', async () => {
      await store.createMeeting(meeting('m1', 'ABCDEF'), bytes(0));
      const seqs = [];
      for (let i = 1; i <= 20; i++) seqs.push(await store.appendUpdate('m1', bytes(i, i)));
      expect(seqs).toEqual([...Array(20)].map((_, i) => i + 2));
      const doc = await store.loadDocument('m1');
      expect(doc.lastSeq).toBe(21);
      expect(doc.updates.map((u) => u[0])).toEqual([...Array(21)].map((_, i) => i));
    });

    it('keeps meetings apart', async () => {
      await store.createMeeting(meeting('m1', 'AAAAAA'), bytes(1));
      await store.createMeeting(meeting('m2', 'BBBBBB'), bytes(2));
      await store.appendUpdate('m1', bytes(11));
      await store.appendUpdate('m2', bytes(22));
      expect((await store.loadDocument('m1')).updates).toEqual([bytes(1), bytes(11)]);
      expect((await store.loadDocument('m2')).updates).toEqual([bytes(2), bytes(22)]);
    });

    it('compacts: one snapshot replaces the updates it covers, later ones stay', async () => {
      await store.createMeeting(meeting('m1', 'ABCDEF'), bytes(0));
      for (let i = 1; i <= 5; i++) await store.appendUpdate('m1', bytes(i));
      await store.compact('m1', bytes(9, 9, 9), 4);
      await store.appendUpdate('m1', bytes(6));
      const doc = await store.loadDocument('m1');
      expect(doc.updates).toEqual([bytes(9, 9, 9), bytes(4), bytes(5), bytes(6)]);
      expect(doc.lastSeq).toBe(7);
    });

    it('keeps everything across a reopen, and continues the sequence', async () => {
      await store.createMeeting(meeting('m1', 'ABCDEF'), bytes(0));
      await store.appendUpdate('m1', bytes(1));
      await store.compact('m1', bytes(7), 2);
      await store.appendUpdate('m1', bytes(2));
      store = await fx.reopen();
      expect(await store.getMeeting('m1')).toMatchObject(meeting('m1', 'ABCDEF'));
      expect((await store.loadDocument('m1')).updates).toEqual([bytes(7), bytes(2)]);
      expect(await store.appendUpdate('m1', bytes(3))).toBe(4);
    });

    it('deletes a meeting for good; appending to it afterwards fails', async () => {
      await store.createMeeting(meeting('m1', 'ABCDEF'), bytes(0));
      await store.appendUpdate('m1', bytes(1));
      expect(await store.deleteMeeting('m1')).toBe(true);
      expect(await store.deleteMeeting('m1')).toBe(false);
      expect(await store.getMeeting('m1')).toBeNull();
      expect(await store.findByJoinCode('ABCDEF')).toBeNull();
      expect(await store.loadDocument('m1')).toEqual({ updates: [], lastSeq: 0 });
      await expect(store.appendUpdate('m1', bytes(2))).rejects.toThrow();
      // The code is free again.
      await store.createMeeting(meeting('m2', 'ABCDEF'), bytes(0));
    });

    it('keeps a tombstone of a deleted meeting (its id only), also across a reopen', async () => {
      await store.createMeeting(meeting('m1', 'ABCDEF'), bytes(0));
      await store.createMeeting(meeting('m2', 'BBBBBB'), bytes(0));
      expect(await store.wasDeleted('m1')).toBe(false);
      await store.deleteMeeting('m1', 1_700_000_100_000);
      expect(await store.wasDeleted('m1')).toBe(true);
      expect(await store.wasDeleted('m2')).toBe(false);
      expect(await store.wasDeleted('never')).toBe(false);
      store = await fx.reopen();
      expect(await store.wasDeleted('m1')).toBe(true);
    });

    it('lists the meetings created before a moment, oldest first', async () => {
      await store.createMeeting({ ...meeting('new', 'AAAAAA'), createdAt: 3_000 }, bytes(0));
      await store.createMeeting({ ...meeting('old', 'BBBBBB'), createdAt: 1_000 }, bytes(0));
      await store.createMeeting({ ...meeting('mid', 'CCCCCC'), createdAt: 2_000 }, bytes(0));
      expect(await store.meetingsCreatedBefore(2_500)).toEqual(['old', 'mid']);
      expect(await store.meetingsCreatedBefore(1_000)).toEqual([]);
    });

    it('records a removed participant once, per meeting, and keeps it across a reopen', async () => {
      await store.createMeeting(meeting('m1', 'AAAAAA'), bytes(0));
      await store.createMeeting(meeting('m2', 'BBBBBB'), bytes(0));
      expect(await store.isRemoved('m1', 'sub-a')).toBe(false);
      expect(await store.removeParticipant('m1', 'sub-a', 1_700_000_000_500)).toBe(true);
      expect(await store.removeParticipant('m1', 'sub-a', 1_700_000_000_900)).toBe(false);
      expect(await store.isRemoved('m1', 'sub-a')).toBe(true);
      // Someone else in the same meeting, the same id in another meeting: untouched.
      expect(await store.isRemoved('m1', 'sub-b')).toBe(false);
      expect(await store.isRemoved('m2', 'sub-a')).toBe(false);
      store = await fx.reopen();
      expect(await store.isRemoved('m1', 'sub-a')).toBe(true);
      expect(await store.isRemoved('m2', 'sub-a')).toBe(false);
    });

    it('refuses a removal in an unknown meeting, and forgets removals with their meeting', async () => {
      await expect(store.removeParticipant('nope', 'sub-a', 1)).rejects.toThrow();
      expect(await store.isRemoved('nope', 'sub-a')).toBe(false);
      await store.createMeeting(meeting('m1', 'ABCDEF'), bytes(0));
      await store.removeParticipant('m1', 'sub-a', 1);
      await store.deleteMeeting('m1');
      expect(await store.isRemoved('m1', 'sub-a')).toBe(false);
      // A new meeting that happens to get the same id starts with nobody removed.
      await store.createMeeting(meeting('m1', 'ABCDEF'), bytes(0));
      expect(await store.isRemoved('m1', 'sub-a')).toBe(false);
    });

    it('binds client ids to their first writer, per meeting, across a reopen, and forgets them with the meeting', async () => {
      await store.createMeeting(meeting('m1', 'AAAAAA'), bytes(0));
      await store.createMeeting(meeting('m2', 'BBBBBB'), bytes(0));
      expect(await store.clientOwners('m1')).toEqual(new Map());
      await store.bindClients('m1', new Map([[4_294_967_295, 'sub-a'], [7, 'sub-b']]));
      // First writer wins: a later claim on the same id changes nothing.
      await store.bindClients('m1', new Map([[7, 'sub-x'], [8, 'sub-a']]));
      await store.bindClients('m2', new Map([[7, 'sub-c']]));
      await store.bindClients('m1', new Map());
      const expected = new Map([[4_294_967_295, 'sub-a'], [7, 'sub-b'], [8, 'sub-a']]);
      expect(await store.clientOwners('m1')).toEqual(expected);
      store = await fx.reopen();
      expect(await store.clientOwners('m1')).toEqual(expected);
      expect(await store.clientOwners('m2')).toEqual(new Map([[7, 'sub-c']]));
      await expect(store.bindClients('nope', new Map([[1, 'sub-a']]))).rejects.toThrow();
      await store.deleteMeeting('m1');
      expect(await store.clientOwners('m1')).toEqual(new Map());
      await store.createMeeting(meeting('m1', 'AAAAAA'), bytes(0));
      expect(await store.clientOwners('m1')).toEqual(new Map());
    });

    it('keeps snapshots (the history) per meeting, oldest first, across a reopen, and deletes them with the meeting', async () => {
      await store.createMeeting(meeting('m1', 'AAAAAA'), bytes(0));
      await store.createMeeting(meeting('m2', 'BBBBBB'), bytes(0));
      expect(await store.listSnapshots('m1')).toEqual([]);
      await store.addSnapshot('m1', 2_000, bytes(2, 2));
      await store.addSnapshot('m1', 1_000, bytes(1));
      await store.addSnapshot('m2', 1_500, bytes(9, 9, 9));
      expect(await store.listSnapshots('m1')).toEqual([
        { takenAt: 1_000, bytes: 1 },
        { takenAt: 2_000, bytes: 2 },
      ]);
      store = await fx.reopen();
      expect(await store.loadSnapshot('m1', 2_000)).toEqual(bytes(2, 2));
      expect(await store.loadSnapshot('m1', 1_500)).toBeNull();
      expect(await store.loadSnapshot('m2', 1_500)).toEqual(bytes(9, 9, 9));
      await expect(store.addSnapshot('nope', 1, bytes(1))).rejects.toThrow();
      await store.deleteMeeting('m1');
      expect(await store.listSnapshots('m1')).toEqual([]);
      expect(await store.loadSnapshot('m1', 2_000)).toBeNull();
      expect(await store.listSnapshots('m2')).toHaveLength(1);
    });

    it('counts and lists meetings for the operator (ids, times, sizes; no titles) and measures its bytes', async () => {
      expect(await store.countMeetings()).toBe(0);
      await store.createMeeting(meeting('m1', 'ABCDEF'), bytes(1, 2, 3));
      await store.createMeeting({ ...meeting('m2', 'BCDEFG'), createdAt: 1_700_000_000_001 }, bytes(1));
      await store.addSnapshot('m1', 5, bytes(1, 1));
      expect(await store.countMeetings()).toBe(2);
      const list = await store.listMeetings();
      expect(list.map((m) => [m.id, m.bytes])).toEqual([
        ['m1', 5],
        ['m2', 1],
      ]);
      expect(Object.keys(list[0]!).sort()).toEqual(['bytes', 'createdAt', 'id', 'lastActiveAt']);
      expect(await store.storageBytes()).toBeGreaterThan(0);
      await store.deleteMeeting('m2');
      expect(await store.countMeetings()).toBe(1);
    });

    it('keeps last activity (never back in time), the door, and a rotated join code, across a reopen', async () => {
      await store.createMeeting(meeting('m1', 'ABCDEF'), bytes(1));
      await store.touchMeeting('m1', 1_700_000_100_000);
      await store.touchMeeting('m1', 1_600_000_000_000);
      expect((await store.getMeeting('m1'))!.lastActiveAt).toBe(1_700_000_100_000);
      expect(await store.setJoinClosed('m1', true, 1_800_000_000_000)).toBe(true);
      expect(await store.getMeeting('m1')).toMatchObject({ joinClosed: true, lastActiveAt: 1_700_000_100_000 });
      expect(await store.setJoinClosed('nope', true, 1)).toBe(false);
      store = await fx.reopen();
      expect((await store.getMeeting('m1'))!.joinClosed).toBe(true);
      // Reopening is activity.
      await store.setJoinClosed('m1', false, 1_800_000_000_000);
      expect(await store.getMeeting('m1')).toMatchObject({ joinClosed: false, lastActiveAt: 1_800_000_000_000 });
      await store.createMeeting(meeting('m2', 'BCDEFG'), bytes(1));
      await expect(store.setJoinCode('m1', 'BCDEFG')).rejects.toBeInstanceOf(JoinCodeTakenError);
      await store.setJoinCode('m1', 'HJKLMN');
      expect(await store.findByJoinCode('ABCDEF')).toBeNull();
      expect((await store.findByJoinCode('HJKLMN'))!.id).toBe('m1');
      store = await fx.reopen();
      expect((await store.getMeeting('m1'))!.joinCode).toBe('HJKLMN');
    });

    it('keeps allowances (the join limits): a bucket per key that starts full, empties and refills with time', async () => {
      const t0 = 1_700_000_000_000;
      for (let i = 0; i < 3; i++) expect(await store.takeAllowance('meeting:m1', 3, 1, t0)).toBe(true);
      expect(await store.takeAllowance('meeting:m1', 3, 1, t0)).toBe(false);
      expect(await store.takeAllowance('meeting:m1', 3, 0, t0)).toBe(false);
      // Another key is untouched.
      expect(await store.takeAllowance('meeting:m2', 3, 0, t0)).toBe(true);
      // A third of a minute brings one back.
      expect(await store.takeAllowance('meeting:m1', 3, 0, t0 + 20_000)).toBe(true);
      expect(await store.takeAllowance('meeting:m1', 3, 1, t0 + 20_000)).toBe(true);
      expect(await store.takeAllowance('meeting:m1', 3, 1, t0 + 20_000)).toBe(false);
    });

    it('keeps personal documents per meeting and person, compacts them, and deletes them with a removal and with the meeting', async () => {
      await store.createMeeting(meeting('m1', 'ABCDEF'), bytes(0));
      await store.createMeeting(meeting('m2', 'GHJKLM'), bytes(0));
      expect(await store.loadPersonal('m1', 'anna')).toEqual({ updates: [], lastSeq: 0 });
      expect(await store.appendPersonal('m1', 'anna', bytes(1))).toBe(1);
      expect(await store.appendPersonal('m1', 'anna', bytes(2))).toBe(2);
      expect(await store.appendPersonal('m1', 'bilal', bytes(9))).toBe(1);
      await store.appendPersonal('m2', 'anna', bytes(7));
      await store.compactPersonal('m1', 'anna', bytes(1, 2), 2);
      expect(await store.appendPersonal('m1', 'anna', bytes(3))).toBe(3);
      store = await fx.reopen();
      expect(await store.loadPersonal('m1', 'anna')).toEqual({ updates: [bytes(1, 2), bytes(3)], lastSeq: 3 });
      // The meeting's own document is apart from them.
      expect((await store.loadDocument('m1')).updates).toEqual([bytes(0)]);
      // Removing a person deletes their personal document, nobody else's.
      await store.removeParticipant('m1', 'anna', 1);
      expect(await store.loadPersonal('m1', 'anna')).toEqual({ updates: [], lastSeq: 0 });
      expect((await store.loadPersonal('m1', 'bilal')).updates).toEqual([bytes(9)]);
      expect((await store.loadPersonal('m2', 'anna')).updates).toEqual([bytes(7)]);
      await store.deletePersonal('m2', 'anna');
      expect((await store.loadPersonal('m2', 'anna')).updates).toEqual([]);
      // Deleting the meeting deletes every personal document in it; an unknown meeting takes none.
      await store.deleteMeeting('m1');
      expect(await store.loadPersonal('m1', 'bilal')).toEqual({ updates: [], lastSeq: 0 });
      await expect(store.appendPersonal('m1', 'bilal', bytes(1))).rejects.toThrow();
      await expect(store.appendPersonal('nope', 'anna', bytes(1))).rejects.toThrow();
    });

    it('has a schema version (numbered migrations run on open)', async () => {
      expect(await store.schemaVersion()).toBeGreaterThanOrEqual(3);
    });
  });
};
