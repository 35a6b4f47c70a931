import type { Db } from '../db/connection';
import type { ChangeRecorder } from '../history/recorder';
import { appendToChunks, decodeChunk, encodeChunk, packChunks, type ChunkRow, type StrokeRecord } from './stroke-chunks';

const TABLE = 'stroke_chunks';

/** A chunk row as stored, with the strokes it holds. */
export interface StoredChunk extends ChunkRow {
  strokes: StrokeRecord[];
}

/** A layer's chunk rows in order, as stored (for copying them). */
export function chunkRowsOf(db: Db, layerId: string): ChunkRow[] {
  return (db.prepare('SELECT first_seq, data FROM stroke_chunks WHERE layer_id = ? ORDER BY first_seq').all(layerId) as { first_seq: number; data: Buffer }[]).map(
    (r) => ({ firstSeq: r.first_seq, data: r.data }),
  );
}

/** A layer's chunks with their strokes decoded (the strokes' bytes are views into the rows read). */
export function readChunks(db: Db, layerId: string): StoredChunk[] {
  return chunkRowsOf(db, layerId).map((row) => ({ ...row, strokes: decodeChunk(layerId, row) }));
}

/** A layer's strokes, in seq order. */
export function readStrokeRecords(db: Db, layerId: string): StrokeRecord[] {
  return readChunks(db, layerId).flatMap((c) => c.strokes);
}

/** The strokes of a layer just created, through the recorder. */
export function insertLayerStrokes(rec: ChangeRecorder, layerId: string, strokes: readonly StrokeRecord[]): void {
  for (const c of packChunks(strokes)) rec.insert(TABLE, { layer_id: layerId, first_seq: c.firstSeq, data: c.data });
}

/**
 * Stores a layer's strokes as `strokes` (in seq order) through the recorder, writing only what changed:
 * a chunk whose strokes were removed or changed is rewritten (or deleted when none is left), and new
 * strokes go onto the end of the last chunk and into new ones after it. Drawing a stroke thus records
 * just that stroke's bytes for undo.
 */
export function writeLayerStrokes(rec: ChangeRecorder, layerId: string, strokes: readonly StrokeRecord[]): void {
  const chunks = readChunks(rec.db, layerId);
  const wanted = new Map(strokes.map((s) => [s.seq, s.data]));
  const stored = new Set<number>();
  let last: { bytes: number; lastSeq: number; firstSeq: number } | null = null;
  for (const chunk of chunks) {
    const kept: StrokeRecord[] = [];
    for (const s of chunk.strokes) {
      stored.add(s.seq);
      const data = wanted.get(s.seq);
      if (data) kept.push({ seq: s.seq, data });
    }
    const key = { layer_id: layerId, first_seq: chunk.firstSeq };
    if (kept.length === 0) {
      rec.delete(TABLE, key);
      continue;
    }
    // Drawing leaves every chunk but the last as it was: compare the strokes before encoding anything.
    const same = kept.length === chunk.strokes.length && kept.every((s, i) => s.data.equals(chunk.strokes[i].data));
    const data = same ? chunk.data : encodeChunk(chunk.firstSeq, kept);
    if (!same) rec.update(TABLE, key, { data });
    last = { bytes: data.length, lastSeq: kept[kept.length - 1].seq, firstSeq: chunk.firstSeq };
  }
  const added = strokes.filter((s) => !stored.has(s.seq));
  if (added.length === 0) return;
  if (last && added[0].seq <= last.lastSeq) {
    // New strokes only ever come after the others (seqs grow); should one not, store the layer anew.
    for (const c of readChunks(rec.db, layerId)) rec.delete(TABLE, { layer_id: layerId, first_seq: c.firstSeq });
    insertLayerStrokes(rec, layerId, strokes);
    return;
  }
  const { appended, added: rows } = appendToChunks(last, added);
  if (appended && last) rec.append(TABLE, { layer_id: layerId, first_seq: last.firstSeq }, 'data', appended);
  for (const c of rows) rec.insert(TABLE, { layer_id: layerId, first_seq: c.firstSeq, data: c.data });
}
