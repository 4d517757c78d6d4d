/**
 * The simulated meeting without a relay, for benches that need only its
 * result (bench:export): every participant has a document of their own (a
 * Yjs client id each, as on their tablets: one shared document would write
 * every keystroke under one client id, which Yjs cannot merge into runs, and
 * the meeting would come out twice as large as any real one), and every ten
 * rounds every participant's edits reach all the others, as through a relay.
 */
import * as Y from 'yjs';
import { type Side } from '@bodem/shared';
import { sleep } from '../lib/figures.ts';
import { meetingScripts, type Participant, type WorkloadOptions } from './workload.ts';

/** Runs the meeting on copies of `base` and returns the resulting state as one update. */
export const simulateLocally = async (base: Y.Doc, participants: number, opts: WorkloadOptions): Promise<Uint8Array> => {
  const start = Y.encodeStateAsUpdate(base);
  const outbox: Uint8Array[] = [];
  const everyone: Participant[] = [];
  const join = (doc: Y.Doc) => {
    Y.applyUpdate(doc, start);
    if (everyone.length) Y.applyUpdate(doc, Y.encodeStateAsUpdate(everyone[0]!.doc));
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== RELAYED) outbox.push(u);
    });
    return doc;
  };
  for (let i = 0; i < participants; i++) everyone.push({ doc: join(new Y.Doc()), sub: `p${i}`, side: (i % 2 ? 'informeel' : 'formeel') as Side });
  const facilitator: Participant = { doc: join(new Y.Doc()), sub: 'facilitator', side: 'formeel' };
  const all = [...everyone, facilitator];
  const relay = () => {
    if (!outbox.length) return;
    const merged = Y.mergeUpdates(outbox.splice(0));
    for (const p of all) Y.applyUpdate(p.doc, merged, RELAYED);
  };
  const reload = async (p: Participant) => {
    relay();
    p.doc = join(new Y.Doc());
    await sleep(0);
  };
  const { scripts, reloads } = meetingScripts(everyone, facilitator, opts, reload);
  let live = scripts;
  for (let round = 1; live.length; round++) {
    live = live.filter((s) => !s.next().done);
    // Everyone's edits reach everyone every ten keystrokes or so (a second or two of a meeting).
    if (round % 10 === 0) {
      relay();
      // A reload resolves in a later turn: let it.
      await new Promise((r) => setImmediate(r));
    }
  }
  await Promise.all(reloads);
  relay();
  return Y.encodeStateAsUpdate(everyone[0]!.doc);
};

const RELAYED = Symbol('relayed');
