import { describe, expect, it } from 'vitest';
import { parsePodcastFeed } from '../podcast-feed.ts';
import { podcastTranscriptTags } from './podcast-feed-snippet.ts';

describe('podcastTranscriptTags', () => {
  const tags = podcastTranscriptTags({ baseUrl: 'https://cdn.example/ep', baseName: 'Episode 1', language: 'en-GB' });

  it('gives type, language and rel="captions" for the caption formats', () => {
    expect(tags.split('\n')).toEqual([
      '<podcast:transcript url="https://cdn.example/ep/Episode%201.vtt" type="text/vtt" language="en-GB" rel="captions" />',
      '<podcast:transcript url="https://cdn.example/ep/Episode%201.srt" type="application/x-subrip" language="en-GB" rel="captions" />',
      '<podcast:transcript url="https://cdn.example/ep/Episode%201.podcast.json" type="application/json" language="en-GB" />',
      '<podcast:transcript url="https://cdn.example/ep/Episode%201.podcast.html" type="text/html" language="en-GB" />',
    ]);
  });

  it('is what the app’s own feed reader reads back from an item', () => {
    const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>Show</title>
<item><title>Episode 1</title><enclosure url="https://cdn.example/ep/e1.mp3" type="audio/mpeg" length="1"/>${tags}</item></channel></rss>`;
    const result = parsePodcastFeed(feed);
    if (!result.ok) throw new Error(result.error.message);
    const transcripts = result.feed.episodes[0]?.transcripts ?? [];
    expect(transcripts.map((transcript) => [transcript.type, transcript.language, transcript.rel])).toEqual([
      ['text/vtt', 'en-GB', 'captions'],
      ['application/x-subrip', 'en-GB', 'captions'],
      ['application/json', 'en-GB', undefined],
      ['text/html', 'en-GB', undefined],
    ]);
  });
});
