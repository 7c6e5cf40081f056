import type { DetectedLanguage } from './detect-language.ts';

/** To the language worker (src/app/detect-language-worker.ts): a transcript's plain text. */
export interface DetectLanguageRequest {
  id: number;
  text: string;
}

/** From it: what `detectLanguage` made of that text. */
export interface DetectLanguageResponse {
  id: number;
  detected: DetectedLanguage | undefined;
}
