import { addAgreement, addNote, addRoleCard, addStroke, castVote, ideaTarget, initMeeting, listBoards, outlineTexts, reportOutline, setChoice, setField, type Side } from '@bodem/shared';
import { programmeBoards, REPORT_SOURCES, templateById } from '@bodem/templates';
import { strFromU8, unzipSync } from 'fflate';
import { Packer } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docxBytes, DOCX_TYPE, reportDocument } from '../src/reportDocx.ts';

const ARABIC = 'نحن نعمل معًا من أجل الأطفال';
const DIACRITICS = 'ş ğ ı ł ż é ë';

/** The full programme with a little of everything; board ids are their templates'. */
const meeting = () => {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'Samen in de wijk — Ayşe', createdAt: Date.UTC(2026, 10, 23), boards: programmeBoards({ programme: 'volledig' }).map((b) => ({ id: b.template, ...b })) });
  let t = 10;
  const note = (board: string, zoneId: string, text: string, side: Side) => {
    const z = templateById(board)!.zones.find((x) => x.id === zoneId)!;
    if (z.shape.type !== 'rect') throw new Error('rect zones only');
    return addNote(doc, { boardId: board, x: z.shape.x + z.shape.width - 260, y: z.shape.y + z.shape.height / 2, side, authorId: `p${t % 3}`, createdAt: t++, text });
  };
  note('kracht-informeel', 'kennis-en-begrip', DIACRITICS, 'formeel');
  note('kracht-informeel', 'vaardigheden', ARABIC, 'informeel');
  note('kracht-informeel', 'vaardigheden', 'Twee regels\nin één notitie', 'formeel');
  note('valkuilen', 'valkuil-2', 'Te weinig tijd voor overleg', 'formeel');
  setChoice(doc, 'valkuilen', 'valkuil-2', 'ja');
  note('afspraken', 'vervolgstappen', 'Evaluatie na een half jaar', 'informeel');
  addAgreement(doc, { boardId: 'afspraken', authorId: 'p1', createdAt: t++, wat: 'Kennismaking bij de moskee', wie: 'Ayşe en Łukasz', wanneer: 'maart' });
  setField(doc, 'afspraken', 'verslag', 'Łukasz');
  addRoleCard(doc, { boardId: 'boom', x: 1000, y: 900, roleId: 'x', side: 'informeel', title: 'Brugfunctie', description: 'Verbindt gezinnen en hulp.', authorId: 'p1', createdAt: t++ });
  // Part C: two ideas on the one ideas board, one with a vote.
  setField(doc, 'ideeen', 'idee-1-vorm', 'Koffie-ochtend');
  setField(doc, 'ideeen', 'idee-2-vorm', 'Huisbezoek');
  castVote(doc, ideaTarget('ideeen', 'idee-1'), 'p1', 1);
  addStroke(doc, { boardId: 'beeld', points: [900, 500, 0.5, 1000, 600, 0.5, 1100, 550, 0.5], color: 'zwart', width: 6, authorId: 'p2', createdAt: t++ });
  return doc;
};

/** The document as an independent reader (mammoth) sees it: HTML with h1–h3, lists and tables. */
const readBack = async (bytes: Uint8Array) => {
  const { value, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return { html: value, messages };
};

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the Word report', () => {
  it('is a .docx an independent reader opens, with the summary first and every note under its zone', async () => {
    const doc = meeting();
    const o = reportOutline(doc, REPORT_SOURCES);
    const bytes = await docxBytes(o);
    // A zip (PK), the content type Word expects.
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(DOCX_TYPE).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const { html, messages } = await readBack(bytes);
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    const h = [...html.matchAll(/<h([123])>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${m[2]!.replace(/<[^>]+>/g, '')}`);
    // The summary before any board; a heading per part of the day, per board and per zone.
    expect(h.slice(0, 6)).toEqual(['1 Samenvatting', '2 Afspraken', '2 Stemmen — Samenwerkingsvoorbeelden', '2 Rollen in de stam', '2 Valkuilen die van toepassing zijn', '1 Wie deden mee']);
    const at = (s: string) => h.indexOf(s);
    expect(at('1 Deel 1: Verkenning')).toBeGreaterThan(at('1 Samenvatting'));
    expect(at('2 B. De kracht van informeel')).toBeGreaterThan(at('1 Deel 1: Verkenning'));
    expect(at('3 Kennis en begrip')).toBeGreaterThan(at('2 B. De kracht van informeel'));
    expect(h.at(-1)).toBe('1 Niet gebruikt');
    // Every note's text, in the section of its zone.
    const section = (heading: string) => {
      const start = html.indexOf(`<h3>${heading}</h3>`, html.indexOf('<h2>B. De kracht van informeel</h2>'));
      expect(start, heading).toBeGreaterThan(0);
      const end = html.indexOf('<h', start + 4);
      return textOf(html.slice(start, end < 0 ? undefined : end));
    };
    expect(section('Kennis en begrip')).toContain(`${DIACRITICS} (formeel)`);
    expect(section('Vaardigheden')).toContain(ARABIC);
    expect(section('Vaardigheden')).toContain('Twee regels');
    const all = textOf(html);
    for (const t of outlineTexts(o)) for (const line of t.split('\n')) expect(all).toContain(line);
    // The agreements as a table, in the summary, with who writes them down.
    const summary = html.slice(0, html.indexOf('<h1>Deel 1'));
    expect(summary).toMatch(/<table>.*Wat\?.*Wie\?.*Wanneer\?.*Kennismaking bij de moskee.*Ayşe en Łukasz.*maart.*<\/table>/s);
    expect(textOf(summary)).toContain('Wie zet de afspraken op papier? Łukasz');
    expect(textOf(summary)).toContain('Evaluatie na een half jaar');
    expect(textOf(summary)).toMatch(/Plaats Idee Stemmen 1 Idee 1: Koffie-ochtend \(gekozen\) 1 2 Idee 2: Huisbezoek 0 ieder mocht 2 keer stemmen/);
    expect(textOf(summary)).toContain('Brugfunctie (informeel)');
    // Unused boards are named once, never printed.
    expect(textOf(html.slice(html.indexOf('<h1>Niet gebruikt</h1>')))).toMatch(/Borden: [^<]*Wat is je eigen kracht\?/);
    expect(h).not.toContain('2 Wat is je eigen kracht?');
    // A drawing without a picture (as the server makes it) says where to see it.
    expect(all).toContain('Een tekening (1 lijn); zie de afbeelding van het bord.');
  });

  it('puts the posters and drawings it is given in as pictures', async () => {
    const doc = meeting();
    const o = reportOutline(doc, REPORT_SOURCES);
    // A 2 × 1 PNG (red, blue): enough for Word and for the reader.
    const png = Uint8Array.from(
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAPAAH/bL1kHgAAAABJRU5ErkJggg==', 'base64'),
    );
    // Each board's picture its own bytes (a byte after the PNG's end, which readers ignore), as posters are.
    const posters = new Map(listBoards(doc).map((b, i) => [b.id, { data: Uint8Array.from([...png, i]), type: 'png' as const, width: 2000, height: 1000 }]));
    const bytes = await docxBytes(o, { posters });
    const { html } = await readBack(bytes);
    expect((html.match(/<img /g) ?? []).length).toBe(o.boards.length);
    expect(html).toContain('alt="De kracht van informeel: het bord"');
    // The pictures go in as they are (stored, not DEFLATEd), each the bytes it was given.
    const media = Object.entries(unzipSync(bytes)).filter(([path]) => path.startsWith('word/media/'));
    const given = new Set(o.boards.map((b) => Buffer.from(posters.get(b.id)!.data).toString('base64')));
    expect(new Set(media.map(([, data]) => Buffer.from(data).toString('base64')))).toEqual(given);
    expect(new Set([...html.matchAll(/src="data:image\/png;base64,([^"]+)"/g)].map((m) => m[1]))).toEqual(given);
    // The same package as docx's own Packer makes of the same document: every part's XML, the pictures' bytes.
    const ours = unzipSync(bytes);
    const theirs = unzipSync(await Packer.pack(reportDocument(o, { posters }), 'uint8array'));
    const xml = (files: Record<string, Uint8Array>) =>
      Object.entries(files)
        .filter(([path]) => !path.startsWith('word/media/'))
        .map(([path, data]) => [
          path,
          // What differs from one document to the next made in the same process: its dates, docx's running picture ids.
          strFromU8(data)
            .replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, '<dcterms:$1>')
            .replace(/<wp:docPr id="\d+"/g, '<wp:docPr'),
        ]);
    expect(xml(ours)).toEqual(xml(theirs));
    expect(Object.keys(ours).filter((p) => p.startsWith('word/media/')).length).toBe(o.boards.length);
  });
});
