import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestTranscript, parsePodcastFeed, type FeedEpisode } from './podcast-feed.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/feeds', name), 'utf8');

function parsed(xml: string, options = {}) {
  const result = parsePodcastFeed(xml, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.feed;
}

describe('parsePodcastFeed', () => {
  it('reads the channel and every episode of a Podcasting 2.0 feed', () => {
    const feed = parsed(fixture('podcast-namespace.rss'), { baseUrl: 'https://example.org/harbour/feed.xml' });
    expect(feed.title).toBe('Harbour Lights & Signals');
    expect(feed.language).toBe('en-GB');
    expect(feed.warnings).toEqual([]);
    expect(feed.episodes.map((episode) => episode.title)).toEqual([
      'Episode 12: Fog signals &amp; foghorns',
      'Episode 11: Señales de niebla',
      'Trailer',
    ]);
    const [first, second, trailer] = feed.episodes as [FeedEpisode, FeedEpisode, FeedEpisode];
    expect(first).toMatchObject({
      guid: 'harbour-012',
      pubDate: 'Tue, 04 Mar 2025 06:00:00 GMT',
      published: Date.UTC(2025, 2, 4, 6),
      duration: '00:42:17',
      enclosure: { url: 'https://cdn.example.org/harbour/012.mp3', type: 'audio/mpeg', length: 40612345 },
    });
    expect(first.transcripts).toEqual([
      { url: 'https://example.org/harbour/012.html', type: 'text/html' },
      { url: 'https://example.org/harbour/012.srt', type: 'application/x-subrip', rel: 'captions' },
      { url: 'https://example.org/harbour/012.json', type: 'application/json', language: 'en' },
      { url: 'https://example.org/harbour/012.vtt', type: 'text/vtt', language: 'en' },
    ]);
    // Relative links resolve against the feed's own address.
    expect(second.enclosure?.url).toBe('https://example.org/harbour/011.m4a');
    expect(second.transcripts.map((transcript) => transcript.url)).toEqual([
      'https://example.org/harbour/011.es.json',
      'https://example.org/harbour/011.en.vtt',
    ]);
    expect(trailer.transcripts).toEqual([]);
    expect(trailer.pubDate).toBe('not a date');
    expect(trailer.published).toBeUndefined();
  });

  it('keeps relative links as written when it has no base address', () => {
    const feed = parsed(fixture('podcast-namespace.rss'));
    expect(feed.episodes[1]?.enclosure?.url).toBe('/harbour/011.m4a');
  });

  it('does not take the image title or a description for the channel title', () => {
    const feed = parsed(`<rss><channel><image><title>Cover</title></image><title>Show</title>
      <item><title>One</title><description><title>nested</title></description></item></channel></rss>`);
    expect(feed.title).toBe('Show');
    expect(feed.episodes[0]?.title).toBe('One');
  });

  it('finds transcripts under any prefix bound to the podcast namespace', () => {
    const feed = parsed(`<rss xmlns:pc="https://podcastindex.org/namespace/1.0"><channel><title>T</title>
      <item><title>A</title><pc:transcript url="https://x.test/a.vtt" type="text/vtt"/>
      <podcast:transcript url="https://x.test/b.vtt" type="text/vtt"/></item></channel></rss>`);
    expect(feed.episodes[0]?.transcripts.map((transcript) => transcript.url)).toEqual(['https://x.test/a.vtt']);
  });

  it('skips transcript and enclosure tags without a url or type', () => {
    const feed = parsed(`<rss xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><item><title>A</title>
      <enclosure type="audio/mpeg"/><enclosure url="https://x.test/a.mp3" length="-4"/>
      <podcast:transcript url="https://x.test/a.vtt"/><podcast:transcript type="text/vtt"/></item></channel></rss>`);
    expect(feed.episodes[0]?.enclosure).toEqual({ url: 'https://x.test/a.mp3' });
    expect(feed.episodes[0]?.transcripts).toEqual([]);
  });

  it('reads a feed without episodes as an empty list', () => {
    const feed = parsed(fixture('no-episodes.rss'));
    expect(feed.title).toBe('Coming Soon');
    expect(feed.episodes).toEqual([]);
  });

  it('reads past an undefined entity and a stray ampersand, with a warning naming the line', () => {
    const feed = parsed(`<rss><channel><title>Fish &chips; &nbsp;</title>
<item><title>Tom & Jerry</title></item>
<item><title>Second</title></item></channel></rss>`);
    expect(feed.episodes.map((episode) => episode.title)).toEqual(['Tom & Jerry', 'Second']);
    expect(feed.warnings).toHaveLength(1);
    expect(feed.warnings[0]).toMatch(/^the feed is not well-formed XML \(line 1, column \d+: undefined entity\)/);
  });

  it('decodes HTML named entities that feeds use without defining them', () => {
    expect(parsed('<rss><channel><title>Caf&eacute;&nbsp;Talk</title></channel></rss>').title).toBe('Café\u00a0Talk');
  });

  it('tolerates a byte order mark', () => {
    expect(parsed('\uFEFF<rss><channel><title>BOM</title></channel></rss>').title).toBe('BOM');
  });
});

describe('parsePodcastFeed on input that is not a usable feed', () => {
  const error = (xml: string) => {
    const result = parsePodcastFeed(xml, { fileName: 'feed.xml' });
    if (result.ok) throw new Error('expected an error');
    return result.error;
  };

  it('reports a truncated feed with the line of the problem', () => {
    const problem = error(fixture('broken.rss'));
    expect(problem.fileName).toBe('feed.xml');
    expect(problem.format).toBe('podcast-feed');
    expect(problem.message).toMatch(/^the feed is not well-formed XML \(column \d+: unclosed tag: .+\)$/);
    expect(problem.line).toBeGreaterThanOrEqual(6);
  });

  it.each([
    ['', 'the feed is empty'],
    ['   \n', 'the feed is empty'],
    ['{"version": "1.0.0", "segments": []}', /^this is not an RSS feed: it is not XML \(column \d+: /],
    ['<!DOCTYPE html><html><head><title>404</title></head><body>Not found</body></html>', 'this is a web page, not an RSS feed'],
    ['<?xml version="1.0"?><opml version="2.0"><body/></opml>', 'this XML is not an RSS feed (its root element is <opml>, not <rss>)'],
    ['<rss version="2.0"></rss>', 'the RSS feed has no <channel>'],
  ])('%j → %s', (xml, message) => {
    if (typeof message === 'string') expect(error(xml).message).toBe(message);
    else expect(error(xml).message).toMatch(message);
  });

  it('never throws, whatever the text', () => {
    const feedish = fc.stringMatching(/^(<rss>|<channel>|<item>|<title>|<!\[CDATA\[|\]\]>|&amp;|&|<\/item>|<\/rss>|<enclosure url="a"\/>|[a-z ;#<>"=/])*$/u);
    fc.assert(
      fc.property(fc.oneof(fc.string(), feedish), (xml) => {
        const result = parsePodcastFeed(xml);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('names an Atom feed as such', () => {
    expect(error(fixture('atom.xml')).message).toBe('this is an Atom feed; Verbatim reads RSS podcast feeds');
  });
});

describe('bestTranscript', () => {
  const episode = (transcripts: FeedEpisode['transcripts']): FeedEpisode => ({ title: 'E', transcripts });

  it('prefers podcast JSON, then WebVTT, then SRT, then HTML, then plain text', () => {
    const all = [
      { url: 'a.txt', type: 'text/plain' },
      { url: 'a.html', type: 'text/html' },
      { url: 'a.srt', type: 'application/x-subrip' },
      { url: 'a.vtt', type: 'text/vtt' },
      { url: 'a.json', type: 'application/json' },
    ];
    const order: string[] = [];
    let remaining = all;
    while (remaining.length > 0) {
      const best = bestTranscript(episode(remaining))!;
      order.push(best.url);
      remaining = remaining.filter((transcript) => transcript !== best);
    }
    expect(order).toEqual(['a.json', 'a.vtt', 'a.srt', 'a.html', 'a.txt']);
  });

  it('ranks unknown types last and keeps feed order among equals', () => {
    expect(bestTranscript(episode([{ url: 'a.pdf', type: 'application/pdf' }, { url: 'b.txt', type: 'text/plain' }]))?.url).toBe('b.txt');
    expect(bestTranscript(episode([{ url: 'first.vtt', type: 'text/vtt' }, { url: 'second.vtt', type: 'TEXT/VTT; charset=utf-8' }]))?.url).toBe(
      'first.vtt',
    );
  });

  it('prefers the channel language over a better-read type in another language', () => {
    const feed = parsed(fixture('podcast-namespace.rss'));
    expect(bestTranscript(feed.episodes[1]!, feed.language)?.url).toBe('011.en.vtt');
    expect(bestTranscript(feed.episodes[1]!)?.url).toBe('011.es.json');
  });

  it('has nothing to offer for an episode without transcripts', () => {
    expect(bestTranscript(episode([]))).toBeUndefined();
  });
});
