import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { Openable } from './overflow-menu.tsx';
import { useStoreApi } from './app-context.ts';
import type { FeedEpisode, FeedListing, FeedTranscript } from '../transcript/podcast-feed.ts';
import { formatClock } from '../transcript/format-time.ts';
import './loading.css';

/** A feed to open in the dialog: an address (`?feed=`) or a dropped file. A new object is a new request. */
export interface FeedRequest {
  source: string | File;
}

/** Beyond this many episodes the list shows the newest and asks for a filter: a long list of buttons helps nobody. */
const MAX_LISTED = 200;

const TYPE_LABELS: Record<string, string> = {
  'application/json': 'Podcast JSON',
  'text/vtt': 'WebVTT',
  'application/x-subrip': 'SRT',
  'application/srt': 'SRT',
  'text/srt': 'SRT',
  'text/html': 'HTML',
  'text/plain': 'Text',
};

function transcriptLabel(transcript: FeedTranscript): string {
  const type = transcript.type.toLowerCase().split(';')[0]!.trim();
  return TYPE_LABELS[type] ?? type;
}

/** `2537` -> `42:17`; `00:42:17` -> `42:17`. */
function durationLabel(duration: string | undefined): string | undefined {
  if (!duration) return undefined;
  if (/^\d+(\.\d+)?$/u.test(duration)) return formatClock(Number(duration));
  const parts = duration.split(':').map(Number);
  if (parts.length > 3 || parts.some((part) => !Number.isFinite(part))) return duration;
  return formatClock(parts.reduce((total, part) => total * 60 + part, 0));
}

// Made on first use, not while the page starts.
let dateFormat: Intl.DateTimeFormat | null = null;

type Phase = { kind: 'idle' } | { kind: 'reading'; what: string } | { kind: 'error'; message: string } | { kind: 'ready'; loaded: FeedListing };

export interface FeedActions {
  /** Downloads or reads the feed; a sentence naming the source and the problem when it cannot be used. */
  readFeed(source: string | File): Promise<FeedListing | string>;
  /** Opens the episode (which has an enclosure) with the transcript, if any; false when it could not (a notice says why). */
  openEpisode(episode: FeedEpisode & { enclosure: { url: string } }, transcript: FeedTranscript | undefined): Promise<boolean>;
}

/**
 * "Podcast feed…": reads an RSS feed from an address or a file, lists its
 * episodes, and opens the chosen one: its enclosure as the audio and its best
 * `<podcast:transcript>` as the transcript.
 */
export function FeedDialog({
  actions,
  request,
  showTrigger = true,
  ref,
}: {
  actions: FeedActions | null;
  request?: FeedRequest | null;
  showTrigger?: boolean;
  ref?: Ref<Openable>;
}) {
  const appStore = useStoreApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [filter, setFilter] = useState('');
  const [opening, setOpening] = useState<number | null>(null);
  const [openProblem, setOpenProblem] = useState<string>();
  const readToken = useRef(0);
  const titleId = useId();
  const statusId = useId();
  useImperativeHandle(ref, () => ({ open: () => actions && setOpen(true) }), [actions]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      urlRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const read = async (source: string | File) => {
    if (!actions) return;
    const token = ++readToken.current;
    setOpenProblem(undefined);
    setFilter('');
    setPhase({ kind: 'reading', what: typeof source === 'string' ? source : source.name });
    const result = await actions.readFeed(source);
    // A later read (another address, another file) wins over this one.
    if (token !== readToken.current) return;
    setPhase(typeof result === 'string' ? { kind: 'error', message: result } : { kind: 'ready', loaded: result });
  };

  useEffect(() => {
    if (!request || !actions) return;
    setOpen(true);
    if (typeof request.source === 'string') setUrl(request.source);
    void read(request.source);
    // Only a new request starts a read; `read` is recreated on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request, actions]);

  const openEpisode = async (index: number) => {
    if (!actions || phase.kind !== 'ready' || opening !== null) return;
    const episode = phase.loaded.feed.episodes[index];
    const transcript = phase.loaded.transcripts[index];
    const enclosure = episode?.enclosure;
    if (!episode || !enclosure) return;
    setOpening(index);
    setOpenProblem(undefined);
    const before = appStore.getState().notices[0]?.id;
    const opened = await actions.openEpisode({ ...episode, enclosure }, transcript);
    setOpening(null);
    if (opened) {
      setOpen(false);
      return;
    }
    const latest = appStore.getState().notices[0];
    setOpenProblem(latest && latest.id !== before ? latest.text : `“${episode.title}” could not be opened.`);
  };

  const episodes = useMemo(() => (phase.kind === 'ready' ? phase.loaded.feed.episodes : []), [phase]);
  const matching = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return episodes.map((episode, index) => ({ episode, index })).filter(({ episode }) => !needle || episode.title.toLowerCase().includes(needle));
  }, [episodes, filter]);

  let status: string;
  let failing = false;
  switch (phase.kind) {
    case 'idle':
      status = 'Give the address of a podcast’s RSS feed, or choose a feed file you downloaded.';
      break;
    case 'reading':
      status = `Reading ${phase.what}…`;
      break;
    case 'error':
      status = phase.message;
      failing = true;
      break;
    case 'ready': {
      const { feed, transcripts, name } = phase.loaded;
      const withTranscript = transcripts.filter(Boolean).length;
      status = `${feed.title || name}: ${feed.episodes.length} episode${feed.episodes.length === 1 ? '' : 's'}, ${withTranscript} with a transcript.`;
      if (feed.warnings.length > 0) status += ` Note: ${feed.warnings.join(' ')}.`;
    }
  }
  if (openProblem) {
    status = openProblem;
    failing = true;
  }

  return (
    <>
      {showTrigger ? (
        <button type="button" className="button" onClick={() => setOpen(true)} disabled={!actions} title="Open an episode from a podcast RSS feed">
          Podcast feed…
        </button>
      ) : null}
      <dialog ref={dialogRef} className="dialog dialog--wide feed-dialog" aria-labelledby={titleId} onClose={() => setOpen(false)} data-testid="feed-dialog">
        <h2 id={titleId}>Open a podcast episode</h2>
        <form
          className="feed-dialog__source"
          // Relative addresses (a feed beside the app) are fine; the reader explains real problems.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void read(url);
          }}
        >
          <label className="field-label" htmlFor={`${titleId}-url`}>
            Feed address
          </label>
          <div className="feed-dialog__row">
            <input
              id={`${titleId}-url`}
              ref={urlRef}
              className="text-input"
              type="url"
              inputMode="url"
              placeholder="https://example.org/podcast/feed.xml"
              value={url}
              aria-describedby={statusId}
              onChange={(event) => setUrl(event.target.value)}
            />
            <button type="submit" className="button button--primary" disabled={url.trim().length === 0 || phase.kind === 'reading'}>
              Read feed
            </button>
            <button type="button" className="button" onClick={() => fileRef.current?.click()}>
              Choose file…
            </button>
            <input
              ref={fileRef}
              type="file"
              accept=".rss,.xml,application/rss+xml,application/xml,text/xml"
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Choose a podcast feed file"
              data-testid="feed-file-input"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void read(file);
              }}
            />
          </div>
        </form>
        <p id={statusId} className={`dialog__status${failing ? ' dialog__status--error' : ''}`} role="status" data-testid="feed-status">
          {status}
        </p>
        {phase.kind === 'ready' ? (
          <>
            {episodes.length > 8 ? (
              <input
                type="search"
                className="text-input feed-dialog__filter"
                placeholder="Filter episodes by title"
                aria-label="Filter episodes by title"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
              />
            ) : null}
            <ul className="feed-episodes" aria-label="Episodes" aria-busy={opening !== null}>
              {matching.slice(0, MAX_LISTED).map(({ episode, index }) => (
                <li key={index}>
                  <EpisodeButton
                    episode={episode}
                    transcript={phase.loaded.transcripts[index]}
                    opening={opening === index}
                    disabled={opening !== null}
                    onOpen={() => void openEpisode(index)}
                  />
                </li>
              ))}
            </ul>
            {matching.length > MAX_LISTED ? (
              <p className="dialog__hint">
                Showing {MAX_LISTED} of {matching.length} episodes; filter by title to find the others.
              </p>
            ) : null}
            {matching.length === 0 ? <p className="dialog__hint">No episode title contains “{filter.trim()}”.</p> : null}
          </>
        ) : null}
        <form method="dialog" className="dialog__actions">
          <span className="dialog__spacer" />
          <button type="submit" className="button">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}

function EpisodeButton({
  episode,
  transcript,
  opening,
  disabled,
  onOpen,
}: {
  episode: FeedEpisode;
  transcript: FeedTranscript | undefined;
  opening: boolean;
  disabled: boolean;
  onOpen: () => void;
}) {
  const date = episode.published !== undefined ? (dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })).format(episode.published) : episode.pubDate;
  const duration = durationLabel(episode.duration);
  const playable = episode.enclosure !== undefined;
  return (
    <button type="button" className="feed-episode" disabled={disabled || !playable} onClick={onOpen} data-testid="feed-episode">
      <span className="feed-episode__title">{episode.title || 'Untitled episode'}</span>
      <span className="feed-episode__meta">
        {[date, duration].filter(Boolean).join(' · ')}
        {!playable ? (
          <span className="badge badge--muted">No audio</span>
        ) : transcript ? (
          <span className="badge badge--transcript">Transcript: {transcriptLabel(transcript)}</span>
        ) : (
          <span className="badge badge--muted">No transcript</span>
        )}
        {opening ? <span className="feed-episode__opening">Opening…</span> : null}
      </span>
    </button>
  );
}
