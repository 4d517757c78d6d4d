import { describe, expect, it } from 'vitest';
import Konva from './konvaCore.ts';
import { SceneCanvas } from 'konva/lib/Canvas';
import { Rect } from 'konva/lib/shapes/Rect';
import { cancelClick, hookRequestDraw } from './konvaInternals.ts';

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

  it('hears each redraw request with the node that changed, and lets Konva go on to draw', () => {
    const proto = Konva.Node.prototype as unknown as { _requestDraw: (this: Konva.Node) => void };
    // The hook point: every attribute change of a node asks for its layer's redraw here.
    expect(typeof proto._requestDraw).toBe('function');
    const real = proto._requestDraw;
    const konvaWent: Konva.Node[] = [];
    proto._requestDraw = function (this: Konva.Node) {
      konvaWent.push(this);
    };
    try {
      const heard: Konva.Node[] = [];
      expect(hookRequestDraw((node, draw) => {
        heard.push(node);
        draw(node);
      })).toBe(true);
      const rect = new Rect({ width: 10, height: 10 });
      heard.length = 0;
      konvaWent.length = 0;
      rect.x(5);
      expect(heard).toContain(rect);
      expect(konvaWent).toEqual(heard);
    } finally {
      proto._requestDraw = real;
    }
  });

  it('has the isolation canvas a finished report poster frees', () => {
    expect(typeof (SceneCanvas.prototype as unknown as { _releaseIsolationCanvas?: unknown })._releaseIsolationCanvas).toBe('function');
  });
});
