import { describe, expect, it } from 'vitest';
import Konva from './konvaCore.ts';
import { cancelClick } from './konvaInternals.ts';

/** Pinned to konva 10.9.x: fails when a release changes the private click state Bodem cancels. */
describe('konva internals, through the one adapter', () => {
  it('is the version the adapter was written for', () => {
    expect(Konva.version).toMatch(/^10\.9\./);
  });

  it('cancelling a click clears what Konva would fire a click on, for every pointer kind', () => {
    const shape = { name: 'a field on the poster' };
    const states = new Map<string, { clickStartShape?: unknown }>([
      ['pointer:7', { clickStartShape: shape }],
      ['touch:7', { clickStartShape: shape }],
      ['pointer:8', { clickStartShape: shape }],
    ]);
    // A stage's pointer state, without a DOM: the method runs on the prototype with the state map Konva keeps.
    const stage = Object.assign(Object.create(Konva.Stage.prototype) as Konva.Stage, { _pointerStates: states });
    expect(cancelClick(stage, 7)).toBe(true);
    expect(states.get('pointer:7')?.clickStartShape).toBeUndefined();
    expect(states.get('touch:7')?.clickStartShape).toBeUndefined();
    expect(states.get('pointer:8')?.clickStartShape).toBe(shape);
  });
});
