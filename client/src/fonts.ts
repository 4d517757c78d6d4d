let ready: Promise<unknown> | null = null;

/**
 * The bundled note font, loaded. Konva draws text on a canvas with whatever
 * font is loaded at that moment, and measures line breaks then: a page that
 * draws notes waits for it (it is served by this host and preloaded by
 * index.html, so this is quick), but never longer than a moment. Pages of
 * plain HTML (the join form) do not wait: the browser swaps the font in.
 */
export const fontsReady = (): Promise<unknown> =>
  (ready ??= Promise.race([
    Promise.all([document.fonts.load('22px "Atkinson Hyperlegible"'), document.fonts.load('bold 22px "Atkinson Hyperlegible"')]).catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 1500)),
  ]));
