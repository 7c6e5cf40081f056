/**
 * The app's copy of the player that HTML exports inline: the built
 * `embed/verbatim-player.inline.js` beside the app, with its SHA-256 for the
 * export's Content-Security-Policy. Fetched once, on the first HTML export.
 */
export interface InlinePlayerSource {
  script: string;
  sha256: string;
}

let pending: Promise<InlinePlayerSource> | undefined;

function base64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function fetchInlinePlayer(url: string): Promise<InlinePlayerSource> {
  const response = await fetch(url);
  const type = response.headers.get('content-type') ?? '';
  // A dev server or SPA host answers a missing file with index.html.
  if (!response.ok || type.includes('html')) throw new Error('the player for HTML pages is not built (npm run build:embed)');
  const script = await response.text();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script));
  return { script, sha256: base64(digest) };
}

export function loadInlinePlayer(url = `${import.meta.env.BASE_URL}embed/verbatim-player.inline.js`): Promise<InlinePlayerSource> {
  pending ??= fetchInlinePlayer(url).catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
