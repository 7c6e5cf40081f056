import type { DetectedLanguage } from '../transcript/detect-language.ts';
import type { DetectLanguageRequest, DetectLanguageResponse } from '../transcript/detect-language-messages.ts';
import { transcriptPlainText } from '../transcript/plain-text.ts';
import type { Transcript } from '../transcript/model.ts';

let nextId = 1;

/**
 * The language of `transcript`, detected in a Web Worker started for it and stopped after
 * (a detection runs once per session), so the detector's module never loads on the page.
 * Rejects only when the worker fails.
 */
export function detectTranscriptLanguageOffThread(transcript: Transcript): Promise<DetectedLanguage | undefined> {
  // Without workers (component tests in jsdom) the detector runs here, loaded on demand.
  if (typeof Worker === 'undefined') return import('../transcript/detect-language.ts').then(({ detectTranscriptLanguage }) => detectTranscriptLanguage(transcript));
  const text = transcriptPlainText(transcript);
  const id = nextId++;
  return new Promise<DetectedLanguage | undefined>((resolve, reject) => {
    // Inside the promise: a worker that cannot even be created rejects like one that fails to start.
    const worker = new Worker(new URL('../app/detect-language-worker.ts', import.meta.url), { type: 'module', name: 'verbatim-language' });
    worker.onmessage = (event: MessageEvent<DetectLanguageResponse>) => {
      if (event.data.id !== id) return;
      worker.terminate();
      resolve(event.data.detected);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'the language worker could not start'));
    };
    worker.postMessage({ id, text } satisfies DetectLanguageRequest);
  });
}
