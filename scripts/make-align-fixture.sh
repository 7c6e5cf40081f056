#!/usr/bin/env bash
# Makes the small clip the aligner's end-to-end tests use, once, so that tests
# never need a speech synthesizer:
#   test/fixtures/align/clip.opus        ~20 s, 16 kHz mono Opus (~50 KB)
#   test/fixtures/align/clip.txt         its NPR-style transcript
#   test/fixtures/align/clip.onsets.json where each entry's sound starts (s)
# A music-like intro that is not in the transcript, two voices from two
# synthesizers (espeak-ng, flite), numbers and an initialism to expand, a
# door-slam sound for a stage direction, and exact digital silence between
# pieces (which the aligner must survive). Needs espeak-ng, flite, sox, ffmpeg.
#
# Also a 21 s cut of the benchmark's 30-minute conversation (npm run bench:data)
# where one programme ends and the next begins with a 4 s music intro that no
# transcript line announces — the case where words get dragged into music:
#   test/fixtures/align/midfile-intro.opus / .txt / .onsets.json
set -euo pipefail
cd "$(dirname "$0")/.."
out=test/fixtures/align
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

norm() { # input output: 16 kHz mono, leading/trailing silence trimmed at -50 dB
  sox "$1" -r 16000 -c 1 -b 16 "$2" silence 1 0.005 -50d reverse silence 1 0.005 -50d reverse
}
silence() { sox -n -r 16000 -c 1 -b 16 "$2" trim 0 "$1"; }

sox -n -r 16000 -c 1 -b 16 "$tmp/intro.wav" synth 2.5 pluck A3 pluck E4 pluck A4 fade 0 2.5 0.6 gain -8
espeak-ng -v en-us -s 165 -w "$tmp/a_raw.wav" "Good morning. I'm Dana Whitfield, and this is the news hour. Joining us from Moscow is Marcus Bell."
flite -voice slt -t "Thanks, Dana. The U.S. sent 2,400 troops in 2024, and nobody here expected it." -o "$tmp/b_raw.wav"
sox -n -r 16000 -c 1 -b 16 "$tmp/door.wav" synth 0.5 brownnoise fade 0 0.5 0.45 gain -6
espeak-ng -v en-us+f3 -s 175 -w "$tmp/c_raw.wav" "Marcus Bell in Moscow, thank you."
for piece in a b c; do norm "$tmp/${piece}_raw.wav" "$tmp/$piece.wav"; done
silence 0.6 "$tmp/gap1.wav"
silence 0.45 "$tmp/gap2.wav"
silence 0.5 "$tmp/gap3.wav"
silence 0.5 "$tmp/gap4.wav"
silence 0.7 "$tmp/tail.wav"

sequence=(intro gap1 a gap2 b gap3 door gap4 c tail)
t=0
declare -A onset
for piece in "${sequence[@]}"; do
  onset[$piece]=$t
  t=$(echo "$t + $(soxi -D "$tmp/$piece.wav")" | bc -l)
done
sox $(for piece in "${sequence[@]}"; do echo "$tmp/$piece.wav"; done) "$tmp/clip.wav"
ffmpeg -hide_banner -loglevel error -y -i "$tmp/clip.wav" -c:a libopus -b:a 24k "$out/clip.opus"

cat > "$out/clip.txt" <<'TEXT'
DANA WHITFIELD, HOST: Good morning. I'm Dana Whitfield, and this is the news hour. Joining us from Moscow is Marcus Bell.
MARCUS BELL, BYLINE: Thanks, Dana. The U.S. sent 2,400 troops in 2024, and nobody here expected it.
(SOUNDBITE OF DOOR CLOSING)
WHITFIELD: Marcus Bell in Moscow, thank you.
TEXT

printf '{"entries":[%.3f,%.3f,%.3f,%.3f],"duration":%.3f}\n' "${onset[a]}" "${onset[b]}" "${onset[door]}" "${onset[c]}" "$t" > "$out/clip.onsets.json"
# The mid-file intro, cut from the generated 30-minute benchmark conversation.
npx tsx scripts/bench-data.ts --out "$tmp/bench" > /dev/null
cut_from=104.3
ffmpeg -hide_banner -loglevel error -y -ss "$cut_from" -t 20.7 -i "$tmp/bench/long-30min.wav" -c:a libopus -b:a 24k "$out/midfile-intro.opus"
cat > "$out/midfile-intro.txt" <<'TEXT'
DANA WHITFIELD, HOST: That's Marcus Bell reporting from Caracas. Thank you.
ANA RUIZ, HOST: Good morning. I'm Ana Ruiz, and this is the news hour. Tom Becker is in Moscow with the latest.
TEXT
node -e '
const truth = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).transcript;
const turns = truth.entries.filter((e) => e.kind === "speech");
const from = Number(process.argv[2]);
const music = JSON.parse(require("fs").readFileSync(process.argv[3], "utf8")).cases.find((c) => c.name === "long-30min").untranscribed[0];
console.log(JSON.stringify({ entries: [turns[13].start - from, turns[14].start - from].map((t) => Math.round(t * 1000) / 1000),
  music: [music.start - from, music.end - from].map((t) => Math.round(t * 1000) / 1000) }));
' "$tmp/bench/long-30min.verbatim.json" "$cut_from" "$tmp/bench/manifest.json" > "$out/midfile-intro.onsets.json"
ls -l "$out"
