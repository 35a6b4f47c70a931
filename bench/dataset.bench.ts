/**
 * Decision dataset export benchmark (issue 15).
 *   A 2,000-panel board (BENCH_PANELS, 40 scenes), every panel with its own image of BENCH_IMAGE_KB
 *   (96) KB of incompressible bytes, one panel in ten with four generated variations, one of them
 *   picked (so generations.jsonl and preferences.jsonl have lines). The images are stored directly
 *   (hashes computed, no decoding): what is measured is the export, not the image import.
 *   Measured in the same run, alternated (ABBA) over BENCH_RUNS (3) pairs: `exportDataset` into a new
 *   folder, and a plain copy of the same bytes (fs.cpSync of the exported folder, which holds every
 *   image once plus the JSON Lines). Figures: MB/s of each (median), and the export/copy ratio per pair
 *   (median). Target: the export at disk speed, i.e. a ratio of at least 0.5.
 * Prints human-readable lines, then one JSON line (the last line) with every figure.
 *
 * Env: BENCH_PANELS (2000) BENCH_IMAGE_KB (96) BENCH_RUNS (3)
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Project } from '../electron/core/project';
import { createScene } from '../electron/core/commands/scene-commands';
import { createPanel } from '../electron/core/commands/panel-commands';
import { newId, now as isoNow } from '../electron/core/commands/ids';
import { storeImage, type StoredImage } from '../electron/core/queries/image-queries';
import { pickVariation } from '../electron/core/generation/pick';
import { exportDataset } from '../electron/core/dataset/export-dataset';
import { env, load, log, median, now, progress, round } from './lib/measure';

const PANELS = env('BENCH_PANELS', 2000);
const IMAGE_KB = env('BENCH_IMAGE_KB', 96);
const RUNS = env('BENCH_RUNS', 3);
const SCENES = 40;
const TARGET_RATIO = 0.5;
const THUMB = randomBytes(2048);

function image(): StoredImage {
  const data = randomBytes(IMAGE_KB * 1024);
  const sha256 = createHash('sha256').update(data).digest('hex');
  return { sha256, mime: 'image/png', width: 1280, height: 536, byteSize: data.length, data, thumb: THUMB, thumbMime: 'image/webp', thumbWidth: 256, thumbHeight: 107, sourceName: null };
}

async function bigBoard(file: string): Promise<Project> {
  const project = Project.create(file, { title: 'Bench', aspectRatio: '2.39', fps: 24 });
  const generated: string[] = [];
  for (let s = 0; s < SCENES; s++) {
    const scene = createScene(project, { patch: { heading: `INT. LOCATION ${s + 1} - DAY` } });
    for (let p = 0; p < PANELS / SCENES; p++) {
      const panel = createPanel(project, { sceneId: scene.id, patch: { durationMs: 800 + ((s * 131 + p * 37) % 2400), action: `She crosses the room, shot ${p}.`, shotSize: 'MS', lensMm: 35 } });
      if (p % 10 === 3) generated.push(panel.id);
      else {
        const img = image();
        storeImage(project.db, img);
        project.edit('Set image', (rec) => rec.insert('panel_layers', { id: newId(), panel_id: panel.id, kind: 'image', position: 0, image_sha256: img.sha256 }));
      }
    }
  }
  const insert = project.db.prepare(
    `INSERT INTO variations (id, panel_id, job_id, prompt_version_id, image_sha256, provider, model, seed, params, created_at) VALUES (?, ?, ?, ?, ?, 'openai', 'gpt-image-1', ?, '{}', ?)`,
  );
  for (const panelId of generated) {
    const promptId = newId();
    const jobId = newId();
    const t = isoNow();
    project.db.prepare(`INSERT INTO prompt_versions (id, panel_id, text, negative, params, created_at) VALUES (?, ?, ?, '', '{}', ?)`).run(promptId, panelId, 'Medium shot, 35mm lens. She crosses the room.', t);
    project.db.prepare(`INSERT INTO generation_jobs (id, panel_id, prompt_version_id, provider, model, count, params, status, created_at, started_at, finished_at) VALUES (?, ?, ?, 'openai', 'gpt-image-1', 4, '{"seed":1}', 'succeeded', ?, ?, ?)`).run(jobId, panelId, promptId, t, t, t);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const img = image();
      storeImage(project.db, img);
      ids.push(newId());
      insert.run(ids[i], panelId, jobId, promptId, img.sha256, i + 1, t);
    }
    await pickVariation(project, ids[1], { why: 'Reads best' });
  }
  return project;
}

function folderBytes(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) n += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  return n;
}

async function main(): Promise<void> {
  const loadBefore = load();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-dataset-'));
  try {
    progress(`building a ${PANELS}-panel board with ${IMAGE_KB} KB images`);
    const project = await bigBoard(path.join(dir, 'big.boardwright'));
    const source = path.join(dir, 'source');
    const first = await exportDataset(project, source);
    const bytes = folderBytes(source);
    const mb = bytes / 1e6;
    progress(`dataset: ${first.images} images, ${first.generations} generations, ${first.preferences} preferences, ${round(mb, 1)} MB`);

    const exportMs: number[] = [];
    const copyMs: number[] = [];
    const ratios: number[] = [];
    const runExport = async (i: number) => {
      const out = path.join(dir, `export-${i}`);
      const t0 = now();
      await exportDataset(project, out);
      const ms = now() - t0;
      fs.rmSync(out, { recursive: true, force: true });
      return ms;
    };
    const runCopy = (i: number) => {
      const out = path.join(dir, `copy-${i}`);
      const t0 = now();
      fs.cpSync(source, out, { recursive: true });
      const ms = now() - t0;
      fs.rmSync(out, { recursive: true, force: true });
      return ms;
    };
    for (let run = 0; run < RUNS; run++) {
      const exportFirst = run % 2 === 0;
      const a = exportFirst ? await runExport(run) : runCopy(run);
      const b = exportFirst ? runCopy(run) : await runExport(run);
      const [e, c] = exportFirst ? [a, b] : [b, a];
      exportMs.push(e);
      copyMs.push(c);
      ratios.push(mb / (e / 1000) / (mb / (c / 1000)));
      progress(`pair ${run + 1}: export ${round(e)} ms, copy ${round(c)} ms`);
    }
    project.close();
    const exportMBs = mb / (median(exportMs) / 1000);
    const copyMBs = mb / (median(copyMs) / 1000);
    const ratio = median(ratios);
    const loadAfter = load();
    log(`Dataset of ${PANELS} panels (${first.images} images, ${round(mb, 1)} MB): export ${round(median(exportMs))} ms = ${round(exportMBs, 1)} MB/s, plain copy ${round(median(copyMs))} ms = ${round(copyMBs, 1)} MB/s, ratio ${round(ratio, 3)} (target ≥ ${TARGET_RATIO})`);
    log(`Load average (1, 5, 15 min) before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')} on ${os.cpus().length} cores`);
    log(
      JSON.stringify({
        bench: 'dataset',
        panels: PANELS,
        imageKb: IMAGE_KB,
        runs: RUNS,
        images: first.images,
        megabytes: round(mb, 1),
        exportMs: Math.round(median(exportMs)),
        copyMs: Math.round(median(copyMs)),
        exportMBs: round(exportMBs, 1),
        copyMBs: round(copyMBs, 1),
        ratio: round(ratio, 3),
        loadBefore,
        loadAfter,
        cores: os.cpus().length,
        pass: { ratio: ratio >= TARGET_RATIO },
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
