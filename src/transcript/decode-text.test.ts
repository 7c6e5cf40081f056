import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';
import { readTranscript } from './read-transcript.ts';

const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Zoë>Café, naïve — ok\n';

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (bigEndian) bytes.push(code >> 8, code & 0xff);
    else bytes.push(code & 0xff, code >> 8);
  }
  return new Uint8Array(bytes);
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(VTT), 'utf-8', false],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(VTT)]), 'utf-8', true],
    ['UTF-16 LE with BOM', utf16(VTT, false, true), 'utf-16le', true],
    ['UTF-16 BE with BOM', utf16(VTT, true, true), 'utf-16be', true],
    ['UTF-16 LE without BOM', utf16(VTT, false, false), 'utf-16le', false],
    ['UTF-16 BE without BOM', utf16(VTT, true, false), 'utf-16be', false],
  ])('reads %s to the same text, and the VTT reads the same', (_name, bytes, encoding, bom) => {
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ text: VTT, encoding, bom });
    const read = readTranscript(decoded.text);
    expect(read.ok && read.transcript.speakers[0]?.name).toBe('Zoë');
  });

  it('turns invalid UTF-8 into U+FFFD instead of failing', () => {
    expect(decodeText(new Uint8Array([0x61, 0xff, 0x62])).text).toBe('a\uFFFDb');
  });
});
