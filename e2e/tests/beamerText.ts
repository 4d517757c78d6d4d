import type { Page } from '@playwright/test';

/** NOTE_FONT_SIZE of client/src/board/theme.ts: the size a note's words are drawn at (a Konva Shape, not a Text). */
export const NOTE_FONT_PX = 22;

/**
 * The smallest text on the beamer, in CSS px on screen: every visible Konva
 * text (font size × its absolute scale, the stage's included) and every DOM
 * element with words of its own (its computed font size), inside `within`
 * (the walk of a presentation, or the whole projector page).
 */
export const smallestText = (page: Page, within = '[data-testid="walk"]') =>
  page.evaluate(
    ({ notePx, within }) => {
      let min = Infinity;
      let counted = 0;
      const konva = (window as unknown as { Konva?: { stages: any[] } }).Konva;
      for (const stage of konva?.stages ?? []) {
        if (!stage.container().closest(within)) continue;
        for (const n of stage.find((x: any) => x.getClassName() === 'Text' || x.name() === 'note-text')) {
          if (!n.isVisible() || !n.getAttr('text')) continue;
          const size = n.getClassName() === 'Text' ? n.fontSize() : notePx;
          min = Math.min(min, size * n.getAbsoluteScale().y);
          counted++;
        }
      }
      for (const el of document.querySelectorAll(`${within} *`)) {
        if ((el as HTMLElement).closest('[hidden]') || (el as HTMLElement).getClientRects().length === 0) continue;
        const own = [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim());
        if (!own) continue;
        min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
        counted++;
      }
      return { min, counted };
    },
    { notePx: NOTE_FONT_PX, within },
  );
