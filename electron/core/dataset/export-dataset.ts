/**
 * `export dataset`: the decision log, the shots, every generation and every pick as a documented,
 * versioned folder (README.md inside describes each file), ready for analysis or preference tuning.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DatasetSummary } from '../../../shared/domain/dataset';
import { decisionRecords, type DecisionRecord } from '../decisions/decision-export';
import { listDecisions } from '../decisions/decision-commands';
import type { KeySource } from '../providers/settings';
import type { Project } from '../project';
import { APP_VERSION } from '../version';
import { DatasetImages } from './dataset-images';
import { checkDatasetDir, writeDatasetDir } from './dataset-folder';
import { DATASET_FILES, DATASET_VERSION, jsonLines } from './dataset-format';
import { datasetReadme } from './dataset-readme';
import { makeScrubber } from './dataset-scrub';
import { generationRecords } from './generations-file';
import { panelPalettes } from './panel-palette';
import { panelRecords } from './panels-file';
import { preferenceRecords } from './preferences-file';

export interface DatasetOptions {
  /** Keys in use now (key store or environment): any that turned up in a record would be redacted. */
  keys?: KeySource;
  progress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Registers the pictures a log entry names by SHA-256 (picks, replaced images, deleted panels), so each is in images/. */
function registerLoggedImages(records: DecisionRecord[], images: DatasetImages): void {
  for (const r of records) {
    if (r.field === 'image') {
      images.ref(r.old_value);
      images.ref(r.new_value);
    }
    if (typeof r.data.imageSha256 === 'string') images.ref(r.data.imageSha256);
    if (Array.isArray(r.data.alternatives)) for (const a of r.data.alternatives as { imageSha256?: unknown }[]) if (typeof a.imageSha256 === 'string') images.ref(a.imageSha256);
  }
}

export { checkDatasetDir };

export async function exportDataset(project: Project, dir: string, options: DatasetOptions = {}): Promise<DatasetSummary> {
  const scrub = makeScrubber(options.keys);
  const images = new DatasetImages(project.db);
  const panels = panelRecords(project, images, await panelPalettes(project));
  const decisions = decisionRecords(project);
  registerLoggedImages(decisions, images);
  const shots = new Map(panels.map((p) => [p.panel_id, p.shot]));
  const generations = generationRecords(project.db, images, shots);
  const picks = listDecisions(project, { kinds: ['variation.picked'], includeInitial: true });
  const preferences = preferenceRecords(picks, generations);
  const info = project.info();
  const counts = { panels: panels.length, decisions: decisions.length, generations: generations.length, preferences: preferences.length, images: images.count };
  const files: [string, string][] = [
    [DATASET_FILES.panels, jsonLines(scrub(panels))],
    [DATASET_FILES.decisions, jsonLines(scrub(decisions))],
    [DATASET_FILES.generations, jsonLines(scrub(generations))],
    [DATASET_FILES.preferences, jsonLines(scrub(preferences))],
    [DATASET_FILES.readme, scrub(datasetReadme(info.title, counts))],
  ];
  const manifest = scrub({
    format: DATASET_VERSION,
    title: info.title,
    exported_at: new Date().toISOString(),
    app_version: APP_VERSION,
    aspect_ratio: info.aspectRatio,
    fps: info.fps,
    files: Object.fromEntries([...Object.entries(counts)].map(([k, n]) => [k === 'images' ? DATASET_FILES.images : `${k}.jsonl`, n])),
  });
  const total = images.count + 1;
  const bytes = await writeDatasetDir(dir, async (temp) => {
    for (const [name, text] of files) await fs.promises.writeFile(path.join(temp, name), text, 'utf8');
    const written = await images.write(temp, (done) => options.progress?.(done, total), options.signal);
    await fs.promises.writeFile(path.join(temp, DATASET_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    options.progress?.(total, total);
    return written + files.reduce((n, [, text]) => n + Buffer.byteLength(text), 0);
  });
  return { path: path.resolve(dir), ...counts, bytes };
}
