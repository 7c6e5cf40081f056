/**
 * Reads a podcast RSS feed: the channel title and, per episode, its title, date,
 * audio enclosure and Podcasting 2.0 `<podcast:transcript>` links.
 *
 * Pure: runs in Node and in the browser alike, no DOM. Feeds in the wild are not
 * always well-formed (HTML entities such as `&nbsp;`, a stray `&`), so XML
 * errors do not stop the reading: what could be read is kept and the first
 * error is reported as a warning, or as the error when nothing usable was found.
 *
 * Longer than our usual module because RSS 2.0, iTunes and Podcasting 2.0 tags are read in one
 * pass over one parser's events; split, each part would need the whole parser state.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { decodeHTML } from 'entities';
import type { ParseError } from './parse-result.ts';

export interface FeedEnclosure {
  url: string;
  /** MIME type as the feed states it, e.g. `audio/mpeg`. */
  type?: string;
  /** Size in bytes as the feed states it. */
  length?: number;
}

export interface FeedTranscript {
  url: string;
  /** MIME type as the feed states it, e.g. `application/json`, `text/vtt`. */
  type: string;
  /** BCP-47 tag, when given. */
  language?: string;
  /** `captions` marks a timed file meant for closed captions. */
  rel?: string;
}

export interface FeedEpisode {
  title: string;
  guid?: string;
  /** The `<pubDate>` text as written. */
  pubDate?: string;
  /** `pubDate` as milliseconds since 1970, when it parses. */
  published?: number;
  /** `<itunes:duration>` as written (`1:02:03` or seconds). */
  duration?: string;
  enclosure?: FeedEnclosure;
  /** In the feed's order; see `bestTranscript` for the one to open. */
  transcripts: FeedTranscript[];
}

export interface PodcastFeed {
  title: string;
  /** The channel's `<language>`, when given. */
  language?: string;
  episodes: FeedEpisode[];
  /** Problems that did not stop the reading, as sentences. */
  warnings: string[];
}

export type FeedResult = { ok: true; feed: PodcastFeed } | { ok: false; error: ParseError };

/** A feed ready to pick from: where it came from, and the transcript each episode would open. */
export interface FeedListing {
  feed: PodcastFeed;
  /** File name, or the last part of the feed's address. */
  name: string;
  /** Per episode, in order: `bestTranscript`'s pick, if any. */
  transcripts: (FeedTranscript | undefined)[];
}

export interface FeedOptions {
  fileName?: string;
  /** Where the feed came from: relative enclosure and transcript URLs are resolved against it. */
  baseUrl?: string;
}

const FORMAT = 'podcast-feed';
const PODCAST_NAMESPACE = /^https?:\/\/(www\.)?podcastindex\.org\/namespace\/1\.0\/?$/iu;
const ITUNES_NAMESPACE = /^https?:\/\/www\.itunes\.com\/dtds\/podcast-1\.0\.dtd$/iu;

/**
 * Transcript MIME types in the order Verbatim reads them best: speakers and
 * segment times, then cue times, then HTML with times, then bare text.
 */
const TRANSCRIPT_TYPE_RANK: Record<string, number> = {
  'application/json': 0,
  'text/vtt': 1,
  'application/x-subrip': 2,
  'application/srt': 2,
  'text/srt': 2,
  'text/html': 3,
  'text/plain': 4,
};

/** The transcript to open: one in the channel's language first, then the best-read type. */
export function bestTranscript(episode: FeedEpisode, channelLanguage?: string): FeedTranscript | undefined {
  const base = (tag: string | undefined) => tag?.toLowerCase().split('-')[0];
  const wanted = base(channelLanguage);
  const languageRank = (transcript: FeedTranscript) =>
    wanted === undefined || transcript.language === undefined || base(transcript.language) === wanted ? 0 : 1;
  const typeRank = (transcript: FeedTranscript) => TRANSCRIPT_TYPE_RANK[transcript.type.toLowerCase().split(';')[0]!.trim()] ?? 5;
  return episode.transcripts
    .map((transcript, order) => ({ transcript, order }))
    .sort((a, b) => languageRank(a.transcript) - languageRank(b.transcript) || typeRank(a.transcript) - typeRank(b.transcript) || a.order - b.order)[0]
    ?.transcript;
}

/** Named HTML entities (`&nbsp;`, `&eacute;`) are common in feeds though XML does not define them. */
function htmlEntities(): Record<string, string> {
  const xml: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return new Proxy(xml, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      if (name in target) return target[name];
      const decoded = decodeHTML(`&${name};`);
      return decoded === `&${name};` ? undefined : decoded;
    },
  });
}

function resolveUrl(url: string, baseUrl: string | undefined): string {
  if (!baseUrl) return url;
  try {
    return new URL(url, baseUrl).href;
  } catch {
    return url;
  }
}

function positiveInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+\s*$/u.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

/** Collapses layout whitespace only; a no-break space in a title is meant. */
function cleanText(text: string): string {
  return text.replace(/[ \t\r\n]+/gu, ' ').trim();
}

/**
 * Escapes a bare `&` (`Tom & Jerry`) outside CDATA sections. An XML parser would
 * read everything up to the next `;` as an entity name and lose the structure.
 */
function escapeBareAmpersands(xml: string): string {
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/u)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/&(?!#?[A-Za-z0-9]+;)/gu, '&amp;')))
    .join('');
}

interface XmlProblem {
  line: number;
  column: number;
  message: string;
}

/** With the line, for warnings; errors carry the line in their own field, so only the column here. */
function describeProblem(problem: XmlProblem, withLine = true): string {
  return `${withLine ? `line ${problem.line}, ` : ''}column ${problem.column}: ${problem.message}`;
}

export function parsePodcastFeed(xml: string, options: FeedOptions = {}): FeedResult {
  const { fileName, baseUrl } = options;
  const fail = (message: string, problem?: XmlProblem): FeedResult => ({
    ok: false,
    error: { format: FORMAT, ...(fileName ? { fileName } : {}), ...(problem ? { line: problem.line } : {}), message },
  });
  const text = escapeBareAmpersands(xml.replace(/^\uFEFF/u, ''));
  if (text.trim().length === 0) return fail('the feed is empty');

  const parser = new SaxesParser({ position: true, xmlns: false });
  parser.ENTITIES = htmlEntities();

  let firstProblem: XmlProblem | undefined;
  parser.on('error', (error) => {
    // Keep going: a stray entity in one description must not hide every episode.
    firstProblem ??= {
      line: parser.line,
      column: parser.column + 1,
      message: error.message.replace(/^(.*?:)?\d+:\d+: /u, '').replace(/\.$/u, ''),
    };
  });

  const stack: string[] = [];
  let root: string | undefined;
  let podcastPrefix = 'podcast';
  let itunesPrefix = 'itunes';
  let channelSeen = false;
  let channelTitle = '';
  let channelLanguage: string | undefined;
  let episode: FeedEpisode | undefined;
  const episodes: FeedEpisode[] = [];
  // Text of the element being captured (a title, a date…), or null when none is.
  let captured: string | null = null;

  const parent = () => stack[stack.length - 2];

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = tag.name;
    stack.push(name);
    const attributes = tag.attributes;
    if (stack.length === 1) {
      root = name;
      for (const [attribute, value] of Object.entries(attributes)) {
        if (!attribute.startsWith('xmlns:')) continue;
        if (PODCAST_NAMESPACE.test(value)) podcastPrefix = attribute.slice('xmlns:'.length);
        if (ITUNES_NAMESPACE.test(value)) itunesPrefix = attribute.slice('xmlns:'.length);
      }
      return;
    }
    if (name === 'channel' && parent() === 'rss') {
      channelSeen = true;
      return;
    }
    if (name === 'item' && parent() === 'channel') {
      episode = { title: '', transcripts: [] };
      return;
    }
    if (parent() === 'channel' && (name === 'title' || name === 'language')) {
      captured = '';
      return;
    }
    if (!episode || parent() !== 'item') return;
    if (name === 'enclosure') {
      const url = attributes.url?.trim();
      if (url) {
        const length = positiveInteger(attributes.length);
        const type = attributes.type?.trim();
        // The first enclosure is the episode's audio, as podcast apps read it.
        episode.enclosure ??= { url: resolveUrl(url, baseUrl), ...(type ? { type } : {}), ...(length !== undefined ? { length } : {}) };
      }
    } else if (name === `${podcastPrefix}:transcript`) {
      const url = attributes.url?.trim();
      const type = attributes.type?.trim();
      if (url && type) {
        episode.transcripts.push({
          url: resolveUrl(url, baseUrl),
          type,
          ...(attributes.language?.trim() ? { language: attributes.language.trim() } : {}),
          ...(attributes.rel?.trim() ? { rel: attributes.rel.trim() } : {}),
        });
      }
    } else if (name === 'title' || name === 'pubDate' || name === 'guid' || name === `${itunesPrefix}:duration`) {
      captured = '';
    }
  });

  const addText = (chunk: string) => {
    if (captured !== null) captured += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = tag.name;
    const within = parent();
    if (captured !== null && stack[stack.length - 1] === name) {
      const value = cleanText(captured);
      captured = null;
      if (within === 'channel') {
        if (name === 'title') channelTitle = value;
        else if (name === 'language' && value) channelLanguage = value;
      } else if (episode && within === 'item' && value) {
        if (name === 'title') episode.title = value;
        else if (name === 'pubDate') {
          episode.pubDate = value;
          const published = Date.parse(value);
          if (Number.isFinite(published)) episode.published = published;
        } else if (name === 'guid') episode.guid = value;
        else episode.duration = value;
      }
    }
    if (name === 'item' && within === 'channel' && episode) {
      episodes.push(episode);
      episode = undefined;
    }
    stack.pop();
  });

  try {
    parser.write(text).close();
  } catch (error) {
    // saxes reports through the handler above; anything thrown is a bug there, still told as a sentence.
    firstProblem ??= { line: parser.line, column: parser.column + 1, message: error instanceof Error ? error.message : String(error) };
  }

  if (root === undefined) {
    const detail = firstProblem ? ` (${describeProblem(firstProblem, false)})` : '';
    return fail(`this is not an RSS feed: it is not XML${detail}`, firstProblem);
  }
  const rootName = root.toLowerCase();
  if (rootName === 'html' || rootName.endsWith(':html')) return fail('this is a web page, not an RSS feed');
  if (rootName === 'feed') return fail('this is an Atom feed; Verbatim reads RSS podcast feeds');
  if (root !== 'rss') return fail(`this XML is not an RSS feed (its root element is <${root}>, not <rss>)`);
  if (!channelSeen) {
    return firstProblem
      ? fail(`the feed is not well-formed XML (${describeProblem(firstProblem, false)})`, firstProblem)
      : fail('the RSS feed has no <channel>');
  }
  const warnings: string[] = [];
  if (firstProblem) {
    if (episodes.length === 0) return fail(`the feed is not well-formed XML (${describeProblem(firstProblem, false)})`, firstProblem);
    warnings.push(`the feed is not well-formed XML (${describeProblem(firstProblem)}); Verbatim read what it could`);
  }
  return {
    ok: true,
    feed: { title: channelTitle, ...(channelLanguage ? { language: channelLanguage } : {}), episodes, warnings },
  };
}
