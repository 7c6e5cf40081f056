import { formatClock } from '../transcript/format-time.ts';

/** Why audio could not be played, as the player reports it; {@link describeMediaFault} says it in words. */
export type MediaFaultReason =
  /** Loading was stopped (a newer load, or the page left). */
  | 'aborted'
  /** The download failed or stopped. */
  | 'network'
  /** The browser could read the format but not this file: damaged, or not audio at all. */
  | 'damaged'
  /** The browser does not play this format (or the file is not audio and says nothing). */
  | 'unsupported'
  /** Decodes, but holds far less audio than the file says it lasts: cut short. */
  | 'truncated'
  /** The browser would not start playback without a click or key press first. */
  | 'blocked'
  | 'unknown';

export interface MediaFault {
  reason: MediaFaultReason;
  /** The browser's own message (`PIPELINE_ERROR_READ: FFmpegDemuxer…`), kept for logs, never the sentence. */
  detail?: string;
  /** For `truncated`: what the file says it lasts and how much could be read (seconds). */
  statedSeconds?: number;
  readableSeconds?: number;
}

/** Chromium's pipeline status names and Firefox/Safari wordings, by what they mean for the user. */
const PATTERNS: readonly [RegExp, MediaFaultReason][] = [
  [/abort/iu, 'aborted'],
  [/NotAllowedError|user didn't interact|user gesture|not allowed by the user agent/iu, 'blocked'],
  [/network|fetch|Failed to load|ERR_|download|HTTP \d/iu, 'network'],
  [/PIPELINE_ERROR_READ|DEMUXER_ERROR|FFmpegDemuxer|demux|decod|EncodingError|corrupt|damaged|invalid data|Unable to decode/iu, 'damaged'],
  [/NotSupportedError|not supported|unsupported|no supported source|MEDIA_ERR_SRC_NOT_SUPPORTED|Format error|codec/iu, 'unsupported'],
];

/** MediaError codes (HTMLMediaElement.error.code). */
const MEDIA_ERROR_REASONS: Record<number, MediaFaultReason> = { 1: 'aborted', 2: 'network', 3: 'damaged', 4: 'unsupported' };

/**
 * The fault behind anything a media element, `decodeAudioData`, fetch or
 * wavesurfer may throw or report: a MediaError (by code, then by its message:
 * Chromium reports a damaged file as code 4 with `DEMUXER_ERROR_COULD_NOT_OPEN`),
 * a DOMException by name, or an Error by its message.
 */
export function mediaFaultOf(error: unknown): MediaFault {
  if (isMediaFault(error)) return error;
  const carried = error instanceof Error && isMediaFault((error as Error & { fault?: unknown }).fault) ? (error as Error & { fault: MediaFault }).fault : null;
  if (carried) return carried;
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number' && 'MEDIA_ERR_ABORTED' in error ? error.code : undefined;
  const name = error instanceof DOMException ? error.name : '';
  const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  const detail = [name, message].filter(Boolean).join(': ');
  const byText = PATTERNS.find(([pattern]) => pattern.test(`${name} ${message}`))?.[1];
  // A message naming the cause beats the bare code (code 4 is also what Chromium says for a damaged file).
  const reason = byText ?? (code !== undefined ? MEDIA_ERROR_REASONS[code] : undefined) ?? 'unknown';
  return detail ? { reason, detail } : { reason };
}

function isMediaFault(value: unknown): value is MediaFault {
  return typeof value === 'object' && value !== null && 'reason' in value && typeof value.reason === 'string' && !(value instanceof Error);
}

/**
 * A truncated file: decoding gave less than 90% of the stated duration and at
 * least a second less. Null when the two agree, or either is unknown.
 */
export function truncationFault(statedSeconds: number, readableSeconds: number): MediaFault | null {
  if (!Number.isFinite(statedSeconds) || !Number.isFinite(readableSeconds) || statedSeconds <= 0) return null;
  if (readableSeconds >= statedSeconds * 0.9 || statedSeconds - readableSeconds < 1) return null;
  return { reason: 'truncated', statedSeconds, readableSeconds };
}

const span = (seconds: number) => (seconds < 60 ? `${Number(seconds.toFixed(1))} s` : formatClock(seconds));

/** The sentence for a fault, naming the file: "seed.opus could not be played: the file is damaged or not audio." */
export function describeMediaFault(fault: MediaFault, fileName: string): string {
  const name = fileName || 'The audio';
  switch (fault.reason) {
    case 'aborted':
      return `Loading ${name} was stopped before it finished.`;
    case 'network':
      return `${name} could not be played: the download failed or was cut off. Check the connection or the address and open it again.`;
    case 'damaged':
      return `${name} could not be played: the file is damaged or not audio.`;
    case 'unsupported':
      return `${name} could not be played: this browser does not play its format, or the file is not audio. MP3, M4A, Opus, Ogg, WAV and FLAC work everywhere.`;
    case 'truncated':
      return `${name} is cut short: it says it lasts ${formatClock(fault.statedSeconds ?? 0)}, but only ${span(fault.readableSeconds ?? 0)} of audio could be read (an interrupted download or copy?). Playback stops there and the waveform is silent after it; open a complete copy to go further.`;
    case 'blocked':
      return `${name} did not start: the browser allows playback only after a click or key press on the page. Press Play again.`;
    default:
      return `${name} could not be played.`;
  }
}

/** The fault as a clause to follow a file name ("talk.mp3: the file is damaged or not audio"). */
export function faultClause(fault: MediaFault): string {
  switch (fault.reason) {
    case 'aborted':
      return 'loading was stopped before it finished';
    case 'network':
      return 'the download failed or was cut off';
    case 'damaged':
      return 'the file is damaged or not audio';
    case 'unsupported':
      return 'this browser does not play its format, or the file is not audio';
    case 'truncated':
      return `the file is cut short: only ${span(fault.readableSeconds ?? 0)} of its ${formatClock(fault.statedSeconds ?? 0)} could be read`;
    case 'blocked':
      return 'the browser allows playback only after a click or key press on the page';
    default:
      return 'the audio could not be played';
  }
}
