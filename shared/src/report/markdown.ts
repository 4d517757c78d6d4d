import type { Side } from '../schema/side.ts';
import type { ReportBoard, ReportField, ReportItem, ReportNote, ReportOutline, ReportParticipants, ReportTable, ReportZone } from './outline.ts';

/**
 * The words a report prints around what people wrote. The report is Dutch
 * whatever the screen's language: the posters, zones and questions it
 * repeats are the toolkit's Dutch words.
 */
export const REPORT_WORDS = {
  date: 'Datum',
  participants: 'Deelnemers',
  organisations: 'Organisaties',
  none: 'geen',
  side: { formeel: 'formeel', informeel: 'informeel' } satisfies Record<Side, string>,
  unknownSide: 'kant onbekend',
  sourceDocument: 'Geteld: wie iets schreef of stemde.',
  sourcePresence: 'Geteld: wie iets schreef of stemde, en wie verbonden was toen dit verslag werd gemaakt.',
  empty: 'Niets geschreven.',
  votes: 'Stemmen',
  votesOf: 'ieder mocht {limit} keer stemmen',
  references: 'Controleantwoorden',
  covered: 'genoemd',
  blindSpot: 'nog niet genoemd',
  noAnswer: 'niet beantwoord',
  other: 'Los op het bord',
  and: 'en',
} as const;

/** "23 november 2026", in the meeting's language; empty when unknown. */
export const formatReportDate = (ms: number): string =>
  ms > 0 ? new Date(ms).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }) : '';

const list = (parts: readonly string[]): string =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${REPORT_WORDS.and} ${parts[parts.length - 1]}`;

/** "3 formeel, 2 informeel (1 kant onbekend)". */
export const participantsLine = (p: ReportParticipants): string => {
  const base = `${p.perSide.formeel} ${REPORT_WORDS.side.formeel}, ${p.perSide.informeel} ${REPORT_WORDS.side.informeel}`;
  return p.unknownSide ? `${base} (${p.unknownSide} ${REPORT_WORDS.unknownSide})` : base;
};

/** "(formeel)", "(3×, formeel en informeel)", "" for one note of unknown side. */
export const noteSuffix = (n: ReportNote): string => {
  const sides = n.count > 1 ? n.sides : n.side ? [n.side] : [];
  const parts = [...(n.count > 1 ? [`${n.count}×`] : []), ...(sides.length ? [list(sides.map((s) => REPORT_WORDS.side[s]))] : [])];
  return parts.length ? ` (${parts.join(', ')})` : '';
};

/** The heading of a board's part: "Deel 1: Verkenning · B. De kracht van de ander". */
export const boardContext = (b: ReportBoard): string =>
  [b.deel, b.part ? `${b.part}. ${b.partTitle ?? b.templateTitle}` : null].filter((x): x is string => !!x).join(' · ');

// --- Markdown -----------------------------------------------------------------

/**
 * Escapes what Markdown would read as markup, so a note stays the words
 * someone wrote: emphasis, links, HTML, code, and list or heading marks at
 * the start of a line. Letters of any script pass untouched.
 */
export const escapeMarkdown = (text: string): string =>
  text
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/, (_, sp: string, mark: string) => `${sp}${mark.replace(/([#+\-.)])$/, '\\$1')}`))
    .join('\n');

/** Text on one line of a bullet: continuation lines indented under it. */
const bulletText = (text: string, indent: string): string => escapeMarkdown(text).split('\n').join(`\n${indent}  `);

const itemLines = (item: ReportItem, indent = ''): string[] => {
  if (item.kind === 'role') {
    const side = item.side ? ` (${REPORT_WORDS.side[item.side]})` : '';
    const desc = item.description ? ` — ${bulletText(item.description, indent)}` : '';
    return [`${indent}- **${escapeMarkdown(item.title)}**${side}${desc}`];
  }
  return [
    `${indent}- ${bulletText(item.text, indent)}${noteSuffix(item)}`,
    ...item.others.map((o) => `${indent}  - ${bulletText(o, `${indent}  `)}`),
  ];
};

const cell = (text: string): string => escapeMarkdown(text).replace(/\n+/g, ' ');

const tableLines = (table: ReportTable): string[] =>
  table.rows.length
    ? [`| ${table.columns.map((c) => cell(c.label)).join(' | ')} |`, `|${table.columns.map(() => ' --- |').join('')}`, ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`), '']
    : [];

const fieldLines = (f: ReportField): string[] => [`**${escapeMarkdown(f.label)}** ${f.value ? escapeMarkdown(f.value) : `_${REPORT_WORDS.noAnswer}_`}`, ''];

const zoneLines = (z: ReportZone): string[] => {
  const out = [`### ${escapeMarkdown(z.label)}`, ''];
  if (z.card) out.push(`> ${cell(z.card.text)}${z.card.source ? ` — ${cell(z.card.source)}` : ''}`, '');
  for (const c of z.choices) out.push(`${escapeMarkdown(c.question)} **${c.answer ? escapeMarkdown(c.answer) : `_${REPORT_WORDS.noAnswer}_`}**`, '');
  if (z.items.length) out.push(...z.items.flatMap((i) => itemLines(i)), '');
  if (z.table) out.push(...tableLines(z.table));
  for (const f of z.fields) out.push(...fieldLines(f));
  if (!z.items.length && !z.choices.length && !z.card && !z.table?.rows.length && !z.fields.length) out.push(`_${REPORT_WORDS.empty}_`, '');
  if (z.references?.length) {
    const covered = z.references.filter((r) => r.covered).map((r) => escapeMarkdown(r.label));
    const blind = z.references.filter((r) => !r.covered).map((r) => escapeMarkdown(r.label));
    out.push(`${REPORT_WORDS.references}:`);
    if (covered.length) out.push(`- ${REPORT_WORDS.covered}: ${covered.join(', ')}`);
    if (blind.length) out.push(`- ${REPORT_WORDS.blindSpot}: ${blind.join(', ')}`);
    out.push('');
  }
  return out;
};

const boardLines = (b: ReportBoard): string[] => {
  const out = [`## ${escapeMarkdown(b.title)}`, ''];
  const context = boardContext(b);
  if (context) out.push(`_${escapeMarkdown(context)}_`, '');
  if (b.votes) out.push(`${REPORT_WORDS.votes}: **${b.votes.count}** (${REPORT_WORDS.votesOf.replace('{limit}', String(b.votes.limit))})`, '');
  for (const f of b.fields) out.push(...fieldLines(f));
  for (const z of b.zones) out.push(...zoneLines(z));
  if (b.table) out.push(...tableLines(b.table));
  if (b.loose.length || b.looseChoices.length) {
    if (b.zones.length) out.push(`### ${REPORT_WORDS.other}`, '');
    for (const c of b.looseChoices) out.push(`${escapeMarkdown(c.question)} **${c.answer ? escapeMarkdown(c.answer) : `_${REPORT_WORDS.noAnswer}_`}**`, '');
    if (b.loose.length) out.push(...b.loose.flatMap((i) => itemLines(i)), '');
  }
  if (!b.zones.length && !b.loose.length && !b.looseChoices.length && !b.table?.rows.length) out.push(`_${REPORT_WORDS.empty}_`, '');
  return out;
};

/** The whole report as Markdown: a heading per board and per zone, a bullet per note, agreements as a table. */
export const reportMarkdown = (outline: ReportOutline): string => {
  const p = outline.participants;
  const head = [`# ${escapeMarkdown(outline.title || 'Bijeenkomst')}`, ''];
  const date = formatReportDate(outline.date);
  if (date) head.push(`${REPORT_WORDS.date}: ${date}  `);
  head.push(`${REPORT_WORDS.participants}: ${participantsLine(p)}  `);
  head.push(`${REPORT_WORDS.organisations}: ${p.organisations.length ? p.organisations.map(escapeMarkdown).join(', ') : REPORT_WORDS.none}  `);
  head.push(`_${p.source === 'document' ? REPORT_WORDS.sourceDocument : REPORT_WORDS.sourcePresence}_`, '');
  const body = outline.boards.flatMap(boardLines);
  return `${[...head, ...body].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
};
