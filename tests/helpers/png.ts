/**
 * Reads a palette PNG back for tests: the header, the palette and every
 * pixel's index, undoing all five PNG row filters. Written from the PNG spec
 * rather than with our encoder's shortcuts, so it checks the encoder instead
 * of mirroring it. Only 8-bit, non-interlaced palette images (what the
 * encoder writes); anything else throws.
 */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  colourType: number;
  /** RGB triplets. */
  palette: Uint8Array;
  /** One palette index per pixel, row by row. */
  indices: Uint8Array;
  /** The colour of pixel (x, y) as `#rrggbb`. */
  colour(x: number, y: number): string;
}

const SIGNATURE = '89504e470d0a1a0a';

export function decodePng(png: Buffer): DecodedPng {
  if (png.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG');
  let header: Buffer | undefined;
  let palette = new Uint8Array(0);
  const data: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = body;
    else if (type === 'PLTE') palette = new Uint8Array(body);
    else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colourType, , , interlace] = header.subarray(8);
  if (depth !== 8 || colourType !== 3 || interlace !== 0)
    throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
  const raw = inflateSync(Buffer.concat(data));
  if (raw.length !== height * (width + 1)) throw new Error(`expected ${height * (width + 1)} bytes of rows, got ${raw.length}`);
  const indices = new Uint8Array(width * height);
  // One byte per pixel: the "left" neighbour is the previous byte.
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)];
    for (let x = 0; x < width; x++) {
      const value = raw[y * (width + 1) + 1 + x] ?? 0;
      const a = x > 0 ? (indices[y * width + x - 1] ?? 0) : 0;
      const b = y > 0 ? (indices[(y - 1) * width + x] ?? 0) : 0;
      const c = x > 0 && y > 0 ? (indices[(y - 1) * width + x - 1] ?? 0) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter ?? -1];
      if (predictor === undefined) throw new Error(`unknown filter type ${filter} in row ${y}`);
      indices[y * width + x] = (value + predictor) & 0xff;
    }
  }
  const colour = (x: number, y: number): string => {
    const i = indices[y * width + x] ?? 0;
    if (i * 3 + 2 >= palette.length) throw new Error(`index ${i} is outside the palette of ${palette.length / 3} colours`);
    return `#${Buffer.from(palette.subarray(i * 3, i * 3 + 3)).toString('hex')}`;
  };
  return { width, height, colourType, palette, indices, colour };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
