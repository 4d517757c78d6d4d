import { layoutMerged, listBoards, mergeBoards, noteFill, notesOfBoard, noteWords, roots, type PlacedMerged, type Template } from '@bodem/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Group, Layer, Stage } from 'react-konva';
import type * as Y from 'yjs';
import { NoteView } from '../board/views/NoteView.tsx';
import { Art } from '../board/poster/Art.tsx';
import { ZoneLabels } from '../board/poster/Zones.tsx';
import { docSource, useSource } from '../lib/source.ts';

/** Few notes in a zone show up to twice their board size on the beamer. */
const PROJECTOR_MAX_SCALE = 2;

const samePlaced = (a: readonly PlacedMerged[], b: readonly PlacedMerged[]) =>
  a.length === b.length &&
  a.every((p, i) => {
    const q = b[i]!;
    return p.item.note.id === q.item.note.id && p.item.note.text === q.item.note.text && p.item.note.to === q.item.note.to && p.x === q.x && p.y === q.y && p.scale === q.scale && p.item.bundleSize === q.item.bundleSize;
  });

/**
 * Several boards of one template as one poster for the plenary: each
 * zone gathers the notes of every group, coloured by the side that wrote
 * them, bundles as one note with their count. Read only and derived: the
 * boards themselves are not touched.
 */
export function MergedBoard({ doc, template, boardIds, title }: { doc: Y.Doc; template: Template; boardIds: readonly string[]; title: string }) {
  const source = useMemo(() => {
    const { items, boards } = roots(doc);
    const noteSize = template.noteSize;
    return docSource(
      () => {
        const ids = new Set(listBoards(doc).filter((b) => boardIds.includes(b.id) && b.template === template.id).map((b) => b.id));
        const merged = mergeBoards(template, [...ids].map((id) => ({ boardId: id, notes: notesOfBoard(doc, id) })), noteSize);
        return layoutMerged(template, merged, noteSize, PROJECTOR_MAX_SCALE);
      },
      (on) => {
        items.observeDeep(on);
        boards.observe(on);
        return () => {
          items.unobserveDeep(on);
          boards.unobserve(on);
        };
      },
      samePlaced,
    );
  }, [doc, template, boardIds]);
  const placed = useSource(source);
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const margin = 16;
  const scale = Math.min((size.width - 2 * margin) / template.width, (size.height - 2 * margin) / template.height);
  const x = (size.width - template.width * scale) / 2;
  const y = (size.height - template.height * scale) / 2;
  const note = template.noteSize ?? { width: 180, height: 140 };
  return (
    <div className="merged-board" ref={ref} data-testid="merged-board" data-notes={placed.length}>
      {size.width > 0 && scale > 0 && (
        <Stage width={size.width} height={size.height} listening={false}>
          <Layer listening={false} x={x} y={y} scaleX={scale} scaleY={scale}>
            <Art template={template} title={title} />
            <ZoneLabels template={template} />
            {placed.map((p) => (
              <Group key={`${p.item.boardId}/${p.item.note.id}`} name="merged-note" id={`merged-${p.item.note.id}`} x={p.x} y={p.y} scaleX={p.scale} scaleY={p.scale}>
                {/* The merged layout places notes at their board size: a long note is cut ("… +N woorden"), not grown over the next row. */}
                <NoteView words={noteWords(p.item.note, template.letter)} width={note.width} height={note.height} fill={noteFill(null, p.item.note.side)} count={p.item.bundleSize} shadow={false} textName="merged-note-text" />
              </Group>
            ))}
          </Layer>
        </Stage>
      )}
    </div>
  );
}
