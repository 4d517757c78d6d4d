import { expect, test, type Page } from '@playwright/test';
import { decodeMessage } from '../../shared/src/index.ts';
import * as Y from 'yjs';
import { BoardPage, createMeeting, joinAs, ListPage, NetworkSwitch, PROFILES, TABLET } from './pages.ts';
import { template, templateLabel } from './templates.ts';

/**
 * Personal boards (issue 17: "Wat is je eigen kracht?" and the letters are
 * private to their writer until they share, or the facilitator gathers them
 * with consent). Two tablets and the facilitator on one meeting: what Anna
 * writes never reaches Bilal's or the facilitator's browser — not their
 * boards, not a websocket frame, not their local copy — until she shares
 * it; then exactly what she shared does.
 */

const SHOTS = 'test-results/personal';
const KRACHT = template('eigen-kracht');
const WENS = template('wens');
const SECRET = 'Ik kan goed luisteren naar ouders';
const SHARED = 'Ik spreek Turks en Arabisch';
const LETTER_TO = 'Wijkteam Noord';
const LETTER = 'Blijf de moeders in de moskee opzoeken';

/** Every websocket frame a page receives from now on, as bytes. */
const sniff = (page: Page): Buffer[] => {
  const frames: Buffer[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? Buffer.from(f.payload) : f.payload));
  });
  return frames;
};

/** Every word a set of Yjs updates carries: applied to one document, its notes' texts (typed words arrive one key per update). */
const wordsOf = (updates: readonly Uint8Array[]): string => {
  const doc = new Y.Doc();
  for (const u of updates) {
    try {
      Y.applyUpdate(doc, u);
    } catch {
      // not an update of this document
    }
  }
  const out: string[] = [];
  doc.getMap<Y.Map<unknown>>('items').forEach((m) => {
    for (const k of ['text', 'to']) {
      const v = m.get(k);
      if (v instanceof Y.Text) out.push(v.toString());
    }
  });
  return out.join('\n');
};

/** The document updates in sync frames (step 2 and update messages), decoded as the y-protocols codec writes them. */
const updatesIn = (frames: readonly Buffer[]): Uint8Array[] => {
  const out: Uint8Array[] = [];
  for (const f of frames) {
    try {
      const m = decodeMessage(new Uint8Array(f));
      if (m.type === 'sync-step2' || m.type === 'update') out.push(m.update);
    } catch {
      // not a message of the protocol
    }
  }
  return out;
};

/** What the frames a page received add up to, as words (and the raw bytes, for words that arrived whole). */
const received = (frames: readonly Buffer[]): string => `${wordsOf(updatesIn(frames))}\n${frames.map((f) => f.toString('latin1')).join('\n')}`;

/** Every update stored in the page's IndexedDB databases (y-indexeddb), per database, read out as bytes. */
const localUpdates = (page: Page): Promise<Record<string, number[][]>> =>
  page.evaluate(async () => {
    const out: Record<string, number[][]> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const rows: number[][] = [];
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((res, rej) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        for (const v of values) if (v instanceof Uint8Array) rows.push(Array.from(v));
      }
      out[info.name] = rows;
      db.close();
    }
    return out;
  });

/** Whether the page's local copies (each database applied as one document) hold `text`. */
const localCopyHolds = async (page: Page, text: string): Promise<boolean> =>
  Object.values(await localUpdates(page)).some((rows) => wordsOf(rows.map((r) => new Uint8Array(r))).includes(text));

const rectOf = (zone: { shape: unknown }) => {
  const s = zone.shape as { type: string; x: number; y: number; width: number; height: number };
  if (s.type !== 'rect') throw new Error('a rectangle zone');
  return s;
};

/** A note on the poster by tapping empty space in the zone and typing key by key. */
const writeNote = async (b: BoardPage, at: { x: number; y: number }, text: string) => {
  const p = await b.reach(at.x, at.y);
  await b.tap(p.x, p.y);
  const editor = b.page.getByLabel('Tekst van de notitie');
  await expect(editor).toBeFocused();
  await b.page.keyboard.type(text, { delay: 30 });
  await expect(editor).toHaveValue(text);
  await b.page.getByRole('button', { name: 'Klaar', exact: true }).click();
  await b.note(text);
};

const views = (b: BoardPage) => b.page.getByRole('group', { name: 'Welke notities' }).first();
const show = async (b: BoardPage, which: 'Mijn notities' | 'Gedeeld') => {
  const button = views(b).getByRole('button', { name: which, exact: true });
  if (b.touch) await button.tap();
  else await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
};

test('personal boards: private until shared, gathered only with consent, and only what was shared reaches the others and the report', async ({ browser }) => {
  test.setTimeout(180_000);
  const fac = await createMeeting(browser, 'Eigen kracht en brieven', { boards: [templateLabel('eigen-kracht'), templateLabel('wens')] });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel', TABLET);
  const bilal = await joinAs(browser, fac.code, 'Bilal', 'informeel', TABLET);
  // Everything Bilal's and the facilitator's browsers receive from here on (a reload makes them sync everything again).
  const bilalFrames = sniff(bilal.page);
  const facFrames = sniff(fac.board.page);
  await bilal.page.reload();
  await fac.board.page.reload();
  await expect(bilal.status).toHaveAttribute('data-state', /connected|saved/);

  // --- Anna writes on her own strength and a letter: the privacy line says whose they are ------------
  for (const b of [anna, bilal, fac.board]) await b.openBoard(KRACHT.title);
  await expect(anna.page.getByText('Alleen jij ziet dit, tot je het deelt.')).toBeVisible();
  await expect(views(anna).getByRole('button', { name: 'Mijn notities' })).toHaveAttribute('aria-pressed', 'true');
  const kracht = rectOf(KRACHT.zones[0]!);
  await writeNote(anna, { x: kracht.x + 200, y: kracht.y + 300 }, SECRET);
  await writeNote(anna, { x: kracht.x + 650, y: kracht.y + 300 }, SHARED);
  await anna.page.screenshot({ path: `${SHOTS}/tablet-private.png` });

  await anna.openBoard(WENS.title);
  const area = rectOf(WENS.zones[0]!);
  const at = await anna.reach(area.x + area.width / 3, area.y + area.height / 2);
  await anna.tap(at.x, at.y);
  await expect(anna.page.getByRole('textbox', { name: 'Lieve' })).toBeFocused();
  await anna.page.keyboard.type(LETTER_TO, { delay: 30 });
  await anna.page.keyboard.press('Enter');
  await expect(anna.page.getByLabel('Tekst van de brief')).toBeFocused();
  await anna.page.keyboard.type(LETTER, { delay: 30 });
  await anna.page.getByRole('button', { name: 'Klaar', exact: true }).click();
  await anna.note(`Lieve ${LETTER_TO},\n${LETTER}`);
  await anna.waitSaved();

  // Bilal and the facilitator: nothing of it, on their boards (either view), in any frame, in their local copy.
  await bilal.openBoard(KRACHT.title);
  await expect.poll(() => bilal.texts()).toEqual([]);
  await show(bilal, 'Gedeeld');
  await expect.poll(() => bilal.texts()).toEqual([]);
  await fac.board.openBoard(WENS.title);
  await expect.poll(() => fac.board.texts()).toEqual([]);
  const nothingLeaked = async () => {
    for (const words of [SECRET, SHARED, LETTER, LETTER_TO]) {
      expect(received(bilalFrames).includes(words), `Bilal's frames: ${words}`).toBe(false);
      expect(received(facFrames).includes(words), `facilitator's frames: ${words}`).toBe(false);
      expect(await localCopyHolds(bilal.page, words), `Bilal's local copy: ${words}`).toBe(false);
      expect(await localCopyHolds(fac.board.page, words), `facilitator's local copy: ${words}`).toBe(false);
    }
  };
  expect(bilalFrames.length).toBeGreaterThan(0);
  await nothingLeaked();
  // Anna's own copy has them (the private notes live on her tablet too).
  expect(await localCopyHolds(anna.page, SECRET)).toBe(true);

  // --- A reload on Anna, also offline, keeps her private notes --------------------------------------
  await anna.page.reload();
  await anna.openBoard(KRACHT.title);
  await expect.poll(() => anna.texts()).toEqual([SHARED, SECRET].sort());
  // Bilal reloads too: still nothing.
  await bilal.page.reload();
  await bilal.openBoard(KRACHT.title);
  await show(bilal, 'Gedeeld');
  await expect.poll(() => bilal.texts()).toEqual([]);

  // --- Anna shares one note: both others see exactly that one ----------------------------------------
  const n = await anna.note(SHARED);
  await anna.tap(n.cx, n.cy);
  const share = anna.page.getByRole('button', { name: 'Deel deze notitie met iedereen' });
  await expect(share).toBeVisible();
  await anna.page.screenshot({ path: `${SHOTS}/tablet-share-button.png` });
  await share.tap();
  await expect(anna.page.getByRole('button', { name: 'Gedeeld ✓' })).toBeVisible();
  await expect.poll(() => bilal.texts()).toEqual([SHARED]);
  await fac.board.openBoard(KRACHT.title);
  await expect(views(fac.board).getByRole('button', { name: 'Gedeeld' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => fac.board.texts()).toEqual([SHARED]);
  expect(received(bilalFrames)).toContain(SHARED);
  expect(received(bilalFrames)).not.toContain(SECRET);

  // --- The facilitator gathers the letters: Anna is asked, says yes; Bilal says no -------------------
  await bilal.openBoard(WENS.title);
  const bp = await bilal.reach(area.x + area.width / 2, area.y + area.height / 3);
  await bilal.tap(bp.x, bp.y);
  await expect(bilal.page.getByRole('textbox', { name: 'Lieve' })).toBeFocused();
  await bilal.page.keyboard.type('Buurthuis', { delay: 30 });
  await bilal.page.keyboard.press('Enter');
  await bilal.page.keyboard.type('Geheim van Bilal', { delay: 30 });
  await bilal.page.getByRole('button', { name: 'Klaar', exact: true }).click();
  await bilal.waitSaved();

  await fac.board.openBoard(WENS.title);
  await fac.board.page.getByRole('button', { name: 'Vraag iedereen te delen' }).click();
  await expect(fac.board.page.getByText('Je hebt iedereen gevraagd hun notities te delen.')).toBeVisible();
  const annaAsk = anna.page.getByRole('alertdialog', { name: 'Wil je je notities delen?' });
  await expect(annaAsk).toBeVisible();
  await expect(annaAsk).toContainText('Een wens voor de toekomst');
  await anna.page.screenshot({ path: `${SHOTS}/tablet-consent.png` });
  // Before anyone consents, the facilitator has none of the letters.
  expect(received(facFrames)).not.toContain(LETTER);
  await annaAsk.getByRole('button', { name: 'Ja, deel mijn notities' }).tap();
  await expect(annaAsk).toBeHidden();
  const bilalAsk = bilal.page.getByRole('alertdialog', { name: 'Wil je je notities delen?' });
  await bilalAsk.getByRole('button', { name: 'Nee, niet delen' }).tap();
  await expect(bilalAsk).toBeHidden();
  await expect.poll(() => fac.board.texts()).toEqual([`Lieve ${LETTER_TO},\n${LETTER}`]);
  await fac.board.page.screenshot({ path: `${SHOTS}/facilitator-gathered.png` });
  // Bilal said no: his letter stays his; Anna's strength she did not share stays hers.
  expect(received(facFrames)).toContain(LETTER);
  expect(received(facFrames)).not.toContain('Geheim van Bilal');
  expect(received(facFrames)).not.toContain(SECRET);
  expect(await localCopyHolds(fac.board.page, SECRET)).toBe(false);

  // --- The report holds only what was shared --------------------------------------------------------
  const md = await fac.board.page.evaluate(async (id) => {
    const stored = JSON.parse(localStorage.getItem(`bodem:meeting:${id}`) ?? '{}') as { facilitatorToken?: string };
    const res = await fetch(`/api/meetings/${id}/report.md`, { headers: { authorization: `Bearer ${stored.facilitatorToken ?? ''}` } });
    return res.ok ? res.text() : `HTTP ${res.status}`;
  }, fac.id);
  expect(md).toContain(SHARED);
  expect(md).toContain(LETTER);
  expect(md).not.toContain(SECRET);
  expect(md).not.toContain('Geheim van Bilal');

  // --- Offline on Anna's tablet: a reload still shows her private notes -----------------------------
  await anna.openBoard(KRACHT.title);
  await expect.poll(() => anna.page.evaluate(async () => !!(await navigator.serviceWorker.ready).active), { timeout: 20_000 }).toBe(true);
  const net = await NetworkSwitch.install(anna.context);
  await net.offline();
  await anna.context.route(/^http/, (route) => route.abort('internetdisconnected'));
  await anna.page.reload();
  await expect.poll(() => anna.textsOf('.board-title')).toEqual([KRACHT.title]);
  await expect(anna.page.getByText('Alleen jij ziet dit, tot je het deelt.')).toBeVisible();
  await expect.poll(() => anna.texts()).toEqual([SHARED, SECRET].sort());
  for (const b of [anna, bilal, fac.board]) await b.context.close();
});

test('personal board on a phone and a tablet: the privacy line and the consent prompt (screenshots)', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Brieven', { boards: [templateLabel('wens')] });
  const phone = await joinAs(browser, fac.code, 'Fatma', 'informeel', PROFILES.phone);
  // A phone opens on the list.
  await expect(phone.page.getByRole('heading', { name: WENS.title })).toBeVisible();
  await expect(phone.page.getByText('Alleen jij ziet dit, tot je het deelt.')).toBeVisible();
  const list = new ListPage(phone.page, true);
  await list.press(list.view.getByRole('button', { name: 'Brief toevoegen in De brief' }));
  await expect(list.view.getByRole('textbox', { name: 'Lieve (Aan wie?)' })).toBeFocused();
  await phone.page.keyboard.type('Moskee Al Fath', { delay: 40 });
  await phone.page.keyboard.press('Enter');
  await phone.page.keyboard.type('Jullie deur staat open voor ouders.', { delay: 40 });
  await expect(list.view.getByRole('button', { name: 'Deel deze notitie met iedereen' })).toBeVisible();
  await phone.page.screenshot({ path: `${SHOTS}/phone-private.png` });
  const tablet = await joinAs(browser, fac.code, 'Anna', 'formeel', PROFILES.tablet);
  await expect.poll(() => tablet.textsOf('.board-title')).toEqual([WENS.title]);
  await expect(tablet.page.getByText('Alleen jij ziet dit, tot je het deelt.')).toBeVisible();
  await tablet.page.screenshot({ path: `${SHOTS}/tablet-private-empty.png` });
  await fac.board.page.getByRole('button', { name: 'Vraag iedereen te delen' }).click();
  for (const [b, name] of [[phone, 'phone'], [tablet, 'tablet']] as const) {
    const ask = b.page.getByRole('alertdialog', { name: 'Wil je je notities delen?' });
    await expect(ask).toBeVisible();
    await b.page.screenshot({ path: `${SHOTS}/${name}-consent.png` });
    // Every button of the prompt is a full tap target.
    for (const box of await ask.getByRole('button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44);
  }
  await phone.page.getByRole('alertdialog').getByRole('button', { name: 'Nee, niet delen' }).tap();
  for (const b of [phone, tablet, fac.board]) await b.context.close();
});
