/**
 * Animatic export benchmark.
 *   1. Cuts only: 100 panels of 2 s at 1080p24 (distinct photo-like 1920x1080 stills). The export's
 *      wall time divided by the time of a bare ffmpeg concat-demuxer encode of the same PNG stills with
 *      the same codec settings, run alternately in the same process; median of BENCH_RUNS (3) each.
 *      Target: 1.25 or less. Also printed: the median of the per-run ratios, and the ratio of CPU time
 *      (this process plus its ffmpeg children), which a busy shared machine disturbs far less.
 *      The stills are 1920x1080 PNGs, so the export hands them to ffmpeg as they are; the same stills
 *      at 720p (each scaled by the export, by ffmpeg's scale filter in the reference) are measured too,
 *      BENCH_SCALED_RUNS (1) times.
 *   2. A camera move (Ken Burns: zoom and pan) on every panel: rendered frames per second, over the
 *      first BENCH_MOVE_PANELS (25) panels (every frame rendered, composited and encoded).
 * The machine may be shared: the load average before and after is printed with the figures.
 * Prints human-readable lines, then one JSON line (the last line) with every figure.
 *
 * Env: BENCH_PANELS (100) BENCH_RUNS (3) BENCH_SCALED_RUNS (1) BENCH_MOVE_PANELS (25)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Project } from '../electron/core/project';
import { createScene } from '../electron/core/commands/scene-commands';
import { addImagePanels } from '../electron/core/commands/image-commands';
import { deletePanels } from '../electron/core/commands/panel-commands';
import { setPanelFraming } from '../electron/core/animatic/framing-commands';
import { requireFfmpeg, runFfmpeg } from '../electron/core/animatic/ffmpeg';
import { exportVideo } from '../electron/core/animatic/video-export';
import { h264Args, TO_YUV } from '../electron/core/animatic/video-encode';
import { frameRateOf } from '../shared/domain/animatic';
import { buildAtlas, makeImage } from './lib/images';
import { load, log, measure, median, progress, round } from './lib/measure';

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const PANELS = env('BENCH_PANELS', 100);
const RUNS = env('BENCH_RUNS', 3);
const MOVE_PANELS = Math.min(PANELS, env('BENCH_MOVE_PANELS', 25));
const SCALED_RUNS = process.env.BENCH_SCALED_RUNS === '0' ? 0 : env('BENCH_SCALED_RUNS', 1);
const TARGET_RATIO = 1.25;


const noCtx = () => ({ signal: new AbortController().signal, progress: () => {} });

async function main(): Promise<void> {
  const loadBefore = load();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-animatic-'));
  try {
    const bin = await requireFfmpeg();
    progress(`making ${PANELS} stills (1920x1080 PNG)`);
    const atlas = buildAtlas();
    const stills: string[] = [];
    for (let i = 0; i < PANELS; i++) {
      const file = path.join(dir, `still-${String(i).padStart(3, '0')}.png`);
      await sharp(await makeImage(atlas, 1000 + i)).resize(1920, 1080, { fit: 'cover' }).png({ compressionLevel: 6 }).toFile(file);
      stills.push(file);
    }
    const project = Project.create(path.join(dir, 'bench.boardwright'), { title: 'Bench', aspectRatio: '16:9', fps: 24 });
    const scene = createScene(project, {});
    const panels = await addImagePanels(project, {
      sceneId: scene.id, durationMs: 2000, files: stills.map((f) => ({ bytes: fs.readFileSync(f), name: path.basename(f) })),
    });

    // The reference: ffmpeg's concat demuxer over the same stills, each for 2 s, same encoder settings.
    const list = path.join(dir, 'list.txt');
    fs.writeFileSync(list, [...stills.map((f) => `file '${f}'\nduration 2`), `file '${stills[stills.length - 1]}'`].join('\n'));
    const rate = frameRateOf(24);
    const reference = async (out: string, scale = '') =>
      runFfmpeg(bin, ['-v', 'error', '-f', 'concat', '-safe', '0', '-i', list, '-vf', scale + TO_YUV, '-r', '24', ...h264Args(rate), '-movflags', '+faststart', '-f', 'mp4', '-y', out]);
    const options = { height: 1080 as const, fps: 24 as const, frame: 'letterbox' as const, burnIns: [] };

    const refMs: number[] = [];
    const expMs: number[] = [];
    const refCpu: number[] = [];
    const expCpu: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternate the order (ABBA...), so a change in the machine's load hits both about equally.
      const jobs = [
        async () => {
          const m = await measure(() => reference(path.join(dir, 'reference.mp4')));
          refMs.push(m.wall);
          refCpu.push(m.cpu);
        },
        async () => {
          const m = await measure(() => exportVideo(project, 'mp4', path.join(dir, 'export.mp4'), options, noCtx()));
          expMs.push(m.wall);
          expCpu.push(m.cpu);
        },
      ];
      for (const job of run % 2 === 0 ? jobs : [...jobs].reverse()) await job();
      progress(
        `run ${run + 1}/${RUNS}: reference ${round(refMs[run] / 1000)} s (${round(refCpu[run], 1)} s CPU), ` +
          `export ${round(expMs[run] / 1000)} s (${round(expCpu[run], 1)} s CPU) (load ${load().join(' ')})`,
      );
    }
    const ratio = median(expMs) / median(refMs);
    const pairedRatio = median(expMs.map((e, i) => e / refMs[i]));
    const cpuRatio = median(expCpu) / median(refCpu);
    const frames = PANELS * 48;

    // The same stills exported at 720p: each one is scaled and written by Boardwright (no pass-through),
    // against a concat encode that scales them in ffmpeg.
    const scaledRef: number[] = [];
    const scaledExp: number[] = [];
    for (let run = 0; run < SCALED_RUNS; run++) {
      scaledRef.push((await measure(() => reference(path.join(dir, 'reference-720.mp4'), 'scale=1280:720,'))).wall);
      scaledExp.push((await measure(() => exportVideo(project, 'mp4', path.join(dir, 'export-720.mp4'), { ...options, height: 720 }, noCtx()))).wall);
      progress(`720p run ${run + 1}/${SCALED_RUNS}: reference ${round(scaledRef[run] / 1000)} s, export ${round(scaledExp[run] / 1000)} s (load ${load().join(' ')})`);
    }
    const scaledRatio = SCALED_RUNS ? median(scaledExp) / median(scaledRef) : NaN;

    // Camera moves: a Ken Burns on every panel (zoom from the whole frame to 80 %, drifting), fewer panels.
    deletePanels(project, panels.slice(MOVE_PANELS).map((p) => p.id));
    for (const [i, p] of panels.slice(0, MOVE_PANELS).entries()) {
      const dx = (i % 2 ? 1 : -1) * 0.08;
      setPanelFraming(project, p.id, { start: { x: 0, y: 0, w: 1, h: 1 }, end: { x: 0.1 + dx, y: 0.1, w: 0.8, h: 0.8 } });
    }
    const moveFrames = MOVE_PANELS * 48;
    const moves = await measure(() => exportVideo(project, 'mp4', path.join(dir, 'moves.mp4'), options, noCtx()));
    const moveMs = moves.wall;
    const moveFps = moveFrames / (moveMs / 1000);
    project.close();

    const loadAfter = load();
    log(`Animatic export, ${PANELS} panels x 2 s at 1080p24 (${frames} frames), cuts only, median of ${RUNS}:`);
    log(`  bare ffmpeg concat encode   ${round(median(refMs) / 1000)} s   (runs: ${refMs.map((m) => round(m / 1000)).join(', ')})`);
    log(`  Boardwright export          ${round(median(expMs) / 1000)} s   (runs: ${expMs.map((m) => round(m / 1000)).join(', ')})`);
    log(`  ratio (median / median)     ${round(ratio, 3)}   (target <= ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'})`);
    log(`  ratio per run, median       ${round(pairedRatio, 3)}   (runs: ${expMs.map((e, i) => round(e / refMs[i], 3)).join(', ')})`);
    log(`  CPU time ratio              ${round(cpuRatio, 3)}   (CPU s, reference ${refCpu.map((c) => round(c, 1)).join(', ')}; export ${expCpu.map((c) => round(c, 1)).join(', ')})`);
    if (SCALED_RUNS) {
      log(`Same stills at 720p (each scaled and written as PNG by the export; ffmpeg scales in the reference), median of ${SCALED_RUNS}:`);
      log(`  reference ${round(median(scaledRef) / 1000)} s, export ${round(median(scaledExp) / 1000)} s, ratio ${round(scaledRatio, 3)}`);
    }
    log(`Camera move on every panel, ${MOVE_PANELS} panels (${moveFrames} frames, each rendered): ${round(moveFps, 1)} frames/s (${round(moveMs / 1000)} s, ${round(moves.cpu, 1)} s CPU)`);
    log(`Load average (1, 5, 15 min) before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')} on ${os.cpus().length} cores`);
    log(
      JSON.stringify({
        bench: 'animatic',
        panels: PANELS,
        frames,
        runs: RUNS,
        referenceMs: Math.round(median(refMs)),
        exportMs: Math.round(median(expMs)),
        ratio: round(ratio, 3),
        pairedRatio: round(pairedRatio, 3),
        referenceCpuS: round(median(refCpu), 1),
        exportCpuS: round(median(expCpu), 1),
        cpuRatio: round(cpuRatio, 3),
        target: TARGET_RATIO,
        scaled720Ratio: SCALED_RUNS ? round(scaledRatio, 3) : null,
        movePanels: MOVE_PANELS,
        moveFrames,
        moveFps: round(moveFps, 1),
        moveCpuS: round(moves.cpu, 1),
        loadBefore,
        loadAfter,
        cores: os.cpus().length,
        pass: { ratio: ratio <= TARGET_RATIO },
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
