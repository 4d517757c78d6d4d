/** The largest canvas iOS Safari draws (4096 × 4096); a bigger one comes out blank. */
export const MAX_CANVAS_PIXELS = 16_777_216;

/**
 * The pixel ratio for a `width` × `height` poster: `wanted`, or less so the
 * canvas stays within MAX_CANVAS_PIXELS (counting the rounded-up size the
 * canvas really gets).
 */
export const boundedPixelRatio = (width: number, height: number, wanted: number): number => {
  let ratio = Math.min(wanted, Math.sqrt(MAX_CANVAS_PIXELS / (width * height)));
  ratio = Math.floor(ratio * 1000) / 1000;
  while (Math.ceil(width * ratio) * Math.ceil(height * ratio) > MAX_CANVAS_PIXELS) ratio -= 0.001;
  return ratio;
};
