import * as random from 'lib0/random';

/** Random id for items and boards: 96 bits, URL-safe. */
export const newId = (): string => {
  const bytes = new Uint8Array(12);
  for (let i = 0; i < bytes.length; i += 4) {
    const r = random.uint32();
    bytes[i] = r & 0xff;
    bytes[i + 1] = (r >>> 8) & 0xff;
    bytes[i + 2] = (r >>> 16) & 0xff;
    bytes[i + 3] = (r >>> 24) & 0xff;
  }
  let s = '';
  for (const b of bytes) s += b.toString(36).padStart(2, '0');
  return s;
};
