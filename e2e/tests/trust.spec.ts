import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { addNote, encodeUpdate, initMeeting } from '../../shared/src/index.ts';
import { createMeeting, joinAs } from './pages.ts';

/** Every URL the context's pages request, and every websocket they open. */
const recordRequests = (context: BrowserContext, urls: string[]) => {
  context.on('request', (r) => urls.push(r.url()));
  context.on('page', (p) => p.on('websocket', (ws) => urls.push(ws.url())));
  for (const p of context.pages()) p.on('websocket', (ws) => urls.push(ws.url()));
};

/** This device's traces of a meeting: IndexedDB databases and localStorage entries that name it. */
const tracesOf = (page: Page, meetingId: string) =>
  page.evaluate(async (id) => {
    const dbs = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.includes(id));
    const keys = Object.keys(localStorage).filter((k) => k.includes(id) || (localStorage.getItem(k) ?? '').includes(id));
    return { dbs, keys };
  }, meetingId);

test('a projector tab beside the facilitator tab in one browser cannot write through BroadcastChannel', async ({ browser }) => {
  const fac = await createMeeting(browser, 'Twee tabbladen', { boards: ['Vrij bord'] });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  const href = await fac.board.page.getByRole('link', { name: 'Projector openen' }).getAttribute('href');
  // Same browser, same profile: the channel y-websocket would use is shared by both tabs.
  const projector = await fac.board.context.newPage();
  await projector.goto(href!);
  await expect(projector.getByTestId('projector')).toBeVisible();

  const evil = new Y.Doc();
  initMeeting(evil, { title: 'gekaapt', createdAt: 1, boards: [{ id: 'evil-board', template: 'vrij', title: 'Gekaapt' }] });
  addNote(evil, { boardId: 'evil-board', x: 10, y: 10, side: null, authorId: 'x', createdAt: 1, text: 'Via het kanaal' });
  const frame = Array.from(encodeUpdate(Y.encodeStateAsUpdate(evil)));
  await projector.evaluate(
    ({ frame, id }) => {
      // y-websocket's channel name: the server URL and the room.
      const channel = new BroadcastChannel(`${location.origin.replace(/^http/, 'ws')}/yjs/${id}`);
      channel.postMessage(new Uint8Array(frame));
      channel.close();
    },
    { frame, id: fac.id },
  );

  // Anything the facilitator's tab had taken from the channel would reach Anna before this note.
  await fac.board.addNote(700, 400, 'Na het kanaal');
  await anna.note('Na het kanaal');
  expect(await anna.texts()).toEqual(['Na het kanaal']);
  expect(await fac.board.texts()).toEqual(['Na het kanaal']);
  await expect(anna.page.locator('.board-link')).toHaveCount(1);
});

test('a whole meeting asks nothing of another origin, and deleting it leaves nothing on the tablets, also one that was away', async ({ browser }) => {
  test.setTimeout(120_000);
  const urls: string[] = [];
  const fac = await createMeeting(browser, 'Alles hier', { programme: 'Kennismaking' });
  recordRequests(fac.board.context, urls);
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  const bilal = await joinAs(browser, fac.code, 'Bilal', 'informeel');
  for (const p of [anna, bilal]) recordRequests(p.context, urls);
  await fac.board.page.reload();
  await anna.page.reload();
  await expect(anna.status).toHaveAttribute('data-state', /connected|saved/);
  await anna.addNote(500, 400, 'Zorg om de familie');
  await bilal.note('Zorg om de familie');
  await bilal.addNote(650, 450, 'Vertrouwen');
  await fac.board.note('Vertrouwen');
  await expect(anna.status).toHaveAttribute('data-state', 'saved');

  // The projector and the facilitator's PDF, both through the page's own origin.
  const href = await fac.board.page.getByRole('link', { name: 'Projector openen' }).getAttribute('href');
  const projector = await fac.board.context.newPage();
  await projector.goto(href!);
  await expect(projector.getByTestId('projector')).toBeVisible();
  const [pdf] = await Promise.all([fac.board.page.waitForEvent('download', { timeout: 60_000 }), fac.board.page.getByRole('button', { name: 'PDF van de hele bijeenkomst' }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);

  const origin = new URL(fac.board.page.url()).origin;
  const wsOrigin = origin.replace(/^http/, 'ws');
  const foreign = urls.filter((u) => !(u.startsWith(`${origin}/`) || u.startsWith(`${wsOrigin}/`) || u.startsWith('data:') || u.startsWith('blob:')));
  expect(urls.length).toBeGreaterThan(10);
  expect(foreign).toEqual([]);
  const doc = await fac.board.page.request.get('/');
  expect(doc.headers()['content-security-policy']).toContain("default-src 'self'");

  // Bilal's tablet is away (page closed) when the meeting is deleted.
  const bilalTraces = await tracesOf(bilal.page, fac.id);
  expect(bilalTraces.dbs.length).toBeGreaterThan(0);
  await bilal.page.close();
  await fac.board.page.getByRole('button', { name: 'Bijeenkomst verwijderen' }).click();
  await fac.board.page.getByRole('button', { name: 'Ja, alles wissen' }).click();
  await expect(fac.board.page).toHaveURL(/\/$/);

  // Anna was connected: told at once, her copy goes.
  await expect(anna.page.getByText('Deze bijeenkomst is verwijderd door de gespreksleider.')).toBeVisible();
  await expect.poll(() => tracesOf(anna.page, fac.id)).toEqual({ dbs: [], keys: [] });
  await expect.poll(() => tracesOf(fac.board.page, fac.id)).toEqual({ dbs: [], keys: [] });

  // Bilal opens Bodem again later: the server says the meeting was deleted, and the copy goes.
  const again = await bilal.context.newPage();
  await again.goto(`/m/${fac.id}`);
  await expect(again.getByText('Deze bijeenkomst is verwijderd door de gespreksleider.')).toBeVisible();
  await expect.poll(() => tracesOf(again, fac.id)).toEqual({ dbs: [], keys: [] });
});
