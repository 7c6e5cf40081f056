import { readFileSync } from 'node:fs';
import { decodeAudioFile } from './cli/decode-audio.ts';
import { alignTranscript } from './src/align/align-transcript.ts';
import { createNodeEngine } from './src/align/node-engine.ts';
import { readTranscript } from './src/transcript/read-transcript.ts';
import { speechTurns } from './src/transcript/model.ts';
const [audioPath, textPath, lang] = process.argv.slice(2) as [string, string, string];
const parsed = readTranscript(readFileSync(textPath, 'utf8'), { fileName: textPath });
if (!parsed.ok) throw new Error('parse');
const audio = await decodeAudioFile(audioPath);
const t0 = performance.now();
try {
  const o = await alignTranscript(audio, parsed.transcript, { engine: createNodeEngine(), language: lang ?? 'en' });
  const words = speechTurns(o.transcript).flatMap((t) => t.words);
  const aligned = words.filter((w) => w.timing === 'aligned');
  const probs = aligned.map((w) => w.confidence ?? 0).sort((a, b) => a - b);
  const q = (p: number) => probs[Math.floor(p * (probs.length - 1))]?.toFixed(2);
  const turns = speechTurns(o.transcript);
  console.log(JSON.stringify({ case: `${audioPath.split('/').slice(-2).join('/')} + ${textPath.split('/').slice(-2).join('/')}`, sec: ((performance.now() - t0) / 1000).toFixed(0), words: words.length, aligned: aligned.length, p10: q(0.1), p25: q(0.25), p50: q(0.5), above05: probs.filter((p) => p >= 0.5).length, turns: turns.length, low: o.lowConfidence.length, turnConf: turns.map((t) => t.confidence?.toFixed(2)).join(' ') }));
} catch (e) { console.log(JSON.stringify({ case: `${audioPath} + ${textPath}`, error: (e as Error).message, sec: ((performance.now() - t0) / 1000).toFixed(0) })); }
