import { OggOpusDecoder } from 'ogg-opus-decoder';

/** Test fixtures are Ogg Opus: decoded whole at 48 kHz by the same MIT WebAssembly decoder the CLI streams with. */
export async function decodeOpusFixture(bytes: Uint8Array): Promise<{ channelData: Float32Array[]; sampleRate: number }> {
  const decoder = new OggOpusDecoder();
  await decoder.ready;
  try {
    return await decoder.decodeFile(bytes);
  } finally {
    decoder.free();
  }
}
