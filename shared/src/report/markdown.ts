import type { PersonSide } from '../schema/side.ts';
import type { ReportBoard, ReportField, ReportGroup, ReportItem, ReportNote, ReportOutline, ReportParticipants, ReportSummary, ReportTable, ReportZone } from './outline.ts';

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
  side: { formeel: 'formeel', informeel: 'informeel', beide: 'formeel én informeel' } satisfies Record<PersonSide, string>,
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
  summary: 'Samenvatting',
  agreements: 'Afspraken',
  noAgreements: 'Geen afspraken in de tabel.',
  ranking: 'Stemmen',
  winner: 'gekozen',
  noVotes: 'Er is niet gestemd.',
  votesCount: (n: number) => `${n} ${n === 1 ? 'stem' : 'stemmen'}`,
  place: (rank: number, of: number) => `plaats ${rank} van ${of}`,
  rolesIn: (zone: string) => `Rollen in de ${zone.toLocaleLowerCase('nl')}`,
  pitfalls: 'Valkuilen die van toepassing zijn',
  evaluation: 'Evaluatie',
  plan: 'De kern van het samen doen',
  who: 'Wie deden mee',
  sideColumn: 'Kant',
  organisationColumn: 'Organisatie',
  countColumn: 'Aantal',
  namesColumn: 'Namen',
  noOrganisation: 'geen organisatie genoemd',
  drawing: 'Tekening',
  drawingCaption: (n: number) => `Tekening (${n} ${n === 1 ? 'lijn' : 'lijnen'}), uit het bord geknipt`,
  drawingNote: (n: number) => `Een tekening (${n} ${n === 1 ? 'lijn' : 'lijnen'}); zie de afbeelding van het bord.`,
  /** The server's Word file (no canvas there): where the pictures of the boards are. */
  postersElsewhere:
    'Dit Word-document komt van de server en bevat alleen tekst en tabellen. De afbeeldingen van de borden en de tekeningen staan in het Word-document of de PDF die de begeleider maakt in Bodem: paneel, Verslag, "Word-document van de hele bijeenkomst".',
  posterElsewhere: 'Afbeelding van dit bord: in het verslag dat de begeleider in Bodem maakt (paneel, Verslag).',
  drawingElsewhere: (n: number) => `Een tekening (${n} ${n === 1 ? 'lijn' : 'lijnen'}); de afbeelding staat in het verslag dat de begeleider in Bodem maakt.`,
  unused: 'Niet gebruikt',
  unusedBoards: 'Borden',
  unusedIntro: 'Hier is niets geschreven, getekend, gekozen of gestemd; het staat daarom niet in dit verslag.',
} as const;

/** "Afspraken — Partnerschap Noord" when there are several boards of a kind (one per partnership), else "Afspraken". */
export const summaryHeading = (label: string, boardTitle: string, several: boolean): string =>
  !several ? label : boardTitle.toLocaleLowerCase('nl').includes(label.toLocaleLowerCase('nl')) ? boardTitle : `${label} — ${boardTitle}`;

/** The side of a participants' group as a word: "formeel", "kant onbekend". */
export const groupSide = (g: ReportGroup): string => (g.side ? REPORT_WORDS.side[g.side] : REPORT_WORDS.unknownSide);

/** What a participants' group shows: its names when the facilitator chose names (and they are known), else its count. */
export const groupWho = (g: ReportGroup): string => {
  if (!g.names.length) return String(g.count);
  const unnamed = g.count - g.names.length;
  return unnamed > 0 ? `${g.names.join(', ')} (+${unnamed})` : g.names.join(', ');
};

/** Whether the report names people (then the table's last column is "Namen"). */
export const namesShown = (p: ReportParticipants): boolean => p.groups.some((g) => g.names.length > 0);

/** "23 november 2026", in the meeting's language; empty when unknown. */
export const formatReportDate = (ms: number): string =>
  ms > 0 ? new Date(ms).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }) : '';

const list = (parts: readonly string[]): string =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${REPORT_WORDS.and} ${parts[parts.length - 1]}`;

/** "3 formeel, 2 informeel, 1 formeel én informeel (1 kant onbekend)". */
export const participantsLine = (p: ReportParticipants): string => {
  const both = p.perSide.beide ? `, ${p.perSide.beide} ${REPORT_WORDS.side.beide}` : '';
  const base = `${p.perSide.formeel} ${REPORT_WORDS.side.formeel}, ${p.perSide.informeel} ${REPORT_WORDS.side.informeel}${both}`;
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
  if (z.drawing) out.push(`_${REPORT_WORDS.drawingNote(z.drawing.strokes)}_`, '');
  if (!z.items.length && !z.choices.length && !z.card && !z.table?.rows.length && !z.fields.length && !z.drawing) out.push(`_${REPORT_WORDS.empty}_`, '');
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
  if (b.votes) out.push(`${REPORT_WORDS.votes}: **${b.votes.count}** (${voteLine(b.votes)})`, '');
  for (const f of b.fields) out.push(...fieldLines(f));
  for (const z of b.zones) out.push(...zoneLines(z));
  if (b.table) out.push(...tableLines(b.table));
  if (b.loose.length || b.looseChoices.length) {
    if (b.zones.length) out.push(`### ${REPORT_WORDS.other}`, '');
    for (const c of b.looseChoices) out.push(`${escapeMarkdown(c.question)} **${c.answer ? escapeMarkdown(c.answer) : `_${REPORT_WORDS.noAnswer}_`}**`, '');
    if (b.loose.length) out.push(...b.loose.flatMap((i) => itemLines(i)), '');
  }
  if (b.drawing) out.push(`_${REPORT_WORDS.drawingNote(b.drawing.strokes)}_`, '');
  return out;
};

/** "plaats 1 van 3, gekozen; ieder mocht 2 keer stemmen". */
export const voteLine = (v: NonNullable<ReportBoard['votes']>): string =>
  [v.of > 1 ? REPORT_WORDS.place(v.rank, v.of) : null, v.winner ? REPORT_WORDS.winner : null, REPORT_WORDS.votesOf.replace('{limit}', String(v.limit))]
    .filter((x): x is string => !!x)
    .join(', ');

/** The outcomes first: agreements with who writes them down, the evaluation, each partnership's plan, the vote ranking, the roles in the trunk, the pitfalls that apply. */
const summaryLines = (s: ReportSummary): string[] => {
  const out: string[] = [];
  const several = (n: number) => n > 1;
  for (const a of s.agreements) {
    out.push(`### ${escapeMarkdown(summaryHeading(REPORT_WORDS.agreements, a.boardTitle, several(s.agreements.length)))}`, '');
    out.push(...(a.table.rows.length ? tableLines(a.table) : [`_${REPORT_WORDS.noAgreements}_`, '']));
    for (const f of a.fields) out.push(...fieldLines(f));
    for (const n of a.notes) out.push(`**${escapeMarkdown(n.label)}**`, '', ...n.items.flatMap((i) => itemLines(i)), '');
  }
  for (const [label, list] of [[REPORT_WORDS.evaluation, s.evaluations], [REPORT_WORDS.plan, s.plans]] as const) {
    for (const e of list) {
      out.push(`### ${escapeMarkdown(summaryHeading(label, e.boardTitle, several(list.length)))}`, '');
      for (const f of e.fields) out.push(...fieldLines(f));
      for (const z of e.zones) out.push(`**${escapeMarkdown(z.label)}**`, '', ...z.items.flatMap((i) => itemLines(i)), '');
    }
  }
  for (const v of s.votes) {
    out.push(`### ${v.boardTitle ? escapeMarkdown(summaryHeading(REPORT_WORDS.ranking, v.boardTitle, true)) : REPORT_WORDS.ranking}`, '');
    if (!v.winners.length) out.push(`_${REPORT_WORDS.noVotes}_`, '');
    else {
      out.push(
        ...v.ranking.map((r, i) => `${i + 1}. ${v.winners.includes(r.boardId) ? `**${escapeMarkdown(r.title)}**` : escapeMarkdown(r.title)}: ${REPORT_WORDS.votesCount(r.count)}${v.winners.includes(r.boardId) ? ` (${REPORT_WORDS.winner})` : ''}`),
        '',
        `_${REPORT_WORDS.votesOf.replace('{limit}', String(v.limit))}_`,
        '',
      );
    }
  }
  for (const r of s.roles) {
    out.push(`### ${escapeMarkdown(summaryHeading(REPORT_WORDS.rolesIn(r.zoneLabel), r.boardTitle, several(s.roles.length)))}`, '', ...r.roles.flatMap((i) => itemLines(i)), '');
  }
  for (const p of s.pitfalls) {
    out.push(`### ${escapeMarkdown(summaryHeading(REPORT_WORDS.pitfalls, p.boardTitle, several(s.pitfalls.length)))}`, '');
    for (const f of p.pitfalls) {
      out.push(`- **${escapeMarkdown(f.label)}**: ${bulletText(f.text, '')}`, ...f.items.flatMap((i) => itemLines(i, '  ')));
    }
    out.push('');
  }
  return out.length ? [`## ${REPORT_WORDS.summary}`, '', ...out] : [];
};

const participantsLines = (p: ReportParticipants): string[] => {
  if (!p.groups.length) return [];
  const names = namesShown(p);
  return [
    `## ${REPORT_WORDS.who}`,
    '',
    ...tableLines({
      columns: [
        { id: 'side', label: REPORT_WORDS.sideColumn },
        { id: 'org', label: REPORT_WORDS.organisationColumn },
        { id: 'who', label: names ? REPORT_WORDS.namesColumn : REPORT_WORDS.countColumn },
      ],
      rows: p.groups.map((g) => [groupSide(g), g.organisation ?? REPORT_WORDS.noOrganisation, groupWho(g)]),
    }),
  ];
};

const unusedLines = (o: ReportOutline): string[] => {
  const u = o.unused;
  if (!u.boards.length && !u.zones.length) return [];
  return [
    `## ${REPORT_WORDS.unused}`,
    '',
    `_${REPORT_WORDS.unusedIntro}_`,
    '',
    ...(u.boards.length ? [`- ${REPORT_WORDS.unusedBoards}: ${u.boards.map((b) => escapeMarkdown(b.title)).join(', ')}`] : []),
    ...u.zones.map((z) => `- ${escapeMarkdown(z.boardTitle)}: ${z.labels.map(escapeMarkdown).join(', ')}`),
    '',
  ];
};

/** The whole report as Markdown: a heading per board and per zone, a bullet per note, agreements as a table. */
export const reportMarkdown = (outline: ReportOutline): string => {
  const p = outline.participants;
  const head = [`# ${escapeMarkdown(outline.title || 'Bijeenkomst')}`, ''];
  const date = formatReportDate(outline.date);
  if (date) head.push(`${REPORT_WORDS.date}: ${date}  `);
  head.push(`${REPORT_WORDS.participants}: ${participantsLine(p)}  `);
  head.push(`_${p.source === 'document' ? REPORT_WORDS.sourceDocument : REPORT_WORDS.sourcePresence}_`, '');
  const body = [...summaryLines(outline.summary), ...participantsLines(p), ...outline.boards.flatMap(boardLines), ...unusedLines(outline)];
  return `${[...head, ...body].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
};
