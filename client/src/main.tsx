import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { UpdatePrompt } from './pwa/UpdatePrompt.tsx';
import { sweepLocalCopies } from './sync/expiry.ts';

/**
 * Konva draws text on a canvas with whatever font is loaded at that moment,
 * and measures line breaks then. Wait for the bundled font (it is served by
 * this host, so this is quick), but never longer than a moment.
 */
const fontsReady = Promise.race([
  Promise.all([
    document.fonts.load('22px "Atkinson Hyperlegible"'),
    document.fonts.load('bold 22px "Atkinson Hyperlegible"'),
  ]).catch(() => undefined),
  new Promise((resolve) => setTimeout(resolve, 1500)),
]);

void fontsReady.then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  createRoot(root).render(
    <StrictMode>
      <App />
      <UpdatePrompt />
    </StrictMode>,
  );
});

// Local copies expire with their tokens (sync/expiry.ts).
void sweepLocalCopies().catch(() => undefined);
