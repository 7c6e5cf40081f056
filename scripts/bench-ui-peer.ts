/**
 * The hyperaudio-lite peer for `npm run bench:ui -- --peer`: one static page per scale
 * fixture, marked up the way hyperaudio-lite documents it (every word a span with
 * data-m / data-d in milliseconds, one paragraph per turn), playing the same MP3,
 * with the library's own script from its npm package (2.6.4, MIT).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type { ScaleFixture } from './scale-fixtures.ts';

const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** Writes `peer/hyperaudio-lite.js` and `peer/scale-KEY.html` under `dist`; the audio is served from `scale/`. */
export function writePeerPages(dist: string, fixtures: readonly ScaleFixture[]): void {
  const dir = join(dist, 'peer');
  mkdirSync(dir, { recursive: true });
  copyFileSync(createRequire(import.meta.url).resolve('hyperaudio-lite'), join(dir, 'hyperaudio-lite.js'));
  for (const { size, transcript, audioPath } of fixtures) {
    const names = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker.name]));
    const paragraphs = transcript.entries.map((entry) => {
      if (entry.kind !== 'speech') return '';
      const words = entry.words
        .map((word) => `<span data-m="${Math.round(word.start! * 1000)}" data-d="${Math.round((word.end! - word.start!) * 1000)}">${escape(word.text)} </span>`)
        .join('');
      return `<p><span class="speaker">${escape(names.get(entry.speakerId ?? '') ?? '')}: </span>${words}</p>`;
    });
    writeFileSync(
      join(dir, `scale-${size.key}.html`),
      `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hyperaudio-lite ${size.key}</title>
<style>
body { margin: 0; font: 17px/1.6 system-ui, sans-serif; }
audio { display: block; width: 100%; height: 48px; }
#hypertranscript { height: calc(100vh - 48px); overflow-y: auto; padding: 0 24px; }
#hypertranscript p { margin: 0; padding: 8px 0; }
.speaker { font-weight: 600; }
.active > .active { background: #fde68a; }
</style></head>
<body>
<audio id="hyperplayer" src="../scale/${basename(audioPath)}" preload="metadata" controls></audio>
<div id="hypertranscript"><section>
${paragraphs.join('\n')}
</section></div>
<script src="hyperaudio-lite.js"></script>
<script>new HyperaudioLite({ transcript: 'hypertranscript', player: 'hyperplayer', autoScroll: true }); window.__peerReady = true;</script>
</body></html>
`,
    );
  }
}
