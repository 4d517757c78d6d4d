import {
  boardContext,
  drawingKey,
  formatReportDate,
  groupSide,
  groupWho,
  PERSON_SIDES,
  namesShown,
  noteSuffix,
  participantsLine,
  REPORT_WORDS,
  summaryHeading,
  voteLine,
  type ReportDrawing,
  type ReportBoard,
  type ReportField,
  type ReportItem,
  type ReportOutline,
  type ReportTable,
  type ReportZone,
} from '@bodem/shared';
import { jsPDF } from 'jspdf';
import { isRtl, shapeArabic } from './arabic.ts';
import { PICTURE_PIXELS, type Picture } from './pdfAssets.ts';

export { PICTURE_PIXELS, type Picture };

const FONT = 'DejaVuSans';
/** A drawing's cut-out is shown at 150 dpi at most (mm per pixel). */
const DRAWING_MM_PER_PX = 25.4 / 150;
/** The summary's key among the first pages of the sections. */
const SUMMARY = '\u0000summary';

// jsPDF's own Arabic shaper runs on every text; ours replaces it (see arabic.ts).
const api = jsPDF.API as unknown as { events: [string, unknown][]; processArabic?: unknown };
for (let i = api.events.length - 1; i >= 0; i--) {
  const [name, fn] = api.events[i]!;
  if (name === 'preProcessText' && fn === api.processArabic) api.events.splice(i, 1);
}

// --- page geometry (mm, A4 landscape) -------------------------------------------

const PAGE = { width: 297, height: 210 };
const MARGIN = 12;
const TOP = 28;
const BOTTOM = PAGE.height - 14;
/** Where the poster goes on a board's first page; the text runs beside it. */
const PICTURE = { x: MARGIN, y: TOP, width: 178, height: BOTTOM - TOP };
const GUTTER = 7;
const FIRST_COLUMN = { x: PICTURE.x + PICTURE.width + GUTTER, width: PAGE.width - MARGIN - (PICTURE.x + PICTURE.width + GUTTER) };
const HALF = (PAGE.width - 2 * MARGIN - 2 * GUTTER) / 2;
const NEXT_COLUMNS = [
  { x: MARGIN, width: HALF },
  { x: MARGIN + HALF + 2 * GUTTER, width: HALF },
];

const PT = 25.4 / 72;
const LINE = 1.3;

const COLOR = {
  ink: '#1D1D1B',
  muted: '#6B6452',
  rule: '#CFC8B4',
  head: '#3B5B45',
  stripe: '#F7F4EA',
  formeel: '#1A56A8',
  informeel: '#8A5A00',
} as const;

type Style = { size: number; bold?: boolean; color?: string };
type Line = { text: string; rtl: boolean };
/** jsPDF's bidi options for a line of a right-to-left paragraph, given in logical order. */
const RTL_PARAGRAPH = { isInputVisual: false, isOutputVisual: true, isInputRtl: true, isOutputRtl: false, isSymmetricSwapping: true } as const;
const BODY: Style = { size: 9.5 };
const SMALL: Style = { size: 8, color: COLOR.muted };

/**
 * The report as a PDF: a cover (title, date, who took part, contents), then
 * per board a landscape A4 page with the poster beside its content as real
 * text, zone by zone, continued in two columns on further pages when long.
 */
export class ReportPdf {
  readonly doc: jsPDF;
  private col = { x: 0, width: 0 };
  private columns: { x: number; width: number }[] = [];
  private y = TOP;
  /** What the pages being filled are headed with (a board, or the summary). */
  private header: { title: string; context: string } = { title: '', context: '' };
  /** Cut-outs of the board's picture where something was drawn, by the drawing's rect. */
  private drawings: ReadonlyMap<string, Picture> = new Map();
  private boardId = '';
  private readonly firstPage = new Map<string, number>();

  constructor(
    private readonly outline: ReportOutline,
    loaded: { regular: string; bold: string },
  ) {
    // Not `compress`: jsPDF DEFLATEs each page's text and the fonts' subsets at `output`, converting every byte
    // through a string one char at a time, about 100-200 ms of the PDF's last step for twelve boards (measured
    // in Node: 230-340 ms against 140-200). Uncompressed, a twelve-board PDF is ~1 MB larger (the posters are
    // JPEG either way), and with the posters at 1600 px still ~2 MB smaller than it was at 300 dpi compressed.
    this.doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: false });
    const doc = this.doc;
    doc.addFileToVFS('DejaVuSans.ttf', loaded.regular);
    doc.addFileToVFS('DejaVuSans-Bold.ttf', loaded.bold);
    doc.addFont('DejaVuSans.ttf', FONT, 'normal');
    doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');
    doc.setLanguage('nl');
    doc.setProperties({ title: outline.title || 'Bijeenkomst', subject: 'Verslag', creator: 'Bodem' });
    doc.setLineHeightFactor(LINE);
  }

  // --- text primitives ------------------------------------------------------------

  private use(s: Style): number {
    this.doc.setFont(FONT, s.bold ? 'bold' : 'normal');
    this.doc.setFontSize(s.size);
    this.doc.setTextColor(s.color ?? COLOR.ink);
    return s.size * PT * LINE;
  }

  /** Wrapped lines; each keeps the direction of its paragraph (an Arabic note reads right to left). */
  private lines(text: string, width: number, s: Style): Line[] {
    this.use(s);
    return text.split('\n').flatMap((para) => {
      const rtl = isRtl(para);
      return para.trim() ? (this.doc.splitTextToSize(para, width) as string[]).map((t) => ({ text: t, rtl })) : [{ text: '', rtl }];
    });
  }

  /**
   * One line at (x, top of line). Arabic is shaped here; jsPDF's bidi step
   * puts it in visual order, in a right-to-left paragraph when the line
   * belongs to one, so "…!" and "… (8)" end up where an Arabic reader expects.
   */
  private draw(line: string | Line, x: number, top: number, s: Style): number {
    const lh = this.use(s);
    const { text, rtl } = typeof line === 'string' ? { text: line, rtl: isRtl(line) } : line;
    this.doc.text(shapeArabic(text), x, top + s.size * PT * 0.85, rtl ? RTL_PARAGRAPH : {});
    return lh;
  }

  private width(line: string | Line, s: Style): number {
    this.use(s);
    return this.doc.getTextWidth(typeof line === 'string' ? line : line.text);
  }

  // --- the flow of a board's text through its columns -------------------------------

  private startPage(continued: boolean, columns = continued ? NEXT_COLUMNS : [FIRST_COLUMN]): void {
    const doc = this.doc;
    doc.addPage('a4', 'landscape');
    const { title, context } = this.header;
    if (context) this.draw(context, MARGIN, 8, SMALL);
    this.draw(continued ? `${title} (vervolg)` : title, MARGIN, 12.5, { size: 15, bold: true });
    doc.setDrawColor(COLOR.rule);
    doc.setLineWidth(0.3);
    doc.line(MARGIN, TOP - 4, PAGE.width - MARGIN, TOP - 4);
    this.columns = [...columns];
    this.col = this.columns.shift()!;
    this.y = TOP;
  }

  /** Room for `height` mm in this column, or the next column (or page). */
  private ensure(height: number): void {
    if (this.y + height <= BOTTOM + 0.01) return;
    const next = this.columns.shift();
    if (next) {
      this.col = next;
      this.y = TOP;
    } else {
      this.startPage(true);
    }
  }

  private gap(mm: number): void {
    if (this.y > TOP) this.y += mm;
  }

  /** A paragraph, line by line, so a long one runs on into the next column. */
  private paragraph(text: string, s: Style, indent = 0, firstPrefix?: { text: string; style: Style }): void {
    const lines = this.lines(text, this.col.width - indent, s);
    lines.forEach((line, i) => {
      const lh = s.size * PT * LINE;
      this.ensure(lh);
      if (i === 0 && firstPrefix) this.draw(firstPrefix.text, this.col.x + indent - this.width(firstPrefix.text, firstPrefix.style) - 1, this.y, firstPrefix.style);
      this.draw(line, this.col.x + indent, this.y, s);
      this.y += lh;
    });
  }

  /** A heading that never ends a column alone. */
  private heading(text: string, s: Style, keep: number): void {
    const lines = this.lines(text, this.col.width, s);
    const lh = s.size * PT * LINE;
    this.ensure(lines.length * lh + keep);
    for (const line of lines) {
      this.draw(line, this.col.x, this.y, s);
      this.y += lh;
    }
  }

  /** A bullet with the side of its author in the side's colour after the text. */
  private item(item: ReportItem): void {
    const indent = 4;
    const bullet = { text: '•', style: BODY };
    if (item.kind === 'role') {
      const side = item.side ? ` (${REPORT_WORDS.side[item.side]})` : '';
      this.paragraph(`${item.title}${side}`, { ...BODY, bold: true }, indent, bullet);
      if (item.description) this.paragraph(item.description, { ...BODY, color: COLOR.muted }, indent);
      return;
    }
    const tag = noteSuffix(item).trim();
    const tagStyle: Style = { size: BODY.size - 1, color: item.count === 1 && item.side ? COLOR[item.side] : COLOR.muted };
    const lines = this.lines(item.text, this.col.width - indent, BODY);
    const lh = BODY.size * PT * LINE;
    lines.forEach((line, i) => {
      this.ensure(lh);
      if (i === 0) this.draw('•', this.col.x + indent - 3, this.y, BODY);
      this.draw(line, this.col.x + indent, this.y, BODY);
      const last = i === lines.length - 1;
      if (last && tag) {
        const after = this.col.x + indent + this.width(line, BODY) + 1.5;
        if (after + this.width(tag, tagStyle) <= this.col.x + this.col.width) this.draw(tag, after, this.y + 0.2, tagStyle);
        else {
          this.y += lh;
          this.ensure(lh);
          this.draw(tag, this.col.x + indent, this.y, tagStyle);
        }
      }
      this.y += lh;
    });
    for (const other of item.others) this.paragraph(other, { ...BODY, color: COLOR.muted }, indent + 5, { text: '–', style: { ...BODY, color: COLOR.muted } });
  }

  private zone(z: ReportZone): void {
    this.gap(2.5);
    this.heading(z.label, { size: 11, bold: true }, BODY.size * PT * LINE * 2);
    if (z.card) {
      const top = this.y;
      this.paragraph(`${z.card.text}${z.card.source ? ` — ${z.card.source}` : ''}`, { size: 8.5, color: COLOR.muted }, 3);
      // A bar beside the printed text, as in a quote; only where it did not jump a column.
      if (this.y > top) {
        this.doc.setDrawColor(COLOR.rule);
        this.doc.setLineWidth(0.8);
        this.doc.line(this.col.x + 0.5, top + 0.5, this.col.x + 0.5, this.y - 0.5);
      }
      this.y += 1;
    }
    for (const c of z.choices) this.answer(c.question, c.answer);
    for (const i of z.items) this.item(i);
    if (z.table) this.table(z.table);
    for (const f of z.fields) this.field(f);
    if (z.drawing) this.drawing(z.drawing);
    if (!z.items.length && !z.choices.length && !z.card && !z.table?.rows.length && !z.fields.length && !z.drawing) this.paragraph(REPORT_WORDS.empty, SMALL);
    if (z.references?.length) {
      const covered = z.references.filter((r) => r.covered).map((r) => r.label);
      const blind = z.references.filter((r) => !r.covered).map((r) => r.label);
      const parts = [...(covered.length ? [`${REPORT_WORDS.covered}: ${covered.join(', ')}`] : []), ...(blind.length ? [`${REPORT_WORDS.blindSpot}: ${blind.join(', ')}`] : [])];
      this.paragraph(`${REPORT_WORDS.references} — ${parts.join('; ')}`, SMALL);
    }
  }

  /** A drawing as a drawing: its cut-out of the poster, or a line saying where to see it. */
  private drawing(d: ReportDrawing): void {
    const picture = this.drawings.get(drawingKey(this.boardId, d));
    if (!picture) {
      this.paragraph(REPORT_WORDS.drawingNote(d.strokes), SMALL);
      return;
    }
    // Never blown up past 150 dpi (twice the poster's scale): a short line cut out of the poster
    // is a few dozen pixels, which at the column's width was a blur of giant letters.
    const scale = Math.min(this.col.width / picture.width, 70 / picture.height, DRAWING_MM_PER_PX);
    const w = picture.width * scale;
    const h = picture.height * scale;
    this.gap(1);
    this.ensure(h + 1 + SMALL.size * PT * LINE);
    this.doc.addImage(picture.data, picture.format, this.col.x, this.y, w, h, undefined, 'NONE');
    this.doc.setDrawColor(COLOR.rule);
    this.doc.setLineWidth(0.2);
    this.doc.rect(this.col.x, this.y, w, h, 'S');
    this.y += h + 0.8;
    this.paragraph(REPORT_WORDS.drawingCaption(d.strokes), SMALL);
    this.y += 0.7;
  }

  private field(f: ReportField): void {
    this.gap(1.5);
    this.heading(f.label, { ...BODY, bold: true }, BODY.size * PT * LINE);
    this.paragraph(f.value || REPORT_WORDS.noAnswer, f.value ? BODY : SMALL);
  }

  private answer(question: string, answer: string | null): void {
    const lh = BODY.size * PT * LINE;
    this.ensure(lh);
    const q = `${question} `;
    this.draw(q, this.col.x, this.y, BODY);
    const a = answer ?? REPORT_WORDS.noAnswer;
    this.draw(a, this.col.x + this.width(q, BODY), this.y, answer ? { ...BODY, bold: true } : { ...BODY, color: COLOR.muted });
    this.y += lh;
  }

  private table(table: ReportTable, share: readonly number[] = [0.48, 0.27, 0.25]): void {
    if (!table.rows.length) return;
    const doc = this.doc;
    const s: Style = { size: 8.5 };
    const lh = s.size * PT * LINE;
    // Column widths as on the poster: "wat" gets the most room.
    const widths = () => table.columns.map((_, i) => this.col.width * (share[i] ?? 1 / table.columns.length));
    const header = () => {
      const ws = widths();
      const h = lh + 2;
      this.ensure(h + lh + 2);
      doc.setFillColor(COLOR.head);
      doc.rect(this.col.x, this.y, this.col.width, h, 'F');
      let x = this.col.x;
      table.columns.forEach((c, i) => {
        this.draw(c.label, x + 1.2, this.y + 1, { ...s, bold: true, color: '#FFFFFF' });
        x += ws[i]!;
      });
      this.y += h;
    };
    this.gap(2.5);
    header();
    table.rows.forEach((row, r) => {
      const ws = widths();
      const cells = row.map((v, i) => this.lines(v, ws[i]! - 2.4, s));
      const h = Math.max(1, ...cells.map((c) => c.length)) * lh + 2;
      const before = this.col.x;
      this.ensure(h);
      // A row that moved to a new column or page gets the header again.
      if (this.col.x !== before || this.y === TOP) header();
      if (r % 2 === 0) {
        doc.setFillColor(COLOR.stripe);
        doc.rect(this.col.x, this.y, this.col.width, h, 'F');
      }
      let x = this.col.x;
      cells.forEach((lines, i) => {
        lines.forEach((line, k) => this.draw(line, x + 1.2, this.y + 1 + k * lh, s));
        x += ws[i]!;
      });
      this.y += h;
    });
    doc.setDrawColor(COLOR.rule);
    doc.setLineWidth(0.2);
    doc.line(this.col.x, this.y, this.col.x + this.col.width, this.y);
    this.y += 1;
  }

  // --- pages ----------------------------------------------------------------------

  /** A board's pages: its picture, then its content as text. */
  addBoard(b: ReportBoard, picture: Picture | null, drawings: ReadonlyMap<string, Picture> = new Map()): void {
    this.header = { title: b.title, context: boardContext(b) };
    this.drawings = drawings;
    this.boardId = b.id;
    this.startPage(false);
    this.firstPage.set(b.id, this.doc.getNumberOfPages());
    if (picture) {
      const scale = Math.min(PICTURE.width / picture.width, PICTURE.height / picture.height);
      const w = picture.width * scale;
      const h = picture.height * scale;
      this.doc.addImage(picture.data, picture.format, PICTURE.x, PICTURE.y, w, h, `board-${b.id}`, 'NONE');
      this.doc.setDrawColor(COLOR.rule);
      this.doc.setLineWidth(0.2);
      this.doc.rect(PICTURE.x, PICTURE.y, w, h, 'S');
    }
    if (b.instructions) this.paragraph(b.instructions, SMALL);
    if (b.votes) {
      this.gap(1.5);
      this.answer(`${REPORT_WORDS.votes}:`, `${b.votes.count}`);
      this.paragraph(`(${voteLine(b.votes)})`, SMALL);
    }
    for (const f of b.fields) this.field(f);
    for (const z of b.zones) this.zone(z);
    if (b.table) this.table(b.table);
    if (b.loose.length || b.looseChoices.length) {
      if (b.zones.length) {
        this.gap(2.5);
        this.heading(REPORT_WORDS.other, { size: 11, bold: true }, BODY.size * PT * LINE * 2);
      }
      for (const c of b.looseChoices) this.answer(c.question, c.answer);
      for (const i of b.loose) this.item(i);
    }
    if (b.drawing) this.drawing(b.drawing);
  }

  /**
   * The outcomes, on the pages after the cover and before the boards, in
   * two columns: agreements with who writes them down, the vote ranking, the
   * roles in the trunk, the pitfalls that apply; then who took part and
   * what was not used.
   */
  addSummary(): void {
    const o = this.outline;
    const s = o.summary;
    this.header = { title: REPORT_WORDS.summary, context: o.title };
    this.drawings = new Map();
    this.startPage(false, NEXT_COLUMNS);
    this.firstPage.set(SUMMARY, this.doc.getNumberOfPages());
    const h2 = (text: string) => {
      this.gap(3);
      this.heading(text, { size: 12, bold: true, color: COLOR.head }, BODY.size * PT * LINE * 2);
    };
    const h3 = (text: string) => {
      this.gap(1.5);
      this.heading(text, { ...BODY, bold: true }, BODY.size * PT * LINE);
    };
    for (const a of s.agreements) {
      h2(summaryHeading(REPORT_WORDS.agreements, a.boardTitle, s.agreements.length > 1));
      if (a.table.rows.length) this.table(a.table);
      else this.paragraph(REPORT_WORDS.noAgreements, SMALL);
      for (const f of a.fields) this.field(f);
      for (const n of a.notes) {
        h3(n.label);
        for (const i of n.items) this.item(i);
      }
    }
    for (const [label, list] of [[REPORT_WORDS.evaluation, s.evaluations], [REPORT_WORDS.plan, s.plans]] as const) {
      for (const e of list) {
        h2(summaryHeading(label, e.boardTitle, list.length > 1));
        for (const f of e.fields) this.field(f);
        for (const z of e.zones) {
          h3(z.label);
          for (const i of z.items) this.item(i);
        }
      }
    }
    for (const v of s.votes) {
      h2(REPORT_WORDS.ranking);
      if (!v.winners.length) this.paragraph(REPORT_WORDS.noVotes, SMALL);
      v.ranking.forEach((r, i) => {
        if (!v.winners.length) return;
        const win = v.winners.includes(r.boardId);
        this.paragraph(`${r.title}: ${REPORT_WORDS.votesCount(r.count)}${win ? ` (${REPORT_WORDS.winner})` : ''}`, { ...BODY, bold: win }, 5, { text: `${i + 1}.`, style: BODY });
      });
      if (v.winners.length) this.paragraph(REPORT_WORDS.votesOf.replace('{limit}', String(v.limit)), SMALL);
    }
    for (const r of s.roles) {
      h2(summaryHeading(REPORT_WORDS.rolesIn(r.zoneLabel), r.boardTitle, s.roles.length > 1));
      for (const i of r.roles) this.item(i);
    }
    for (const p of s.pitfalls) {
      h2(summaryHeading(REPORT_WORDS.pitfalls, p.boardTitle, s.pitfalls.length > 1));
      for (const f of p.pitfalls) {
        h3(f.label);
        this.paragraph(f.text, { size: 8.5, color: COLOR.muted });
        for (const i of f.items) this.item(i);
      }
    }
    const groups = o.participants.groups;
    if (groups.length) {
      h2(REPORT_WORDS.who);
      this.table({
        columns: [
          { id: 'side', label: REPORT_WORDS.sideColumn },
          { id: 'org', label: REPORT_WORDS.organisationColumn },
          { id: 'who', label: namesShown(o.participants) ? REPORT_WORDS.namesColumn : REPORT_WORDS.countColumn },
        ],
        rows: groups.map((g) => [groupSide(g), g.organisation ?? REPORT_WORDS.noOrganisation, groupWho(g)]),
      }, [0.22, 0.43, 0.35]);
    }
    const u = o.unused;
    if (u.boards.length || u.zones.length) {
      h2(REPORT_WORDS.unused);
      this.paragraph(REPORT_WORDS.unusedIntro, SMALL);
      if (u.boards.length) this.paragraph(`${REPORT_WORDS.unusedBoards}: ${u.boards.map((b) => b.title).join(', ')}`, BODY, 4, { text: '•', style: BODY });
      for (const z of u.zones) this.paragraph(`${z.boardTitle}: ${z.labels.join(', ')}`, BODY, 4, { text: '•', style: BODY });
    }
  }

  /** The cover on page 1, written last so it can name each board's page. */
  private cover(generatedAt: number): void {
    const doc = this.doc;
    const o = this.outline;
    doc.setPage(1);
    let y = 22;
    this.draw('Verslag', MARGIN, y, { size: 11, color: COLOR.muted });
    y += 7;
    for (const line of this.lines(o.title || 'Bijeenkomst', PAGE.width - 2 * MARGIN, { size: 24, bold: true })) {
      y += this.draw(line, MARGIN, y, { size: 24, bold: true });
    }
    y += 3;
    const fact = (label: string, value: string) => {
      this.draw(`${label}:`, MARGIN, y, { ...BODY, size: 11, bold: true });
      for (const line of this.lines(value, PAGE.width - 2 * MARGIN - 58, { size: 11 })) y += this.draw(line, MARGIN + 58, y, { size: 11 });
    };
    const date = formatReportDate(o.date);
    if (date) fact(REPORT_WORDS.date, date);
    fact(REPORT_WORDS.participants, participantsLine(o.participants));
    for (const side of PERSON_SIDES) {
      const orgs = o.participants.groups.filter((g) => g.side === side && g.organisation).map((g) => g.organisation!);
      if (orgs.length) fact(`${REPORT_WORDS.organisations} (${REPORT_WORDS.side[side]})`, orgs.join(', '));
    }
    y += this.draw(o.participants.source === 'document' ? REPORT_WORDS.sourceDocument : REPORT_WORDS.sourcePresence, MARGIN, y, SMALL) + 5;

    this.draw('Inhoud', MARGIN, y, { size: 13, bold: true });
    y += 8;
    const summaryPage = this.firstPage.get(SUMMARY);
    if (summaryPage) {
      const colWidth = (PAGE.width - 2 * MARGIN - GUTTER) / 2;
      this.draw(REPORT_WORDS.summary, MARGIN + 3, y, { size: 10.5, bold: true });
      this.draw(String(summaryPage), MARGIN + colWidth - this.width(String(summaryPage), { size: 10.5 }), y, { size: 10.5, color: COLOR.muted });
      this.doc.link(MARGIN, y, colWidth, 5, { pageNumber: summaryPage });
      y += 7;
    }
    let deel: string | null = null;
    const columnTop = y;
    let x = MARGIN;
    const colWidth = (PAGE.width - 2 * MARGIN - GUTTER) / 2;
    for (const b of o.boards) {
      const needs = (b.deel !== deel ? 7 : 0) + 6;
      if (y + needs > BOTTOM) {
        x += colWidth + GUTTER;
        y = columnTop;
      }
      if (b.deel !== deel && b.deel) {
        y += this.draw(b.deel, x, y, { size: 10, bold: true, color: COLOR.muted }) + 1;
      }
      deel = b.deel;
      const page = this.firstPage.get(b.id) ?? 0;
      const label = `${b.part ? `${b.part}. ` : ''}${b.title}`;
      this.draw(label, x + 3, y, { size: 10.5 });
      const num = String(page);
      this.draw(num, x + colWidth - this.width(num, { size: 10.5 }), y, { size: 10.5, color: COLOR.muted });
      doc.link(x, y, colWidth, 5, { pageNumber: page });
      y += 6;
    }
    const stamp = new Date(generatedAt).toLocaleString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    this.draw(`Gemaakt met Bodem op ${stamp}`, MARGIN, BOTTOM + 4, SMALL);
  }

  private footers(): void {
    const n = this.doc.getNumberOfPages();
    for (let p = 2; p <= n; p++) {
      this.doc.setPage(p);
      const text = `${this.outline.title} · ${p} / ${n}`;
      this.draw(text, PAGE.width - MARGIN - this.width(text, SMALL), BOTTOM + 4, SMALL);
    }
  }

  finish(generatedAt: number): ArrayBuffer {
    this.cover(generatedAt);
    this.footers();
    return this.doc.output('arraybuffer');
  }
}
