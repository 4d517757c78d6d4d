import { typeAsPeople, type TypingMode } from './typing.ts';
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type CDPSession, type Page, type WebSocketRoute } from '@playwright/test';

/**
 * Page objects: one per person in the room. The board is read through
 * Konva's scene graph (window.Konva), never through pixels.
 */
export const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false } as const;
export const LAPTOP = { viewport: { width: 1280, height: 800 } } as const;

/** The screens people use, as the issues name them. */
export const PROFILES = {
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 },
  tablet: { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false, deviceScaleFactor: 2 },
  tabletPortrait: { viewport: { width: 800, height: 1280 }, hasTouch: true, isMobile: false, deviceScaleFactor: 2 },
  laptop: { viewport: { width: 1366, height: 768 } },
  beamer: { viewport: { width: 1920, height: 1080 } },
} as const;
export type ProfileName = keyof typeof PROFILES;

export interface Point {
  x: number;
  y: number;
}

export interface NoteOnScreen {
  id: string;
  text: string;
  /** The number on a bundle's head note, or null for a single note. */
  bundleCount: number | null;
  /** board coordinates */
  x: number;
  y: number;
  fill: string;
  /** centre on screen, in CSS pixels */
  cx: number;
  cy: number;
  /** drawn with the selection outline */
  selected: boolean;
  /** size of its words on screen (CSS px) when last drawn; null before that */
  fontPx: number | null;
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
      // The drawn picture may be moved by a CSS transform while a gesture settles (the board's Camera).
      const box = stage.content.getBoundingClientRect();
      const k = box.width / stage.content.clientWidth || 1;
      return stage.find('.note').map((n: any) => {
        const r = n.getClientRect();
        const rect = n.findOne('.note-body');
        const badge = n.findOne('.bundle-count-text');
        return {
          id: n.id(),
          text: n.findOne('.note-text')?.getAttr('text') ?? '',
          bundleCount: badge ? Number(badge.text()) : null,
          x: n.x(),
          y: n.y(),
          fill: rect?.fill() ?? '',
          cx: box.left + (r.x + r.width / 2) * k,
          cy: box.top + (r.y + r.height / 2) * k,
          selected: rect?.strokeWidth() > 1,
          fontPx: n.findOne('.note-text')?.drawnFontPx ?? null,
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
    await this.page.getByRole('button', { name: 'Klaar', exact: true }).click();
    await expect.poll(async () => (await this.notes()).length).toBe(before + 1);
  }

  async editNote(text: string, next: string): Promise<void> {
    const n = await this.note(text);
    await this.page.mouse.dblclick(n.cx, n.cy);
    const editor = this.page.getByLabel('Tekst van de notitie');
    await expect(editor).toBeFocused();
    await editor.fill(next);
    await this.page.getByRole('button', { name: 'Klaar', exact: true }).click();
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

  // --- the scene graph ------------------------------------------------------

  /** Role cards on the open board, with board position and screen centre. */
  async roleCards(): Promise<RoleCardOnScreen[]> {
    return this.page.evaluate(() => {
      const stage = (window as unknown as { Konva?: { stages: any[] } }).Konva?.stages[0];
      if (!stage) return [];
      const box = stage.content.getBoundingClientRect();
      const k = box.width / stage.content.clientWidth || 1;
      return stage.find('.role-card').map((n: any) => {
        const r = n.getClientRect();
        return {
          id: n.id(),
          title: n.findOne('.role-title')?.text() ?? '',
          x: n.x(),
          y: n.y(),
          cx: box.left + (r.x + r.width / 2) * k,
          cy: box.top + (r.y + r.height / 2) * k,
        };
      });
    });
  }

  /** Ids of the Konva nodes with a name (`.zone`, `.zone-highlight`, `.reference`, ...). */
  async ids(selector: string): Promise<string[]> {
    return this.page.evaluate((sel) => {
      const stage = (window as unknown as { Konva?: { stages: any[] } }).Konva?.stages[0];
      return stage ? stage.find(sel).map((n: any) => n.id()) : [];
    }, selector);
  }

  /** Texts of the Konva Text nodes matching `selector`, optionally inside the node with id `within`. */
  async textsOf(selector: string, within?: string): Promise<string[]> {
    return this.page.evaluate(
      ({ sel, within }) => {
        const stage = (window as unknown as { Konva?: { stages: any[] } }).Konva?.stages[0];
        const root = stage && within ? stage.findOne(`#${within}`) : stage;
        return root ? root.find(sel).map((n: any) => n.text()) : [];
      },
      { sel: selector, within },
    );
  }

  /** Ghost reference notes shown by the facilitator: id (without "reference-") and whether covered. */
  async references(): Promise<{ id: string; covered: boolean }[]> {
    return this.page.evaluate(() => {
      const stage = (window as unknown as { Konva?: { stages: any[] } }).Konva?.stages[0];
      if (!stage) return [];
      return stage.find('.reference').map((n: any) => ({
        id: String(n.id()).replace(/^reference-/, ''),
        covered: String(n.name()).split(' ').includes('covered'),
      }));
    });
  }

  /** Rows of the agreements table, oldest first, as column id → text. */
  async agreements(): Promise<Record<string, string>[]> {
    return this.page.evaluate(() => {
      const stage = (window as unknown as { Konva?: { stages: any[] } }).Konva?.stages[0];
      if (!stage) return [];
      return stage
        .find('.agreement')
        .sort((a: any, b: any) => a.y() - b.y())
        .map((row: any) =>
          Object.fromEntries(
            row
              .getChildren()
              .filter((c: any) => String(c.name()).startsWith('agreement-'))
              .map((c: any) => [String(c.name()).slice('agreement-'.length), c.text()]),
          ),
        );
    });
  }

  /** Screen centre of the Konva node with this id. */
  async nodeCenter(id: string): Promise<Point> {
    const p = await this.page.evaluate((nodeId) => {
      const stage = (window as unknown as { Konva?: { stages: any[] } }).Konva?.stages[0];
      const node = stage?.findOne(`#${nodeId}`);
      if (!node) return null;
      const box = stage.content.getBoundingClientRect();
      const k = box.width / stage.content.clientWidth || 1;
      const r = node.getClientRect();
      return { x: box.left + (r.x + r.width / 2) * k, y: box.top + (r.y + r.height / 2) * k };
    }, id);
    if (!p) throw new Error(`no node #${id} on the board`);
    return p;
  }

  async tapNode(id: string): Promise<void> {
    await expect.poll(async () => (await this.ids(`#${id}`)).length).toBe(1);
    let p = await this.nodeCenter(id);
    if (!(await this.onBoard(p))) {
      await this.showWhole();
      p = await this.nodeCenter(id);
    }
    await this.tap(p.x, p.y);
  }

  /** Whether a screen point shows the board (not the header, a bar or off screen). */
  async onBoard(p: Point): Promise<boolean> {
    return this.page.evaluate(({ x, y }) => {
      const el = document.elementFromPoint(x, y);
      return !!el && el.tagName === 'CANVAS';
    }, p);
  }

  /**
   * "Hele bord": a board opens on one zone at a readable size; to reach a
   * place in another zone a person zooms out (or goes to that zone).
   */
  async showWhole(): Promise<void> {
    await this.page.getByRole('button', { name: 'Hele bord' }).click();
    // The camera moves a frame or more after the click.
    await this.still();
  }

  /** Board point → screen (CSS px in the page), through the stage's transform and the CSS transform of a gesture in flight. */
  async boardToScreen(x: number, y: number): Promise<Point> {
    const p = await this.page.evaluate(
      ({ x, y }) => {
        const stage = (window as unknown as { Konva?: { stages: any[] } }).Konva?.stages[0];
        if (!stage) return null;
        const box = stage.content.getBoundingClientRect();
        const k = box.width / stage.content.clientWidth || 1;
        const q = stage.getAbsoluteTransform().point({ x, y });
        return { x: box.left + q.x * k, y: box.top + q.y * k };
      },
      { x, y },
    );
    if (!p) throw new Error('no Konva stage');
    return p;
  }

  /** Screen point → board point. */
  async screenToBoard(x: number, y: number): Promise<Point> {
    const p = await this.page.evaluate(
      ({ x, y }) => {
        const stage = (window as unknown as { Konva?: { stages: any[] } }).Konva?.stages[0];
        if (!stage) return null;
        const box = stage.content.getBoundingClientRect();
        const k = box.width / stage.content.clientWidth || 1;
        return stage.getAbsoluteTransform().copy().invert().point({ x: (x - box.left) / k, y: (y - box.top) / k });
      },
      { x, y },
    );
    if (!p) throw new Error('no Konva stage');
    return p;
  }

  /** The screen point of a board point, zooming out to the whole poster first when it is not on screen. */
  /**
   * Waits until the board holds still: the same picture placement (the
   * stage's transform and the CSS transform of a redraw in flight) over a
   * few frames. A person aims at what is on screen; while a board opens, or
   * the camera fits or moves, a point computed a frame earlier is elsewhere.
   */
  async still(): Promise<void> {
    await expect
      .poll(
        () =>
          this.page.evaluate(
            () =>
              new Promise<boolean>((resolve) => {
                const stage = (window as unknown as { Konva?: { stages: any[] } }).Konva?.stages[0];
                if (!stage) return resolve(false);
                const place = () => JSON.stringify([stage.getAbsoluteTransform().getMatrix(), stage.content.style.transform, stage.content.getBoundingClientRect()]);
                const first = place();
                let frames = 0;
                const next = () => {
                  if (place() !== first) return resolve(false);
                  if (++frames >= 3) return resolve(true);
                  requestAnimationFrame(next);
                };
                requestAnimationFrame(next);
              }),
          ),
        { message: 'the board holds still' },
      )
      .toBe(true);
  }

  async reach(x: number, y: number): Promise<Point> {
    await this.still();
    const p = await this.boardToScreen(x, y);
    if (await this.onBoard(p)) return p;
    await this.showWhole();
    // "Hele bord" moves the camera a frame or more after the click: aim once the whole board holds still on screen.
    await expect
      .poll(
        async () => {
          await this.still();
          return this.onBoard(await this.boardToScreen(x, y));
        },
        { message: `board point ${Math.round(x)},${Math.round(y)} on screen after "Hele bord"` },
      )
      .toBe(true);
    return this.boardToScreen(x, y);
  }

  async tapBoard(x: number, y: number): Promise<void> {
    const p = await this.reach(x, y);
    await this.tap(p.x, p.y);
  }

  /** Like addNote, at a board point. */
  async addNoteOnBoard(x: number, y: number, text: string): Promise<void> {
    const p = await this.reach(x, y);
    await this.addNote(p.x, p.y, text);
  }

  // --- gestures -------------------------------------------------------------

  private cdp: CDPSession | null = null;

  /**
   * A one-finger drag on a touch page (CDP touch events: Playwright's
   * touchscreen only taps), a mouse drag otherwise, through the given
   * screen points. `beforeRelease` runs with the finger or button still
   * down, for assertions during the drag.
   */
  async dragAlong(points: Point[], opts: { steps?: number; beforeRelease?: () => Promise<void> } = {}): Promise<void> {
    const steps = opts.steps ?? 10;
    const [first, ...rest] = points;
    if (!first) return;
    const path: Point[] = [];
    let prev = first;
    for (const p of rest) {
      for (let i = 1; i <= steps; i++) path.push({ x: prev.x + ((p.x - prev.x) * i) / steps, y: prev.y + ((p.y - prev.y) * i) / steps });
      prev = p;
    }
    if (this.touch) {
      this.cdp ??= await this.context.newCDPSession(this.page);
      const cdp = this.cdp;
      const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: Point) =>
        cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y, id: 1 }] : [] });
      await touch('touchStart', first);
      for (const p of path) await touch('touchMove', p);
      await opts.beforeRelease?.();
      await touch('touchEnd');
    } else {
      await this.page.mouse.move(first.x, first.y);
      await this.page.mouse.down();
      for (const p of path) await this.page.mouse.move(p.x, p.y);
      await opts.beforeRelease?.();
      await this.page.mouse.up();
    }
  }

  async dragFromTo(from: Point, to: Point, opts: { steps?: number; beforeRelease?: () => Promise<void> } = {}): Promise<void> {
    await this.dragAlong([from, to], opts);
  }

  // --- the side panel -------------------------------------------------------

  get panelToggle() {
    return this.page.locator('button[aria-controls="side-panel"]');
  }

  async setPanel(open: boolean): Promise<void> {
    if ((await this.panelToggle.getAttribute('aria-expanded')) !== String(open)) await this.panelToggle.click();
    await expect(this.panelToggle).toHaveAttribute('aria-expanded', String(open));
  }

  async hidePanel(): Promise<void> {
    await this.setPanel(false);
  }

  /** The facilitator sends one person to a board ("Per persoon", "Stuur naar de borden"). */
  async sendPersonTo(person: string, boardTitle: string): Promise<void> {
    await this.setPanel(true);
    const run = this.page.locator('.run-panel');
    await run.getByText('Per persoon').click();
    await run.getByLabel(person, { exact: true }).selectOption({ label: boardTitle });
    await run.getByRole('button', { name: 'Stuur naar de borden' }).click();
  }

  boardLink(title: string) {
    return this.page.locator('.board-link').filter({ has: this.page.getByText(title, { exact: true }) });
  }

  /** Opens a board from the side panel (and leaves the panel as it was); waits until its poster is drawn. */
  async openBoard(title: string): Promise<void> {
    const wasOpen = (await this.panelToggle.getAttribute('aria-expanded')) === 'true';
    if (!wasOpen) await this.setPanel(true);
    const link = this.boardLink(title);
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(this.page).toHaveURL(/[?&]bord=/);
    if (!wasOpen) await this.setPanel(false);
    await expect.poll(async () => this.textsOf('.board-title')).toEqual([title]);
  }

  /** Facilitator: "Bord toevoegen" in the panel; the new board opens. `template` is the option label. */
  async addBoard(template: string, name?: string): Promise<void> {
    await this.setPanel(true);
    await this.page.getByRole('button', { name: 'Bord toevoegen' }).click();
    await this.page.getByLabel('Welk bord?').selectOption({ label: template });
    if (name) await this.page.getByLabel('Naam van het bord').fill(name);
    await this.page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    if (name) await expect(this.boardLink(name)).toHaveAttribute('aria-current', 'page');
  }

  /** The same person on a second tab: a new page in this context (same token), same address. */
  async secondPage(): Promise<BoardPage> {
    const page = await this.context.newPage();
    await page.goto(this.page.url());
    const board = new BoardPage(page, this.context, this.touch);
    await expect(board.status).toHaveAttribute('data-state', /connected|saved/);
    return board;
  }

  /** On a phone the list view opens first; this switches to the poster (one tap on "Poster") and waits for it. */
  async showPoster(): Promise<void> {
    const toggle = this.page.getByTestId('view-toggle');
    if ((await toggle.getAttribute('data-view')) === 'lijst') {
      if (this.touch) await toggle.tap();
      else await toggle.click();
    }
    await expect(toggle).toHaveAttribute('data-view', 'poster');
    await expect.poll(() => this.page.evaluate(() => !!(window as unknown as { Konva?: { stages: unknown[] } }).Konva?.stages.length)).toBe(true);
  }

  async waitSaved(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  }
}

export interface RoleCardOnScreen {
  id: string;
  title: string;
  /** board coordinates of the top-left corner */
  x: number;
  y: number;
  cx: number;
  cy: number;
}

export interface Facilitator {
  board: BoardPage;
  id: string;
  code: string;
}

export interface MeetingOptions {
  /** How the title is typed (default: key by key, no pause). */
  typing?: TypingMode;
  /** One of the toolkit's programmes (the start page's default is the full one). */
  programme?: 'Volledige bijeenkomst' | 'Kennismaking';
  /** "Zelf borden kiezen": the checkbox labels, e.g. 'E. Boom van samenwerking', 'Vrij bord'. */
  boards?: string[];
  /** More for the facilitator's browser context (another baseURL, a test certificate). */
  context?: BrowserContextOptions;
}

/** The facilitator key the e2e server runs with (playwright.config.ts sets BODEM_FACILITATOR_KEY). */
export const E2E_FACILITATOR_KEY = process.env.E2E_FACILITATOR_KEY ?? 'e2e-facilitator-key-0123456789';

/** A laptop that has not been given the key yet is asked for it on the start page: typed, as a person would paste it. */
export const enterFacilitatorKey = async (page: Page): Promise<void> => {
  const field = page.getByLabel('Sleutel voor gespreksleiders');
  if (!(await field.isVisible())) return;
  await field.click();
  await page.keyboard.type(E2E_FACILITATOR_KEY);
  await expect(field).toHaveValue(E2E_FACILITATOR_KEY);
};

export const createMeeting = async (browser: Browser, title: string, opts: MeetingOptions = {}): Promise<Facilitator> => {
  const context = await browser.newContext({ ...LAPTOP, ...opts.context });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Titel van de bijeenkomst').click();
  await typeAsPeople(page, title, opts.typing ?? 'fast');
  await expect(page.getByLabel('Titel van de bijeenkomst')).toHaveValue(title);
  const programme = page.getByRole('group', { name: 'Programma' });
  if (opts.boards) {
    await programme.getByRole('radio', { name: 'Zelf borden kiezen' }).check();
    for (const label of opts.boards) await programme.getByRole('checkbox', { name: label, exact: true }).check();
  } else if (opts.programme) {
    await programme.getByRole('radio', { name: new RegExp(`^${opts.programme}`) }).check();
  }
  await enterFacilitatorKey(page);
  await page.getByRole('button', { name: 'Bijeenkomst maken' }).click();
  await expect(page).toHaveURL(/\/m\/[A-Za-z0-9_-]{22}(\?.*)?$/);
  const code = (await page.getByTestId('join-code').innerText()).replace(/\s/g, '');
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  const id = new URL(page.url()).pathname.split('/').pop()!;
  return { board: new BoardPage(page, context, false), id, code };
};

export const joinAs = async (
  browser: Browser,
  code: string,
  name: string,
  side: 'formeel' | 'informeel' | 'beide',
  device: { viewport: { width: number; height: number }; hasTouch?: boolean; isMobile?: boolean; deviceScaleFactor?: number } & BrowserContextOptions = TABLET,
  typing: TypingMode = 'fast',
): Promise<BoardPage> => {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  await page.goto(`/join?code=${code}`);
  await expect(page.getByLabel('Code')).toHaveValue(code);
  if (device.hasTouch) await page.getByLabel('Naam').tap();
  else await page.getByLabel('Naam').click();
  await typeAsPeople(page, name, typing);
  await expect(page.getByLabel('Naam')).toHaveValue(name);
  await page.getByRole('radio', { name: new RegExp(side === 'formeel' ? '^Formeel' : side === 'informeel' ? '^Informeel' : '^Beide') }).check();
  await page.getByRole('button', { name: 'Meedoen' }).click();
  await expect(page).toHaveURL(/\/m\//);
  const board = new BoardPage(page, context, !!device.hasTouch);
  await expect(board.status).toHaveAttribute('data-state', /connected|saved/);
  return board;
};

/**
 * Takes a browser context off the network and back, web sockets included.
 * `context.setOffline` alone leaves open web sockets working (Playwright
 * #4910), so the context's sockets run through `routeWebSocket`: going
 * offline closes them and refuses new ones until `online()`. Install it
 * before the pages connect (or reload them after).
 */
export class NetworkSwitch {
  private readonly links = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  private down = false;

  private constructor(readonly context: BrowserContext) {}

  static async install(context: BrowserContext): Promise<NetworkSwitch> {
    const net = new NetworkSwitch(context);
    await context.routeWebSocket(/.*/, (ws) => net.route(ws));
    return net;
  }

  private route(ws: WebSocketRoute): void {
    if (this.down) {
      void ws.close({ code: 1001, reason: 'offline' }).catch(() => undefined);
      return;
    }
    // Without message handlers, everything is passed through both ways.
    this.links.add({ page: ws, server: ws.connectToServer() });
  }

  async offline(): Promise<void> {
    this.down = true;
    await this.context.setOffline(true);
    for (const link of this.links) {
      await link.page.close({ code: 1001, reason: 'offline' }).catch(() => undefined);
      await link.server.close().catch(() => undefined);
    }
    this.links.clear();
  }

  async online(): Promise<void> {
    this.down = false;
    await this.context.setOffline(false);
  }
}

/** A phone in portrait: the list view is its default. */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } as const;
export const PORTRAIT_TABLET = { viewport: { width: 800, height: 1280 }, hasTouch: true, isMobile: false } as const;
export const LAPTOP_1366 = { viewport: { width: 1366, height: 768 } } as const;

/**
 * The list view of a board (client/src/list), read and driven through the
 * DOM and its accessible names, as a screen reader or a keyboard would.
 * Taps with touch on touch profiles.
 */
export class ListPage {
  constructor(
    readonly page: Page,
    readonly touch: boolean,
  ) {}

  get view() {
    return this.page.getByTestId('list-view');
  }

  /** The section of a zone, found by its heading. */
  zone(label: string) {
    return this.view.locator('section.list-zone').filter({ has: this.page.getByRole('heading', { level: 3, name: label, exact: true }) });
  }

  /** The text fields of the notes in a zone, in order. */
  notes(zone: string) {
    return this.zone(zone).getByRole('textbox', { name: new RegExp(`^Notitie \\d+ in ${zone}$`) });
  }

  async noteTexts(zone: string): Promise<string[]> {
    return this.notes(zone).evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  }

  async press(target: ReturnType<Page['locator']>): Promise<void> {
    if (this.touch) await target.tap();
    else await target.click();
  }

  /** "Notitie toevoegen" in a zone; types the text char by char into the note that opens (focused). */
  async addNote(zone: string, text: string, delay = 40): Promise<void> {
    const before = await this.notes(zone).count();
    await this.press(this.zone(zone).getByRole('button', { name: `Notitie toevoegen in ${zone}` }));
    await expect(this.notes(zone)).toHaveCount(before + 1);
    const field = this.notes(zone).nth(before);
    await expect(field).toBeFocused();
    await this.page.keyboard.type(text, { delay });
    await expect(field).toHaveValue(text);
  }

  /** The note's list item, by the value of its text field. */
  async itemWithText(text: string) {
    const items = this.view.locator('li.list-note');
    let index = -1;
    await expect
      .poll(async () => {
        const values = await items.evaluateAll((els) => els.map((li) => (li.querySelector('textarea.list-note-text') as HTMLTextAreaElement | null)?.value ?? ''));
        index = values.indexOf(text);
        return index;
      })
      .toBeGreaterThanOrEqual(0);
    return items.nth(index);
  }

  /** Text as people put it in (typing.ts): `compose` (an input method's marked text), `paste` (clipboard + Ctrl+V), … */
  async typeAs(text: string, mode: TypingMode): Promise<void> {
    await typeAsPeople(this.page, text, mode);
  }
}
