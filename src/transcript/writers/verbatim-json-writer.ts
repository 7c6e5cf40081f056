/**
 * Verbatim JSON writer: the whole transcript, lossless. Each word sits on one line so
 * files stay readable and diff well.
 */
import type { Transcript } from '../model.ts';
import type { ExportFormat } from '../formats/format-spec.ts';
import { VERBATIM_JSON_FORMAT, VERBATIM_JSON_VERSION } from '../formats/verbatim-json.ts';

export function writeVerbatimJson(transcript: Transcript): string {
  const lines: string[] = [
    '{',
    `  "format": ${JSON.stringify(VERBATIM_JSON_FORMAT)},`,
    `  "version": ${VERBATIM_JSON_VERSION},`,
    '  "transcript": {',
  ];
  if (transcript.language !== undefined) lines.push(`    "language": ${JSON.stringify(transcript.language)},`);
  const speakers = transcript.speakers.map((speaker) => `      ${JSON.stringify(speaker)}`);
  lines.push(speakers.length > 0 ? `    "speakers": [\n${speakers.join(',\n')}\n    ],` : '    "speakers": [],');
  const entries = transcript.entries.map((entry) => {
    if (entry.kind === 'event') return `      ${JSON.stringify(entry)}`;
    const { words, ...rest } = entry;
    const head = JSON.stringify(rest).slice(0, -1);
    if (words.length === 0) return `      ${head},"words":[]}`;
    return `      ${head},"words":[\n${words.map((word) => `        ${JSON.stringify(word)}`).join(',\n')}\n      ]}`;
  });
  lines.push(entries.length > 0 ? `    "entries": [\n${entries.join(',\n')}\n    ]` : '    "entries": []');
  lines.push('  }', '}');
  return `${lines.join('\n')}\n`;
}

export const verbatimJsonWriter: ExportFormat = {
  id: 'verbatim-json',
  label: 'Verbatim JSON',
  extension: 'json',
  mimeType: 'application/json',
  write: writeVerbatimJson,
};
