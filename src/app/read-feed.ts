import { describeParseError } from '../transcript/parse-result.ts';
import type { FeedListing } from '../transcript/podcast-feed.ts';
import { failed, fetchText, loaded, readFileText, type Loaded } from './load-error.ts';
import { nameFromUrl } from './read-inputs.ts';

/** Downloads or reads a feed and checks it has episodes. */
export async function readFeed(source: string | File, signal?: AbortSignal): Promise<Loaded<FeedListing>> {
  let text: Loaded<string>;
  let name: string;
  let baseUrl: string | undefined;
  if (typeof source === 'string') {
    const url = source.trim();
    if (url === '') return failed('unsupported', 'Give the address of a podcast feed.');
    name = nameFromUrl(url);
    try {
      baseUrl = new URL(url, globalThis.location?.href).href;
    } catch {
      return failed('unsupported', `${url} is not a web address.`);
    }
    text = await fetchText(baseUrl, {
      name,
      ...(signal ? { signal } : {}),
      hint: 'The server may not allow other sites to read it; download the feed and open the file instead.',
    });
    // The address as typed, not as resolved, in the sentence.
    if (!text.ok) text = { ok: false, error: { ...text.error, message: text.error.message.replace(`(${baseUrl})`, `(${url})`) } };
  } else {
    name = source.name;
    text = await readFileText(source, { ...(signal ? { signal } : {}) });
  }
  if (!text.ok) return text;
  // The XML reader is only needed here; it stays out of the app's first download.
  const { bestTranscript, parsePodcastFeed } = await import('../transcript/podcast-feed.ts');
  const result = parsePodcastFeed(text.value, { fileName: name, ...(baseUrl ? { baseUrl } : {}) });
  if (!result.ok) return failed('parse', `${describeParseError({ ...result.error, fileName: name })}.`);
  const { feed } = result;
  const title = feed.title ? ` “${feed.title}”` : '';
  if (feed.episodes.length === 0) return failed('empty', `${name}: the feed${title} has no episodes.`);
  if (!feed.episodes.some((episode) => episode.enclosure)) return failed('empty', `${name}: no episode in the feed${title} has an audio file.`);
  return loaded({ feed, name, transcripts: feed.episodes.map((episode) => bestTranscript(episode, feed.language)) });
}
