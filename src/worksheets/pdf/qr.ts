/**
 * A QR code as filled rectangles, for drawing as vector paths: each run of dark
 * modules in a row becomes one rectangle, so a version-4 code is about 300
 * rectangles and a few kilobytes before compression, and scans at any size.
 */
import { create } from 'qrcode';

export interface QrShape {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** `[column, row, length]` of each horizontal run of dark modules. */
  runs: [number, number, number][];
}

export function qrShape(text: string): QrShape {
  // Level M survives a smudged print; the URLs here fit version 3-5 at that level.
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  const runs: [number, number, number][] = [];
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (!data[row * size + column]) {
        column++;
        continue;
      }
      let end = column;
      while (end < size && data[row * size + end]) end++;
      runs.push([column, row, end - column]);
      column = end;
    }
  }
  return { size, runs };
}
