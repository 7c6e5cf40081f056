import { startEarly } from './app/early-start.ts';
import './ui/styles.css';

// The audio's metadata and the transcript's download start now, while the app's code
// (a separate chunk) is fetched and compiled; the app adopts what was started.
const early = startEarly(window.location);
import('./app/boot.tsx')
  .then(({ boot }) => boot(early))
  .catch((error: unknown) => showLoadFailure(error));

/** Without its code the app cannot say anything itself: a plain sentence and a Reload button, never a blank page. */
function showLoadFailure(error: unknown): void {
  console.error(error);
  const root = document.getElementById('root') ?? document.body;
  const box = document.createElement('div');
  box.className = 'load-failure';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = 'Verbatim could not load its code. Reload the page; if you are offline, it works offline after one visit online.';
  const detail = document.createElement('p');
  detail.className = 'load-failure__detail';
  detail.textContent = error instanceof Error ? error.message : String(error);
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => window.location.reload());
  box.append(text, detail, reload);
  root.replaceChildren(box);
  reload.focus();
}
