/**
 * PDF export benchmark: a 2,000-panel project (40 scenes x 50, distinct 1280x536 JPEGs, realistic
 * text) exported as 3x2 boards on letter paper, in a child process so its peak memory is its own.
 *   1. panels per second of the whole export: selection, layout, pictures at print size, writing the
 *      PDF (target >= 200). First RUNS times with an empty print cache (the board's first export: every
 *      picture downscaled from its original with sharp), each paired with the same export decoding
 *      JPEGs whole as before shrink-on-load (the baseline; pairs alternate which goes first, and their
 *      ratio is the speedup under the same load); then RUNS times with the cache (every later export
 *      of the board), reported apart. The time ends when the PDF is written and closed; the print
 *      copies the export made are written to the disk cache after that, in the background, and that
 *      fill is timed and printed apart;
 *   2. peak RSS of the exporting process (process.resourceUsage().maxRSS; target <= 500 MB);
 *   3. the floor: img2pdf (Debian) wrapping the same downscaled JPEGs into a PDF, and our time over it;
 *      before it, the image step alone (every picture read, decoded, downscaled, encoded), both ways.
 * Wall times on a loaded machine follow the scheduler more than the work: the CPU figures and the
 * paired ratios are the ones to compare between runs.
 * Prints human-readable lines, then one JSON line (the last line) with every figure (medians).
 *
 * Env: BENCH_RUNS (3) export runs; BENCH_PANELS (2000); BENCH_PROJECT=path reuses a built project.
 * The built project is cached in dist/bench/ between runs (it takes a minute to make).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addImagePanels } from '../electron/core/commands/image-commands';
import { updatePanels } from '../electron/core/commands/panel-commands';
import { createScene } from '../electron/core/commands/scene-commands';
import { exportPdfBoards } from '../electron/core/export/pdf/export-boards';
import { PrintImages } from '../electron/core/export/pdf/images/print-images';
import { settlePrintCaches } from '../electron/core/export/pdf/images/print-cache';
import { planBoards } from '../electron/core/export/pdf/prepare';
import { Project } from '../electron/core/project';
import { ANGLES, CAMERA_MOVES, SHOT_SIZES, type PanelPatch } from '../shared/domain/board';
import { DEFAULT_PDF_OPTIONS, type PdfBoardOptions } from '../shared/domain/export';
import { buildAtlas, makeImage, mulberry32 } from './lib/images';

const env = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);
const RUNS = env('BENCH_RUNS', 3);
const PANELS = env('BENCH_PANELS', 2000);
const PER_SCENE = 50;
const TARGETS = { panelsPerSecond: 200, peakRssMB: 500 };
const OPTIONS: PdfBoardOptions = { ...DEFAULT_PDF_OPTIONS, grid: { cols: 3, rows: 2 }, paper: 'letter', orientation: 'landscape', versionLabel: 'Bench', date: '2025-01-01' };

const log = (line = '') => process.stdout.write(`${line}\n`);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

const WORDS = 'she turns toward the window rain streaks the glass headlights sweep across the ceiling he steps back the door slams somewhere below a kettle begins to whistle close on her hands trembling over the letter'.split(' ');
function sentence(r: () => number, words: number): string {
  const s = Array.from({ length: words }, () => WORDS[(r() * WORDS.length) | 0]).join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}
function patch(r: () => number, n: number): PanelPatch {
  const pick = <T>(xs: readonly T[]) => xs[(r() * xs.length) | 0];
  return {
    durationMs: 1000 + ((r() * 40) | 0) * 100, shotSize: pick(SHOT_SIZES), angle: pick(ANGLES), lensMm: pick([18, 24, 35, 50, 85]),
    cameraMove: pick(CAMERA_MOVES), action: `${sentence(r, 10 + ((r() * 20) | 0))} ${sentence(r, 8)}`,
    dialogue: r() < 0.4 ? `CHARACTER ${1 + (n % 7)}: ${sentence(r, 6 + ((r() * 12) | 0))}` : '', notes: r() < 0.4 ? sentence(r, 10) : '',
  };
}

/** Builds (or reuses) the 2,000-panel project through the core: Project, scenes, addImagePanels. */
async function projectFile(): Promise<string> {
  if (process.env.BENCH_PROJECT) return process.env.BENCH_PROJECT;
  const dir = path.resolve('dist', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pdf-export-${PANELS}-v1.boardwright`);
  if (fs.existsSync(file)) return file;
  const t = now();
  const tmp = `${file}.building`;
  fs.rmSync(tmp, { force: true });
  const project = Project.create(tmp, { title: 'The Long Night — Benchmark Feature', aspectRatio: '2.39' });
  const atlas = buildAtlas();
  const r = mulberry32(7);
  for (let s = 0, n = 0; n < PANELS; s++) {
    const scene = createScene(project, { patch: { heading: `INT. LOCATION ${s + 1} - NIGHT` } });
    const count = Math.min(PER_SCENE, PANELS - n);
    const files = await Promise.all(Array.from({ length: count }, async (_, i) => ({ bytes: await makeImage(atlas, 1000 + n + i), name: null })));
    const panels = await addImagePanels(project, { sceneId: scene.id, files });
    for (const p of panels) updatePanels(project, [p.id], patch(r, n++));
    process.stderr.write(`  … built ${n}/${PANELS} panels\r`);
  }
  project.close();
  fs.renameSync(tmp, file);
  log(`Built the project in ${round((now() - t) / 1000)} s (cached at ${file})`);
  return file;
}

/** Child: one export, reported as JSON on stdout ('baseline': JPEGs decoded whole, as before shrink-on-load). */
async function child(file: string, out: string, decode: string): Promise<void> {
  const project = Project.open(file);
  const t = now();
  const cpu = process.cpuUsage();
  const r = await exportPdfBoards(project, out, OPTIONS, { shrinkOnLoad: decode !== 'baseline' });
  const ms = now() - t;
  const used = process.cpuUsage(cpu);
  // The print copies the export made are written to the disk cache after it returns: timed apart.
  const fill = now();
  const fillCpu = process.cpuUsage();
  await settlePrintCaches();
  const cacheFillMs = now() - fill;
  const fillUsed = process.cpuUsage(fillCpu);
  project.close();
  const cpuMs = (used.user + used.system) / 1000;
  const cacheFillCpuMs = (fillUsed.user + fillUsed.system) / 1000;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs, cacheFillMs, cacheFillCpuMs, pages: r.pages, panels: r.panels, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

/** Child: the same downscaled JPEGs the export embeds, written to a folder for img2pdf. */
async function childImages(file: string, dir: string, decode: string): Promise<void> {
  const project = Project.open(file);
  const { doc } = await planBoards(project, OPTIONS);
  const ops = [];
  for (let i = 0; i < doc.pageCount; i++) for (const op of doc.page(i).ops) if (op.op === 'image') ops.push(op);
  const images = new PrintImages(project.db, project.path, new Map(), { shrinkOnLoad: decode !== 'baseline' });
  const t = now();
  const cpu = process.cpuUsage();
  // The export's own image step alone (read, decode, downscale, encode; 4 at a time), for the breakdown.
  const prepared = await Promise.all(ops.map((op) => images.get(op.key, op.px)));
  const used = process.cpuUsage(cpu);
  const ms = now() - t;
  if (dir !== '-') prepared.forEach((img, n) => img && fs.writeFileSync(path.join(dir, `${String(n).padStart(5, '0')}.jpg`), img.data));
  await images.close();
  project.close();
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000 })}\n`);
}

/** A print cache of this benchmark run (empty at the start, removed at the end). */
const emptyCache = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bw-pdf-bench-cache-'));

/** Runs a child with the print cache `cacheDir`; without one, with an empty cache removed after. */
function runChild(args: string[], cacheDir?: string): string {
  const dir = cacheDir ?? emptyCache();
  const r = spawnSync(process.execPath, [process.argv[1], ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, BOARDWRIGHT_CACHE_DIR: dir } });
  if (!cacheDir) fs.rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').pop()!;
}

async function main(): Promise<void> {
  const [mode, a, b, c] = process.argv.slice(2);
  if (mode === '--child') return child(a, b, c);
  if (mode === '--images') return childImages(a, b, c);

  log(`PDF export benchmark: ${PANELS} panels, 3x2 on letter landscape, ${RUNS} runs; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
  const file = await projectFile();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-pdf-bench-'));
  type Run = { ms: number; cpuMs: number; cacheFillMs: number; cacheFillCpuMs: number; pages: number; panels: number; maxRssMB: number };
  const fillNote = (run: Run) => (run.cacheFillMs >= 1 ? `; then print cache written in the background: ${round(run.cacheFillMs / 1000, 2)} s, CPU ${round(run.cacheFillCpuMs / 1000, 2)} s` : '');
  const describe = (run: Run, out: string) =>
    `${round(run.ms / 1000, 2)} s, ${round(run.panels / (run.ms / 1000))} panels/s, CPU ${round(run.cpuMs / 1000, 2)} s (all threads), ${run.pages} pages, peak RSS ${round(run.maxRssMB)} MB, ${round(fs.statSync(out).size / 2 ** 20)} MB PDF, load ${os.loadavg()[0].toFixed(2)}${fillNote(run)}`;
  const exportOnce = (label: string, decode: 'shrink' | 'baseline', cacheDir: string): Run => {
    const out = path.join(work, `boards ${label}.pdf`);
    const run = JSON.parse(runChild(['--child', file, out, decode], cacheDir)) as Run;
    log(`  ${label}: ${describe(run, out)}`);
    fs.rmSync(out);
    return run;
  };
  // The first export of a board: every picture is downscaled from its original (an empty print cache).
  const colds: Run[] = [];
  const baselines: Run[] = [];
  let warmCache = '';
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? (['shrink', 'baseline'] as const) : (['baseline', 'shrink'] as const);
    for (const which of order) {
      const cacheDir = emptyCache();
      const run = exportOnce(`first export ${i + 1}${which === 'baseline' ? ', baseline (JPEGs decoded whole)' : ''}`, which, cacheDir);
      (which === 'baseline' ? baselines : colds).push(run);
      if (which === 'shrink') {
        if (warmCache) fs.rmSync(warmCache, { recursive: true, force: true });
        warmCache = cacheDir;
      } else fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  // Every later export and preview of the board finds each picture already downscaled.
  const runs: Run[] = [];
  for (let i = 1; i <= RUNS; i++) runs.push(exportOnce(`run ${i} (print cache)`, 'shrink', warmCache));
  fs.rmSync(warmCache, { recursive: true, force: true });

  const imgDir = path.join(work, 'downscaled');
  fs.mkdirSync(imgDir);
  // The image step measures downscaling, not the cache: each with an empty one.
  const imageStep = JSON.parse(runChild(['--images', file, imgDir, 'shrink']));
  const imageStepBaseline = JSON.parse(runChild(['--images', file, '-', 'baseline']));
  log(`  image step alone (read + sharp decode/downscale/encode of every picture): ${round(imageStep.ms / 1000, 2)} s, CPU ${round(imageStep.cpuMs / 1000, 2)} s; baseline (JPEGs decoded whole) ${round(imageStepBaseline.ms / 1000, 2)} s, CPU ${round(imageStepBaseline.cpuMs / 1000, 2)} s`);
  const jpgs = fs.readdirSync(imgDir).sort().map((f) => path.join(imgDir, f));
  let img2pdfMs: number | null = null;
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = now();
    const r = spawnSync('img2pdf', [...jpgs, '-o', path.join(work, 'floor.pdf')], { encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      log(`  img2pdf unavailable (${r.error?.message ?? r.stderr.trim()}): apt-get install img2pdf for the floor`);
      break;
    }
    floor.push(now() - t);
  }
  if (floor.length) img2pdfMs = median(floor);

  const ms = median(runs.map((r) => r.ms));
  const cpuMs = median(runs.map((r) => r.cpuMs));
  const pps = PANELS / (ms / 1000);
  const rss = median(runs.map((r) => r.maxRssMB));
  const ratio = img2pdfMs ? ms / img2pdfMs : null;
  const pps1 = (r: Run) => r.panels / (r.ms / 1000);
  const coldPps = median(colds.map(pps1));
  const basePps = median(baselines.map(pps1));
  const speedup = median(colds.map((r, i) => pps1(r) / pps1(baselines[i])));
  const cpuSpeedup = median(colds.map((r, i) => baselines[i].cpuMs / r.cpuMs));
  const coldRss = Math.max(...colds.map((r) => r.maxRssMB));
  log(`First export, every picture downscaled from its original (median of ${RUNS}): ${round(coldPps)} panels/s (${colds.map((r) => round(pps1(r))).join(', ')}), CPU ${round(median(colds.map((r) => r.cpuMs)) / 1000, 2)} s (target >= ${TARGETS.panelsPerSecond})`);
  log(`  baseline, JPEGs decoded whole (median of ${RUNS}): ${round(basePps)} panels/s (${baselines.map((r) => round(pps1(r))).join(', ')}), CPU ${round(median(baselines.map((r) => r.cpuMs)) / 1000, 2)} s`);
  log(`  shrink-on-load / baseline, median of the ${RUNS} pairs run back to back: ${round(speedup, 2)}x panels/s, ${round(cpuSpeedup, 2)}x less CPU`);
  log(`Export with the print cache (median of ${RUNS}): ${round(ms / 1000, 2)} s = ${round(pps)} panels/s (target >= ${TARGETS.panelsPerSecond})`);
  // CPU time is less sensitive than wall time to other work on a shared machine (not immune: cores are shared).
  log(`CPU time of the export (median, all threads): ${round(cpuMs / 1000, 2)} s = ${round(PANELS / (cpuMs / 1000))} panels per CPU-second`);
  log(`Peak RSS of the exporting process (median): ${round(rss)} MB (target <= ${TARGETS.peakRssMB})`);
  if (img2pdfMs) log(`Floor: img2pdf on the same ${jpgs.length} downscaled JPEGs: ${round(img2pdfMs / 1000, 2)} s; export / img2pdf = ${round(ratio!, 2)}x`);
  log(`Load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  fs.rmSync(work, { recursive: true, force: true });
  log(JSON.stringify({
    bench: 'pdf-export', panels: PANELS, pages: runs[0].pages, runs: RUNS, exportMs: round(ms), panelsPerSecond: round(pps), cpuMs: round(cpuMs),
    firstExportMs: round(median(colds.map((r) => r.ms))), firstExportPanelsPerSecond: round(coldPps), firstExportCpuMs: round(median(colds.map((r) => r.cpuMs))),
    firstExportCacheFillMs: round(median(colds.map((r) => r.cacheFillMs))),
    firstExportPeakRssMB: round(coldRss), baselineFirstExportPanelsPerSecond: round(basePps), firstExportSpeedup: round(speedup, 2), firstExportCpuSpeedup: round(cpuSpeedup, 2),
    panelsPerCpuSecond: round(PANELS / (cpuMs / 1000)),
    imageStepCpuMs: round(imageStep.cpuMs), baselineImageStepCpuMs: round(imageStepBaseline.cpuMs), peakRssMB: round(rss), img2pdfMs: img2pdfMs && round(img2pdfMs), ratioToImg2pdf: ratio && round(ratio, 2), loadAvg: round(os.loadavg()[0], 2),
    pass: { panelsPerSecond: pps >= TARGETS.panelsPerSecond, firstExportPanelsPerSecond: coldPps >= TARGETS.panelsPerSecond, peakRssMB: Math.max(rss, coldRss) <= TARGETS.peakRssMB },
  }));
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
