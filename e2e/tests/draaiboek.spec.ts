import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { DRAAIBOEK } from '../../templates/src/index.ts';
import { createMeeting, joinAs, LAPTOP_1366, PHONE } from './pages.ts';

const SHOTS = 'test-results/draaiboek';
const step = (id: string) => DRAAIBOEK.find((s) => s.id === id)!;

test('the facilitator runs the programme with "Volgende stap"; every screen shows the step; pause and resume', async ({ browser }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const fac = await createMeeting(browser, 'Draaiboek', { programme: 'Volledige bijeenkomst' });
  const page = fac.board.page;
  await page.setViewportSize(LAPTOP_1366.viewport);
  const anna = await joinAs(browser, fac.code, 'Anna', 'formeel');
  const bram = await joinAs(browser, fac.code, 'Bram', 'informeel');
  // A phone opens the list view: the step shows there too.
  const chaima = await joinAs(browser, fac.code, 'Chaima', 'informeel', PHONE);
  await fac.board.setPanel(true);
  const panel = page.locator('.draaiboek');
  await expect(panel.getByText('De bijeenkomst is nog niet begonnen.')).toBeVisible();
  await expect(anna.page.getByTestId('assignment')).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/0-not-started.png` });

  const next = panel.getByRole('button', { name: /^(Volgende stap|Begin met de eerste stap)$/ });
  const timerLeft = async (p = page) => Number(await p.getByTestId('timer').first().getAttribute('data-left-ms'));
  const expectStep = async (id: string) => {
    const s = step(id);
    await expect(panel.getByTestId('draaiboek-current')).toHaveAttribute('data-step', id);
    for (const who of [anna, bram, chaima]) {
      await expect(who.page.getByTestId('assignment')).toHaveAttribute('data-step', id);
      await expect(who.page.getByTestId('assignment')).toContainText(s.task);
    }
    // The timer starts with the step's minutes (the presentations: a quarter of an hour per organisation, one poster here).
    const left = await timerLeft();
    // (The server clock estimate may move a little between the start and the reading.)
    expect(left).toBeLessThanOrEqual(s.minutes * 60_000 + 2_000);
    expect(left).toBeGreaterThan(s.minutes * 60_000 - 15_000);
  };

  await next.click();
  await expectStep('intro');
  await page.screenshot({ path: `${SHOTS}/1-intro.png` });
  for (const id of ['A.1', 'A.2']) {
    await next.click();
    await expectStep(id);
  }
  // A.2 sends everyone to their organisation's poster.
  for (const who of [anna, bram]) await expect.poll(() => who.textsOf('.board-title')).toEqual(['Een nieuw beeld van elkaar']);
  await page.screenshot({ path: `${SHOTS}/2-A2.png` });
  for (const id of ['A.3', 'B.1', 'B.2']) {
    await next.click();
    await expectStep(id);
  }
  // B: each side writes about the other.
  await expect.poll(() => anna.textsOf('.board-title')).toEqual(['De kracht van informeel']);
  await expect.poll(() => bram.textsOf('.board-title')).toEqual(['De kracht van formeel']);
  await page.screenshot({ path: `${SHOTS}/3-B2.png` });
  await anna.page.screenshot({ path: `${SHOTS}/3-B2-tablet-formeel.png` });
  await chaima.page.screenshot({ path: `${SHOTS}/3-B2-phone-informeel.png` });

  // "Vorige" goes back a step and starts it again.
  await panel.getByRole('button', { name: 'Vorige' }).click();
  await expectStep('B.1');
  await next.click();
  await expectStep('B.2');

  // More time for this step: the plan and every timer get five minutes more.
  await panel.getByRole('button', { name: '5 minuten meer voor deze stap' }).click();
  await expect(panel.locator('.draaiboek-minutes')).toContainText('10 min');
  await expect.poll(() => timerLeft(anna.page)).toBeGreaterThan(9 * 60_000);

  // Pause: every timer stands still, every screen says so; the facilitator's page reloads into the same paused step.
  await panel.getByRole('button', { name: 'Pauzeer' }).click();
  await expect(anna.page.getByTestId('assignment')).toContainText('Gepauzeerd');
  await expect(anna.page.getByTestId('timer')).toHaveClass(/timer-paused/);
  const stood = await timerLeft(anna.page);
  await page.reload();
  await fac.board.setPanel(true);
  await expect(panel.getByTestId('draaiboek-current')).toHaveAttribute('data-step', 'B.2');
  await expect(panel.getByRole('button', { name: 'Hervat' })).toBeVisible();
  expect(await timerLeft(anna.page)).toBe(stood);
  await page.screenshot({ path: `${SHOTS}/4-paused.png` });
  await panel.getByRole('button', { name: 'Hervat' }).click();
  await expect(anna.page.getByTestId('timer')).not.toHaveClass(/timer-paused/);
  await expect(anna.page.getByTestId('assignment')).not.toContainText('Gepauzeerd');

  // The beamer shows the step beside the timer.
  const href = await page.getByRole('link', { name: 'Projector openen' }).getAttribute('href');
  const beamerContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const beamer = await beamerContext.newPage();
  await beamer.goto(href!);
  await expect(beamer.getByTestId('assignment')).toContainText(step('B.2').task);
  await expect(beamer.getByTestId('timer')).toBeVisible();
  await beamer.screenshot({ path: `${SHOTS}/beamer-B2.png` });
  await beamerContext.close();

  // The whole list of steps, the optional ones with a box to leave them out.
  await panel.getByText('Alle stappen').click();
  await expect(panel.locator('.draaiboek-steps li')).toHaveCount(DRAAIBOEK.length);
  await page.screenshot({ path: `${SHOTS}/5-steps.png` });
  // Part D's explanation per theme and the VEILIGE RUIMTE box: in the facilitator's panel, on no participant's screen.
  await fac.board.openBoard('Wat staat er in de weg?');
  const veilig = page.getByTestId('facilitator-note-veilige-ruimte');
  await veilig.getByText('VEILIGE RUIMTE').click();
  await expect(veilig).toContainText('Een ruimte waarin mensen er met elkaar in slagen een positief beeld van zichzelf');
  await page.screenshot({ path: `${SHOTS}/6-D-notes.png` });
  await anna.openBoard('Wat staat er in de weg?');
  await anna.setPanel(true);
  await expect(anna.page.getByTestId('facilitator-note-veilige-ruimte')).toHaveCount(0);
  await expect(anna.page.getByText('VEILIGE RUIMTE')).toHaveCount(0);

  // Nothing in the panel is wider than the panel.
  const overflow = await page.locator('#side-panel').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
