/**
 * Background art as plain vector shapes, so a poster needs no bitmap and
 * stays sharp at any zoom and in print. Colours are CSS colours. Art is
 * decoration only: the toolkit's words live in zones, roles and rows, where
 * reports and tests can read them.
 */
interface Paint {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  dash?: readonly number[];
  opacity?: number;
}

export type ArtShape =
  | ({ kind: 'rect'; x: number; y: number; width: number; height: number; cornerRadius?: number } & Paint)
  | ({ kind: 'ellipse'; x: number; y: number; radiusX: number; radiusY: number } & Paint)
  /** Flat x, y list; `tension` > 0 draws a smooth curve through the points. */
  | ({ kind: 'line'; points: readonly number[]; closed?: boolean; tension?: number } & Paint)
  /** SVG path data, offset by x, y and scaled by `scale`. */
  | ({ kind: 'path'; data: string; x?: number; y?: number; scale?: number } & Paint)
  | ({
      kind: 'text';
      x: number;
      y: number;
      text: string;
      fontSize: number;
      width?: number;
      align?: 'left' | 'center' | 'right';
      fontStyle?: 'normal' | 'bold' | 'italic';
    } & Paint);
