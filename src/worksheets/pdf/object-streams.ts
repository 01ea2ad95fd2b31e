/**
 * Packs the small objects of a finished pdfkit file into compressed object
 * streams, with a cross-reference stream instead of the table (PDF 1.5).
 *
 * pdfkit compresses page content, fonts and images but writes every other
 * object in plain text: in a worksheet that is most of the file, since the
 * structure tree has one object per element and each form widget is one
 * more, and each object costs a 20-byte line in the cross-reference table.
 * Those objects are highly repetitive (`/S /LI /P 12 0 R /K [3] /Pg 11 0 R`),
 * so deflated together they take a fraction of the space. Nothing in the
 * file's content changes: same objects, same numbers, same streams; only the
 * way they are stored.
 *
 * Pure and deterministic, and deflated with fflate, the deflater pdfkit's
 * browser build uses, so Node and the browser write the same bytes (see
 * ./engine.ts). A file that is not laid out the way pdfkit writes it is
 * returned unchanged.
 */
import { zlibSync } from 'fflate';
import { concatBytes } from '../../util/bytes.ts';

/** Objects per object stream: the size qpdf uses, so a reader never inflates a long stream to reach one object. */
const PER_STREAM = 100;

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Bytes as a string of the same length, one character per byte (not TextDecoder's latin1, which is windows-1252). */
function byteString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

interface Parsed {
  header: Uint8Array;
  objects: { num: number; start: number; end: number; stream: boolean }[];
  /** The trailer dictionary's text without `/Size`, e.g. `/Root 2 0 R /Info 7 0 R /ID [<…> <…>]`. */
  trailer: string;
}

/** Reads pdfkit's layout: header, `N 0 obj … endobj` objects, a classic xref table and trailer. Undefined for anything else. */
function parse(bytes: Uint8Array): Parsed | undefined {
  const text = byteString(bytes);
  const startxref = /startxref\n(\d+)\n%%EOF\n?$/.exec(text);
  if (!startxref) return undefined;
  const xrefAt = Number(startxref[1]);
  const xref = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt, xrefAt + 32));
  if (!xref) return undefined;
  const count = Number(xref[1]);
  const entries = text.slice(xrefAt + xref[0].length, xrefAt + xref[0].length + count * 20);
  const offsets: { num: number; offset: number }[] = [];
  for (let num = 0; num < count; num++) {
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(entries.slice(num * 20, num * 20 + 20));
    if (!entry) return undefined;
    if (entry[3] === 'n') {
      if (entry[2] !== '00000') return undefined;
      offsets.push({ num, offset: Number(entry[1]) });
    }
  }
  const trailer = /trailer\n<<\n([\s\S]*)\n>>\nstartxref\n\d+\n%%EOF\n?$/.exec(text.slice(xrefAt));
  if (!trailer?.[1] || !/\/Size \d+\n/.test(trailer[1]) || /\/(Encrypt|Prev)\b/.test(trailer[1])) return undefined;
  offsets.sort((a, b) => a.offset - b.offset);
  const objects: Parsed['objects'] = [];
  for (const [i, { num, offset }] of offsets.entries()) {
    const end = offsets[i + 1]?.offset ?? xrefAt;
    const segment = text.slice(offset, end);
    if (!segment.startsWith(`${num} 0 obj\n`) || !segment.endsWith('\nendobj\n')) return undefined;
    objects.push({ num, start: offset, end, stream: segment.endsWith('endstream\nendobj\n') });
  }
  const first = offsets[0]?.offset;
  if (first === undefined) return undefined;
  return { header: bytes.subarray(0, first), objects, trailer: trailer[1].replace(/\/Size \d+\n/, '').replace(/\n/g, ' ') };
}

/** Big-endian bytes of `value` in `width` bytes. */
function field(value: number, width: number): number[] {
  return Array.from({ length: width }, (_, i) => Math.floor(value / 256 ** (width - 1 - i)) % 256);
}

/** The same PDF with its non-stream objects in compressed object streams and a compressed cross-reference stream. */
export function packObjects(bytes: Uint8Array): Uint8Array {
  const parsed = parse(bytes);
  if (!parsed) return bytes;
  const plain = parsed.objects.filter((o) => !o.stream);
  const streams = parsed.objects.filter((o) => o.stream);
  let next = Math.max(...parsed.objects.map((o) => o.num)) + 1;
  const parts: Uint8Array[] = [parsed.header];
  let at = parsed.header.byteLength;
  /** Where each object lives: `[1, offset]` in the file, `[2, stream, index]` in an object stream. */
  const where = new Map<number, [1, number] | [2, number, number]>();
  const push = (part: Uint8Array) => {
    parts.push(part);
    at += part.byteLength;
  };
  for (const o of streams) {
    where.set(o.num, [1, at]);
    push(bytes.subarray(o.start, o.end));
  }
  const streamObject = (num: number, dict: string, data: Uint8Array) => {
    where.set(num, [1, at]);
    push(ascii(`${num} 0 obj\n<< ${dict} /Filter /FlateDecode /Length ${data.byteLength} >>\nstream\n`));
    push(data);
    push(ascii('\nendstream\nendobj\n'));
  };
  for (let i = 0; i < plain.length; i += PER_STREAM) {
    const group = plain.slice(i, i + PER_STREAM);
    const num = next++;
    const bodies: Uint8Array[] = [];
    const index: string[] = [];
    let offset = 0;
    group.forEach((o, k) => {
      const body = bytes.subarray(o.start + `${o.num} 0 obj\n`.length, o.end - '\nendobj\n'.length);
      index.push(`${o.num} ${offset}`);
      bodies.push(body, ascii('\n'));
      offset += body.byteLength + 1;
      where.set(o.num, [2, num, k]);
    });
    const head = ascii(`${index.join(' ')}\n`);
    streamObject(num, `/Type /ObjStm /N ${group.length} /First ${head.byteLength}`, zlibSync(concatBytes([head, ...bodies]), { level: 9 }));
  }
  const xrefNum = next++;
  const size = next;
  // The cross-reference stream's own entry is its offset, known before it is written.
  where.set(xrefNum, [1, at]);
  const width = at < 2 ** 24 ? 3 : 4;
  const rows: number[] = [];
  for (let num = 0; num < size; num++) {
    const entry = where.get(num);
    if (!entry) rows.push(0, ...field(0, width), ...field(num === 0 ? 65535 : 0, 2));
    else if (entry[0] === 1) rows.push(1, ...field(entry[1], width), 0, 0);
    else rows.push(2, ...field(entry[1], width), ...field(entry[2], 2));
  }
  const xrefAt = at;
  streamObject(xrefNum, `/Type /XRef /Size ${size} /W [1 ${width} 2] ${parsed.trailer}`, zlibSync(Uint8Array.from(rows), { level: 9 }));
  push(ascii(`startxref\n${xrefAt}\n%%EOF\n`));
  return concatBytes(parts);
}
