import type { Template } from '@bodem/shared';
import type Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Layer, Stage } from 'react-konva';
import { t } from '../i18n/index.ts';
import { mark } from '../lib/marks.ts';
import { useStore } from '../lib/store.ts';
import type { BoardSession } from './controller.ts';
import type { BoardController } from './controller.ts';
import { useBoardController } from './useBoardController.ts';
import { Cursors } from './Cursors.tsx';
import { hideWhenEmpty } from './hideWhenEmpty.ts';
import { showStill } from './stillLayer.ts';
import { DropHints } from './DropHints.tsx';
import { RemoteDrags } from './RemoteDrags.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { Items } from './Items.tsx';
import { StrokesLayer } from './StrokesLayer.tsx';
import { Agreements } from './poster/Agreements.tsx';
import { Art } from './poster/Art.tsx';
import { Choices } from './poster/Choices.tsx';
import { Fields } from './poster/Fields.tsx';
import { References } from './poster/References.tsx';
import { ZoneLabels, ZoneStatus } from './poster/Zones.tsx';
import { NoteToolbar } from './NoteToolbar.tsx';
import { BoardDialogs } from './poster/Dialogs.tsx';
import type { Insets } from './viewport.ts';

interface Props {
  session: BoardSession;
  boardId: string;
  title: string;
  template: Template;
  insets: Insets;
  /** Other people's pointers; the projector shows none. */
  cursors?: boolean;
  /** Called once with the controller, so the chrome (zoom, undo buttons) can drive it. */
  onController?: (ctl: BoardController | null) => void;
}

/**
 * A layer that is never hit-tested. Set here, not as a prop: Konva 10's Layer queues a draw for any
 * attribute given to its constructor and then forgets it queued one (it clears `_waitingForDraw`
 * after `super(config)`), so a layer made with props is drawn twice in its first frame. The layers
 * are made without props, and what they need is set once they exist (pinned in firstDraw.spec.ts).
 */
const quiet = (layer: Konva.Layer): Konva.Layer => layer.listening(false);

const isEditable = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');

/**
 * The poster: a full-window Konva stage (background, notes, a drag layer,
 * cursors) with DOM overlays for the note editor and the note toolbar.
 */
export function Board({ session, boardId, title, template, insets, cursors = true, onController }: Props) {
  mark('board');
  const ctl = useBoardController(session, boardId, template, onController);
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useCallback((s: Konva.Stage | null) => ctl.setStage(s), [ctl]);
  const dragLayerRef = useCallback(
    (l: Konva.Layer | null) => {
      ctl.setDragLayer(l);
      if (!l) return;
      quiet(l);
      const show = hideWhenEmpty(l);
      return () => {
        show();
        ctl.setDragLayer(null);
      };
    },
    [ctl],
  );
  // The poster changes only with the camera (and a zone's status): shown as a still picture (stillLayer.ts).
  const posterLayerRef = useCallback((l: Konva.Layer | null) => (l ? showStill(quiet(l)) : undefined), []);
  // With the pen or eraser, a finger on a note draws or erases instead of moving it.
  const [itemsLayer, setItemsLayer] = useState<Konva.Layer | null>(null);
  const itemsLayerRef = useCallback((l: Konva.Layer | null) => setItemsLayer(l), []);
  // The stage is made once the board's own size is measured (before the first paint), and its layers'
  // content is added one commit after the layers (`filled`). Konva draws a layer in full, at once, when it
  // is added to the stage and again on each change of the stage's width and of its height; react-konva then
  // draws it once more in the next frame. Made at 0 × 0 with its content and then sized, the board's first
  // appearance drew every layer four times and allocated its canvases three times (a third of a second on
  // the bench's throttled tablet). Made at its size, with layers added empty, it draws them once.
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [filled, setFilled] = useState(false);
  const tool = useStore(ctl.tool);

  // Follow the window (rotation, keyboard-less resize).
  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = () =>
      setSize((was) => (was && was.width === el.clientWidth && was.height === el.clientHeight ? was : { width: el.clientWidth, height: el.clientHeight }));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    itemsLayer?.listening(tool === 'select');
  }, [itemsLayer, tool]);

  useLayoutEffect(() => {
    if (size) ctl.resize(size, insets);
  }, [ctl, size, insets]);

  // The layers are on the stage (added empty): now their content.
  useLayoutEffect(() => {
    // oxlint-disable-next-line react/set-state-in-effect
    if (size && !filled) setFilled(true);
  }, [size, filled]);

  // With its content on it, the layer of the notes draws the document's changes by area.
  useLayoutEffect(() => {
    if (!filled || !itemsLayer) return;
    ctl.setNotesLayer(itemsLayer);
    return () => ctl.setNotesLayer(null);
  }, [ctl, filled, itemsLayer]);

  useEffect(() => {
    const el = containerRef.current;
    return el ? ctl.attachGestures(el) : undefined;
  }, [ctl]);

  // A tap on the board is handled from its pointer events; the browser then fires compatibility mouse
  // events and a click where the finger was. When that tap made a note, its editor (or the board, moved to
  // show the note whole, or the editor's "Klaar" button) now lies under the finger: the late mousedown
  // blurred the editor or the click pressed "Klaar" — an empty note, and the typing went nowhere. Ending
  // a touch on the canvas without its default action sends none of them (as on iOS). A mouse press on the
  // canvas never needs to move the focus either (the stage's own pointerdown closes an open editor).
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const end = (e: TouchEvent) => {
      if (e.target instanceof HTMLCanvasElement && e.cancelable) e.preventDefault();
    };
    const down = (e: MouseEvent) => {
      if (e.target instanceof HTMLCanvasElement) e.preventDefault();
    };
    el.addEventListener('touchend', end, { passive: false });
    el.addEventListener('mousedown', down);
    return () => {
      el.removeEventListener('touchend', end);
      el.removeEventListener('mousedown', down);
    };
  }, []);

  // With the on-screen keyboard up, keep the note being edited in view.
  useEffect(() => {
    const vv = window.visualViewport;
    if (!vv) return;
    const onResize = () => {
      const id = ctl.ui.get().editingId;
      if (id) ctl.ensureVisible(id, vv.height);
    };
    vv.addEventListener('resize', onResize);
    return () => vv.removeEventListener('resize', onResize);
  }, [ctl]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const inEditor = e.target === ctl.editor;
      if (mod && !e.altKey && (key === 'z' || key === 'y')) {
        // In other fields the browser's own undo applies.
        if (isEditable(e.target) && !inEditor) return;
        e.preventDefault();
        if (key === 'y' || e.shiftKey) ctl.redo();
        else ctl.undo();
        return;
      }
      if (isEditable(e.target)) return;
      const { selectedId, editingId } = ctl.ui.get();
      if ((e.key === 'Delete' || e.key === 'Backspace') && selectedId && !editingId) {
        e.preventDefault();
        ctl.deleteItem(selectedId);
      } else if (selectedId && !editingId && e.key.startsWith('Arrow')) {
        e.preventDefault();
        const step = e.shiftKey ? 50 : 10;
        const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
        if (d) ctl.nudge(d[0]!, d[1]!);
      } else if (e.key === 'Escape' && selectedId) {
        ctl.select(null);
      } else if (e.key === 'Enter' && selectedId && !editingId) {
        e.preventDefault();
        ctl.startEditing(selectedId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctl]);

  return (
    <div className="board" ref={containerRef} role="region" aria-label={t.board.canvasLabel}>
      {size && (
        <Stage ref={stageRef} width={size.width} height={size.height} onWheel={ctl.onWheel}>
          {/* The printed poster and what it says about its zones: drawn, never hit-tested. */}
          <Layer ref={posterLayerRef}>
            {filled && (
              <>
                <Art template={template} title={title} />
                <ZoneLabels template={template} />
                <References ctl={ctl} />
                <ZoneStatus ctl={ctl} />
              </>
            )}
          </Layer>
          <Layer ref={itemsLayerRef}>
            {filled && (
              <>
                {template.table && <Agreements ctl={ctl} />}
                <Choices ctl={ctl} />
                <Fields ctl={ctl} />
                <Items ctl={ctl} />
              </>
            )}
          </Layer>
          <StrokesLayer ctl={ctl} filled={filled} />
          {/* What moves: a dragged item, the line being drawn, where a drop would land, others' drags and pointers. */}
          <Layer ref={dragLayerRef}>
            {filled && (
              <>
                <DropHints ctl={ctl} />
                <RemoteDrags ctl={ctl} />
                {cursors && <Cursors ctl={ctl} />}
              </>
            )}
          </Layer>
        </Stage>
      )}
      <NoteEditor ctl={ctl} />
      <NoteToolbar ctl={ctl} />
      <BoardDialogs ctl={ctl} />
    </div>
  );
}
