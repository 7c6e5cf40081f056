import { useState } from 'react';
import { useAppStore } from './app-context.ts';
import { formatSpokenDuration } from '../transcript/format-time.ts';

const LANGUAGES = [
  { id: 'en', label: 'English' },
  { id: 'fr', label: 'French' },
  { id: 'other', label: 'Other (estimate from text)' },
];

export interface AlignBannerProps {
  onAlign: (language: string) => void;
  onCancel: () => void;
}

/**
 * Offers alignment when the transcript lacks timings, shows progress with
 * time left and a Cancel button while it runs, and the outcome after.
 */
export function AlignBanner({ onAlign, onCancel }: AlignBannerProps) {
  const alignment = useAppStore((state) => state.alignment);
  const audioUrl = useAppStore((state) => state.audioUrl);
  const untimed = useAppStore((state) => {
    let speech = 0;
    let missing = 0;
    for (const entry of state.transcript.entries) {
      if (entry.kind !== 'speech') continue;
      speech++;
      if (entry.start === undefined && !entry.words.some((word) => word.start !== undefined)) missing++;
    }
    return speech === 0 ? 'none' : missing === speech ? 'all' : missing > 0 ? `${missing}` : 'none';
  });
  const [language, setLanguage] = useState('en');
  const [dismissed, setDismissed] = useState('');

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

  if ((alignment.status === 'done' || alignment.status === 'failed' || alignment.message) && alignment.message && dismissed !== alignment.message) {
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
            <strong>{untimed} turns have no timings.</strong> Align them between the times you already have.
          </>
        )}
      </div>
      <label className="align-banner__language">
        <span className="visually-hidden">Language of the recording</span>
        <select value={language} onChange={(event) => setLanguage(event.target.value)}>
          {LANGUAGES.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="mini-button mini-button--primary" onClick={() => onAlign(language)} data-testid="align-start">
        {untimed === 'all' ? 'Align now' : 'Align the rest'}
      </button>
    </div>
  );
}
