/**
 * Script import benchmark: a generated feature-length screenplay (bench/lib/feature-script.ts: 150
 * scenes, about 120 pages, 2,000+ panels) as Fountain.
 *   1. parse: parseScript alone (target 150 ms or less);
 *   2. import: end to end into a new project (parse, plan, one edit writing every scene, panel,
 *      character and the stored script, committed) (target 1.5 s or less);
 *   3. re-import: a revision touching 10% of the scenes (a line rewritten in each), into the imported
 *      project: parse, match, update (target 1.5 s or less).
 * Medians of BENCH_RUNS (5) runs after a warm-up, each on a fresh project. Last line: one JSON object.
 *
 * Env: BENCH_SCENES (150) BENCH_RUNS (5)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Project } from '../electron/core/project';
import { importScript } from '../electron/core/script/import';
import { parseScript } from '../electron/core/script/parse';
import { generate, toFountain, type Scene } from './lib/feature-script';

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SCENES = env('BENCH_SCENES', 150);
const RUNS = env('BENCH_RUNS', 5);
const TARGETS = { parseMs: 150, importMs: 1500, reimportMs: 1500 };

const log = (line = '') => process.stdout.write(`${line}\n`);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Every tenth scene gets one line of dialogue rewritten. */
function revise(scenes: Scene[]): Scene[] {
  return scenes.map((s, i) => {
    if (i % 10 !== 3) return s;
    let done = false;
    const items = s.items.map((it) => {
      if (done || it.k !== 'dialogue') return it;
      done = true;
      return { ...it, lines: [`${it.lines[0]} Rewritten in draft two.`, ...it.lines.slice(1)] };
    });
    return { ...s, items };
  });
}

function main() {
  log(`Load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-script-'));
  const scenes = generate(SCENES);
  const draft1 = Buffer.from(toFountain(scenes), 'utf8');
  const draft2 = Buffer.from(toFountain(revise(scenes)), 'utf8');
  const parse: number[] = [];
  const imports: number[] = [];
  const reimports: number[] = [];
  let panels = 0;
  let changed = 0;
  for (let run = 0; run <= RUNS; run++) {
    const t0 = now();
    parseScript(draft1, 'feature.fountain');
    const parsed = now() - t0;
    const project = Project.create(path.join(dir, `run-${run}.boardwright`), { title: 'Untitled' });
    const t1 = now();
    const first = importScript(project, draft1, 'feature.fountain', 'beats');
    const imported = now() - t1;
    const t2 = now();
    const second = importScript(project, draft2, 'feature v2.fountain', 'beats');
    const reimported = now() - t2;
    panels = first.scenes.reduce((n, s) => n + s.panels, 0);
    changed = second.counts.panelsChanged;
    project.close();
    if (run === 0) continue; // warm-up
    parse.push(parsed);
    imports.push(imported);
    reimports.push(reimported);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const figures = { parseMs: round(median(parse)), importMs: round(median(imports)), reimportMs: round(median(reimports)) };
  log(`Script: ${SCENES} scenes, ${panels} panels, ${round(draft1.length / 1024)} KB of Fountain; the revision changes ${changed} panels in ${Math.ceil(SCENES / 10)} scenes`);
  log(`parse ${figures.parseMs} ms (target ${TARGETS.parseMs}); import end to end ${figures.importMs} ms (target ${TARGETS.importMs}); re-import ${figures.reimportMs} ms (target ${TARGETS.reimportMs}); medians of ${RUNS}`);
  log(`Load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  log(
    JSON.stringify({
      bench: 'script-import',
      scenes: SCENES,
      panels,
      revisedPanels: changed,
      ...figures,
      runs: RUNS,
      pass: { parseMs: figures.parseMs <= TARGETS.parseMs, importMs: figures.importMs <= TARGETS.importMs, reimportMs: figures.reimportMs <= TARGETS.reimportMs },
    }),
  );
}

main();
