// DejaVu Sans has every letter the meetings write (é ë ş ğ ı ł ż and the
// Arabic presentation forms) in one family, regular and bold, as TrueType,
// which is what jsPDF embeds (it subsets: only the glyphs used go in). The
// server sends the files brotli-compressed (server/src/http/static.ts).
//
// Not subset at build time (issue 20 asked "subset or compressed"): a static
// subset (e.g. `subset-font` 2.9 over harfbuzz) to the scripts we expect
// would drop the Cyrillic, Greek, Hebrew and Armenian DejaVu has, which
// participants of a municipality's meeting may well write; a PDF would then
// print empty boxes. What the files cost instead: 1.46 MB, 590 kB on the
// wire, fetched once by the facilitator's laptop only (tablets never load
// the exporter), and each PDF embeds only the glyphs it uses (jsPDF).
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

/**
 * What the page needs of the PDF without loading jsPDF (that runs in the
 * report's worker): the fonts, fetched once, and the size of the pictures.
 */

/**
 * The width of a board's picture in the PDF (178 mm) in pixels: ~228 dpi, as the Word document's posters (17 cm at
 * ~240 dpi). Was 300 dpi (2102 px); at 1600 px a note's words are ~14 px tall in the picture, every word still
 * readable zoomed in (looked at side by side), and the page draws and the worker encodes 0.58× the pixels, most of
 * the time of a PDF (issue 20: each document ≤ 1 s).
 */
export const PICTURE_PIXELS = 1600;

const base64Of = (buffer: ArrayBuffer): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error('font unreadable'));
    reader.readAsDataURL(new Blob([buffer]));
  });

let fonts: Promise<{ regular: string; bold: string }> | null = null;

/** The fonts, fetched once from this server and kept, so an export later works without the network. */
export const loadFonts = (): Promise<{ regular: string; bold: string }> => {
  fonts ??= (async () => {
    const get = async (url: string) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`font ${url}: ${res.status}`);
      return base64Of(await res.arrayBuffer());
    };
    const [regular, bold] = await Promise.all([get(regularUrl), get(boldUrl)]);
    return { regular, bold };
  })();
  fonts.catch(() => (fonts = null));
  return fonts;
};

/** A board's picture, encoded, with its size in pixels. */
export interface Picture {
  data: Uint8Array;
  format: 'JPEG';
  width: number;
  height: number;
}

