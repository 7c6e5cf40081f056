/** Decoded audio at the file's own rate, one array per channel: what every decoder in cli/ hands on. */
export interface AudioChunk {
  channelData: readonly Float32Array[];
  sampleRate: number;
}
