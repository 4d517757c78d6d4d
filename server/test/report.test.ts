import { addAgreement, addBoard, addNote, fileSlug, REPORT_WORDS, initMeeting, listBoards, peekClaims, reportMarkdown, reportOutline, setChoice, setNoteText } from '@bodem/shared';
import { programmeBoards, REPORT_SOURCES, templateById } from '@bodem/templates';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMeeting, synced, useRig, waitFor, type Client, type CreatedMeeting, type Running } from './helpers.ts';

const { server, client } = useRig();

const ARABIC = 'نحن نعمل معًا من أجل الأطفال';
const DIACRITICS = 'ş ğ ı ł ż é ë';

const join = async (s: Running, m: CreatedMeeting, name: string, side: 'formeel' | 'informeel', org?: string): Promise<string> => {
  const res = await s.app.inject({ method: 'POST', url: `/api/meetings/${m.id}/join`, payload: { code: m.joinCode, name, side, ...(org ? { org } : {}) } });
  if (res.statusCode !== 200) throw new Error(`join failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: string }).token;
};

const report = (s: Running, id: string, token: string | null, kind: 'md' | 'docx' = 'md') =>
  s.app.inject({ method: 'GET', url: `/api/meetings/${id}/report.${kind}`, headers: token ? { authorization: `Bearer ${token}` } : {} });

/** A note in the middle of zone `zoneId` of the board made from template `templateId`. */
const write = (c: Client, templateId: string, zoneId: string, text: string, side: 'formeel' | 'informeel', author: string): string => {
  const board = listBoards(c.doc).find((b) => b.template === templateId)!;
  const z = templateById(templateId)!.zones.find((x) => x.id === zoneId)!;
  if (z.shape.type !== 'rect') throw new Error('rect zones only');
  const id = addNote(c.doc, { boardId: board.id, x: z.shape.x + 200, y: z.shape.y + 200, side, authorId: author, createdAt: Date.now() });
  setNoteText(c.doc, id, text);
  return id;
};

describe('GET /api/meetings/:id/report.md', () => {
  it('gives the facilitator the report of a meeting that is not in memory, from the database, without loading it', async () => {
    const s = await server();
    const m = await createMeeting(s.http, 'Samen in de wijk — Ayşe & Łukasz');
    const anna = await join(s, m, 'Anna', 'formeel');
    const a = client(s, m.id, anna);
    await synced(a);
    const sub = peekClaims(anna)!.sub;
    write(a, 'kracht-informeel', 'kennis-en-begrip', DIACRITICS, 'formeel', sub);
    write(a, 'kracht-informeel', 'vaardigheden', ARABIC, 'formeel', sub);
    // The second tablet only sees what the server stored.
    const b = client(s, m.id, await join(s, m, 'Bilal', 'informeel'));
    await waitFor(() => b.doc.getMap('items').size === 2, 10_000, 'notes stored');
    a.destroy();
    b.destroy();
    await waitFor(() => !s.app.relay.isLoaded(m.id), 10_000, 'meeting unloaded');

    const res = await report(s, m.id, m.facilitatorToken);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="verslag-samen-in-de-wijk-ayse-lukasz-\d{4}-\d{2}-\d{2}\.md"; filename\*=UTF-8''verslag-/);
    expect(res.headers['cache-control']).toBe('no-store');
    const md = res.body;
    expect(md.startsWith('# Samen in de wijk — Ayşe & Łukasz\n')).toBe(true);
    expect(md).toContain(`### Kennis en begrip\n\n- ${DIACRITICS} (formeel)\n`);
    expect(md).toContain(`### Vaardigheden\n\n- ${ARABIC} (formeel)\n`);
    // From the document alone: Anna wrote, Bilal only looked.
    expect(md).toContain('Deelnemers: 1 formeel, 0 informeel  \n');
    // Reading the report did not load the meeting into the relay.
    expect(s.app.relay.isLoaded(m.id)).toBe(false);
  });

  it('reads a live meeting from the relay, with the organisations of the people connected', async () => {
    const s = await server();
    const m = await createMeeting(s.http, 'Live');
    const anna = await join(s, m, 'Anna', 'formeel', 'CJG Noord');
    const a = client(s, m.id, anna);
    const b = client(s, m.id, await join(s, m, 'Bilal', 'informeel', 'Moskee Al-Fath'));
    const f = client(s, m.id, m.facilitatorToken);
    for (const c of [a, b, f]) await synced(c);
    write(a, 'valkuilen', 'valkuil-1', 'Te veel gevraagd van vrijwilligers', 'formeel', peekClaims(anna)!.sub);
    const md = await waitFor(async () => {
      const res = await report(s, m.id, m.facilitatorToken);
      return res.body.includes('Te veel gevraagd') ? res.body : null;
    }, 10_000, 'note in the live report');
    expect(s.app.relay.isLoaded(m.id)).toBe(true);
    expect(md).toContain('### Valkuil 1\n\n> (Gebrek aan) diversiteit');
    expect(md).toContain('- Te veel gevraagd van vrijwilligers (formeel)');
    // The relay knows who is connected from their tokens; the facilitator is no participant.
    expect(md).toContain('Deelnemers: 1 formeel, 1 informeel  \n');
    expect(md).toContain('| formeel | CJG Noord | 1 |\n| informeel | Moskee Al-Fath | 1 |');
    expect(md).not.toContain('Anna');
    // Names only when the facilitator asks for them.
    const named = await s.app.inject({ method: 'GET', url: `/api/meetings/${m.id}/report.md?names=1`, headers: { authorization: `Bearer ${m.facilitatorToken}` } });
    expect(named.body).toContain('| formeel | CJG Noord | Anna |\n| informeel | Moskee Al-Fath | Bilal |');
  });

  it.each(['md', 'docx'] as const)('report.%s refuses everyone but the facilitator with the usual Dutch errors, and creates nothing for unknown meetings', async (kind) => {
    const s = await server();
    const m = await createMeeting(s.http);
    const other = await createMeeting(s.http);
    const anna = await join(s, m, 'Anna', 'formeel');
    const expectError = async (res: Awaited<ReturnType<typeof report>>, status: number, error: string) => {
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ error, message: expect.stringMatching(/\S/) });
    };
    await expectError(await report(s, m.id, null, kind), 401, 'unauthorized');
    await expectError(await report(s, m.id, 'junk', kind), 401, 'unauthorized');
    await expectError(await report(s, m.id, other.facilitatorToken, kind), 401, 'unauthorized');
    await expectError(await report(s, m.id, anna, kind), 403, 'forbidden');
    await expectError(await report(s, m.id, m.projectorToken, kind), 403, 'forbidden');
    expect((await report(s, m.id, m.facilitatorToken, kind)).statusCode).toBe(200);

    // A facilitator token cut short is no token.
    await expectError(await report(s, m.id, m.facilitatorToken.slice(0, -5), kind), 401, 'unauthorized');
    const unknown = 'AAAAAAAAAAAAAAAAAAAAAA';
    await expectError(await report(s, unknown, m.facilitatorToken, kind), 404, 'not_found');
    expect(s.app.relay.isLoaded(unknown)).toBe(false);
    expect(await s.app.store.getMeeting(unknown)).toBeNull();
  });
});

describe('GET /api/meetings/:id/report.docx', () => {
  it('gives the facilitator a Word document of the live meeting: summary first, every note in its zone, a safe file name', async () => {
    const s = await server();
    const m = await createMeeting(s.http, 'Samen in de wijk — Ayşe & Łukasz');
    const anna = await join(s, m, 'Anna', 'formeel', 'CJG Noord');
    const a = client(s, m.id, anna);
    await synced(a);
    const sub = peekClaims(anna)!.sub;
    write(a, 'kracht-informeel', 'kennis-en-begrip', DIACRITICS, 'formeel', sub);
    write(a, 'kracht-informeel', 'vaardigheden', ARABIC, 'formeel', sub);
    const board = listBoards(a.doc).find((b) => b.template === 'afspraken')!;
    addAgreement(a.doc, { boardId: board.id, authorId: sub, createdAt: Date.now(), wat: 'Verslag rondsturen', wie: 'Ayşe', wanneer: 'vrijdag' });
    const res = await waitFor(async () => {
      const r = await report(s, m.id, m.facilitatorToken, 'docx');
      return r.statusCode === 200 && (await mammoth.extractRawText({ buffer: r.rawPayload })).value.includes('Verslag rondsturen') ? r : null;
    }, 10_000, 'the agreement in the Word report');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="verslag-samen-in-de-wijk-ayse-lukasz-\d{4}-\d{2}-\d{2}\.docx"; filename\*=UTF-8''verslag-/);
    expect(res.headers['cache-control']).toBe('no-store');
    const html = (await mammoth.convertToHtml({ buffer: res.rawPayload })).value;
    expect(html.indexOf('<h1>Samenvatting</h1>')).toBeGreaterThan(0);
    expect(html.indexOf('<h1>Samenvatting</h1>')).toBeLessThan(html.indexOf('<h2>B. De kracht van informeel</h2>'));
    const zone = (label: string) => {
      const i = html.indexOf(`<h3>${label}</h3>`);
      expect(i, label).toBeGreaterThan(0);
      return html.slice(i, html.indexOf('<h', i + 4));
    };
    expect(zone('Kennis en begrip')).toContain(DIACRITICS);
    expect(zone('Vaardigheden')).toContain(ARABIC);
    expect(html).toMatch(/<table>.*Verslag rondsturen.*Ayşe.*vrijdag.*<\/table>/s);
    // No pictures from the server (it has no canvas): it says so before the summary, and at each board where its picture would be.
    const text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
    expect(text.indexOf(REPORT_WORDS.postersElsewhere)).toBeGreaterThan(0);
    expect(text.indexOf(REPORT_WORDS.postersElsewhere)).toBeLessThan(text.indexOf('Samenvatting'));
    expect(html).not.toContain('<img');
    const boardHeadings = html.match(/<h2>[A-F]\. [^<]+<\/h2>/g) ?? [];
    expect(boardHeadings.length).toBeGreaterThanOrEqual(2);
    for (const h of boardHeadings) {
      const at = html.indexOf(h) + h.length;
      const next = html.indexOf('<h2>', at);
      expect(html.slice(at, next < 0 ? undefined : next), h).toContain(REPORT_WORDS.posterElsewhere);
    }
    // Counts by default; names only on request.
    expect(html).not.toContain('Anna');
    const named = await s.app.inject({ method: 'GET', url: `/api/meetings/${m.id}/report.docx?names=1`, headers: { authorization: `Bearer ${m.facilitatorToken}` } });
    expect((await mammoth.extractRawText({ buffer: named.rawPayload })).value).toContain('Anna');
    a.destroy();
  });
});

describe('the report outline of the real boards', () => {
  /** The full programme as a meeting, with board ids named after their templates. */
  const fullMeeting = () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'Volledig', createdAt: 1, boards: programmeBoards({ programme: 'volledig' }).map((b) => ({ id: b.template, ...b })) });
    return doc;
  };

  it('names every board with its part of the day and has every zone of its template that was used', () => {
    const doc = fullMeeting();
    // A note in every zone of every board.
    let t = 10;
    for (const b of listBoards(doc)) {
      for (const z of templateById(b.template)!.zones) {
        const s = z.shape;
        const at = s.type === 'rect' ? { x: s.x + s.width / 2, y: s.y + s.height / 2 } : s.type === 'ellipse' ? { x: s.cx, y: s.cy } : null;
        if (!at) continue;
        addNote(doc, { boardId: b.id, x: at.x - 10, y: at.y - 10, side: 'formeel', authorId: 'a', createdAt: t++, text: `${b.id} ${z.id}` });
      }
    }
    const o = reportOutline(doc, REPORT_SOURCES);
    expect(o.boards[0]).toMatchObject({ id: 'beeld', part: 'A', partTitle: 'Een nieuw beeld van elkaar', deel: 'Deel 1: Verkenning' });
    expect(o.boards.find((b) => b.id === 'afspraken')).toMatchObject({ part: 'F', deel: 'Deel 3: Opzetten van samenwerking' });
    for (const b of o.boards) {
      const expected = templateById(b.templateId)!.zones.filter((z) => z.shape.type !== 'polygon').map((z) => z.id);
      expect(b.zones.map((z) => z.id).filter((id) => expected.includes(id))).toEqual(expected);
    }
  });

  it('leaves out unused boards and the quotes nobody reacted to: an empty meeting is a line of what was not used', () => {
    const doc = fullMeeting();
    const empty = reportOutline(doc, REPORT_SOURCES);
    expect(empty.boards).toEqual([]);
    expect(empty.unused.boards.map((b) => b.id)).toEqual(listBoards(doc).map((b) => b.id));
    const z = templateById('in-de-weg')!.zones[2]!;
    if (z.shape.type !== 'rect') throw new Error('rect zones only');
    addNote(doc, { boardId: 'in-de-weg', x: z.shape.x + z.shape.width - 300, y: z.shape.y + 100, side: 'informeel', authorId: 'a', createdAt: 2, text: 'Herkenbaar' });
    const o = reportOutline(doc, REPORT_SOURCES);
    const board = o.boards.find((b) => b.id === 'in-de-weg')!;
    expect(board.zones.map((x) => x.id)).toEqual([z.id]);
    const md = reportMarkdown(o);
    // One quote printed, the seven others only named once.
    expect(o.unused.zones).toEqual([{ boardId: 'in-de-weg', boardTitle: board.title, labels: templateById('in-de-weg')!.zones.filter((x) => x.id !== z.id).map((x) => x.label) }]);
    for (const other of templateById('in-de-weg')!.zones.filter((x) => x.id !== z.id)) expect(md).not.toContain(other.card!.text.slice(0, 40));
    expect(md).toContain(z.card!.text.slice(0, 40));
  });

  it('answers each pitfall in its own row, and the focus question of part A in its zone', () => {
    const doc = fullMeeting();
    for (let i = 1; i <= templateById('valkuilen')!.choices!.length; i++) setChoice(doc, 'valkuilen', `valkuil-${i}`, i === 3 ? 'weet-niet' : i === 2 ? 'ja' : 'nee');
    setChoice(doc, 'beeld', 'focus', 'gemeenschap');
    const o = reportOutline(doc, REPORT_SOURCES);
    const valkuilen = o.boards.find((b) => b.id === 'valkuilen')!;
    // The six printed pitfalls; the group's own pitfalls below them have neither card nor question.
    valkuilen.zones.slice(0, 6).forEach((z, i) => {
      expect(z.choices.map((c) => c.id)).toEqual([`valkuil-${i + 1}`]);
      expect(z.card?.text).toBeTruthy();
    });
    // Nobody wrote in the group's own pitfalls: that zone is left out and listed once as not used.
    expect(valkuilen.zones.slice(6)).toEqual([]);
    expect(o.unused.zones.find((u) => u.boardId === 'valkuilen')?.labels).toEqual([templateById('valkuilen')!.zones.find((z) => z.id === 'eigen-valkuilen')!.label]);
    expect(valkuilen.zones[2]!.choices[0]!.answer).toBe('Weet niet');
    // Only the pitfall that applies is in the summary.
    expect(o.summary.pitfalls[0]!.pitfalls.map((p) => p.label)).toEqual(['Valkuil 2']);
    const beeld = o.boards.find((b) => b.id === 'beeld')!;
    expect(beeld.zones.find((z) => z.id === 'bereiken')!.choices).toEqual([{ id: 'focus', question: 'Focus', answer: 'Focus op gemeenschap', answerId: 'gemeenschap' }]);
  });

  it('puts a note on the agreements board beside the table, and the agreements in the table', () => {
    const doc = fullMeeting();
    addNote(doc, { boardId: 'afspraken', x: 2000, y: 600, side: 'formeel', authorId: 'a', createdAt: 2, text: 'Evaluatie na een half jaar' });
    addAgreement(doc, { boardId: 'afspraken', authorId: 'a', createdAt: 3, wat: 'Verslag rondsturen', wie: 'Ayşe', wanneer: 'vrijdag' });
    // One board per idea is added beside the programme's board of all ideas.
    addBoard(doc, { template: 'voorbeeld', title: 'Zelf een voorbeeld bedenken', fields: templateById('voorbeeld')!.fields!.map((f) => f.id) }, undefined, 'voorbeeld');
    addNote(doc, { boardId: 'voorbeeld', x: 300, y: 400, side: 'formeel', authorId: 'a', createdAt: 4, text: 'Een idee' });
    const md = reportMarkdown(reportOutline(doc, REPORT_SOURCES));
    // The summary first: the agreements, the evaluation beside them.
    expect(md.indexOf('## Samenvatting\n\n### Afspraken\n\n| Wat? | Wie? | Wanneer? |')).toBeGreaterThan(0);
    expect(md.indexOf('**Vervolgstappen**\n\n- Evaluatie na een half jaar (formeel)')).toBeLessThan(md.indexOf('## Afspraken voor vervolg'));
    expect(md).toContain('### Vervolgstappen\n\n- Evaluatie na een half jaar (formeel)');
    expect(md).toContain('### Afspraken\n\n| Wat? | Wie? | Wanneer? |\n| --- | --- | --- |\n| Verslag rondsturen | Ayşe | vrijdag |\n\n**Wie zet de afspraken op papier?** _niet beantwoord_');
    // The name line of an idea sits above its four zones: it belongs to the board.
    const idea = reportOutline(doc, REPORT_SOURCES).boards.find((b) => b.id === 'voorbeeld')!;
    expect(idea.fields.map((f) => f.id)).toEqual(['vorm']);
    expect(idea.zones.flatMap((z) => z.fields)).toEqual([]);
  });

  it('makes file names every system takes', () => {
    expect(fileSlug('Samen in de wijk — Ayşe & Łukasz')).toBe('samen-in-de-wijk-ayse-lukasz');
    expect(fileSlug(ARABIC)).toBe('bijeenkomst');
  });
});
