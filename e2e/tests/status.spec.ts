import { expect, test, type BrowserContext } from '@playwright/test';
import { layoutFaults } from './layout.ts';
import { createMeeting, joinAs, PROFILES } from './pages.ts';
import { template, templateLabel as label } from './templates.ts';

/**
 * Venue Wi-Fi that goes away rarely closes a socket: the browser keeps it
 * "open" while nothing arrives. This holds back every message of the
 * context's sockets, both ways, without closing anything (as TCP does while
 * the radio is gone), and delivers what it held when the network is back
 * (as TCP's retransmission does); a socket the page closes meanwhile is
 * closed, and a new one connects once the network is back.
 */
class SilentNetwork {
  private down = false;
  private held: (() => void)[] = [];
  static async install(context: BrowserContext): Promise<SilentNetwork> {
    const net = new SilentNetwork();
    await context.routeWebSocket(/.*/, (ws) => {
      const server = ws.connectToServer();
      const pass = (deliver: () => void) => (net.down ? net.held.push(deliver) : deliver());
      ws.onMessage((m) => pass(() => server.send(m)));
      server.onMessage((m) => pass(() => ws.send(m)));
    });
    return net;
  }
  cut(): void {
    this.down = true;
  }
  restore(): void {
    this.down = false;
    for (const deliver of this.held.splice(0)) {
      try {
        deliver();
      } catch {
        // that socket is gone; its page has a new one
      }
    }
  }
}

for (const profile of ['tablet', 'phone'] as const) test(`a ${profile} whose Wi-Fi goes silent says "niet verbonden" within 3 s, keeps writing, and saves it all when the network is back`, async ({ browser }) => {
  const fac = await createMeeting(browser, 'Wifi zonder afscheid in de wijk', { boards: ['Vrij bord'] });
  const anna = await joinAs(browser, fac.code, 'Anna', 'informeel', PROFILES[profile]);
  const net = await SilentNetwork.install(anna.context);
  await anna.page.reload();
  if (profile === 'phone') await anna.showPoster();
  await expect(anna.status).toHaveAttribute('data-state', /connected|saved/);
  await anna.addNoteOnBoard(600, 500, 'Voor de storing');
  await anna.waitSaved();

  net.cut();
  const cut = Date.now();
  await expect(anna.status).toHaveAttribute('data-state', 'offline', { timeout: 3_000 });
  const noticed = Date.now() - cut;
  await expect(anna.status).toContainText('niet verbonden — je werk blijft bewaard');
  // The long status never pushes the title or the buttons off the header.
  expect((await anna.page.locator('.meeting-title').boundingBox())!.width).toBeGreaterThan(100);
  const faults = await layoutFaults(anna.page, ['[data-testid="connection-status"]']);
  expect({ overflowX: faults.overflowX, offScreen: faults.offScreen, covered: faults.covered }).toEqual({ overflowX: 0, offScreen: [], covered: [] });
  await anna.page.screenshot({ path: `test-results/screens/status-offline-${profile}.png` });
  // It never says "opgeslagen" about what the server cannot have.
  await anna.addNoteOnBoard(1000, 500, 'Tijdens de storing');
  await expect(anna.status).toHaveAttribute('data-state', 'offline');
  expect(await fac.board.texts()).toEqual(['Voor de storing']);

  net.restore();
  await expect.poll(() => fac.board.texts(), { timeout: 30_000 }).toEqual(['Tijdens de storing', 'Voor de storing']);
  await anna.waitSaved();
  console.log(JSON.stringify({ noticedMs: noticed }));
});

test('opening the meeting again (a reload, the app from the home screen) opens the board this tablet was sent to or chose', async ({ browser }) => {
  const ids = ['kracht-informeel', 'kracht-formeel', 'boom'] as const;
  const fac = await createMeeting(browser, 'Terug naar je bord', { boards: ids.map((id) => label(id)) });
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel', PROFILES.tabletPortrait);
  const meeting = new URL(anna.page.url()).pathname;

  // Sent there by the facilitator.
  await fac.board.sendPersonTo('Anna', template('boom').title);
  await expect.poll(() => anna.textsOf('.board-title')).toEqual([template('boom').title]);
  await anna.page.goto(meeting);
  await expect.poll(() => anna.textsOf('.board-title')).toEqual([template('boom').title]);

  // Chosen by hand, then the page reloaded without its address.
  await anna.openBoard(template('kracht-formeel').title);
  await anna.page.goto(meeting);
  await expect.poll(() => anna.textsOf('.board-title')).toEqual([template('kracht-formeel').title]);
  await anna.page.reload();
  await expect.poll(() => anna.textsOf('.board-title')).toEqual([template('kracht-formeel').title]);
});
