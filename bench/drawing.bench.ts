/**
 * Drawing benchmark (issue 16), the core's part:
 *   1. storage: a project of 2,000 panels with 200 strokes each (hand-like, 40–140 points) against the
 *      same strokes as bare compact vectors (the 14 + 5-per-point bytes of stroke-codec.ts, end to end
 *      in one file): the file's growth over the same project without strokes, as a ratio (target ≤ 1.05);
 *      JSON (how strokes were stored before) for comparison;
 *   2. open: Project.open + the whole board, the sketched project over the same project without strokes
 *      (median of runs, as a ratio: "opens as fast as today");
 *   3. composite regeneration after an edit on a 4K panel (3840x2160 reference, 10 layers, 2,000 strokes):
 *      one stroke added, from its edit's commit to its composite drawn and stored (median of runs; target
 *      50 ms); the whole call, commit included; and the first stroke after the project opens, when
 *      every layer is drawn.
 * Prints human-readable lines, then one JSON line (the last line).
 *
 * Env: BENCH_DRAW_PANELS (2000) BENCH_DRAW_STROKES (200) BENCH_DRAW_OPEN_RUNS (5) BENCH_DRAW_EDIT_RUNS (9)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Project } from '../electron/core/project';
import { createScene } from '../electron/core/commands/scene-commands';
import { createPanel } from '../electron/core/commands/panel-commands';
import { setPanelImage } from '../electron/core/commands/image-commands';
import { addStroke, pasteStrokes } from '../electron/core/commands/sketch-commands';
import { createLayer } from '../electron/core/sketch/layer-commands';
import { newLayerId } from '../electron/core/sketch/layer-ids';
import { encodeStroke } from '../electron/core/sketch/stroke-codec';
import { writeLayerStrokes } from '../electron/core/sketch/chunk-store';
import type { StrokeRecord } from '../electron/core/sketch/stroke-chunks';
import { ChangeRecorder } from '../electron/core/history/recorder';
import { env, load, log, median, now, progress, round } from './lib/measure';
import { makeStrokes } from './lib/sketch-strokes';

const PANELS = env('BENCH_DRAW_PANELS', 2000);
const STROKES = env('BENCH_DRAW_STROKES', 200);
const OPEN_RUNS = env('BENCH_DRAW_OPEN_RUNS', 5);
const EDIT_RUNS = env('BENCH_DRAW_EDIT_RUNS', 9);
const TARGETS = { storageRatio: 1.05, openRatio: 1.1, compositeMs: 50 };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-drawing-'));
const fileSize = (file: string) => fs.statSync(file).size;

function settle(p: Project): void {
  p.db.pragma('wal_checkpoint(TRUNCATE)');
}

/** 2,000 panels in 40 scenes, no strokes. */
function blankProject(file: string): string[] {
  const p = Project.create(file, { title: 'Drawing bench', aspectRatio: '16:9' });
  const ids: string[] = [];
  for (let s = 0; s < Math.ceil(PANELS / 50); s++) {
    const scene = createScene(p, {});
    for (let i = 0; i < 50 && ids.length < PANELS; i++) ids.push(createPanel(p, { sceneId: scene.id }).id);
  }
  p.db.exec('DELETE FROM history');
  settle(p);
  p.close();
  return ids;
}

/**
 * The same strokes written into the stroke tables (three layers a panel) as the editor writes them: a
 * stroke at a time, each through the recorder onto its layer's chunks, the panel's layers taking turns.
 */
function fillStrokes(file: string, panelIds: string[]): { compact: number; json: number } {
  const p = Project.open(file);
  let compact = 0;
  let json = 0;
  const addLayer = p.db.prepare('INSERT INTO sketch_layers (id, panel_id, position, role, name) VALUES (?, ?, ?, ?, ?)');
  p.db.transaction(() => {
    panelIds.forEach((panelId, n) => {
      const layers = (['tone', 'pencil', 'ink'] as const).map((role, i) => {
        const id = newLayerId();
        addLayer.run(id, panelId, i + 2, role, role);
        return { id, strokes: [] as StrokeRecord[] };
      });
      makeStrokes(n + 1, STROKES).forEach((s, i) => {
        const data = encodeStroke(s);
        compact += data.length;
        json += Buffer.byteLength(JSON.stringify(s));
        const layer = layers[i % 3];
        layer.strokes.push({ seq: layer.strokes.length + 1, data });
        // The undo record is not kept: the figure is the strokes' storage.
        writeLayerStrokes(new ChangeRecorder(p.db), layer.id, layer.strokes);
      });
    });
  })();
  settle(p);
  p.close();
  return { compact, json };
}

function openTimes(file: string): number {
  const times: number[] = [];
  for (let r = 0; r < OPEN_RUNS; r++) {
    const t0 = now();
    const p = Project.open(file);
    p.board();
    times.push(now() - t0);
    p.close();
  }
  return median(times);
}

async function compositeAfterEdit(): Promise<{ ms: number; runs: number[]; callMs: number; coldMs: number }> {
  const file = path.join(dir, '4k.boardwright');
  let p = Project.create(file, { title: '4K panel', aspectRatio: '16:9' });
  const panel = createPanel(p, { sceneId: createScene(p, {}).id });
  const photo = await sharp({ create: { width: 3840, height: 2160, channels: 3, background: { r: 120, g: 140, b: 160 } } })
    .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="3840" height="2160"><circle cx="1900" cy="1000" r="800" fill="#c84"/></svg>') }])
    .jpeg()
    .toBuffer();
  await setPanelImage(p, panel.id, photo, 'plate.jpg');
  for (let i = 0; i < 5; i++) await createLayer(p, panel.id, `Extra ${i + 1}`);
  const layers = ['std:fill', 'std:tone', 'std:pencil', 'std:ink', 'std:notes'];
  const strokes = makeStrokes(99, 2000);
  for (let i = 0; i < layers.length; i++) await pasteStrokes(p, panel.id, strokes.slice(i * 400, (i + 1) * 400), layers[i]);
  const extra = makeStrokes(7, EDIT_RUNS + 1);
  // The first stroke after the project opens draws every layer (nothing is kept between sessions).
  p.close();
  p = Project.open(file);
  let t0 = now();
  await addStroke(p, panel.id, extra[EDIT_RUNS], 'std:ink');
  const coldMs = round(now() - t0, 1);
  // Then each stroke. addStroke commits the edit before its first await, then waits for the composite:
  // the time from its return to its end is the regeneration alone.
  const runs: number[] = [];
  const calls: number[] = [];
  for (let r = 0; r < EDIT_RUNS; r++) {
    t0 = now();
    const call = addStroke(p, panel.id, extra[r], 'std:ink');
    const committed = now();
    await call;
    runs.push(round(now() - committed, 1));
    calls.push(round(now() - t0, 1));
  }
  p.close();
  return { ms: median(runs), runs, callMs: median(calls), coldMs };
}

async function main() {
  log(`Drawing benchmark: ${PANELS} panels x ${STROKES} strokes; load ${load().join(' ')}`);
  const blank = path.join(dir, 'blank.boardwright');
  const sketched = path.join(dir, 'sketched.boardwright');
  progress('building the projects');
  const ids = blankProject(blank);
  fs.copyFileSync(blank, sketched);
  const { compact, json } = fillStrokes(sketched, ids);
  const growth = fileSize(sketched) - fileSize(blank);
  const storageRatio = round(growth / compact, 3);
  log(`storage: strokes add ${round(growth / 1e6, 1)} MB to the file; as bare compact vectors ${round(compact / 1e6, 1)} MB (ratio ${storageRatio}, target ≤ ${TARGETS.storageRatio}); as JSON ${round(json / 1e6, 1)} MB`);

  progress('opening');
  const openBlank = openTimes(blank);
  const openSketched = openTimes(sketched);
  const openRatio = round(openSketched / openBlank, 2);
  log(`open + board: ${round(openSketched, 1)} ms sketched vs ${round(openBlank, 1)} ms without strokes (ratio ${openRatio})`);

  progress('composite regeneration on a 4K panel');
  const composite = await compositeAfterEdit();
  log(`composite regeneration after one stroke on a 4K panel with 10 layers and 2,000 strokes (edit committed to composite stored): ${composite.ms} ms (runs ${composite.runs.join(', ')}; target ${TARGETS.compositeMs})`);
  log(`the whole call, the edit's commit included: ${composite.callMs} ms`);
  log(`the first stroke after the project opens (every layer drawn): ${composite.coldMs} ms`);
  fs.rmSync(dir, { recursive: true, force: true });
  log(JSON.stringify({ storageRatio, strokesMB: round(growth / 1e6, 1), compactMB: round(compact / 1e6, 1), jsonMB: round(json / 1e6, 1), openSketchedMs: round(openSketched, 1), openBlankMs: round(openBlank, 1), openRatio, coreCompositeMs: composite.ms, strokeCallMs: composite.callMs, coreCompositeColdMs: composite.coldMs, pass: { storageRatio: storageRatio <= TARGETS.storageRatio, openRatio: openRatio <= TARGETS.openRatio, coreCompositeMs: composite.ms <= TARGETS.compositeMs } }));
}

void main();
