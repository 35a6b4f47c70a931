import { strokeLengthWithoutText } from '../../../shared/domain/stroke-codec';
import { CoreError } from '../errors';

/**
 * How a layer's strokes are stored: in chunk rows (`stroke_chunks`: layer, first seq, bytes), each
 * holding a run of the layer's strokes end to end, up to CHUNK_BYTES. One row per stroke cost a quarter
 * more than the strokes themselves (a key per stroke, and pages left half full by strokes landing all
 * over the table); chunks bring a board's strokes within a few percent of their bare bytes.
 *
 * A record: varint (2 × (seq − the previous record's seq, the chunk's first seq for the first), + 1
 * for a text stroke) · for a text stroke, varint (its text's length) · the stroke's bytes
 * (shared/domain/stroke-codec.ts, whose header gives the rest of its length). So a drawn stroke costs
 * one byte more than its own.
 */
export const CHUNK_BYTES = 32 * 1024;

/** One stroke as stored: its place in its layer and its bytes. */
export interface StrokeRecord {
  seq: number;
  data: Buffer;
}

/** A chunk row's contents. */
export interface ChunkRow {
  firstSeq: number;
  data: Buffer;
}

function varintBytes(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

/** A stroke's record after the one with seq `prevSeq` (or first in a chunk whose first seq is `prevSeq`). */
export function encodeRecord(prevSeq: number, stroke: StrokeRecord): Buffer {
  const base = strokeLengthWithoutText(stroke.data, 0);
  // Bytes shorter than their own header says (a damaged row met when an old file is upgraded).
  if (base === null || base > stroke.data.length) throw new CoreError('CORRUPT', `Stroke ${stroke.seq} is damaged.`);
  if (stroke.seq < prevSeq) throw new Error(`Stroke ${stroke.seq} cannot be stored after ${prevSeq}.`);
  const text = stroke.data.length - base;
  const head = varintBytes((stroke.seq - prevSeq) * 2 + (text > 0 ? 1 : 0));
  return Buffer.concat([Buffer.from(text > 0 ? [...head, ...varintBytes(text)] : head), stroke.data]);
}

/** The bytes of a chunk holding these strokes (in seq order, none below `firstSeq`). */
export function encodeChunk(firstSeq: number, strokes: readonly StrokeRecord[]): Buffer {
  let prev = firstSeq;
  return Buffer.concat(
    strokes.map((s) => {
      const record = encodeRecord(prev, s);
      prev = s.seq;
      return record;
    }),
  );
}

/** The strokes of a chunk row; their bytes are views into `data`. Damaged bytes are an error that names the layer. */
export function decodeChunk(layerId: string, row: ChunkRow): StrokeRecord[] {
  const { data } = row;
  const out: StrokeRecord[] = [];
  const damaged = () => new CoreError('CORRUPT', `The strokes of layer ${layerId} from ${row.firstSeq} are damaged.`);
  let at = 0;
  let seq = row.firstSeq;
  const varint = (): number => {
    let value = 0;
    for (let scale = 1; ; scale *= 128) {
      if (at >= data.length || scale > 2 ** 35) throw damaged();
      const byte = data[at++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
    }
  };
  while (at < data.length) {
    const head = varint();
    seq += Math.floor(head / 2);
    const text = head % 2 === 1 ? varint() : 0;
    const base = strokeLengthWithoutText(data, at);
    if (base === null || at + base + text > data.length) throw damaged();
    out.push({ seq, data: data.subarray(at, at + base + text) });
    at += base + text;
  }
  return out;
}

/** Whether a chunk of `chunkBytes` takes one more record of `recordBytes`, or the record starts a new chunk. */
export const fitsInChunk = (chunkBytes: number, recordBytes: number): boolean => chunkBytes > 0 && chunkBytes + recordBytes <= CHUNK_BYTES;

/**
 * Strokes (in seq order) appended to a layer whose last chunk is `last` (null when it has none): the
 * bytes that go onto the end of that chunk, and the new chunks after it. Drawing a stroke at a time and
 * storing a layer whole give the same chunks.
 */
export function appendToChunks(last: { bytes: number; lastSeq: number } | null, strokes: readonly StrokeRecord[]): { appended: Buffer | null; added: ChunkRow[] } {
  const onto: Buffer[] = [];
  const added: { firstSeq: number; parts: Buffer[]; bytes: number }[] = [];
  let bytes = last?.bytes ?? 0;
  let prev = last?.lastSeq ?? 0;
  for (const s of strokes) {
    const continued = encodeRecord(prev, s);
    if (fitsInChunk(bytes, continued.length)) {
      (added.length ? added[added.length - 1].parts : onto).push(continued);
      bytes += continued.length;
    } else {
      const first = encodeRecord(s.seq, s);
      added.push({ firstSeq: s.seq, parts: [first], bytes: first.length });
      bytes = first.length;
    }
    prev = s.seq;
  }
  return { appended: onto.length ? Buffer.concat(onto) : null, added: added.map((c) => ({ firstSeq: c.firstSeq, data: Buffer.concat(c.parts) })) };
}

/** A layer's strokes (in seq order) as chunk rows, as drawing them one by one would have stored them. */
export const packChunks = (strokes: readonly StrokeRecord[]): ChunkRow[] => appendToChunks(null, strokes).added;
