/**
 * A minimal PNG encoder for indexed colour. resvg writes 32-bit RGBA; a card
 * (flat colours, antialiased text) has well under 256 distinct colours, so the
 * same pixels as a palette image are lossless and about a third of the size,
 * which keeps every card under the 60 kB budget. Deterministic: the palette is
 * in order of first appearance and compression settings are fixed.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels as an 8-bit palette PNG, or returns null if they use more than 256 colours. */
export function encodeIndexedPng(width: number, height: number, rgba: Uint8Array): Buffer | null {
  if (rgba.length < width * height * 4) throw new RangeError(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  // One 32-bit word per pixel (its byte order does not matter: words are only compared and looked up).
  // A typed-array view needs 4-byte alignment; a pooled Buffer may not have it.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, width * height);
  const index = new Map<number, number>();
  const palette: number[] = [];
  // One filter-type byte (0: none, the right choice for palette images) before each row.
  const raw = Buffer.alloc(height * (width + 1));
  // Most pixels repeat the one before (background, strokes): skip the lookup for those.
  let lastWord = Number.NaN; // equal to no word, so the first pixel is always looked up
  let lastIndex = 0;
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1) + 1;
    for (let x = 0; x < width; x++) {
      const word = words[y * width + x] ?? 0;
      if (word !== lastWord) {
        let i = index.get(word);
        if (i === undefined) {
          if (palette.length === 256) return null;
          i = palette.length;
          index.set(word, i);
          palette.push((y * width + x) * 4);
        }
        lastWord = word;
        lastIndex = i;
      }
      raw[row + x] = lastIndex;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8); // 8-bit depth, colour type 3 (indexed), default compression, filter and interlace
  // The palette holds, for each colour, the offset of its first pixel: read the channels from there.
  const plte = Buffer.alloc(palette.length * 3);
  const alpha = Buffer.alloc(palette.length);
  palette.forEach((offset, i) => {
    plte[i * 3] = rgba[offset] ?? 0;
    plte[i * 3 + 1] = rgba[offset + 1] ?? 0;
    plte[i * 3 + 2] = rgba[offset + 2] ?? 0;
    alpha[i] = rgba[offset + 3] ?? 0;
  });
  const chunks = [chunk('IHDR', ihdr), chunk('PLTE', plte)];
  // Transparency only when some colour is not opaque (a card's background is).
  if (alpha.some((a) => a !== 255)) chunks.push(chunk('tRNS', alpha));
  // Level 6, not 9: on these images 9 saves about 2 kB of 25 and takes four times as long (80 ms a card).
  chunks.push(chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat([SIGNATURE, ...chunks]);
}
