/**
 * A Word document (.docx) of the transcript, for editors who hand transcripts on:
 * the title, then per turn a line with the speaker in bold and (optionally) its
 * `[hh:mm:ss]`, then its text, one Word paragraph per transcript paragraph
 * (`Word.paragraph`); events in italics; optionally low-confidence words highlighted.
 * Built with the `docx` library; asynchronous because zipping is.
 */
import { Document, HighlightColor, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { LOW_CONFIDENCE, speakerName, type SpeechTurn, type Transcript, type Word } from '../model.ts';
import { formatWholeSeconds } from '../formats/timecode.ts';
import { entryStart } from './timed-cues.ts';

export interface DocxOptions {
  title?: string;
  /** `[hh:mm:ss]` after each speaker (default on). */
  timestamps?: boolean;
  /** Highlight words whose confidence is below LOW_CONFIDENCE, with a note saying so. */
  markLowConfidence?: boolean;
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function isLow(word: Word): boolean {
  return word.confidence !== undefined && word.confidence < LOW_CONFIDENCE;
}

/** Word runs of one paragraph; neighbouring words of the same kind share a run. */
function textRuns(words: readonly Word[], markLow: boolean, language: string | undefined): TextRun[] {
  const runs: TextRun[] = [];
  let text = '';
  let low = false;
  const flush = () => {
    if (text) runs.push(new TextRun({ text, ...(low ? { highlight: HighlightColor.YELLOW } : {}), ...(language ? { language: { value: language } } : {}) }));
    text = '';
  };
  words.forEach((word, index) => {
    const value = oneLine(word.text);
    if (!value) return;
    const wordLow = markLow && isLow(word);
    if (wordLow !== low) {
      flush();
      low = wordLow;
    }
    text += (index > 0 && (text || runs.length > 0) ? ' ' : '') + value;
  });
  flush();
  return runs;
}

function paragraphsOf(words: readonly Word[]): Word[][] {
  const out: Word[][] = [[]];
  words.forEach((word, index) => {
    if (index > 0 && (word as Word & { paragraph?: boolean }).paragraph === true) out.push([]);
    out[out.length - 1]!.push(word);
  });
  return out.filter((group) => group.length > 0);
}

function turnParagraphs(transcript: Transcript, turn: SpeechTurn, options: DocxOptions): Paragraph[] {
  const name = speakerName(transcript, turn.speakerId);
  const start = entryStart(turn);
  const head: TextRun[] = [];
  if (name !== undefined) head.push(new TextRun({ text: oneLine(name), bold: true }));
  if (options.timestamps !== false && start !== undefined) {
    head.push(new TextRun({ text: `${head.length > 0 ? ' ' : ''}[${formatWholeSeconds(start)}]`, color: '595959' }));
  }
  const out: Paragraph[] = [];
  if (head.length > 0) out.push(new Paragraph({ children: head, keepNext: true, spacing: { before: 240 } }));
  for (const words of paragraphsOf(turn.words)) {
    out.push(new Paragraph({ children: textRuns(words, options.markLowConfidence === true, transcript.language), spacing: { after: 120 } }));
  }
  return out;
}

export async function writeDocx(transcript: Transcript, options: DocxOptions = {}): Promise<Uint8Array> {
  const title = oneLine(options.title ?? '') || 'Transcript';
  const children: Paragraph[] = [new Paragraph({ text: title, heading: HeadingLevel.TITLE })];
  const anyLow = transcript.entries.some((entry) => entry.kind === 'speech' && entry.words.some(isLow));
  if (options.markLowConfidence && anyLow) {
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: 'Highlighted', highlight: HighlightColor.YELLOW }),
          new TextRun({ text: ` words were recognised with less than ${Math.round(LOW_CONFIDENCE * 100)}% confidence: check them against the audio.`, italics: true }),
        ],
      }),
    );
  }
  for (const entry of transcript.entries) {
    if (entry.kind === 'speech') {
      children.push(...turnParagraphs(transcript, entry, options));
      continue;
    }
    const text = oneLine(entry.text);
    if (!text) continue;
    const time = options.timestamps !== false && entry.start !== undefined ? `[${formatWholeSeconds(entry.start)}] ` : '';
    children.push(new Paragraph({ children: [new TextRun({ text: `${time}${text}`, italics: true, color: '595959' })], spacing: { before: 240 } }));
  }
  const document = new Document({ title, creator: 'Verbatim', sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
