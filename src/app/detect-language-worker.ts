import { detectLanguage } from '../transcript/detect-language.ts';
import type { DetectLanguageRequest, DetectLanguageResponse } from '../transcript/detect-language-messages.ts';

/**
 * The language Web Worker: a thin shell over `detectLanguage`. The detector's n-gram
 * tables are a large module whose compiling, caching and evaluating took 50-120 ms of
 * the page's main thread on the first detection; here they cost the page nothing.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<DetectLanguageRequest>) => {
  const { id, text } = event.data;
  self.postMessage({ id, detected: detectLanguage(text) } satisfies DetectLanguageResponse);
};
