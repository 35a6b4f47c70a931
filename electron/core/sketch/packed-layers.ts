import type { LayerInfo } from '../../../shared/domain/sketch-pack';
import type { Db } from '../db/connection';
import { readLayerList } from './layer-state';
import { readStrokeRecords } from './chunk-store';

/** Each layer with its stored stroke bytes as one record list (see shared/domain/sketch-pack.ts), without decoding them. */
export function readLayerRecords(db: Db, panelId: string): { layer: LayerInfo; records: Buffer }[] {
  return readLayerList(db, panelId).map(({ stored, position: _position, ...layer }) => {
    const rows = stored ? readStrokeRecords(db, layer.id) : [];
    const out = Buffer.alloc(rows.reduce((n, r) => n + 8 + r.data.length, 0));
    let at = 0;
    for (const r of rows) {
      out.writeUInt32LE(r.seq, at);
      out.writeUInt32LE(r.data.length, at + 4);
      r.data.copy(out, at + 8);
      at += 8 + r.data.length;
    }
    return { layer, records: out };
  });
}
