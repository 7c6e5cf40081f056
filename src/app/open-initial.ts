import type { Verbatim } from './create-verbatim.ts';
import { fragmentStart } from './media-fragment.ts';
import { turnStartAccuracy } from './demo-accuracy.ts';
import { readTranscript } from '../transcript/read-transcript.ts';
import { openPassageLink } from '../embed/open-passage-link.ts';

export const DEMO = {
  audio: `${import.meta.env.BASE_URL}demo/seed.opus`,
  transcript: `${import.meta.env.BASE_URL}demo/seed.verbatim.json`,
  /** The same transcript as NPR publishes it: no timings. `?demo=align` aligns it. */
  untimed: `${import.meta.env.BASE_URL}demo/seed.txt`,
};

/** What the page address asks for; `feed` is opened by the page's feed dialog. */
export interface InitialRequest {
  feed: string | null;
  /** Settles once the first session has opened (or failed to): the page is in use from then on. */
  opened: Promise<unknown>;
  /** After `opened`, with what follows it (the seek of `#t=`, the demo's alignment). */
  done: Promise<void>;
}

/**
 * Opens what the address asks for: `?audio=&transcript=&peaks=`, `?feed=`,
 * `?demo=align`, else the files of the last visit (see last-audio.ts), else the demo; `#t=` seeks once loaded. Called once, after
 * the app object exists and before (or while) React renders.
 */
export function openInitial(app: Verbatim, location: { search: string; hash: string }): InitialRequest {
  const params = new URLSearchParams(location.search);
  const urls = { audio: params.get('audio') ?? undefined, transcript: params.get('transcript') ?? undefined, peaks: params.get('peaks') ?? undefined };
  const feed = params.get('feed');
  const start = fragmentStart(location.hash);
  const alignDemo = params.get('demo') === 'align';
  const first = alignDemo
    ? app.loader.loadUrls({ audio: DEMO.audio, transcript: DEMO.untimed }, { quiet: true })
    : urls.audio || urls.transcript || urls.peaks
      ? app.loader.loadUrls(urls)
      : feed
        ? Promise.resolve(false)
        : reopenLast(app).then((reopened) => reopened || app.loader.loadUrls(DEMO, { quiet: true }));
  const done = first.then(async (loaded: boolean) => {
    if (start !== undefined) openPassageLink(app.player, location.hash);
    if (alignDemo && loaded) {
      await app.alignment.start({ language: 'en' });
      await reportDemoAccuracy(app);
    }
  });
  return { feed, opened: first, done };
}

function reopenLast(app: Verbatim): Promise<boolean> {
  // Whatever goes wrong there, the page still opens (the demo).
  return app.lastAudio ? app.lastAudio.reopen().catch(() => false) : Promise.resolve(false);
}

/** After the demo's alignment, says how close it came to the synthesizer's exact times. */
async function reportDemoAccuracy(app: Verbatim) {
  const state = app.store.getState();
  const response = await fetch(DEMO.transcript);
  const truth = readTranscript(await response.text(), { fileName: 'seed.verbatim.json' });
  if (!truth.ok || state.alignment.status !== 'done') return;
  const accuracy = turnStartAccuracy(state.transcript, truth.transcript);
  if (!accuracy) return;
  state.setAlignment({
    message: `${state.alignment.message} Against the synthesizer's exact times: turn starts off by ${Math.round(accuracy.medianMs)} ms (median), ${Math.round(accuracy.within100 * 100)}% within 100 ms.`,
  });
}
