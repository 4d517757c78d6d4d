import type { Page } from '@playwright/test';

/**
 * Text goes in the ways people put it in, into whatever has the focus:
 *
 * - `fast`: a key per character with no pause (a laptop keyboard, a quick thumb);
 * - `slow`: a key every 100 ms (someone looking for each letter);
 * - `compose`: each word through an input method's composition (Turkish,
 *   Arabic, Polish keyboards, dictation, autocorrect's marked text): the
 *   word grows letter by letter as marked text and is committed whole, the
 *   space typed as a key;
 * - `paste`: the whole text from the clipboard with Ctrl+V.
 *
 * Never `fill()`: it sets the whole value at once and hides every bug that
 * needs a keystroke to happen.
 */
export type TypingMode = 'fast' | 'slow' | 'compose' | 'paste';
export const TYPING_MODES: readonly TypingMode[] = ['fast', 'slow', 'compose', 'paste'];

export async function typeAsPeople(page: Page, text: string, mode: TypingMode): Promise<void> {
  switch (mode) {
    case 'fast':
      await page.keyboard.type(text);
      return;
    case 'slow':
      await page.keyboard.type(text, { delay: 100 });
      return;
    case 'compose': {
      const cdp = await page.context().newCDPSession(page);
      const words = text.split(' ');
      for (const [i, word] of words.entries()) {
        if (i > 0) await page.keyboard.type(' ');
        const letters = Array.from(word);
        for (let n = 1; n <= letters.length; n++) {
          const marked = letters.slice(0, n).join('');
          await cdp.send('Input.imeSetComposition', { text: marked, selectionStart: marked.length, selectionEnd: marked.length });
        }
        // Committing the composition: what the keyboard's candidate bar or dictation does.
        if (word) await cdp.send('Input.insertText', { text: word });
      }
      await cdp.detach();
      return;
    }
    case 'paste': {
      // Through the system clipboard and the keyboard shortcut, as a person pastes.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await page.keyboard.press('ControlOrMeta+V');
      return;
    }
  }
}
