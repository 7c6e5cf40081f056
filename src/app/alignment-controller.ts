import type { AppStore } from '../store/app-store.ts';
import type { EditorCommands } from '../editor/editor-commands.ts';
import type { AlignClient, AlignJob } from '../align/align-client.ts';
import type { Entry, Transcript } from '../transcript/model.ts';
import { projectKey } from './project-key.ts';
import type { AlignmentCache } from './alignment-cache.ts';
import { counted } from '../transcript/counted.ts';

export interface AlignStartOptions {
  /** Re-align from this entry on, keeping every hand-set time as an anchor. */
  fromEntry?: number;
  language?: string;
  /** No acoustic model: lines placed on the speech pauses by syllables ("Use estimated timings"). */
  estimateOnly?: boolean;
}

const MODEL_LANGUAGES = new Set(['en', 'fr']);

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Why the times are estimates, for the outcome sentence. */
function estimateReason(language: string, estimateOnly: boolean): string {
  const primary = language.toLowerCase().split(/[-_]/u)[0] ?? language;
  if (estimateOnly) return 'estimated on request, without the acoustic model';
  return MODEL_LANGUAGES.has(primary) ? 'estimated' : `no acoustic model for ${languageName(primary)}`;
}

export interface AlignmentController {
  start(options?: AlignStartOptions): Promise<void>;
  cancel(): void;
}

/** Drops times that came from a machine (aligned, estimated) from `fromEntry` on; hand-set and file times stay as anchors. */
export function forgetMachineTimes(transcript: Transcript, fromEntry: number): Transcript {
  const machine = (timing: Entry['timing']) => timing === 'aligned' || timing === 'estimated';
  let changed = false;
  const entries = transcript.entries.map((entry, index) => {
    if (index < fromEntry) return entry;
    const clearEntry = machine(entry.timing);
    if (entry.kind === 'event') {
      if (!clearEntry) return entry;
      changed = true;
      return { kind: 'event' as const, text: entry.text };
    }
    let wordsChanged = false;
    const words = entry.words.map((word) => {
      if (!machine(word.timing)) return word;
      wordsChanged = true;
      return { text: word.text };
    });
    if (!clearEntry && !wordsChanged) return entry;
    changed = true;
    const { start: _start, end: _end, timing: _timing, confidence: _confidence, ...rest } = entry;
    return clearEntry ? { ...rest, words } : { ...entry, words };
  });
  return changed ? { ...transcript, entries } : transcript;
}

const PROGRESS_STEP = 0.01;

/**
 * Runs the aligner (in its worker) for the current session and applies the
 * result as one undoable edit. A new session or an edit made while aligning
 * wins over the result: nothing is applied behind the user's back.
 */
export function createAlignmentController(store: AppStore, commands: EditorCommands, client: AlignClient, cache: AlignmentCache): AlignmentController {
  let job: AlignJob | null = null;

  const cacheKey = (language: string) => {
    const { audioKey, sourceText } = store.getState();
    return `${projectKey(audioKey, sourceText)}:${language}`;
  };

  return {
    async start(options = {}) {
      const state = store.getState();
      if (job || !state.audioUrl) {
        if (!state.audioUrl) state.notify('error', 'Open the audio first: alignment needs the recording.');
        return;
      }
      const language = options.language ?? state.transcript.language ?? 'en';
      const estimateOnly = options.estimateOnly === true;
      const whole = options.fromEntry === undefined || options.fromEntry <= 0;
      const input = whole && options.fromEntry === undefined ? state.transcript : forgetMachineTimes(state.transcript, Math.max(0, options.fromEntry ?? 0));
      const sessionId = state.sessionId;
      const started = performance.now();
      state.setAlignment({ status: 'running', fraction: 0, etaSec: null, stage: 'preparing', message: '' });

      const key = whole && !estimateOnly ? cacheKey(language) : '';
      if (key) {
        const cached = await cache.get(key);
        if (cached && store.getState().sessionId === sessionId && store.getState().transcript === input) {
          commands.edit(() => cached.transcript);
          store.getState().setAlignment({ status: 'done', fraction: 1, etaSec: 0, stage: '', message: `Timings from the alignment of ${new Date(cached.savedAt).toLocaleString()} (cached).` });
          return;
        }
      }

      let audio: Blob;
      try {
        const response = await fetch(state.audioUrl);
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        audio = await response.blob();
      } catch (error) {
        const message = `${state.audioName}: the audio could not be read for alignment (${error instanceof Error ? error.message : String(error)}).`;
        store.getState().setAlignment({ status: 'failed', message });
        store.getState().notify('error', message);
        return;
      }

      let shown = -1;
      let shownStage = '';
      job = client.align(audio, input, {
        language,
        ...(estimateOnly ? { estimateOnly } : {}),
        onProgress: ({ fraction, etaSec, stage }) => {
          // A store write per visible change only: the banner is the one reader.
          if (fraction - shown < PROGRESS_STEP && stage === shownStage) return;
          shown = fraction;
          shownStage = stage;
          store.getState().setAlignment({ fraction, etaSec, stage });
        },
      });
      try {
        const outcome = await job.promise;
        const now = store.getState();
        if (now.sessionId !== sessionId) return;
        if (now.transcript !== state.transcript) {
          const message = 'The transcript changed while aligning, so the result was not applied. Run the alignment again.';
          now.setAlignment({ status: 'failed', message });
          now.notify('warning', message);
          return;
        }
        commands.edit(() => outcome.transcript);
        if (key && !outcome.estimated) void cache.put(key, outcome.transcript).catch(() => undefined);
        const turns = outcome.transcript.entries.filter((entry) => entry.kind === 'speech').length;
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const check = outcome.lowConfidence.length;
        // Estimated times are never called confident: they come from pauses and syllable counts.
        const parts = outcome.estimated
          ? [`Timings estimated from speech pauses for ${counted(turns, 'turn')} (${estimateReason(language, estimateOnly)}); check them`, ...outcome.warnings.filter((warning) => !warning.startsWith('no acoustic model'))]
          : [`Aligned ${counted(turns, 'turn')} in ${seconds} s`, check > 0 ? `${check} marked “check”` : 'all confident', ...outcome.warnings];
        now.setAlignment({ status: 'done', fraction: 1, etaSec: 0, stage: '', message: `${parts.join('; ')}.` });
      } catch (error) {
        if (store.getState().sessionId !== sessionId) return;
        if (error instanceof DOMException && error.name === 'AbortError') {
          store.getState().setAlignment({ status: 'idle', fraction: 0, etaSec: null, stage: '', message: 'Alignment cancelled.' });
          return;
        }
        // The banner shows the failure with "Align again"; a notice as well would say it twice.
        const message = `Alignment failed: ${error instanceof Error ? error.message : String(error)}`;
        store.getState().setAlignment({ status: 'failed', message });
      } finally {
        job = null;
      }
    },
    cancel() {
      job?.cancel();
    },
  };
}
