import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Stroke } from '../../shared/domain/sketch';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { addStroke, getPanelLayers, pasteStrokes, removeStrokes, updateStrokes } from '../../electron/core/commands/sketch-commands';
import { decodeChunk, encodeChunk, packChunks, CHUNK_BYTES, type StrokeRecord } from '../../electron/core/sketch/stroke-chunks';
import { chunkRowsOf } from '../../electron/core/sketch/chunk-store';
import { encodeStroke } from '../../electron/core/sketch/stroke-codec';
import type { Project } from '../../electron/core/project';
import { decodeChanges } from '../../electron/core/history/changes';
import { mulberry32 } from '../../bench/lib/images';
import { doc, expectIntact, newProject } from './edit-helpers';
import { mediaResponse } from '../../electron/core/serve/media';
import type { Session } from '../../electron/core/session';
import { BEFORE_CLIP_CHUNKS } from './helpers';

type NewStroke = Omit<Stroke, 'id'>;

/** A wandering line of `n` points (about 14 + 5n bytes), or a text note. */
function stroke(seed: number, n = 60): NewStroke {
  const rnd = mulberry32(seed);
  if (seed % 7 === 0) return { tool: 'text', color: '#202020', size: 0.03, opacity: 1, points: [[rnd(), rnd(), 0.5]], text: `Note ${seed}: pan left → 見る` };
  // A short scribble (cheap to draw into the composite): steps of a hundredth of the frame from a random start.
  let x = 0.2 + rnd() * 0.6;
  let y = 0.2 + rnd() * 0.6;
  return { tool: 'pencil', color: '#1b1b1d', size: 0.003, opacity: 1, points: Array.from({ length: n }, (_, i) => [(x += (rnd() - 0.5) * 0.01), (y += (rnd() - 0.5) * 0.01), (i % 10) / 10] as [number, number, number]) };
}

function setup(): { p: Project; panelId: string } {
  const p = newProject('Chunks');
  const panel = createPanel(p, { sceneId: createScene(p, {}).id });
  return { p, panelId: panel.id };
}

const pencil = (p: Project, panelId: string) => getPanelLayers(p, panelId).layers.find((l) => l.role === 'pencil')!;
const strokesOf = (p: Project, panelId: string) => pencil(p, panelId).strokes.map(({ id: _id, ...s }) => s);
const chunksOf = (p: Project, panelId: string) => chunkRowsOf(p.db, pencil(p, panelId).id);
const lastChanges = (p: Project) => decodeChanges(p.db.prepare('SELECT changes FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1').pluck().get() as string);

describe('stroke chunks', () => {
  it('a record format that round-trips every stroke, gaps in seq and text included, and refuses damaged bytes', () => {
    const records: StrokeRecord[] = [1, 2, 5, 7, 300, 301].map((seq) => ({ seq, data: encodeStroke(stroke(seq)) }));
    const data = encodeChunk(1, records);
    // One byte a stroke beyond the strokes themselves (two for the one long gap), one more for a text's length.
    const texts = records.filter((r) => r.data.length !== 14 + 5 * r.data.readUInt32LE(10)).length;
    expect(texts).toBe(2);
    expect(data.length).toBe(records.reduce((n, r) => n + r.data.length, 0) + records.length + 1 + texts);
    const back = decodeChunk('L', { firstSeq: 1, data });
    expect(back.map((r) => r.seq)).toEqual([1, 2, 5, 7, 300, 301]);
    back.forEach((r, i) => expect(r.data.equals(records[i].data)).toBe(true));
    expect(() => decodeChunk('L', { firstSeq: 1, data: data.subarray(0, data.length - 3) })).toThrow(/layer L from 1 are damaged/);
    expect(() => decodeChunk('L', { firstSeq: 1, data: Buffer.from([0x80, 0x80]) })).toThrow(/damaged/);
  });

  it('drawing stroke by stroke stores the same chunks as storing the layer whole, none over the chunk size', async () => {
    const { p, panelId } = setup();
    await pasteStrokes(p, panelId, [stroke(1)], 'std:pencil');
    const layerId = pencil(p, panelId).id;
    // 150 strokes of about 300 bytes: more than one chunk.
    for (let i = 2; i <= 150; i += 30) await pasteStrokes(p, panelId, Array.from({ length: 30 }, (_, k) => stroke(i + k)), layerId);
    for (let i = 0; i < 3; i++) await addStroke(p, panelId, stroke(500 + i), layerId);
    const stored = chunksOf(p, panelId);
    expect(stored.length).toBeGreaterThan(1);
    for (const c of stored.slice(0, -1)) expect(c.data.length).toBeLessThanOrEqual(CHUNK_BYTES);
    const all = stored.flatMap((c) => decodeChunk(layerId, c));
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    expect(packChunks(all).map((c) => [c.firstSeq, c.data.toString('hex')])).toEqual(stored.map((c) => [c.firstSeq, c.data.toString('hex')]));
    expect(strokesOf(p, panelId)).toHaveLength(154);
    p.close();
  });

  it('a stroke drawn records only its own bytes for undo; undo and redo give back the chunks byte for byte', async () => {
    const { p, panelId } = setup();
    await pasteStrokes(p, panelId, Array.from({ length: 40 }, (_, k) => stroke(k + 1)), 'std:pencil');
    const before = doc(p.db);
    const added = stroke(99);
    await addStroke(p, panelId, added, pencil(p, panelId).id);
    const after = doc(p.db);
    const changes = lastChanges(p).filter((c) => c.table === 'stroke_chunks');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ op: 'append' });
    const bytes = changes[0].op === 'append' ? changes[0].bytes : Buffer.alloc(0);
    expect(bytes.length).toBe(encodeStroke(added).length + 1);
    p.undo();
    expect(doc(p.db)).toEqual(before);
    p.redo();
    expect(doc(p.db)).toEqual(after);
    expectIntact(p.db);
    p.close();
  });

  it('removing and changing strokes inside a chunk rewrites only that chunk, and undo restores it', async () => {
    const { p, panelId } = setup();
    await pasteStrokes(p, panelId, Array.from({ length: 150 }, (_, k) => stroke(k + 1)), 'std:pencil');
    const chunks = chunksOf(p, panelId);
    expect(chunks.length).toBeGreaterThan(1);
    const before = doc(p.db);
    const ids = pencil(p, panelId).strokes.map((s) => s.id);
    await removeStrokes(p, panelId, [ids[3], ids[5]]);
    const rewritten = lastChanges(p).filter((c) => c.table === 'stroke_chunks');
    expect(rewritten.map((c) => c.op)).toEqual(['update']);
    const moved = { ...pencil(p, panelId).strokes[10], color: '#c8372d' };
    await updateStrokes(p, panelId, [moved]);
    expect(pencil(p, panelId).strokes.find((s) => s.id === moved.id)!.color).toBe('#c8372d');
    expect(strokesOf(p, panelId)).toHaveLength(148);
    // Deleting every stroke of the first chunk deletes the row.
    const first = decodeChunk('x', chunksOf(p, panelId)[0]).map((r) => `${pencil(p, panelId).id}/${r.seq}`);
    await removeStrokes(p, panelId, first);
    expect(chunksOf(p, panelId)).toHaveLength(chunks.length - 1);
    p.undo();
    p.undo();
    p.undo();
    expect(doc(p.db)).toEqual(before);
    expectIntact(p.db);
    p.close();
  });

  it('random edits, undos and redos always read back as the strokes a plain list would hold', async () => {
    const { p, panelId } = setup();
    const rnd = mulberry32(2026);
    await pasteStrokes(p, panelId, [stroke(1)], 'std:pencil');
    const layerId = pencil(p, panelId).id;
    const states: NewStroke[][] = [strokesOf(p, panelId)];
    let at = 0;
    for (let step = 0; step < 40; step++) {
      const roll = rnd();
      const current = pencil(p, panelId).strokes;
      if (roll < 0.15 && at > 0) {
        p.undo();
        at--;
      } else if (roll < 0.25 && at < states.length - 1) {
        p.redo();
        at++;
      } else {
        if (roll < 0.6 || current.length < 3) await pasteStrokes(p, panelId, Array.from({ length: 1 + Math.floor(rnd() * 40) }, (_, k) => stroke(step * 100 + k, 20 + Math.floor(rnd() * 120))), layerId);
        else if (roll < 0.8) await removeStrokes(p, panelId, current.filter(() => rnd() < 0.2).map((s) => s.id).concat(current[Math.floor(rnd() * current.length)].id));
        else await updateStrokes(p, panelId, [{ ...current[Math.floor(rnd() * current.length)], size: 0.01 + rnd() * 0.01 }]);
        states.splice(++at);
        states.push(strokesOf(p, panelId));
      }
      expect(strokesOf(p, panelId), `step ${step}`).toEqual(states[at]);
    }
    expectIntact(p.db);
    p.close();
  }, 120_000);

  it('a damaged chunk is refused with its reason, by the core and by the editor\'s load, and nothing is written', async () => {
    const { p, panelId } = setup();
    await pasteStrokes(p, panelId, Array.from({ length: 5 }, (_, k) => stroke(k + 1)), 'std:pencil');
    const layerId = pencil(p, panelId).id;
    p.db.prepare('UPDATE stroke_chunks SET data = substr(data, 1, length(data) - 7) WHERE layer_id = ?').run(layerId);
    const before = doc(p.db);
    expect(() => getPanelLayers(p, panelId)).toThrow(/strokes of layer .* are damaged/);
    const session = { project: p } as unknown as Session;
    const answer = mediaResponse(session, `/media/layers/${panelId}`) as { status?: number; body: Buffer };
    expect(answer.status).toBe(422);
    expect(answer.body.toString()).toMatch(/are damaged/);
    // A panel that is not there is a plain 404 (null); the damaged one was not touched.
    expect(mediaResponse(session, '/media/layers/no-such-panel')).toBeNull();
    await expect(addStroke(p, panelId, stroke(9), layerId)).rejects.toThrow(/damaged/);
    expect(doc(p.db)).toEqual(before);
    p.close();
  });

  it('migration 011 packs a schema-10 project\'s stroke rows into chunks without loss, and cuts the undo entries that wrote them', async () => {
    const { p, panelId } = setup();
    await pasteStrokes(p, panelId, Array.from({ length: 120 }, (_, k) => stroke(k + 1)), 'std:pencil');
    await addStroke(p, panelId, stroke(777), 'std:ink');
    const strokes = getPanelLayers(p, panelId).layers.map((l) => l.strokes.map(({ id: _id, ...s }) => s));
    const composite = p.panel(panelId).thumbSha256;
    const file = p.path;
    p.close();
    // Turn the file back into what version 10 wrote: a row per stroke.
    const db = new Database(file);
    db.exec('CREATE TABLE strokes (layer_id TEXT NOT NULL REFERENCES sketch_layers(id), seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (layer_id, seq)) WITHOUT ROWID');
    const rows = db.prepare('SELECT layer_id, first_seq, data FROM stroke_chunks').all() as { layer_id: string; first_seq: number; data: Buffer }[];
    for (const r of rows) for (const s of decodeChunk(r.layer_id, { firstSeq: r.first_seq, data: r.data })) db.prepare('INSERT INTO strokes VALUES (?, ?, ?)').run(r.layer_id, s.seq, s.data);
    const hist = db.prepare('SELECT max(seq) FROM history').pluck().get() as number;
    db.prepare('INSERT INTO history (seq, label, changes, created_at) VALUES (?, ?, ?, ?)').run(hist + 1, 'Stroke on 1A', JSON.stringify([{ op: 'insert', table: 'strokes', row: { layer_id: rows[0].layer_id, seq: 1 } }]), 'now');
    db.prepare('INSERT INTO history (seq, label, changes, created_at) VALUES (?, ?, ?, ?)').run(hist + 2, 'Rename scene', JSON.stringify([{ op: 'update', table: 'scenes', key: { id: 'x' }, before: { heading: 'A' }, after: { heading: 'B' } }]), 'now');
    db.exec(BEFORE_CLIP_CHUNKS + 'DROP TABLE stroke_chunks; PRAGMA user_version = 10');
    db.close();
    const { Project } = await import('../../electron/core/project');
    const q = Project.open(file);
    expect(getPanelLayers(q, panelId).layers.map((l) => l.strokes.map(({ id: _id, ...s }) => s))).toEqual(strokes);
    expect(q.panel(panelId).thumbSha256).toBe(composite);
    expect(q.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'strokes'").pluck().get()).toBe(0);
    // The stroke entry and every one before it are gone; the later one stays.
    expect(q.db.prepare('SELECT label FROM history').pluck().all()).toEqual(['Rename scene']);
    // Drawing goes on after the old strokes.
    await addStroke(q, panelId, stroke(778), pencil(q, panelId).id);
    expect(pencil(q, panelId).strokes).toHaveLength(121);
    q.close();
  });

  it('a schema-10 file with a damaged stroke row is refused as damaged when upgraded, and stays as it was', async () => {
    const { p, panelId } = setup();
    await pasteStrokes(p, panelId, [stroke(1), stroke(2)], 'std:pencil');
    const layerId = pencil(p, panelId).id;
    const file = p.path;
    p.close();
    const db = new Database(file);
    db.exec('CREATE TABLE strokes (layer_id TEXT NOT NULL REFERENCES sketch_layers(id), seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (layer_id, seq)) WITHOUT ROWID');
    db.prepare('INSERT INTO strokes VALUES (?, 1, ?)').run(layerId, encodeStroke(stroke(1)));
    db.prepare('INSERT INTO strokes VALUES (?, 2, ?)').run(layerId, encodeStroke(stroke(2)).subarray(0, 20));
    db.exec(BEFORE_CLIP_CHUNKS + 'DROP TABLE stroke_chunks; PRAGMA user_version = 10');
    db.close();
    const fs = await import('node:fs');
    const bytes = fs.readFileSync(file);
    const { Project } = await import('../../electron/core/project');
    expect(() => Project.open(file)).toThrow(/Stroke 2 is damaged/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
