/** What a dropped or picked file is, judged by MIME type and extension. */
export type FileKind = 'audio' | 'transcript' | 'feed' | 'unknown';

export const AUDIO_EXTENSIONS = ['mp3', 'wav', 'ogg', 'oga', 'opus', 'm4a', 'aac', 'flac', 'webm', 'weba', 'mp4', 'm4b'];
export const TRANSCRIPT_EXTENSIONS = ['txt', 'vtt', 'srt', 'json', 'html', 'htm', 'otr', 'md', 'text'];
/** Podcast RSS feeds, opened in the feed dialog to pick an episode. */
export const FEED_EXTENSIONS = ['rss', 'xml'];
const FEED_TYPES = ['application/rss+xml', 'application/xml', 'text/xml'];

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function classifyFile(file: { name: string; type: string }): FileKind {
  const ext = extensionOf(file.name);
  if (TRANSCRIPT_EXTENSIONS.includes(ext)) return 'transcript';
  if (FEED_EXTENSIONS.includes(ext) || FEED_TYPES.includes(file.type)) return 'feed';
  if (AUDIO_EXTENSIONS.includes(ext)) return 'audio';
  if (file.type.startsWith('audio/') || file.type.startsWith('video/')) return 'audio';
  if (file.type.startsWith('text/') || file.type === 'application/json') return 'transcript';
  return 'unknown';
}
