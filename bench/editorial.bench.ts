/**
 * Editorial export benchmark (issue 17).
 *   1. A 2,000-panel board (BENCH_PANELS, 40 scenes, action and dialogue on every panel, a dissolve on
 *      every tenth, a music clip): the export to each format (fcpxml, xmeml, edl, otio) beyond writing
 *      media files: plan from the animatic's timeline, render the text, write it atomically. Target: 1 s each.
 *   2. The media folder against the MP4 export's still stage, in the same run: BENCH_MEDIA_PANELS (100)
 *      photo-like 2.39 JPEGs, letterboxed to 1080p by both; the MP4 path is writeStillFiles, what
 *      exportVideo runs for a cuts-only film. Alternated (ABBA), BENCH_MEDIA_RUNS (5) pairs. Target: the
 *      ratio media folder / still stage measured in the same pair, median over pairs, 1.0 or less (the
 *      median of each side's times, and the CPU time ratio, are printed too). Both draw every still
 *      with the animatic's stillPng, so the CPU ratio is about 1; the media folder keeps one more
 *      still in flight than the cores, which the MP4 path's batches of two do not.
 *   3. A conform of the 2,000-clip OTIO (half its clips trimmed, some moved), end to end: read, plan
 *      and apply as one undoable edit. Target: 500 ms.
 * Prints human-readable lines, then one JSON line (the last line) with every figure.
 *
 * Env: BENCH_PANELS (2000) BENCH_MEDIA_PANELS (100) BENCH_RUNS (3) BENCH_MEDIA_RUNS (5)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Project } from '../electron/core/project';
import { createScene } from '../electron/core/commands/scene-commands';
import { createPanel } from '../electron/core/commands/panel-commands';
import { addImagePanels } from '../electron/core/commands/image-commands';
import { setPanelTransition } from '../electron/core/animatic/framing-commands';
import { importAudio } from '../electron/core/audio/audio-commands';
import { readTimeline } from '../electron/core/animatic/timeline';
import { FrameComposer } from '../electron/core/animatic/frame-composer';
import { planPictures } from '../electron/core/animatic/video-plan';
import { writeStillFiles } from '../electron/core/animatic/video-stills';
import { readImageBytes } from '../electron/core/queries/image-queries';
import { outputGeometry } from '../shared/domain/animatic-frame';
import { aspectValue } from '../shared/domain/project';
import { planEditorial, STILL_HEIGHT } from '../electron/core/editorial/timeline-model';
import { writeTimelineFiles } from '../electron/core/editorial/export-editorial';
import { writeMediaFolder } from '../electron/core/editorial/media-folder';
import { applyConform, prepareConform } from '../electron/core/editorial/conform-apply';
import { EDITORIAL_FORMATS, type EditorialFormat } from '../electron/core/editorial/model';
import { buildAtlas, makeImage } from './lib/images';
import { env, load, log, median, now, progress, round } from './lib/measure';

const PANELS = env('BENCH_PANELS', 2000);
const MEDIA_PANELS = env('BENCH_MEDIA_PANELS', 100);
const RUNS = env('BENCH_RUNS', 3);
const MEDIA_RUNS = env('BENCH_MEDIA_RUNS', 5);
const SCENES = 40;
const TARGET_EXPORT_MS = 1000;
const TARGET_CONFORM_MS = 500;
const TARGET_MEDIA_RATIO = 1;

const EXT: Record<EditorialFormat, string> = { fcpxml: 'fcpxml', xmeml: 'xml', edl: 'edl', otio: 'otio' };

/** A 16-bit stereo WAV of silence. */
function silentWav(ms: number): Buffer {
  const n = Math.round((ms * 48_000) / 1000) * 4;
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + n, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(2, 22);
  h.writeUInt32LE(48_000, 24);
  h.writeUInt32LE(192_000, 28);
  h.writeUInt16LE(4, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(n, 40);
  return Buffer.concat([h, Buffer.alloc(n)]);
}

async function bigBoard(file: string): Promise<Project> {
  const project = Project.create(file, { title: 'Bench', aspectRatio: '2.39', fps: 24 });
  const dissolves: string[] = [];
  for (let s = 0; s < SCENES; s++) {
    const scene = createScene(project, { patch: { heading: `INT. LOCATION ${s + 1} - DAY` } });
    for (let p = 0; p < PANELS / SCENES; p++) {
      const panel = createPanel(project, {
        sceneId: scene.id,
        patch: { durationMs: 800 + ((s * 131 + p * 37) % 2400), action: `She crosses the room, shot ${p}.`, dialogue: p % 3 ? '' : 'Where were you?', shotSize: 'MS' },
      });
      if (p % 10 === 5) dissolves.push(panel.id);
    }
  }
  setPanelTransition(project, dissolves, 'dissolve', 500);
  await importAudio(project, { bytes: silentWav(4000), fileName: 'music.wav', kind: 'track', track: 'music', startMs: 1000 });
  return project;
}

async function main(): Promise<void> {
  const loadBefore = load();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-editorial-'));
  try {
    progress(`building a ${PANELS}-panel board`);
    const big = await bigBoard(path.join(dir, 'big.boardwright'));

    // 1. Export to each format, beyond media files.
    const exportMs: Record<string, number> = {};
    for (const format of EDITORIAL_FORMATS) {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const out = path.join(dir, `big.${EXT[format]}`);
        const t0 = now();
        const plan = planEditorial(big, { timelineDir: dir, mediaDir: path.join(dir, 'big_media'), relative: false });
        await writeTimelineFiles(format, plan, out, false);
        times.push(now() - t0);
      }
      exportMs[format] = round(median(times), 1);
      progress(`${format}: ${times.map((t) => round(t, 1)).join(', ')} ms`);
    }

    // 3. Conform of the 2,000-clip OTIO: trim every other clip by a frame, move ten clips to the end.
    const otio = JSON.parse(fs.readFileSync(path.join(dir, 'big.otio'), 'utf8'));
    const video = otio.tracks.children[0];
    const clips = video.children.filter((c: { OTIO_SCHEMA: string }) => c.OTIO_SCHEMA === 'Clip.2');
    clips.forEach((c: { source_range: { duration: { value: number } } }, i: number) => {
      if (i % 2 === 0) c.source_range.duration.value += 1;
    });
    video.children = [...clips.slice(10), ...clips.slice(0, 10)];
    const bytes = Buffer.from(JSON.stringify(otio, null, 2));
    const conformTimes: number[] = [];
    let changes = 0;
    for (let run = 0; run < Math.max(RUNS, 5); run++) {
      // End to end: read, plan, and apply as one edit (undone, untimed, for the next run).
      const t0 = now();
      const prepared = prepareConform(big, bytes, 'big.otio');
      applyConform(big, prepared);
      conformTimes.push(now() - t0);
      changes = prepared.plan.durations.length + prepared.plan.moves.length;
      big.undo();
    }
    const conformMs = round(median(conformTimes), 1);
    big.close();

    // 2. Media folder against the MP4 export's still stage.
    progress(`making ${MEDIA_PANELS} photo-like stills`);
    const atlas = buildAtlas();
    const media = Project.create(path.join(dir, 'media.boardwright'), { title: 'Media', aspectRatio: '2.39', fps: 24 });
    const scene = createScene(media, {});
    const files = [];
    for (let i = 0; i < MEDIA_PANELS; i++) files.push({ bytes: await makeImage(atlas, 2000 + i), name: `still-${i}.jpg` });
    await addImagePanels(media, { sceneId: scene.id, durationMs: 2000, files });
    const timeline = readTimeline(media, 24);
    const geo = outputGeometry(aspectValue(timeline.aspectRatio), STILL_HEIGHT, 'letterbox');
    const mp4Ms: number[] = [];
    const folderMs: number[] = [];
    const mp4Cpu: number[] = [];
    const folderCpu: number[] = [];
    /** CPU seconds of this process, libvips' threads included: a busy shared machine disturbs it far less than wall time. */
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };
    for (let run = 0; run < MEDIA_RUNS; run++) {
      const jobs = [
        async () => {
          const stillDir = fs.mkdtempSync(path.join(dir, 'mp4-stills-'));
          const t0 = now();
          const c0 = cpu();
          const composer = new FrameComposer(geo, [], (sha) => readImageBytes(media.db, sha, 'full')?.data);
          await writeStillFiles(planPictures(timeline), composer, stillDir, new AbortController().signal);
          mp4Ms.push(now() - t0);
          mp4Cpu.push(cpu() - c0);
          fs.rmSync(stillDir, { recursive: true, force: true });
        },
        async () => {
          const mediaDir = path.join(dir, `media-${run}`);
          const t0 = now();
          const c0 = cpu();
          const plan = planEditorial(media, { timelineDir: dir, mediaDir, relative: false });
          await writeMediaFolder(media, plan, mediaDir);
          folderMs.push(now() - t0);
          folderCpu.push(cpu() - c0);
        },
      ];
      for (const job of run % 2 === 0 ? jobs : [...jobs].reverse()) await job();
      progress(`media run ${run + 1}/${MEDIA_RUNS}: MP4 still stage ${round(mp4Ms[run])} ms (${round(mp4Cpu[run], 1)} s CPU), media folder ${round(folderMs[run])} ms (${round(folderCpu[run], 1)} s CPU) (load ${load().join(' ')})`);
    }
    media.close();
    const mediaRatio = median(folderMs) / median(mp4Ms);
    const pairedRatio = median(folderMs.map((f, i) => f / mp4Ms[i]));
    const cpuRatio = median(folderCpu) / median(mp4Cpu);

    const loadAfter = load();
    const exportOk = Object.values(exportMs).every((ms) => ms <= TARGET_EXPORT_MS);
    log(`Editorial export of ${PANELS} panels (beyond media files), median of ${RUNS}:`);
    for (const f of EDITORIAL_FORMATS) log(`  ${f.padEnd(7)} ${exportMs[f]} ms   (target <= ${TARGET_EXPORT_MS}: ${exportMs[f] <= TARGET_EXPORT_MS ? 'met' : 'MISSED'})`);
    log(`Media folder, ${MEDIA_PANELS} stills at 1080p, ${MEDIA_RUNS} alternated pairs: ${round(median(folderMs))} ms against the MP4 still stage's ${round(median(mp4Ms))} ms (medians)`);
    log(`  ratio per pair, median ${round(pairedRatio, 3)}   (target <= ${TARGET_MEDIA_RATIO}: ${pairedRatio <= TARGET_MEDIA_RATIO ? 'met' : 'MISSED'}; runs ${folderMs.map((f, i) => round(f / mp4Ms[i], 3)).join(', ')})`);
    log(`  ratio of medians ${round(mediaRatio, 3)}`);
    log(`  CPU time ratio ${round(cpuRatio, 3)}   (CPU s, still stage ${mp4Cpu.map((c) => round(c, 1)).join(', ')}; media folder ${folderCpu.map((c) => round(c, 1)).join(', ')})`);
    log(`Conform of a ${PANELS}-clip OTIO (read, plan and apply, ${changes} changes): ${conformMs} ms   (target <= ${TARGET_CONFORM_MS}: ${conformMs <= TARGET_CONFORM_MS ? 'met' : 'MISSED'})`);
    log(`Load average (1, 5, 15 min) before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')} on ${os.cpus().length} cores`);
    log(
      JSON.stringify({
        bench: 'editorial',
        panels: PANELS,
        runs: RUNS,
        exportMs,
        mediaPanels: MEDIA_PANELS,
        mediaRuns: MEDIA_RUNS,
        mediaFolderMs: Math.round(median(folderMs)),
        mp4StillStageMs: Math.round(median(mp4Ms)),
        mediaRatio: round(mediaRatio, 3),
        mediaPairedRatio: round(pairedRatio, 3),
        mediaCpuRatio: round(cpuRatio, 3),
        conformMs,
        loadBefore,
        loadAfter,
        cores: os.cpus().length,
        pass: { export: exportOk, media: pairedRatio <= TARGET_MEDIA_RATIO, conform: conformMs <= TARGET_CONFORM_MS },
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
