import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { joinUrl, qrPath } from './qr.ts';

/** Reads the path back into a module matrix: every `M x y h w v1 h-w z` run. */
const parse = (path: string, n: number): boolean[][] => {
  const m = [...Array(n)].map(() => Array<boolean>(n).fill(false));
  const runs = [...path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  expect(runs.map((r) => r[0]).join('')).toBe(path);
  for (const [, x, y, w, back] of runs) {
    expect(back).toBe(w);
    for (let i = 0; i < Number(w); i++) m[Number(y)]![Number(x) + i] = true;
  }
  return m;
};

/** The 7×7 finder pattern: dark ring, light ring, dark 3×3 centre. */
const finderAt = (m: boolean[][], top: number, left: number): boolean => {
  for (let y = 0; y < 7; y++) {
    for (let x = 0; x < 7; x++) {
      const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
      if (m[top + y]![left + x] !== (ring !== 2)) return false;
    }
  }
  return true;
};

describe('QR code of the join address', () => {
  const url = joinUrl('http://192.168.1.20:8080', 'K7PX2M');

  it('is the join page with the code', () => {
    expect(url).toBe('http://192.168.1.20:8080/join?code=K7PX2M');
  });

  it('draws exactly the modules the encoder made, with the three finder patterns', () => {
    const { path, modules } = qrPath(url);
    const qr = qrcode(0, 'M');
    qr.addData(url, 'Byte');
    qr.make();
    expect(modules).toBe(qr.getModuleCount());
    const m = parse(path, modules);
    for (let y = 0; y < modules; y++) for (let x = 0; x < modules; x++) expect(m[y]![x], `${x},${y}`).toBe(qr.isDark(y, x));
    expect(finderAt(m, 0, 0)).toBe(true);
    expect(finderAt(m, 0, modules - 7)).toBe(true);
    expect(finderAt(m, modules - 7, 0)).toBe(true);
  });

  it('stays small enough to scan off a projector, and grows with a longer address', () => {
    // Version 3 (29 modules) or less for a typical venue address.
    expect(qrPath(url).modules).toBeLessThanOrEqual(29);
    const long = qrPath(joinUrl('https://bodem.een-heel-lange-naam-van-een-gemeente.example.nl', 'K7PX2M'));
    expect(long.modules).toBeGreaterThan(qrPath(url).modules);
  });

  it('encodes a non-Latin host name as UTF-8 bytes', () => {
    const text = 'http://bodem.ş.example/join?code=K7PX2M';
    const { path, modules } = qrPath(text);
    const qr = qrcode(0, 'M');
    qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
    qr.make();
    const m = parse(path, modules);
    expect(m.every((row, y) => row.every((dark, x) => dark === qr.isDark(y, x)))).toBe(true);
  });
});
