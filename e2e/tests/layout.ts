import type { Page } from '@playwright/test';

/** What a screen gets wrong about its layout: each entry names the control and what is wrong. */
export interface LayoutFaults {
  /** The page can scroll sideways by this many px (0 when it cannot). */
  overflowX: number;
  /** Controls partly or wholly off screen. */
  offScreen: string[];
  /** Controls people tap that are smaller than 44 × 44 CSS px. */
  small: string[];
  /** Things that must stay visible (status, task) with something else on top of them. */
  covered: string[];
}

export const MIN_TARGET = 44;

/**
 * Measures a page as a person sees it: can it be pushed sideways, is every
 * visible control on screen and big enough for a finger, and are the status
 * and the task uncovered. Controls inside a container that scrolls (the side
 * panel) may lie below its fold; they may not stick out sideways.
 * `mustShow` are selectors of elements that must be visible and on top.
 */
export const layoutFaults = (page: Page, mustShow: string[] = ['[data-testid="connection-status"]', '[data-testid="task"]']): Promise<LayoutFaults> =>
  page.evaluate(
    ({ mustShow, minTarget }) => {
      const vw = window.innerWidth;
      const vh = window.innerHeight;
      const se = document.scrollingElement ?? document.documentElement;
      const overflowX = Math.max(0, se.scrollWidth - vw, document.body.scrollWidth - vw);
      const name = (el: Element) => {
        const label = el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.getAttribute('placeholder') || el.id || el.className;
        return `${el.tagName.toLowerCase()} "${String(label).trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
      };
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1) return false;
        for (let e: Element | null = el; e; e = e.parentElement) {
          const s = getComputedStyle(e);
          if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
          if (e.getAttribute('aria-hidden') === 'true') return false;
        }
        return true;
      };
      const inScroller = (el: Element) => {
        for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
          const s = getComputedStyle(e);
          if (/(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1) return true;
        }
        return false;
      };
      // A skip link waits above the page until it has the focus (then it is on screen: checked in a11y.spec).
      const waiting = (el: Element) => el.classList.contains('skip-link') && el !== document.activeElement;
      const controls = [...document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, [role=button], [tabindex="0"]')].filter(
        (el) => visible(el) && !waiting(el),
      );
      const offScreen: string[] = [];
      const small: string[] = [];
      for (const el of controls) {
        const r = el.getBoundingClientRect();
        const sideways = r.left < -0.5 || r.right > vw + 0.5;
        const vertical = !inScroller(el) && (r.top < -0.5 || r.bottom > vh + 0.5);
        if (sideways || vertical) offScreen.push(`${name(el)} at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`);
        // Radio buttons and checkboxes count with their label, which is the target.
        const target = el.closest('label') ?? el;
        const t = target.getBoundingClientRect();
        if ((t.width < minTarget - 0.5 || t.height < minTarget - 0.5) && el.tagName !== 'CANVAS') small.push(`${name(el)} ${Math.round(t.width)}×${Math.round(t.height)}`);
      }
      const covered: string[] = [];
      for (const sel of mustShow) {
        const el = document.querySelector(sel);
        if (!el || !visible(el)) {
          covered.push(`${sel} is not shown`);
          continue;
        }
        const r = el.getBoundingClientRect();
        if (r.left < 0 || r.right > vw || r.top < 0 || r.bottom > vh) covered.push(`${sel} is off screen`);
        for (const [fx, fy] of [
          [0.5, 0.5],
          [0.1, 0.5],
          [0.9, 0.5],
        ] as const) {
          const x = r.left + r.width * fx;
          const y = r.top + r.height * fy;
          const top = document.elementFromPoint(Math.min(vw - 1, Math.max(0, x)), Math.min(vh - 1, Math.max(0, y)));
          if (top && !el.contains(top) && !top.contains(el)) covered.push(`${sel} under ${name(top)}`);
        }
      }
      return { overflowX, offScreen, small, covered };
    },
    { mustShow, minTarget: MIN_TARGET },
  );

/** Tries to push the page sideways, as a swipe or a focused field at the edge would; returns how far it went. */
export const sidewaysScroll = (page: Page): Promise<number> =>
  page.evaluate(() => {
    window.scrollTo(10_000, 0);
    const moved = window.scrollX;
    window.scrollTo(0, 0);
    return moved;
  });
