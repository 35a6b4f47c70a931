/**
 * Project-file benchmark: a 2,000-panel project with 2,000 distinct images, measured for
 *   1. open + load the whole board (Project.open + board()), closed and reopened each run;
 *   2. latency of one committed edit (updatePanels) and of a move (movePanels): p50 / p99;
 *   3. file size over the raw image bytes (thumbnails, pages, indexes, history all count).
 * Prints human-readable lines, then one JSON line (the last line) with every figure.
 *
 * Figures are medians over runs: open + load over BENCH_OPEN_RUNS reopenings; edit and move percentiles
 * are computed per run (the project reopened each run) and the median run's value is reported.
 *
 * Env: BENCH_SCENES (40) BENCH_PANELS_PER_SCENE (50) BENCH_EDITS (500 per run) BENCH_MOVES (100 per run)
 *      BENCH_OPEN_RUNS (9) BENCH_EDIT_RUNS (3) BENCH_POOL (3)
 *      BENCH_KEEP=1 keeps the temp project and prints its path (for bench/project-file.diagnose.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Project } from '../electron/core/project';
import { createScene } from '../electron/core/commands/scene-commands';
import { createPanel, movePanels, updatePanels } from '../electron/core/commands/panel-commands';
import { setPanelImage } from '../electron/core/commands/image-commands';
import { ANGLES, CAMERA_MOVES, PANEL_STATUSES, SHOT_SIZES, type PanelPatch } from '../shared/domain/board';
import { IH, IW, buildAtlas, makeImage, mulberry32 } from './lib/images';
import { env } from './lib/measure';

const SCENES = env('BENCH_SCENES', 40);
const PER_SCENE = env('BENCH_PANELS_PER_SCENE', 50);
const EDITS = env('BENCH_EDITS', 500);
const MOVES = env('BENCH_MOVES', 100);
const OPEN_RUNS = env('BENCH_OPEN_RUNS', 9);
const EDIT_RUNS = env('BENCH_EDIT_RUNS', 3);
const POOL = env('BENCH_POOL', 3);
const KEEP = process.env.BENCH_KEEP === '1';

const TARGETS = { openLoadMs: 300, editP99Ms: 10, moveP99Ms: 10, overheadPct: 5 };


const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const log = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`  … ${line}\n`);

const now = () => Number(process.hrtime.bigint()) / 1e6;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

// ---------------------------------------------------------------------------------------------
// Panel text, realistic in length
// ---------------------------------------------------------------------------------------------

const WORDS = (
  'she turns toward the window rain streaks the glass headlights sweep across the ceiling he steps back the door ' +
  'slams somewhere below a kettle begins to whistle close on her hands trembling over the letter the camera holds ' +
  'as the train passes and the platform empties silence then footsteps on the stairs'
).split(' ');

function sentence(r: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(r() * WORDS.length) | 0]);
  const s = out.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

function panelPatch(r: () => number, n: number): PanelPatch {
  const pick = <T>(xs: readonly T[]) => xs[(r() * xs.length) | 0];
  return {
    durationMs: 1000 + ((r() * 40) | 0) * 100,
    shotSize: pick(SHOT_SIZES),
    angle: pick(ANGLES),
    lensMm: pick([18, 24, 28, 35, 40, 50, 75, 85]),
    cameraMove: pick(CAMERA_MOVES),
    action: `${sentence(r, 12 + ((r() * 20) | 0))} ${sentence(r, 8)}`,
    dialogue: r() < 0.4 ? `CHARACTER ${1 + (n % 7)}\n${sentence(r, 6 + ((r() * 12) | 0))}` : '',
    sound: r() < 0.3 ? sentence(r, 5) : '',
    notes: r() < 0.5 ? sentence(r, 10) : '',
    status: pick(PANEL_STATUSES),
    tags: r() < 0.3 ? ['vfx'] : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Diagnostics: the SQL board() runs and its query plans, where the file's bytes go
// ---------------------------------------------------------------------------------------------

function boardQueryPlans(project: Project): string[] {
  const db = project.db;
  const seen = new Set<string>();
  const original = db.prepare.bind(db);
  (db as { prepare: unknown }).prepare = (sql: string) => {
    seen.add(sql);
    return original(sql);
  };
  try {
    project.board();
  } finally {
    (db as { prepare: unknown }).prepare = original;
  }
  const lines: string[] = [];
  for (const sql of seen) {
    const plan = original(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
    lines.push(`  ${sql.replace(/\s+/g, ' ').trim().slice(0, 110)}${sql.length > 110 ? '…' : ''}`);
    for (const p of plan) lines.push(`      ${p.detail}`);
  }
  return lines;
}

function spaceByObject(project: Project): string[] {
  try {
    const rows = project.db
      .prepare('SELECT name, count(*) AS pages, sum(pgsize) AS bytes, sum(unused) AS unused FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 8')
      .all() as { name: string; pages: number; bytes: number; unused: number }[];
    return rows.map((r) => `  ${r.name.padEnd(34)} ${String(r.pages).padStart(7)} pages ${(r.bytes / 2 ** 20).toFixed(1).padStart(8)} MB  unused ${(r.unused / 2 ** 20).toFixed(2)} MB`);
  } catch (e) {
    return [`  (dbstat unavailable: ${(e as Error).message})`];
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = now();
  const total = SCENES * PER_SCENE;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boardwright-bench-'));
  const file = path.join(dir, 'bench.boardwright');
  log(`Project-file benchmark: ${SCENES} scenes x ${PER_SCENE} panels = ${total} panels, ${IW}x${IH} JPEG images`);

  // --- Build -----------------------------------------------------------------------------------
  const r = mulberry32(2024);
  let project = Project.create(file, { title: 'Benchmark', aspectRatio: '2.39', fps: 24 });
  let t = now();
  const panelIds: string[] = [];
  const sceneIds: string[] = [];
  for (let s = 0; s < SCENES; s++) {
    const scene = createScene(project, { patch: { heading: `INT. LOCATION ${s + 1} - DAY`, synopsis: sentence(r, 20) } });
    sceneIds.push(scene.id);
    for (let p = 0; p < PER_SCENE; p++) panelIds.push(createPanel(project, { sceneId: scene.id, patch: panelPatch(r, p) }).id);
  }
  const structureMs = now() - t;
  progress(`${SCENES} scenes, ${total} panels created in ${(structureMs / 1000).toFixed(1)} s (${(structureMs / (SCENES + total)).toFixed(2)} ms per command)`);

  t = now();
  const atlas = buildAtlas();
  let next = 0;
  let done = 0;
  let lastReport = now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const bytes = await makeImage(atlas, 100_000 + i);
      await setPanelImage(project, panelIds[i], bytes, `panel-${i + 1}.jpg`);
      done++;
      if (now() - lastReport > 10_000) {
        lastReport = now();
        progress(`${done}/${total} images imported (${((now() - t) / 1000).toFixed(0)} s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: POOL }, worker));
  const imagesMs = now() - t;
  const img = project.db
    .prepare('SELECT count(*) AS n, sum(byte_size) AS orig, (SELECT sum(length(data)) FROM image_data) AS stored, sum(length(thumb)) AS thumbs FROM images')
    .get() as { n: number; orig: number; stored: number; thumbs: number };
  progress(`${img.n} images imported in ${(imagesMs / 1000).toFixed(1)} s (${(imagesMs / img.n).toFixed(1)} ms each, pool ${POOL})`);
  const historyRows = (project.db.prepare('SELECT count(*) AS n, sum(length(changes)) AS b FROM history').get() as { n: number; b: number });
  project.close();

  // --- 3. Size -----------------------------------------------------------------------------------
  const leftovers = ['-wal', '-shm'].filter((s) => fs.existsSync(file + s));
  const fileBytes = fs.statSync(file).size + leftovers.reduce((s, x) => s + fs.statSync(file + x).size, 0);
  const overheadPct = ((fileBytes - img.stored) / img.orig) * 100;
  const thumbPct = (img.thumbs / img.orig) * 100;

  // --- 1. Open + load --------------------------------------------------------------------------
  const openMs: number[] = [];
  const boardMs: number[] = [];
  const totalMs: number[] = [];
  let panelsLoaded = 0;
  for (let run = 0; run < OPEN_RUNS; run++) {
    gc();
    const t0 = now();
    const p = Project.open(file);
    const t1 = now();
    const board = p.board();
    const t2 = now();
    panelsLoaded = board.scenes.reduce((s, sc) => s + sc.panels.length, 0);
    openMs.push(t1 - t0);
    boardMs.push(t2 - t1);
    totalMs.push(t2 - t0);
    p.close();
  }
  if (panelsLoaded !== total) throw new Error(`board() returned ${panelsLoaded} panels, expected ${total}`);

  // --- 2. Edits ----------------------------------------------------------------------------------
  let diag = { plans: [] as string[], space: [] as string[] };
  let pageSize = 0;
  let pageCount = 0;
  let freePages = 0;
  const er = mulberry32(7);
  const editRuns: number[][] = [];
  const moveRuns: number[][] = [];
  for (let run = 0; run < EDIT_RUNS; run++) {
    project = Project.open(file);
    project.board();
    if (run === 0) {
      diag = { plans: boardQueryPlans(project), space: spaceByObject(project) };
      pageSize = project.db.pragma('page_size', { simple: true }) as number;
      pageCount = project.db.pragma('page_count', { simple: true }) as number;
      freePages = project.db.pragma('freelist_count', { simple: true }) as number;
    }
    gc();
    const editMs: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const id = panelIds[(er() * panelIds.length) | 0];
      const patch: PanelPatch =
        i % 2 === 0 ? { notes: `Revised after review ${run}.${i}: ${sentence(er, 8)}` } : { durationMs: 1000 + ((er() * 40) | 0) * 100 + (i % 100) };
      const t0 = now();
      updatePanels(project, [id], patch);
      editMs.push(now() - t0);
    }
    const moveMs: number[] = [];
    for (let i = 0; i < MOVES; i++) {
      const id = panelIds[(er() * panelIds.length) | 0];
      const scene = sceneIds[(er() * sceneIds.length) | 0];
      const t0 = now();
      movePanels(project, [id], scene, (er() * PER_SCENE) | 0);
      moveMs.push(now() - t0);
    }
    project.close();
    editRuns.push(editMs.sort((a, b) => a - b));
    moveRuns.push(moveMs.sort((a, b) => a - b));
  }
  const perRun = (runs: number[][], p: number) => runs.map((r) => percentile(r, p));
  const allEdits = editRuns.flat().sort((a, b) => a - b);

  const result = {
    bench: 'project-file',
    panels: total,
    scenes: SCENES,
    images: img.n,
    openLoadMs: round(median(totalMs)),
    openLoadFirstMs: round(totalMs[0]),
    openMs: round(median(openMs)),
    boardMs: round(median(boardMs)),
    editP50Ms: round(median(perRun(editRuns, 50))),
    editP99Ms: round(median(perRun(editRuns, 99))),
    editP99RunsMs: perRun(editRuns, 99).map((x) => round(x)),
    editMaxMs: round(allEdits[allEdits.length - 1]),
    moveP50Ms: round(median(perRun(moveRuns, 50))),
    moveP99Ms: round(median(perRun(moveRuns, 99))),
    moveP99RunsMs: perRun(moveRuns, 99).map((x) => round(x)),
    overheadPct: round(overheadPct),
    thumbPct: round(thumbPct),
    otherOverheadPct: round(overheadPct - thumbPct),
    fileMB: round(fileBytes / 2 ** 20, 1),
    imageMB: round(img.orig / 2 ** 20, 1),
    avgImageKB: round(img.orig / img.n / 1024, 1),
    avgThumbKB: round(img.thumbs / img.n / 1024, 1),
    pageSize,
    loadAvg1m: round(os.loadavg()[0], 1),
    buildS: round((structureMs + imagesMs) / 1000, 1),
    totalS: 0,
    targets: TARGETS,
    pass: {} as Record<keyof typeof TARGETS, boolean>,
  };
  for (const k of Object.keys(TARGETS) as (keyof typeof TARGETS)[]) result.pass[k] = result[k] <= TARGETS[k];

  const load = os.loadavg()[0];
  const mark = (k: keyof typeof TARGETS) => (result.pass[k] ? 'ok  ' : 'MISS');
  log('');
  log(`Build: ${result.buildS} s (${(structureMs / 1000).toFixed(1)} s structure, ${(imagesMs / 1000).toFixed(1)} s images); history ${historyRows.n} rows, ${(historyRows.b / 1024).toFixed(0)} KB`);
  log(`Machine: ${os.cpus().length} cores, load average ${load.toFixed(1)} at the end (other processes skew latency tails)`);
  log(`File: ${result.fileMB} MB for ${result.imageMB} MB of images (${img.n} x ${result.avgImageKB} KB, thumbs ${result.avgThumbKB} KB each); page size ${pageSize}, ${pageCount} pages, ${freePages} free${leftovers.length ? `; WAL left after close: ${leftovers.join(' ')}` : ''}`);
  log('');
  log(`[${mark('openLoadMs')}] open + load board   ${result.openLoadMs} ms median of ${OPEN_RUNS} (first ${result.openLoadFirstMs} ms; open ${result.openMs} + board() ${result.boardMs})   target <= ${TARGETS.openLoadMs} ms`);
  log(`[${mark('editP99Ms')}] edit (updatePanels)  p50 ${result.editP50Ms} ms, p99 ${result.editP99Ms} ms (runs: ${result.editP99RunsMs.join(', ')}), max ${result.editMaxMs} ms; ${EDIT_RUNS} x ${EDITS}   target p99 <= ${TARGETS.editP99Ms} ms`);
  log(`[${mark('moveP99Ms')}] move (movePanels)    p50 ${result.moveP50Ms} ms, p99 ${result.moveP99Ms} ms (runs: ${result.moveP99RunsMs.join(', ')}); ${EDIT_RUNS} x ${MOVES}   target p99 <= ${TARGETS.moveP99Ms} ms`);
  log(`[${mark('overheadPct')}] size overhead        ${result.overheadPct}% over raw image bytes (thumbnails ${result.thumbPct}%, everything else ${result.otherOverheadPct}%)   target <= ${TARGETS.overheadPct}%`);
  log('');
  log('Where the bytes go (dbstat, after build and open runs, before the edits):');
  for (const l of diag.space) log(l);
  log('Query plans of board():');
  for (const l of diag.plans) log(l);

  if (KEEP) log(`Kept ${file}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  result.totalS = round((now() - started) / 1000, 1);
  log(`Total ${result.totalS} s`);
  log(JSON.stringify(result));
}

main().catch((e) => {
  process.stderr.write(`project-file bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
