import { useEffect, useRef, useState } from 'react';
import { useAppStore } from './app-context.ts';
import { formatSpokenDuration } from '../transcript/format-time.ts';
import type { DetectedLanguage } from '../transcript/detect-language.ts';
import { detectTranscriptLanguageOffThread } from './detect-language-client.ts';
import type { TimeIndex } from '../transcript/time-index.ts';

/** Languages with an acoustic model: real word-by-word alignment. */
const MODELLED = new Set(['en', 'fr']);
/** Offered besides the detected one; any other is placed on the speech pauses too. */
const OFFERED = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'fi', 'pl', 'cs', 'hu', 'ro', 'tr', 'ru', 'uk', 'el', 'ar', 'he', 'hi', 'ja', 'zh', 'ko'];

// Made on first use: building it costs more than a frame, and most pages never show the banner.
let displayNames: Intl.DisplayNames | null = null;

export function languageName(tag: string): string {
  try {
    return (displayNames ??= new Intl.DisplayNames(['en'], { type: 'language' })).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function optionLabel(tag: string): string {
  return MODELLED.has(tag) ? languageName(tag) : `${languageName(tag)} — timings from speech pauses`;
}

export interface AlignRequest {
  language: string;
  /** Skip the acoustic model: place lines on the speech pauses by syllables. */
  estimateOnly?: boolean;
}

export interface AlignBannerProps {
  onAlign: (request: AlignRequest) => void;
  onCancel: () => void;
}

/**
 * The transcript's language from its text, detected once per session in a worker; the
 * detector (about 285 KB) is loaded only when a transcript needs aligning.
 */
function useDetectedLanguage(wanted: boolean): { pending: boolean; result: DetectedLanguage | undefined } {
  const sessionId = useAppStore((state) => state.sessionId);
  const transcript = useAppStore((state) => state.transcript);
  // Read when the detector has loaded; detection runs once per session, not on every edit.
  const latest = useRef(transcript);
  latest.current = transcript;
  const [detected, setDetected] = useState<{ sessionId: unknown; result: DetectedLanguage | undefined } | null>(null);
  useEffect(() => {
    if (!wanted || detected?.sessionId === sessionId) return;
    let live = true;
    detectTranscriptLanguageOffThread(latest.current).then(
      (result) => live && setDetected({ sessionId, result }),
      () => live && setDetected({ sessionId, result: undefined }),
    );
    return () => {
      live = false;
    };
  }, [wanted, sessionId, detected]);
  const known = detected?.sessionId === sessionId;
  return { pending: wanted && !known, result: known ? detected.result : undefined };
}

/** The language the user picked from the list, for this session only (the next file is detected afresh). */
function usePickedLanguage(): [string | null, (tag: string) => void] {
  const sessionId = useAppStore((state) => state.sessionId);
  const [picked, setPicked] = useState<{ sessionId: unknown; tag: string } | null>(null);
  return [picked?.sessionId === sessionId ? picked.tag : null, (tag) => setPicked({ sessionId, tag })];
}

function LanguagePicker({ value, detected, onChange }: { value: string; detected: string | undefined; onChange: (tag: string) => void }) {
  const tags = [...new Set([...(detected ? [detected] : []), value, ...OFFERED])];
  return (
    <label className="align-banner__language">
      <span className="visually-hidden">Language of the recording</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid="align-language">
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {optionLabel(tag)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** What will happen with the chosen language, in a sentence; warns when it is not the text's. */
function languageNote(chosen: string, detected: string | undefined, declared: string | undefined): string {
  const source = declared ? 'as the file says' : detected ? 'detected from the text' : 'could not be detected from the text';
  const what = MODELLED.has(chosen)
    ? `Words are aligned with the ${languageName(chosen)} acoustic model.`
    : `There is no acoustic model for ${languageName(chosen)}: lines are placed on the speech pauses and words spread by syllables (estimated).`;
  const warning = detected && detected !== chosen ? ` The text looks ${languageName(detected)}.` : '';
  return `Language: ${languageName(chosen)} (${chosen === (declared ?? detected) ? source : 'chosen'}). ${what}${warning}`;
}

/** 'none', 'all' or how many speech turns have no time at all (counted once per transcript by its time index). */
function untimedTurns(index: TimeIndex): string {
  const speech = index.turnEntry.length;
  const missing = index.untimedTurns;
  return speech === 0 ? 'none' : missing === speech ? 'all' : missing > 0 ? `${missing}` : 'none';
}

/**
 * Offers alignment when the transcript lacks timings, with the language that
 * will be used (detected from the text, changeable); shows progress with time
 * left and a Cancel button while it runs; the outcome after, and after a
 * failure a way to align again in another language or to estimate timings.
 */
export function AlignBanner({ onAlign, onCancel }: AlignBannerProps) {
  const alignment = useAppStore((state) => state.alignment);
  const audioUrl = useAppStore((state) => state.audioUrl);
  const declared = useAppStore((state) => state.transcript.language);
  const untimed = useAppStore((state) => untimedTurns(state.timeIndex));
  const failed = alignment.status === 'failed';
  const detection = useDetectedLanguage(Boolean(audioUrl) && (untimed !== 'none' || failed));
  const detected = detection.result?.language;
  // Until the text's language is known, aligning would use a guess: the button waits (a moment).
  const detecting = detection.pending && !declared;
  const [picked, setPicked] = usePickedLanguage();
  const [dismissed, setDismissed] = useState('');
  const language = picked ?? declared ?? detected ?? 'en';

  if (alignment.status === 'running') {
    const percent = Math.round(alignment.fraction * 100);
    return (
      <div className="align-banner" role="region" aria-label="Alignment">
        <div className="align-banner__text">
          <strong>Aligning text to audio…</strong> {percent}%
          {alignment.etaSec !== null ? ` · about ${formatSpokenDuration(Math.max(1, Math.round(alignment.etaSec)))} left` : ''}
          {alignment.stage ? <span className="align-banner__stage"> · {alignment.stage}</span> : null}
        </div>
        <div className="progress" role="progressbar" aria-label="Alignment progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div className="progress__bar" style={{ width: `${percent}%` }} />
        </div>
        <button type="button" className="mini-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  }

  if (failed && audioUrl) {
    return (
      <div className="align-banner align-banner--failed" role="region" aria-label="Alignment">
        <div className="align-banner__text" role="alert">
          {alignment.message}
        </div>
        <LanguagePicker value={language} detected={detected} onChange={setPicked} />
        <button type="button" className="mini-button mini-button--primary" onClick={() => onAlign({ language })} data-testid="align-again">
          Align again
        </button>
        <button type="button" className="mini-button" onClick={() => onAlign({ language, estimateOnly: true })} data-testid="align-estimate">
          Use estimated timings
        </button>
      </div>
    );
  }

  if ((alignment.status === 'done' || alignment.message) && alignment.message && dismissed !== alignment.message) {
    return (
      <div className={`align-banner align-banner--${alignment.status}`} role="status">
        <div className="align-banner__text">{alignment.message}</div>
        <button type="button" className="notice__close" aria-label="Dismiss" onClick={() => setDismissed(alignment.message)}>
          ×
        </button>
      </div>
    );
  }

  if (untimed === 'none' || !audioUrl) return null;
  return (
    <div className="align-banner" role="region" aria-label="Alignment">
      <div className="align-banner__text">
        {untimed === 'all' ? (
          <>
            <strong>This transcript has no timings.</strong> Verbatim can align it to the audio on this device — nothing is uploaded.
          </>
        ) : (
          <>
            <strong>{untimed === '1' ? '1 turn has' : `${untimed} turns have`} no timings.</strong> Align them between the times you already have.
          </>
        )}
        <span className="align-banner__stage" data-testid="align-language-note" aria-live="polite">
          {' '}
          {detecting && !picked ? 'Language: detecting it from the text…' : languageNote(language, detected, declared)}
        </span>
      </div>
      <LanguagePicker value={language} detected={detected} onChange={setPicked} />
      {/* aria-disabled, not disabled: the button keeps its place in the tab order for the moment detection takes. */}
      <button
        type="button"
        className="mini-button mini-button--primary"
        onClick={() => (detecting && !picked ? undefined : onAlign({ language }))}
        aria-disabled={detecting && !picked ? true : undefined}
        data-testid="align-start"
      >
        {untimed === 'all' ? 'Align now' : 'Align the rest'}
      </button>
    </div>
  );
}
