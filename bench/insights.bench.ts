/**
 * The taste record's figures (issue 15).
 *   1. Insights for the whole project of BENCH_PANELS (2,000) panels, each with its own picture and
 *      palette, a month of logged changes and generation records (bench/lib/insights-board.ts): the
 *      figures the Insights view and `boardwright insights` show, computed end to end (board read,
 *      palettes, coverage, rhythm, pacing history, generation). Median of BENCH_RUNS (7). Target: 200 ms.
 *      Its CPU time is printed too: on a loaded machine the wall time mostly measures waiting for a core.
 *   2. Palette extraction from a stored image's thumbnail (what storing an image adds), over
 *      BENCH_PICTURES (60) photo-like 1280 x 536 JPEGs' thumbnails. Median. Target: 10 ms.
 * Prints human-readable lines, then one JSON line (the last line) with every figure.
 *
 * Env: BENCH_PANELS (2000) BENCH_RUNS (7) BENCH_PICTURES (60)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computeInsights } from '../electron/core/insights/compute';
import { extractPalette } from '../electron/core/insights/palette';
import { prepareImage } from '../electron/core/media/image-import';
import { buildAtlas, makeImage } from './lib/images';
import { buildInsightsBoard } from './lib/insights-board';
import { env, load, log, median, now, progress, round } from './lib/measure';

const PANELS = env('BENCH_PANELS', 2000);
const RUNS = env('BENCH_RUNS', 7);
const PICTURES = env('BENCH_PICTURES', 60);
const TARGET_INSIGHTS_MS = 200;
const TARGET_PALETTE_MS = 10;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-insights-'));
  const loadBefore = load();
  try {
    progress(`making ${PICTURES} pictures`);
    const atlas = buildAtlas();
    const pictures = [];
    for (let i = 0; i < PICTURES; i++) pictures.push(await prepareImage(await makeImage(atlas, 1000 + i), `p${i}.jpg`));

    progress('palette extraction');
    const paletteMs: number[] = [];
    for (const picture of pictures) {
      const t = now();
      await extractPalette(picture.thumb);
      paletteMs.push(now() - t);
    }

    progress(`building a ${PANELS}-panel board`);
    const project = buildInsightsBoard(path.join(dir, 'insights.boardwright'), PANELS, pictures);
    const insightsMs: number[] = [];
    const insightsCpuMs: number[] = [];
    let figures = await computeInsights(project);
    for (let i = 0; i < RUNS; i++) {
      globalThis.gc?.();
      const cpu = process.cpuUsage();
      const t = now();
      figures = await computeInsights(project);
      insightsMs.push(now() - t);
      const used = process.cpuUsage(cpu);
      insightsCpuMs.push((used.user + used.system) / 1000);
    }
    project.close();

    const insightsMedian = round(median(insightsMs), 1);
    const insightsCpuMedian = round(median(insightsCpuMs), 1);
    const paletteMedian = round(median(paletteMs), 2);
    const loadAfter = load();
    log(`Insights of ${figures.totals.panels} panels in ${figures.scenes.length} scenes (${figures.pacingHistory.length} days of history, ${figures.generation.picks} picks), median of ${RUNS}:`);
    log(`  ${insightsMedian} ms   (target <= ${TARGET_INSIGHTS_MS}: ${insightsMedian <= TARGET_INSIGHTS_MS ? 'met' : 'MISSED'}; runs ${insightsMs.map((m) => round(m, 1)).join(', ')})`);
    log(`  CPU time ${insightsCpuMedian} ms (median; what the figures cost on a machine the other sessions do not share)`);
    log(`Palette extraction from a thumbnail, ${PICTURES} pictures: median ${paletteMedian} ms, max ${round(Math.max(...paletteMs), 2)} ms   (target <= ${TARGET_PALETTE_MS}: ${paletteMedian <= TARGET_PALETTE_MS ? 'met' : 'MISSED'})`);
    log(`Load average (1, 5, 15 min) before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')} on ${os.cpus().length} cores`);
    log(
      JSON.stringify({
        bench: 'insights',
        panels: PANELS,
        runs: RUNS,
        insightsMs: insightsMedian,
        insightsCpuMs: insightsCpuMedian,
        pictures: PICTURES,
        paletteMs: paletteMedian,
        loadBefore,
        loadAfter,
        cores: os.cpus().length,
        pass: { insights: insightsMedian <= TARGET_INSIGHTS_MS, palette: paletteMedian <= TARGET_PALETTE_MS },
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
