import { startEarly } from './app/early-start.ts';
import './ui/styles.css';

// The audio's metadata and the transcript's download start now, while the app's code
// (a separate chunk) is fetched and compiled; the app adopts what was started.
const early = startEarly(window.location);
void import('./app/boot.tsx').then(({ boot }) => boot(early));
