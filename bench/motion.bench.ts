/**
 * Motion clips benchmark (issue 14).
 *   a. Storing a ~20 MB clip: importClip (sniff, probe, poster, frame count, the bytes written meanwhile, the row) into a project
 *      file on disk, a fresh project each run; median of BENCH_STORE_RUNS (5). Target: 200 ms or less.
 *      Paired with each run, the floor: SQLite alone writing the same bytes durably into a new project.
 *   b. An animatic of BENCH_CLIPS (20) clips of BENCH_CLIP_S (5) s, 1280x720 24 fps H.264 (testsrc2,
 *      tinted and grained per clip so none is trivially compressible), between BENCH_STILLS (80)
 *      photo-like 1920x1080 stills of BENCH_STILL_MS (2000) ms, exported to MP4 at 1080p24, against a
 *      bare ffmpeg concat (concat filter) of the same stills and the clips scaled to 1080p with the same
 *      codec settings (each still decoded once and repeated), run alternately in the same process; ratio of medians of BENCH_RUNS (3).
 *      Target: 1.25 or less. The CPU time ratio (this process plus its ffmpeg children) is printed too.
 *   c. Camera moves at 1080p: frames per second of an export with a Ken Burns on each of
 *      BENCH_MOVE_PANELS (10) still panels of 2 s (being optimised elsewhere: measured only).
 * The machine may be shared: the load average before and after is printed with the figures.
 * Human-readable lines, then one JSON line (the last line) with every figure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Project } from '../electron/core/project';
import { createScene } from '../electron/core/commands/scene-commands';
import { addImagePanels } from '../electron/core/commands/image-commands';
import { updatePanels } from '../electron/core/commands/panel-commands';
import { setPanelFraming } from '../electron/core/animatic/framing-commands';
import { requireFfmpeg, runFfmpeg } from '../electron/core/animatic/ffmpeg';
import { exportVideo } from '../electron/core/animatic/video-export';
import { h264Args, TO_YUV } from '../electron/core/animatic/video-encode';
import { importClip } from '../electron/core/motion/clip-store';
import { insertClipChunks, withWriteCache } from '../electron/core/motion/clip-chunks';
import { unsynced } from '../electron/core/db/unsynced';
import { frameRateOf } from '../shared/domain/animatic';
import { putClip } from '../tests/unit/motion-helpers';
import { buildAtlas, makeImage } from './lib/images';
import { env, load, log, measure, median, now, progress, round } from './lib/measure';

const STORE_RUNS = Math.max(5, env('BENCH_STORE_RUNS', 5));
const STORE_MB = env('BENCH_STORE_MB', 20);
const CLIPS = env('BENCH_CLIPS', 20);
const CLIP_S = env('BENCH_CLIP_S', 5);
const STILLS = env('BENCH_STILLS', 80);
const STILL_MS = env('BENCH_STILL_MS', 2000);
const RUNS = env('BENCH_RUNS', 3);
const MOVE_PANELS = env('BENCH_MOVE_PANELS', 10);
const TARGETS = { storeMs: 200, ratio: 1.25 };
const noCtx = () => ({ signal: new AbortController().signal, progress: () => {} });

/** A 1280x720 24 fps H.264 clip: testsrc2, tinted and grained by `seed`; `bitrate` (e.g. "16M") sets its size, else CRF 20. */
async function makeClip(bin: string, file: string, seconds: number, seed: number, bitrate?: string): Promise<void> {
  const vf = `hue=h=${(seed * 37) % 360},noise=alls=6:allf=t+u:all_seed=${seed}`;
  const rate = bitrate ? ['-b:v', bitrate, '-maxrate', bitrate, '-bufsize', bitrate] : ['-crf', '20'];
  await runFfmpeg(bin, ['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=24:duration=${seconds}`, '-vf', vf,
    '-c:v', 'libx264', '-preset', 'veryfast', ...rate, '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-y', file]);
}

/** (a) importClip of one big clip into a new project file each run. */
async function storeFigure(bin: string, dir: string) {
  const file = path.join(dir, 'big.mp4');
  await makeClip(bin, file, 10, 1, `${Math.round(STORE_MB * 0.8)}M`); // MB x 8 bits / 10 s, a little under for the container
  const bytes = fs.readFileSync(file);
  const runs: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < STORE_RUNS; run++) {
    const project = Project.create(path.join(dir, `store-${run}.boardwright`), { title: 'Store', aspectRatio: '16:9', fps: 24 });
    const t0 = now();
    await importClip(project.db, bytes, 'big.mp4');
    runs.push(now() - t0);
    project.close();
    floor.push(bareWrite(path.join(dir, `floor-${run}.boardwright`), bytes));
  }
  return { mb: round(bytes.length / 1024 ** 2, 1), runs, floor };
}

/**
 * The floor, paired with each store: SQLite alone writing the same bytes into a new project as a clip
 * import does (in chunks, no checkpoint, then a durable commit). No check, hash, poster or row: only the
 * write. Its run follows a store, which spawned ffmpeg, as the import's write does.
 */
function bareWrite(file: string, bytes: Buffer): number {
  const project = Project.create(file, { title: 'Floor', aspectRatio: '16:9', fps: 24 });
  const db = project.db;
  const t0 = now();
  db.pragma('wal_autocheckpoint = 0');
  withWriteCache(db, () => unsynced(db, () => db.transaction(() => insertClipChunks(db, 'f'.repeat(64), bytes)).immediate()));
  db.transaction(() => insertClipChunks(db, 'durable', Buffer.from([0]))).immediate();
  const ms = now() - t0;
  project.close();
  return ms;
}

async function main(): Promise<void> {
  const loadBefore = load();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-motion-'));
  try {
    const bin = await requireFfmpeg();
    progress(`(a) storing a ${STORE_MB} MB clip, ${STORE_RUNS} runs`);
    const store = await storeFigure(bin, dir);

    progress(`making ${CLIPS} clips (${CLIP_S} s 1280x720) and ${STILLS} stills (1920x1080 PNG)`);
    const clips: string[] = [];
    for (let i = 0; i < CLIPS; i++) {
      clips.push(path.join(dir, `clip-${i}.mp4`));
      await makeClip(bin, clips[i], CLIP_S, 100 + i);
    }
    const atlas = buildAtlas();
    const stills: string[] = [];
    for (let i = 0; i < STILLS; i++) {
      stills.push(path.join(dir, `still-${i}.png`));
      await sharp(await makeImage(atlas, 2000 + i)).resize(1920, 1080, { fit: 'cover' }).png({ compressionLevel: 6 }).toFile(stills[i]);
    }
    // The film: the stills in runs of STILLS / CLIPS, a clip after each run.
    const per = Math.max(1, Math.round(STILLS / Math.max(1, CLIPS)));
    const order: { kind: 'still' | 'clip'; file: string }[] = [];
    for (let s = 0, c = 0; s < STILLS || c < CLIPS; ) {
      for (let k = 0; k < per && s < STILLS; k++) order.push({ kind: 'still', file: stills[s++] });
      if (c < CLIPS) order.push({ kind: 'clip', file: clips[c++] });
    }
    const project = Project.create(path.join(dir, 'film.boardwright'), { title: 'Motion bench', aspectRatio: '16:9', fps: 24 });
    const scene = createScene(project, {});
    const panels = await addImagePanels(project, { sceneId: scene.id, durationMs: STILL_MS, files: order.map((o, i) => ({ bytes: fs.readFileSync(o.kind === 'still' ? o.file : stills[i % STILLS]), name: `p${i}.png` })) });
    for (const [i, o] of order.entries()) {
      if (o.kind !== 'clip') continue;
      await putClip(project, panels[i].id, fs.readFileSync(o.file));
      updatePanels(project, [panels[i].id], { durationMs: CLIP_S * 1000 });
    }

    // The reference: ffmpeg's concat filter over the same stills and clips, same encoder settings; each still
    // decoded and converted once, then repeated for STILL_MS (loop filter); the clips scaled to 1080p.
    const rate = frameRateOf(24);
    const stillFrames = Math.round((STILL_MS * 24) / 1000);
    const inputs = order.flatMap((o) => (o.kind === 'still' ? ['-framerate', '24', '-i', o.file] : ['-i', o.file]));
    const segment = (o: (typeof order)[number], i: number) =>
      o.kind === 'clip'
        ? `[${i}:v]scale=1920:1080,setsar=1,${TO_YUV}[v${i}]`
        : `[${i}:v]setsar=1,${TO_YUV},loop=loop=${stillFrames - 1}:size=1:start=0,setpts=N/(24*TB)[v${i}]`;
    const graph = `${order.map(segment).join(';')};${order.map((_, i) => `[v${i}]`).join('')}concat=n=${order.length}:v=1:a=0[out]`;
    fs.writeFileSync(path.join(dir, 'reference.filter'), graph);
    const reference = () => runFfmpeg(bin, ['-v', 'error', ...inputs, '-filter_complex_script', path.join(dir, 'reference.filter'), '-map', '[out]',
      '-r', '24', ...h264Args(rate), '-movflags', '+faststart', '-f', 'mp4', '-y', path.join(dir, 'reference.mp4')]);
    const frames = STILLS * stillFrames + CLIPS * CLIP_S * 24;
    const options = { height: 1080 as const, fps: 24 as const, frame: 'letterbox' as const, burnIns: [] };
    const ref = { wall: [] as number[], cpu: [] as number[] };
    const exp = { wall: [] as number[], cpu: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      // Alternate the order (ABBA...), so a change in the machine's load hits both about equally.
      const jobs = [
        async () => record(ref, await measure(reference)),
        async () => record(exp, await measure(() => exportVideo(project, 'mp4', path.join(dir, 'export.mp4'), options, noCtx()))),
      ];
      for (const job of run % 2 === 0 ? jobs : [...jobs].reverse()) await job();
      progress(`run ${run + 1}/${RUNS}: reference ${round(ref.wall[run] / 1000)} s (${round(ref.cpu[run], 1)} s CPU), export ${round(exp.wall[run] / 1000)} s (${round(exp.cpu[run], 1)} s CPU) (load ${load().join(' ')})`);
    }
    const ratio = median(exp.wall) / median(ref.wall);
    const cpuRatio = median(exp.cpu) / median(ref.cpu);
    project.close();

    progress(`(c) camera moves on ${MOVE_PANELS} panels`);
    const moveProject = Project.create(path.join(dir, 'moves.boardwright'), { title: 'Moves', aspectRatio: '16:9', fps: 24 });
    const moveScene = createScene(moveProject, {});
    const movePanels = await addImagePanels(moveProject, { sceneId: moveScene.id, durationMs: 2000, files: stills.slice(0, MOVE_PANELS).map((f) => ({ bytes: fs.readFileSync(f), name: path.basename(f) })) });
    for (const [i, p] of movePanels.entries()) {
      const dx = (i % 2 ? 1 : -1) * 0.08;
      setPanelFraming(moveProject, p.id, { start: { x: 0, y: 0, w: 1, h: 1 }, end: { x: 0.1 + dx, y: 0.1, w: 0.8, h: 0.8 } });
    }
    const moveFrames = movePanels.length * 48;
    const moves = await measure(() => exportVideo(moveProject, 'mp4', path.join(dir, 'moves.mp4'), options, noCtx()));
    const moveFps = moveFrames / (moves.wall / 1000);
    moveProject.close();

    const loadAfter = load();
    const storeMs = median(store.runs);
    const floorMs = median(store.floor);
    const s = (ms: number[]) => ms.map((m) => round(m / 1000)).join(', ');
    log(`(a) Storing a ${store.mb} MB clip (importClip: checked and stored, project on disk), median of ${STORE_RUNS}: ${round(storeMs, 1)} ms (runs: ${store.runs.map((m) => round(m, 1)).join(', ')}) (target <= ${TARGETS.storeMs}: ${storeMs <= TARGETS.storeMs ? 'met' : 'MISSED'})`);
    log(`  floor: SQLite alone writing the same bytes durably into a new project, median ${round(floorMs, 1)} ms (runs: ${store.floor.map((m) => round(m, 1)).join(', ')}); the store is ${round(storeMs / floorMs, 2)}x it`);
    log(`(b) ${CLIPS} clips x ${CLIP_S} s (1280x720) + ${STILLS} stills x ${STILL_MS / 1000} s (1920x1080) to MP4 1080p24 (${frames} frames), median of ${RUNS}:`);
    log(`  bare ffmpeg concat encode   ${round(median(ref.wall) / 1000)} s   (runs: ${s(ref.wall)})`);
    log(`  Boardwright export          ${round(median(exp.wall) / 1000)} s   (runs: ${s(exp.wall)})`);
    log(`  ratio (median / median)     ${round(ratio, 3)}   (target <= ${TARGETS.ratio}: ${ratio <= TARGETS.ratio ? 'met' : 'MISSED'})`);
    log(`  CPU time ratio              ${round(cpuRatio, 3)}   (CPU s, reference ${ref.cpu.map((c) => round(c, 1)).join(', ')}; export ${exp.cpu.map((c) => round(c, 1)).join(', ')})`);
    log(`(c) Camera move on every panel, ${movePanels.length} panels at 1080p (${moveFrames} frames): ${round(moveFps, 1)} frames/s (${round(moves.wall / 1000)} s, ${round(moves.cpu, 1)} s CPU)`);
    log(`Load average (1, 5, 15 min) before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')} on ${os.cpus().length} cores`);
    log(JSON.stringify({
      bench: 'motion',
      storeMb: store.mb, storeRuns: store.runs.map((m) => round(m, 1)), storeMs: round(storeMs, 1),
      storeFloorRuns: store.floor.map((m) => round(m, 1)), storeFloorMs: round(floorMs, 1), storeOverFloor: round(storeMs / floorMs, 2),
      clips: CLIPS, clipSeconds: CLIP_S, stills: STILLS, stillMs: STILL_MS, frames, runs: RUNS,
      referenceRunsMs: ref.wall.map(Math.round), exportRunsMs: exp.wall.map(Math.round),
      referenceMs: Math.round(median(ref.wall)), exportMs: Math.round(median(exp.wall)), ratio: round(ratio, 3),
      referenceCpuS: round(median(ref.cpu), 1), exportCpuS: round(median(exp.cpu), 1), cpuRatio: round(cpuRatio, 3),
      movePanels: movePanels.length, moveFrames, moveFps: round(moveFps, 1), moveCpuS: round(moves.cpu, 1),
      targets: TARGETS, loadBefore, loadAfter, cores: os.cpus().length,
      pass: { storeMs: storeMs <= TARGETS.storeMs, ratio: ratio <= TARGETS.ratio },
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function record(into: { wall: number[]; cpu: number[] }, m: { wall: number; cpu: number }): void {
  into.wall.push(m.wall);
  into.cpu.push(m.cpu);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
