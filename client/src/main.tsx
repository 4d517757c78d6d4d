import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { fontsReady } from './fonts.ts';
import { loadLocale } from './i18n/index.ts';
import { mark } from './lib/marks.ts';
import { UpdatePrompt } from './pwa/UpdatePrompt.tsx';
import { sweepLocalCopies } from './sync/expiry.ts';

// The fonts start loading now; the pages that draw notes wait for them (fonts.ts).
void fontsReady().then(() => mark('fonts'));

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
// Dutch at once; English after its words have loaded (i18n/index.ts).
void loadLocale()
  .catch(() => undefined) // the English words could not load (offline, no cache): the page speaks Dutch
  .then(() => {
    mark('render');
    createRoot(root).render(
      <StrictMode>
        <App />
        <UpdatePrompt />
      </StrictMode>,
    );
  });

// Local copies expire with their tokens (sync/expiry.ts).
void sweepLocalCopies().catch(() => undefined);
