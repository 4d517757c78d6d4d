/** "Samen in de wijk — Ayşe" → "samen-in-de-wijk-ayse": a file name every system and mail program takes. */
export const fileSlug = (title: string, fallback = 'bijeenkomst'): string =>
  title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || fallback;

/** "verslag-samen-in-de-wijk-2026-11-23.pdf": what the report of a meeting is saved as. */
export const reportFileName = (prefix: string, title: string, date: number, extension: string): string =>
  `${prefix}-${fileSlug(title)}${date > 0 ? `-${new Date(date).toISOString().slice(0, 10)}` : ''}.${extension}`;
