/**
 * `npx tsx scripts/language-reference.ts OUT.json`
 *
 * Reference line starts for the German and Spanish LibriVox readings, which
 * have no timing truth of their own, for bench-language-timing.ts
 * `--reference`. Made by a different method from the one measured: forced
 * alignment with the English acoustic model, every word pronounced from
 * espeak-ng's German or Spanish phonemes (IPA mapped to the nearest ARPABET
 * phone) instead of the English dictionary. Cross-language forced alignment
 * is coarse inside words but places line starts by their sounds, not by
 * pauses or syllable counts. Needs espeak-ng; dev only.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeAudioFile } from '../cli/decode-audio.ts';
import type { AcousticModelId, DecoderConfig } from '../src/align/align-engine.ts';
import { alignTranscript } from '../src/align/align-transcript.ts';
import { createNodeEngine } from '../src/align/node-engine.ts';
import { type Entry, speechTurns, wordsFromText } from '../src/transcript/model.ts';

/** Longest match first: diphthongs and affricates before their parts. */
const IPA_TO_ARPABET: [string, string][] = [
  ['aɪ', 'AY'], ['aʊ', 'AW'], ['ɔø', 'OY'], ['ɔʏ', 'OY'], ['eɪ', 'EY'], ['ts', 'T S'], ['pf', 'P F'], ['tʃ', 'CH'], ['dʒ', 'JH'], ['ɲ', 'N Y'], ['ʎ', 'L Y'],
  ['a', 'AA'], ['ɑ', 'AA'], ['ɐ', 'AH'], ['e', 'EY'], ['ɛ', 'EH'], ['ə', 'AH'], ['ɜ', 'ER'], ['i', 'IY'], ['ɪ', 'IH'], ['o', 'OW'], ['ɔ', 'AO'], ['u', 'UW'], ['ʊ', 'UH'],
  ['y', 'IY'], ['ʏ', 'IH'], ['ø', 'ER'], ['œ', 'ER'], ['p', 'P'], ['b', 'B'], ['t', 'T'], ['d', 'D'], ['k', 'K'], ['g', 'G'], ['ɡ', 'G'], ['f', 'F'], ['v', 'V'],
  ['s', 'S'], ['z', 'Z'], ['ʃ', 'SH'], ['ʒ', 'ZH'], ['ç', 'HH'], ['x', 'HH'], ['χ', 'HH'], ['h', 'HH'], ['m', 'M'], ['n', 'N'], ['ŋ', 'NG'], ['l', 'L'], ['r', 'R'],
  ['ɾ', 'R'], ['ʁ', 'R'], ['ʀ', 'R'], ['j', 'Y'], ['w', 'W'], ['β', 'B'], ['ð', 'DH'], ['ɣ', 'G'], ['θ', 'TH'], ['ʝ', 'Y'], ['c', 'K'], ['ɟ', 'G'],
];

function arpabet(language: string, word: string): string {
  const ipa = spawnSync('espeak-ng', ['-v', language, '-q', '--ipa', word], { encoding: 'utf8' }).stdout.replace(/[ˈˌːˑ‿ʔ\-_\s]|\u0329|\u032f/gu, '');
  const phones: string[] = [];
  for (let i = 0; i < ipa.length; ) {
    const match = IPA_TO_ARPABET.find(([symbol]) => ipa.startsWith(symbol, i));
    if (match) phones.push(match[1]);
    i += match ? match[0].length : 1;
  }
  return phones.join(' ');
}

const out: Record<string, number[]> = {};
for (const language of ['de', 'es']) {
  const text = readFileSync(`/work/shared/media/librivox/${language}.txt`, 'utf8');
  const entries: Entry[] = text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => ({ kind: 'speech', speakerId: null, words: wordsFromText(line) }));
  const audio = await decodeAudioFile(`/work/shared/media/librivox/${language}.mp3`);
  const base = createNodeEngine();
  const engine = {
    ...base,
    toArpabet: (word: string) => arpabet(language, word),
    // No English dictionary entry may win over the language's own phonemes.
    createDecoder: async (model: AcousticModelId, config: DecoderConfig) => {
      const decoder = await base.createDecoder(model, config);
      decoder.lookup_word = () => null as unknown as string;
      return decoder;
    },
  };
  const outcome = await alignTranscript(audio, { speakers: [], entries }, { engine, language: 'en' });
  out[language] = speechTurns(outcome.transcript).map((turn) => turn.start as number);
  console.log(language, `${outcome.lowConfidence.length} low-confidence lines`, outcome.warnings.slice(1).join('; '));
}
writeFileSync(process.argv[2] ?? '/tmp/language-reference.json', `${JSON.stringify(out)}\n`);
