import {
  boardContext,
  drawingKey,
  formatReportDate,
  groupSide,
  groupWho,
  namesShown,
  noteSuffix,
  participantsLine,
  REPORT_WORDS,
  summaryHeading,
  voteLine,
  type ReportBoard,
  type ReportDrawing,
  type ReportField,
  type ReportItem,
  type ReportOutline,
  type ReportTable,
  type ReportZone,
} from '@bodem/shared';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * The follow-up report as a Word document (.docx), from the same outline as
 * the PDF and the Markdown: a summary first, then a heading per part of the
 * day, per board and per zone, every note as text, agreements and votes as
 * tables, the posters as pictures where the caller has them.
 *
 * Its own workspace package because both ends make it: the facilitator's
 * browser (offline, with the posters it draws) and the server's
 * `report.docx` route (text only: it has no canvas; `elsewhere` makes the
 * document say where the pictures are). `shared/` may not
 * import `docx`, and client and server may not import each other, so the
 * one builder lives here and each packs it (`docxBytes`).
 */

/** A picture in the report: an encoded image and its size in pixels. */
export interface DocxPicture {
  data: Uint8Array;
  type: 'jpg' | 'png';
  width: number;
  height: number;
}

export interface DocxPictures {
  /** A board's poster, by board id. */
  posters?: ReadonlyMap<string, DocxPicture>;
  /** A drawing cut out of its poster, by `drawingKey(boardId, drawing)`. */
  drawings?: ReadonlyMap<string, DocxPicture>;
  /**
   * There are no pictures here at all (the server's route: it has no canvas):
   * the document says once at the top, and at each board and drawing, where
   * the pictures are, instead of leaving a reader to wonder.
   */
  elsewhere?: boolean;
}

// A4 portrait, 2 cm margins: 17 cm of text width, in Word's 96 px to the inch.
const TEXT_WIDTH_PX = Math.round((17 / 2.54) * 96);
const POSTER_MAX_HEIGHT_PX = Math.round((14 / 2.54) * 96);
const DRAWING_MAX_HEIGHT_PX = Math.round((8 / 2.54) * 96);
/** A drawing's cut-out at 120 dpi at most: Word's sizes are in pixels of 96 dpi. */
const DRAWING_MAX_SCALE = 96 / 120;
const CM = 567; // twips

const COLOR = {
  ink: '1D1D1B',
  muted: '6B6452',
  head: '3B5B45',
  stripe: 'F7F4EA',
  rule: 'CFC8B4',
  formeel: '1A56A8',
  informeel: '8A5A00',
} as const;

/** Hebrew and Arabic letters: a paragraph with any reads right to left. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** A text as runs, its lines kept as line breaks (a note's Enter stays an Enter). */
const runs = (text: string, style: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): TextRun[] =>
  text.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...style, ...(RTL.test(line) ? { rightToLeft: true } : {}) }));

const para = (children: ParagraphChild[], opts: { bullet?: number; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; rtl?: boolean; spacingAfter?: number; keepNext?: boolean } = {}) =>
  new Paragraph({
    children,
    ...(opts.heading ? { heading: opts.heading } : {}),
    ...(opts.bullet !== undefined ? { numbering: { reference: 'bullets', level: opts.bullet } } : {}),
    ...(opts.rtl ? { bidirectional: true } : {}),
    ...(opts.spacingAfter !== undefined ? { spacing: { after: opts.spacingAfter } } : {}),
    ...(opts.keepNext ? { keepNext: true } : {}),
  });

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => para(runs(text), { heading: level, keepNext: true });

const muted = (text: string, keepNext = false) => para(runs(text, { italics: true, color: COLOR.muted, size: 18 }), { keepNext });

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule } as const;

/** A table across the text width: a shaded header row, striped rows, every cell's words as written. */
const table = (t: { columns: readonly { label: string }[]; rows: readonly (readonly string[])[] }, widths: readonly number[]): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // Room around each cell's words (twips).
    margins: { top: 50, bottom: 50, left: 100, right: 100 },
    columnWidths: widths.map((w) => Math.round(w * 17 * CM)),
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder, insideHorizontal: cellBorder, insideVertical: cellBorder },
    rows: [
      new TableRow({
        tableHeader: true,
        children: t.columns.map(
          (c, i) =>
            new TableCell({
              width: { size: Math.round(widths[i]! * 100), type: WidthType.PERCENTAGE },
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.head },
              children: [para(runs(c.label, { bold: true, color: 'FFFFFF' }))],
            }),
        ),
      }),
      ...t.rows.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            children: row.map(
              (v, i) =>
                new TableCell({
                  width: { size: Math.round(widths[i]! * 100), type: WidthType.PERCENTAGE },
                  ...(r % 2 === 0 ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.stripe } } : {}),
                  children: [para(runs(v), { rtl: RTL.test(v) })],
                }),
            ),
          }),
      ),
    ],
  });

const AGREEMENT_WIDTHS = [0.5, 0.28, 0.22];

const image = (p: DocxPicture, maxHeight: number, alt: string, maxScale = 1e9): ImageRun => {
  const scale = Math.min(TEXT_WIDTH_PX / p.width, maxHeight / p.height, maxScale);
  return new ImageRun({
    type: p.type,
    data: p.data,
    transformation: { width: Math.round(p.width * scale), height: Math.round(p.height * scale) },
    altText: { name: alt, description: alt, title: alt },
  });
};

/** A note as a bullet: its words, then the side of its author (in the side's colour) or the bundle's size. */
const itemParagraphs = (item: ReportItem, level = 0): Paragraph[] => {
  if (item.kind === 'role') {
    const side = item.side ? ` (${REPORT_WORDS.side[item.side]})` : '';
    return [
      para([...runs(item.title, { bold: true }), new TextRun({ text: side, color: item.side ? COLOR[item.side] : COLOR.muted })], { bullet: level }),
      ...(item.description ? [para(runs(item.description, { color: COLOR.muted }), { bullet: level + 1 })] : []),
    ];
  }
  const tag = noteSuffix(item);
  return [
    para([...runs(item.text), new TextRun({ text: tag, size: 18, color: item.count === 1 && item.side ? COLOR[item.side] : COLOR.muted })], { bullet: level, rtl: RTL.test(item.text) }),
    ...item.others.map((o) => para(runs(o, { color: COLOR.muted }), { bullet: level + 1, rtl: RTL.test(o) })),
  ];
};

const fieldParagraph = (f: ReportField): Paragraph =>
  para([new TextRun({ text: `${f.label} `, bold: true }), ...(f.value ? runs(f.value) : runs(REPORT_WORDS.noAnswer, { italics: true, color: COLOR.muted }))]);

const answerParagraph = (question: string, answer: string | null): Paragraph =>
  para([new TextRun({ text: `${question} ` }), ...(answer ? runs(answer, { bold: true }) : runs(REPORT_WORDS.noAnswer, { italics: true, color: COLOR.muted }))]);

const tableBlock = (t: ReportTable): (Paragraph | Table)[] => (t.rows.length ? [table(t, t.columns.length === 3 ? AGREEMENT_WIDTHS : t.columns.map(() => 1 / t.columns.length)), para([])] : []);

const drawingBlock = (boardId: string, d: ReportDrawing, pictures: DocxPictures, label: string): Paragraph[] => {
  const p = pictures.drawings?.get(drawingKey(boardId, d));
  // Never blown up past 120 dpi (a short line's cut-out is a few dozen pixels: at the text's width, a blur).
  return p
    ? [para([image(p, DRAWING_MAX_HEIGHT_PX, `${REPORT_WORDS.drawing}: ${label}`, DRAWING_MAX_SCALE)], { keepNext: true }), muted(REPORT_WORDS.drawingCaption(d.strokes))]
    : [muted(pictures.elsewhere ? REPORT_WORDS.drawingElsewhere(d.strokes) : REPORT_WORDS.drawingNote(d.strokes))];
};

const zoneBlock = (b: ReportBoard, z: ReportZone, pictures: DocxPictures): (Paragraph | Table)[] => {
  const out: (Paragraph | Table)[] = [heading(z.label, HeadingLevel.HEADING_3)];
  if (z.card) out.push(para(runs(`${z.card.text}${z.card.source ? ` — ${z.card.source}` : ''}`, { italics: true, color: COLOR.muted })));
  for (const c of z.choices) out.push(answerParagraph(c.question, c.answer));
  for (const i of z.items) out.push(...itemParagraphs(i));
  if (z.table) out.push(...tableBlock(z.table));
  for (const f of z.fields) out.push(fieldParagraph(f));
  if (z.drawing) out.push(...drawingBlock(b.id, z.drawing, pictures, z.label));
  if (z.references?.length) {
    const covered = z.references.filter((r) => r.covered).map((r) => r.label);
    const blind = z.references.filter((r) => !r.covered).map((r) => r.label);
    const parts = [...(covered.length ? [`${REPORT_WORDS.covered}: ${covered.join(', ')}`] : []), ...(blind.length ? [`${REPORT_WORDS.blindSpot}: ${blind.join(', ')}`] : [])];
    out.push(muted(`${REPORT_WORDS.references} — ${parts.join('; ')}`));
  }
  return out;
};

const boardBlock = (b: ReportBoard, pictures: DocxPictures): (Paragraph | Table)[] => {
  const out: (Paragraph | Table)[] = [heading(`${b.part ? `${b.part}. ` : ''}${b.title}`, HeadingLevel.HEADING_2)];
  const context = boardContext(b);
  // The heading, its line of context and the poster stay on one page (LibreOffice showed them split).
  if (context) out.push(muted(context, true));
  const poster = pictures.posters?.get(b.id);
  if (poster) out.push(para([image(poster, POSTER_MAX_HEIGHT_PX, `${b.title}: het bord`)]));
  else if (pictures.elsewhere) out.push(muted(REPORT_WORDS.posterElsewhere));
  if (b.votes) out.push(para([new TextRun({ text: `${REPORT_WORDS.votes}: ` }), new TextRun({ text: String(b.votes.count), bold: true }), new TextRun({ text: ` (${voteLine(b.votes)})`, color: COLOR.muted })]));
  for (const f of b.fields) out.push(fieldParagraph(f));
  for (const z of b.zones) out.push(...zoneBlock(b, z, pictures));
  if (b.table) out.push(...tableBlock(b.table));
  if (b.loose.length || b.looseChoices.length) {
    if (b.zones.length) out.push(heading(REPORT_WORDS.other, HeadingLevel.HEADING_3));
    for (const c of b.looseChoices) out.push(answerParagraph(c.question, c.answer));
    for (const i of b.loose) out.push(...itemParagraphs(i));
  }
  if (b.drawing) out.push(...drawingBlock(b.id, b.drawing, pictures, b.title));
  return out;
};

const summaryBlock = (o: ReportOutline): (Paragraph | Table)[] => {
  const s = o.summary;
  const out: (Paragraph | Table)[] = [];
  for (const a of s.agreements) {
    out.push(heading(summaryHeading(REPORT_WORDS.agreements, a.boardTitle, s.agreements.length > 1), HeadingLevel.HEADING_2));
    out.push(...(a.table.rows.length ? tableBlock(a.table) : [muted(REPORT_WORDS.noAgreements)]));
    for (const f of a.fields) out.push(fieldParagraph(f));
    for (const n of a.notes) {
      out.push(para(runs(n.label, { bold: true }), { keepNext: true }));
      for (const i of n.items) out.push(...itemParagraphs(i));
    }
  }
  for (const [label, list] of [[REPORT_WORDS.evaluation, s.evaluations], [REPORT_WORDS.plan, s.plans]] as const) {
    for (const e of list) {
      out.push(heading(summaryHeading(label, e.boardTitle, list.length > 1), HeadingLevel.HEADING_2));
      for (const f of e.fields) out.push(fieldParagraph(f));
      for (const z of e.zones) {
        out.push(para(runs(z.label, { bold: true }), { keepNext: true }));
        for (const i of z.items) out.push(...itemParagraphs(i));
      }
    }
  }
  for (const v of s.votes) {
    out.push(heading(v.boardTitle ? summaryHeading(REPORT_WORDS.ranking, v.boardTitle, true) : REPORT_WORDS.ranking, HeadingLevel.HEADING_2));
    if (!v.winners.length) out.push(muted(REPORT_WORDS.noVotes));
    else {
      out.push(
        table(
          {
            columns: [{ label: 'Plaats' }, { label: 'Idee' }, { label: REPORT_WORDS.votes }],
            rows: v.ranking.map((r) => {
              const rank = 1 + v.ranking.filter((x) => x.count > r.count).length;
              return [String(rank), `${r.title}${v.winners.includes(r.boardId) ? ` (${REPORT_WORDS.winner})` : ''}`, String(r.count)];
            }),
          },
          [0.14, 0.66, 0.2],
        ),
        muted(REPORT_WORDS.votesOf.replace('{limit}', String(v.limit))),
      );
    }
  }
  for (const r of s.roles) {
    out.push(heading(summaryHeading(REPORT_WORDS.rolesIn(r.zoneLabel), r.boardTitle, s.roles.length > 1), HeadingLevel.HEADING_2));
    for (const i of r.roles) out.push(...itemParagraphs(i));
  }
  for (const p of s.pitfalls) {
    out.push(heading(summaryHeading(REPORT_WORDS.pitfalls, p.boardTitle, s.pitfalls.length > 1), HeadingLevel.HEADING_2));
    for (const f of p.pitfalls) {
      out.push(para(runs(f.label, { bold: true }), { keepNext: true }), para(runs(f.text, { italics: true, color: COLOR.muted })));
      for (const i of f.items) out.push(...itemParagraphs(i));
    }
  }
  return out.length ? [heading(REPORT_WORDS.summary, HeadingLevel.HEADING_1), ...out] : [];
};

const participantsBlock = (o: ReportOutline): (Paragraph | Table)[] => {
  const p = o.participants;
  if (!p.groups.length) return [];
  return [
    heading(REPORT_WORDS.who, HeadingLevel.HEADING_1),
    table(
      {
        columns: [{ label: REPORT_WORDS.sideColumn }, { label: REPORT_WORDS.organisationColumn }, { label: namesShown(p) ? REPORT_WORDS.namesColumn : REPORT_WORDS.countColumn }],
        rows: p.groups.map((g) => [groupSide(g), g.organisation ?? REPORT_WORDS.noOrganisation, groupWho(g)]),
      },
      [0.2, 0.45, 0.35],
    ),
  ];
};

const unusedBlock = (o: ReportOutline): Paragraph[] => {
  const u = o.unused;
  if (!u.boards.length && !u.zones.length) return [];
  return [
    heading(REPORT_WORDS.unused, HeadingLevel.HEADING_1),
    muted(REPORT_WORDS.unusedIntro),
    ...(u.boards.length ? [para([new TextRun({ text: `${REPORT_WORDS.unusedBoards}: `, bold: true }), ...runs(u.boards.map((b) => b.title).join(', '))], { bullet: 0 })] : []),
    ...u.zones.map((z) => para([new TextRun({ text: `${z.boardTitle}: `, bold: true }), ...runs(z.labels.join(', '))], { bullet: 0 })),
  ];
};

/** The report as a Word document (not yet packed). */
export const reportDocument = (o: ReportOutline, pictures: DocxPictures = {}): Document => {
  const title = o.title || 'Bijeenkomst';
  const date = formatReportDate(o.date);
  const head: Paragraph[] = [
    para(runs('Verslag', { color: COLOR.muted })),
    para(runs(title), { heading: HeadingLevel.TITLE }),
    ...(date ? [para([new TextRun({ text: `${REPORT_WORDS.date}: `, bold: true }), new TextRun(date)])] : []),
    para([new TextRun({ text: `${REPORT_WORDS.participants}: `, bold: true }), new TextRun(participantsLine(o.participants))]),
    muted(o.participants.source === 'document' ? REPORT_WORDS.sourceDocument : REPORT_WORDS.sourcePresence),
    ...(pictures.elsewhere ? [para(runs(REPORT_WORDS.postersElsewhere, { italics: true, color: COLOR.head }))] : []),
  ];
  const boards: (Paragraph | Table)[] = [];
  let deel: string | null = null;
  for (const b of o.boards) {
    if (b.deel && b.deel !== deel) boards.push(heading(b.deel, HeadingLevel.HEADING_1));
    else if (!b.deel && deel !== null) boards.push(heading('Overige borden', HeadingLevel.HEADING_1));
    deel = b.deel;
    boards.push(...boardBlock(b, pictures));
  }
  return new Document({
    title,
    subject: 'Verslag',
    creator: 'Bodem',
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 21, color: COLOR.ink }, paragraph: { spacing: { after: 80 } } },
        title: { run: { size: 48, bold: true, color: COLOR.ink } },
        heading1: { run: { size: 32, bold: true, color: COLOR.head }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { size: 26, bold: true, color: COLOR.ink }, paragraph: { spacing: { before: 240, after: 80 } } },
        heading3: { run: { size: 22, bold: true, color: COLOR.head }, paragraph: { spacing: { before: 160, after: 60 } } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.BULLET,
            text: level === 0 ? '•' : '–',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 2 * CM, bottom: 2 * CM, left: 2 * CM, right: 2 * CM } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: `${title} · `, size: 16, color: COLOR.muted }), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: COLOR.muted })],
              }),
            ],
          }),
        },
        children: [...head, ...summaryBlock(o), ...participantsBlock(o), ...boards, ...unusedBlock(o)],
      },
    ],
  });
};

/**
 * The report as the bytes of a .docx file (browser and Node alike).
 *
 * The pictures are put into the package after docx has packed it: docx names a picture by a SHA-1 of its bytes,
 * computed in JavaScript, and DEFLATEs it into the zip, where JPEG does not shrink (together about a second of the
 * report's worker for a seventeen-board meeting's ~5 MB of posters, in a trace). So docx is given a few bytes that
 * stand in for each picture (`bodem-picture-N`, each its own), and in the package it made (read with fflate, docx's
 * own zip library) each file holding stand-in bytes gets the picture's bytes, stored rather than DEFLATEd. Only
 * docx's output is read, nothing of its insides: the parts' XML is the one `Packer.pack` wrote. Throws if a file of
 * the package's media is not a stand-in (docx's output changed).
 */
export const docxBytes = async (o: ReportOutline, pictures: DocxPictures = {}): Promise<Uint8Array> => {
  const real = new Map<string, Uint8Array>();
  const standIn = <K>(m: ReadonlyMap<K, DocxPicture> | undefined): Map<K, DocxPicture> | undefined =>
    m &&
    new Map(
      [...m].map(([k, p]) => {
        const key = `${STAND_IN}${real.size + 1}`;
        real.set(key, p.data);
        return [k, { ...p, data: strToU8(key) }];
      }),
    );
  const packed = await Packer.pack(reportDocument(o, { ...pictures, posters: standIn(pictures.posters), drawings: standIn(pictures.drawings) }), 'uint8array');
  if (!real.size) return packed;
  const files: Zippable = {};
  for (const [path, data] of Object.entries(unzipSync(packed))) {
    const key = data.byteLength <= 40 ? strFromU8(data) : '';
    const picture = key.startsWith(STAND_IN) ? real.get(key) : undefined;
    // Every picture in the package was given as stand-in bytes: one that is not found is docx's output changed.
    if (!picture && path.startsWith('word/media/')) throw new Error(`docx: the package's ${path} is not one of the pictures given`);
    files[path] = picture ? [picture, { level: 0 }] : data;
  }
  return zipSync(files);
};
const STAND_IN = 'bodem-picture-';

/** The content type of a .docx file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
