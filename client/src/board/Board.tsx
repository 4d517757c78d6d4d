import type { Template } from '@bodem/templates';
import type Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Layer, Rect, Stage, Text } from 'react-konva';
import { t } from '../i18n/index.ts';
import type { MeetingSession } from '../sync/session.ts';
import { BoardController } from './controller.ts';
import { CursorsLayer } from './CursorsLayer.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { NotesLayer } from './NotesLayer.tsx';
import { NoteToolbar } from './NoteToolbar.tsx';
import { NOTE_FONT_FAMILY } from './theme.ts';
import type { Insets } from './viewport.ts';

interface Props {
  session: MeetingSession;
  boardId: string;
  template: Template;
  insets: Insets;
  /** Called once with the controller, so the chrome (zoom, undo buttons) can drive it. */
  onController?: (ctl: BoardController | null) => void;
}

const isEditable = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');

/**
 * The poster: a full-window Konva stage (background, notes, a drag layer,
 * cursors) with DOM overlays for the note editor and the note toolbar.
 */
export function Board({ session, boardId, template, insets, onController }: Props) {
  const ctl = useMemo(() => new BoardController(session, boardId, template), [session, boardId, template]);
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useCallback((s: Konva.Stage | null) => ctl.setStage(s), [ctl]);
  const dragLayerRef = useCallback((l: Konva.Layer | null) => ctl.setDragLayer(l), [ctl]);
  const [size, setSize] = useState({ width: window.innerWidth, height: window.innerHeight });

  useEffect(() => {
    const detach = ctl.attach();
    onController?.(ctl);
    return () => {
      onController?.(null);
      detach();
    };
  }, [ctl, onController]);

  // Follow the window (rotation, keyboard-less resize).
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    ctl.resize(size, insets);
  }, [ctl, size, insets]);

  useEffect(() => {
    const el = containerRef.current;
    return el ? ctl.attachTouch(el) : undefined;
  }, [ctl]);

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
        ctl.deleteNote(selectedId);
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
      <Stage
        ref={stageRef}
        width={size.width}
        height={size.height}
        draggable
        dragDistance={4}
        dragBoundFunc={ctl.stageDragBound}
        onDragMove={ctl.onStageDragMove}
        onWheel={ctl.onWheel}
        onPointerDown={ctl.onStagePointerDown}
        onPointerClick={ctl.onStageClick}
        onPointerMove={ctl.onStagePointerMove}
        onPointerLeave={ctl.onStagePointerLeave}
      >
        <Layer listening={false}>
          <Rect
            x={4}
            y={6}
            width={template.width}
            height={template.height}
            fill="rgba(60, 50, 30, 0.12)"
            cornerRadius={8}
            perfectDrawEnabled={false}
          />
          <Rect
            width={template.width}
            height={template.height}
            fill={template.background}
            stroke="#D8D3C4"
            strokeWidth={2}
            cornerRadius={8}
            perfectDrawEnabled={false}
          />
          <Text
            x={32}
            y={28}
            text={template.title}
            fontFamily={NOTE_FONT_FAMILY}
            fontSize={36}
            fontStyle="bold"
            fill="#B9B2A0"
            perfectDrawEnabled={false}
          />
        </Layer>
        <NotesLayer ctl={ctl} />
        <Layer ref={dragLayerRef} />
        <CursorsLayer ctl={ctl} />
      </Stage>
      <NoteEditor ctl={ctl} />
      <NoteToolbar ctl={ctl} />
    </div>
  );
}
