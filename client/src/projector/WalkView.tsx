import { noteFill, noteWords, type Board, type Template } from '@bodem/shared';
import { meetingTemplate } from '@bodem/templates';
import { useEffect, useRef, useState } from 'react';
import { Group, Layer, Stage } from 'react-konva';
import { NoteView } from '../board/views/NoteView.tsx';
import { RoleCardView } from '../board/views/RoleCardView.tsx';
import { fmt, t } from '../i18n/index.ts';
import { cellArea, DESIGN, fitDesign, type Slide, type WalkStep } from './walk.ts';

/**
 * One step of the presentation on the beamer: a zone's heading and, per
 * board shown, its title (with the votes it has) and that zone's notes and
 * role cards, drawn by the board's own views at the scale where their
 * smallest text is 32 px on a 1920×1080 beamer.
 */
export function WalkView({
  boards,
  steps,
  step,
  votes,
  prep = { quotes: null },
}: {
  boards: readonly Board[];
  steps: readonly WalkStep[];
  step: WalkStep | null;
  votes: ReadonlyMap<string, number> | null;
  /** The meeting's preparation: part D's chosen quotes. */
  prep?: { quotes: readonly string[] | null };
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setStage({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  if (!step) return <p className="loading">{t.projector.nothing}</p>;
  const titled = boards.length > 1 || boards.some((b) => votes?.has(b.id));
  const f = fitDesign({ width: stage.width, height: stage.height - (titled ? TITLE_BAND : 0) });
  const area = cellArea(boards.length);
  const index = steps.indexOf(step);
  return (
    <div className="walk" data-testid="walk" data-step={index}>
      <header className="walk-head">
        <h2 data-testid="walk-zone">{step.label}</h2>
        <p className="walk-where">
          {fmt(t.projector.walkStep, { n: index + 1, total: steps.length })}
          {step.pages > 1 && ` · ${fmt(t.projector.walkPage, { n: step.page + 1, total: step.pages })}`}
        </p>
      </header>
      <div className="walk-stage" ref={ref}>
        {f > 0 && (
          <div className="walk-row" style={{ width: DESIGN.width * f }}>
            {boards.map((b, i) => {
              const count = votes?.get(b.id);
              return (
                <section key={b.id} className="walk-cell" aria-label={b.title} style={{ width: area.width * f }}>
                  {titled ? (
                    <h3 className="walk-board" style={{ height: TITLE_BAND }}>
                      {b.title}
                      {count !== undefined && <span className="walk-votes"> · {count === 1 ? t.voting.countOne : fmt(t.voting.count, { n: count })}</span>}
                    </h3>
                  ) : null}
                  <SlideStage slide={step.cells[i] ?? null} template={meetingTemplate(b.template, prep)} width={area.width * f} height={DESIGN.height * f} f={f} />
                </section>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

/** The board titles above the cells (CSS px). */
const TITLE_BAND = 52;

function SlideStage({ slide, template, width, height, f }: { slide: Slide | null; template: Template | undefined; width: number; height: number; f: number }) {
  if (!slide || !template) return <div style={{ width, height }} />;
  if (slide.items.length === 0) return <p className="walk-empty" style={{ width }}>{t.projector.walkEmpty}</p>;
  const note = template.noteSize ?? { width: 180, height: 140 };
  return (
    <Stage width={width} height={height} listening={false}>
      <Layer listening={false} scaleX={f} scaleY={f}>
        {slide.items.map((it) =>
          it.kind === 'note' ? (
            <Group key={it.note.id} name="walk-note" x={it.x} y={it.y} scaleX={slide.scale} scaleY={slide.scale}>
              <NoteView words={noteWords(it.note, template.letter)} width={note.width} height={note.height} fill={noteFill(it.note.color, it.note.side)} count={it.count} shadow={false} />
            </Group>
          ) : (
            <Group key={it.role.id} name="walk-role" x={it.x} y={it.y} scaleX={slide.scale} scaleY={slide.scale}>
              <RoleCardView title={it.role.title} description={it.role.description} side={it.role.side} size={it} full />
            </Group>
          ),
        )}
      </Layer>
    </Stage>
  );
}
