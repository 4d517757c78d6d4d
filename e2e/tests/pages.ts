import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/**
 * Page objects: one per person in the room. The board is read through
 * Konva's scene graph (window.Konva), never through pixels.
 */
export const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false } as const;
export const LAPTOP = { viewport: { width: 1280, height: 800 } } as const;

export interface NoteOnScreen {
  id: string;
  text: string;
  /** board coordinates */
  x: number;
  y: number;
  fill: string;
  /** centre on screen, in CSS pixels */
  cx: number;
  cy: number;
}

export class BoardPage {
  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly touch: boolean,
  ) {}

  get status() {
    return this.page.getByTestId('connection-status');
  }

  async notes(): Promise<NoteOnScreen[]> {
    return this.page.evaluate(() => {
      const K = (window as unknown as { Konva?: { stages: any[] } }).Konva;
      const stage = K?.stages[0];
      if (!stage) return [];
      const box = stage.container().getBoundingClientRect();
      return stage.find('.note').map((n: any) => {
        const r = n.getClientRect();
        const rect = n.findOne('.note-body');
        return {
          id: n.id(),
          text: n.findOne('.note-text')?.text() ?? '',
          x: n.x(),
          y: n.y(),
          fill: rect?.fill() ?? '',
          cx: box.left + r.x + r.width / 2,
          cy: box.top + r.y + r.height / 2,
        };
      });
    });
  }

  async texts(): Promise<string[]> {
    return (await this.notes()).map((n) => n.text).sort();
  }

  async note(text: string): Promise<NoteOnScreen> {
    let found: NoteOnScreen | undefined;
    await expect
      .poll(async () => {
        found = (await this.notes()).find((n) => n.text === text);
        return !!found;
      })
      .toBe(true);
    return found!;
  }

  /** Taps (or clicks) empty board space, types into the note editor that opens, and closes it. */
  async addNote(sx: number, sy: number, text: string): Promise<void> {
    const before = (await this.notes()).length;
    await this.tap(sx, sy);
    const editor = this.page.getByLabel('Tekst van de notitie');
    await expect(editor).toBeFocused();
    await editor.pressSequentially(text, { delay: 5 });
    await this.page.getByRole('button', { name: 'Klaar' }).click();
    await expect.poll(async () => (await this.notes()).length).toBe(before + 1);
  }

  async editNote(text: string, next: string): Promise<void> {
    const n = await this.note(text);
    await this.page.mouse.dblclick(n.cx, n.cy);
    const editor = this.page.getByLabel('Tekst van de notitie');
    await expect(editor).toBeFocused();
    await editor.fill(next);
    await this.page.getByRole('button', { name: 'Klaar' }).click();
  }

  async dragNote(text: string, dx: number, dy: number): Promise<void> {
    const n = await this.note(text);
    await this.page.mouse.move(n.cx, n.cy);
    await this.page.mouse.down();
    for (let i = 1; i <= 10; i++) await this.page.mouse.move(n.cx + (dx * i) / 10, n.cy + (dy * i) / 10);
    await this.page.mouse.up();
  }

  async tap(x: number, y: number): Promise<void> {
    if (this.touch) await this.page.touchscreen.tap(x, y);
    else await this.page.mouse.click(x, y);
  }

  async waitSaved(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  }
}

export interface Facilitator {
  board: BoardPage;
  id: string;
  code: string;
}

export const createMeeting = async (browser: Browser, title: string): Promise<Facilitator> => {
  const context = await browser.newContext(LAPTOP);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Titel van de bijeenkomst').fill(title);
  await page.getByRole('button', { name: 'Bijeenkomst maken' }).click();
  await expect(page).toHaveURL(/\/m\/[A-Za-z0-9_-]{22}$/);
  const code = (await page.getByTestId('join-code').innerText()).replace(/\s/g, '');
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  const id = new URL(page.url()).pathname.split('/').pop()!;
  return { board: new BoardPage(page, context, false), id, code };
};

export const joinAs = async (
  browser: Browser,
  code: string,
  name: string,
  side: 'formeel' | 'informeel',
  device: typeof TABLET | typeof LAPTOP = TABLET,
): Promise<BoardPage> => {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  await page.goto(`/join?code=${code}`);
  await expect(page.getByLabel('Code')).toHaveValue(code);
  await page.getByLabel('Naam').fill(name);
  await page.getByRole('radio', { name: new RegExp(side === 'formeel' ? '^Formeel' : '^Informeel') }).check();
  await page.getByRole('button', { name: 'Meedoen' }).click();
  await expect(page).toHaveURL(/\/m\//);
  const board = new BoardPage(page, context, 'hasTouch' in device && device.hasTouch);
  await expect(board.status).toHaveAttribute('data-state', /connected|saved/);
  return board;
};
