/**
 * Reads a transcript file or standard input, refusing before it is read whole
 * when it is larger than the limit: a 1.2 GB file otherwise costs the CLI
 * 1.77 GB of heap before the parser says anything. The limit is the app's
 * (src/transcript/size-limit.ts) unless `--max-size` says otherwise.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { formatByteSize, tooLargeMessage } from '../src/transcript/size-limit.ts';

export class TooLargeError extends Error {
  override readonly name = 'TooLargeError';
}

/** The CLI's sentence for a file over the limit: the reason, then how to read it anyway. */
export function tooLargeAdvice(error: TooLargeError): string {
  return `${error.message}; --max-size SIZE (for example --max-size 200MB) raises the limit`;
}

const CHUNK = 1 << 20;

/** The bytes of `path` (or of standard input for fd 0), at most `maxBytes` of them; throws TooLargeError past that. */
export function readLimited(source: string | 0, maxBytes: number, name = source === 0 ? 'standard input' : source): Buffer {
  const fd = source === 0 ? 0 : openSync(source, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > maxBytes) throw new TooLargeError(tooLargeMessage(name, stat.size, maxBytes));
    // Pipes and growing files: count as the bytes come, and stop one chunk past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      let read: number;
      try {
        read = readSync(fd, chunk, 0, CHUNK, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((error as NodeJS.ErrnoException).code === 'EOF') break;
        throw error;
      }
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new TooLargeError(`${name} is more than the ${formatByteSize(maxBytes)} Verbatim reads for a transcript`);
      chunks.push(chunk.subarray(0, read));
    }
    return Buffer.concat(chunks, total);
  } finally {
    if (source !== 0) closeSync(fd);
  }
}
