/**
 * A PDF's objects as text, for tests that look for an object or a key: the
 * file's own bytes (latin1) followed by every object stored in a compressed
 * object stream, each written out as `N 0 obj\n…\nendobj` (the worksheets
 * keep their small objects in object streams: src/worksheets/pdf/object-streams.ts).
 */
import { inflateSync } from 'node:zlib';

export function pdfObjectsText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  const text = buffer.toString('latin1');
  const out = [text];
  const streams = /<< \/Type \/ObjStm \/N (\d+) \/First (\d+) \/Filter \/FlateDecode \/Length (\d+) >>\nstream\n/g;
  for (let match = streams.exec(text); match; match = streams.exec(text)) {
    const start = match.index + match[0].length;
    const data = inflateSync(buffer.subarray(start, start + Number(match[3]))).toString('latin1');
    const first = Number(match[2]);
    const pairs = data.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i < Number(match[1]); i++) {
      const num = pairs[2 * i] ?? 0;
      const from = first + (pairs[2 * i + 1] ?? 0);
      const to = i + 1 < Number(match[1]) ? first + (pairs[2 * i + 3] ?? 0) : data.length;
      out.push(`${num} 0 obj\n${data.slice(from, to).replace(/\n$/, '')}\nendobj\n`);
    }
  }
  return out.join('\n');
}
