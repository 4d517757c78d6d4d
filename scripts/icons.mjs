// Draws Bodem's app icons (PNG) for the web app manifest, here, without any
// network or image service: `node scripts/icons.mjs` writes client/public/icons/.
// The mark: two sticky notes (the formal side's blue, the informal side's
// yellow) standing on green ground, on the app's paper colour.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '../client/public/icons');
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const PAPER = hex('#f3f1ea');
const GROUND = hex('#2f5d3a');
const BLUE = hex('#dcecff');
const BLUE_EDGE = hex('#1a56a8');
const YELLOW = hex('#fff1c2');
const YELLOW_EDGE = hex('#7a5000');

/** A rounded rectangle in unit coordinates (0..1), rotated by `turn` radians about its centre. */
const roundedRect = (cx, cy, w, h, r, turn) => (x, y) => {
  const c = Math.cos(-turn);
  const s = Math.sin(-turn);
  const dx = (x - cx) * c - (y - cy) * s;
  const dy = (x - cx) * s + (y - cy) * c;
  const qx = Math.abs(dx) - w / 2 + r;
  const qy = Math.abs(dy) - h / 2 + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  return outside; // < 0 inside
};

/**
 * `safe` shrinks the mark into the middle 80 % (maskable icons are cropped
 * to a circle by some launchers); the background always fills the square.
 */
const draw = (size, { safe = 1 } = {}) => {
  const png = new PNG({ width: size, height: size });
  const scale = (v) => 0.5 + (v - 0.5) * safe;
  const unscale = (v) => 0.5 + (v - 0.5) / safe;
  const blueNote = roundedRect(0.4, 0.42, 0.36, 0.36, 0.03, -0.12);
  const yellowNote = roundedRect(0.6, 0.5, 0.36, 0.36, 0.03, 0.1);
  const layers = [
    // [inside test on mark coordinates, colour]
    [(x, y) => (y > 0.7 ? -1 : 1), GROUND],
    [(x, y) => blueNote(x, y) - 0.012, BLUE_EDGE],
    [(x, y) => blueNote(x, y) + 0.012, BLUE],
    [(x, y) => yellowNote(x, y) - 0.012, YELLOW_EDGE],
    [(x, y) => yellowNote(x, y) + 0.012, YELLOW],
  ];
  const n = 4; // 4x4 samples per pixel
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = unscale((px + (sx + 0.5) / n) / size);
          const y = unscale((py + (sy + 0.5) / n) / size);
          let col = PAPER;
          // The ground reaches the icon's bottom edge whatever the safe zone.
          if ((py + (sy + 0.5) / n) / size > scale(0.7)) col = GROUND;
          for (const [inside, c] of layers.slice(1)) if (inside(x, y) < 0) col = c;
          r += col[0];
          g += col[1];
          b += col[2];
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = Math.round(r / (n * n));
      png.data[i + 1] = Math.round(g / (n * n));
      png.data[i + 2] = Math.round(b / (n * n));
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2 });
};

mkdirSync(out, { recursive: true });
const files = {
  'icon-192.png': draw(192),
  'icon-512.png': draw(512),
  'maskable-512.png': draw(512, { safe: 0.8 }),
  'apple-touch-icon.png': draw(180),
  'favicon-32.png': draw(32),
};
for (const [name, bytes] of Object.entries(files)) {
  writeFileSync(join(out, name), bytes);
  console.log(`${name}: ${bytes.length} B`);
}
