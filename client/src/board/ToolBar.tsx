import { STROKE_COLORS, STROKE_WIDTHS, type StrokeColor } from '@bodem/shared';
import { t } from '../i18n/index.ts';
import { useStore } from '../lib/store.ts';
import type { BoardController, Tool } from './controller.ts';

const TOOLS: { tool: Tool; icon: string }[] = [
  { tool: 'select', icon: '☝' },
  { tool: 'pen', icon: '✎' },
  { tool: 'eraser', icon: '⌫' },
];
const COLORS = Object.keys(STROKE_COLORS) as StrokeColor[];

/**
 * Select, pen and eraser, each an icon with its Dutch word; with the pen,
 * its inks and thickness. Two fingers still pinch and pan whatever is chosen.
 */
export function ToolBar({ ctl }: { ctl: BoardController }) {
  const tool = useStore(ctl.tool);
  const pen = useStore(ctl.pen);
  const canWrite = useStore(ctl.canWrite);
  if (!canWrite) return null;
  return (
    <div className="tool-bar" role="toolbar" aria-label={t.tools.label}>
      {TOOLS.map(({ tool: id, icon }) => (
        <button key={id} type="button" className="btn" aria-pressed={tool === id} onClick={() => ctl.setTool(id)}>
          <span aria-hidden="true" className="icon">
            {icon}
          </span>{' '}
          {t.tools[id]}
        </button>
      ))}
      {tool === 'pen' && (
        <>
          <span className="tool-sep" aria-hidden="true" />
          {COLORS.map((c) => (
            <button key={c} type="button" className="btn btn-round ink-btn" aria-pressed={pen.color === c} aria-label={t.tools.inks[c]} title={t.tools.inks[c]} onClick={() => ctl.pen.set({ ...pen, color: c })}>
              <span className="ink" style={{ background: STROKE_COLORS[c] }} aria-hidden="true" />
            </button>
          ))}
          {STROKE_WIDTHS.map((w, i) => (
            <button key={w} type="button" className="btn btn-round ink-btn" aria-pressed={pen.width === w} aria-label={t.tools.widths[i]} title={t.tools.widths[i]} onClick={() => ctl.pen.set({ ...pen, width: w })}>
              <span className="ink-width" style={{ height: Math.max(2, w / 2), background: STROKE_COLORS[pen.color] }} aria-hidden="true" />
            </button>
          ))}
        </>
      )}
    </div>
  );
}
