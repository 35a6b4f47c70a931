/**
 * Script parsing benchmark: a generated feature-length screenplay (BENCH_SCENES (150) scenes, about
 * 120 pages, 2,000+ action and dialogue elements, with notes, dual dialogue, emphasis, transitions)
 * written as Fountain and as Final Draft .fdx, each parsed by parseScript BENCH_RUNS (15) times after
 * two warm-up runs. Figures: median parse time (wall and CPU) per format. Target: a wall-time median of
 * 150 ms or less for each.
 * Prints human-readable lines, then one JSON line (the last line) with every figure.
 *
 * Env: BENCH_SCENES (150) BENCH_RUNS (15)
 */
import os from 'node:os';
import { parseScript } from '../electron/core/script/parse';
import { generate, toFdx, toFountain } from './lib/feature-script';

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SCENES = env('BENCH_SCENES', 150);
const RUNS = env('BENCH_RUNS', 15);
const TARGET_MS = 150;

const log = (line = '') => process.stdout.write(`${line}\n`);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(label: string, bytes: Buffer, name: string) {
  const times: number[] = [];
  const cpu: number[] = [];
  let result = parseScript(bytes, name);
  parseScript(bytes, name);
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const c0 = process.cpuUsage();
    const t0 = now();
    result = parseScript(bytes, name);
    times.push(now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const elements = result.scenes.reduce((n, s) => n + s.elements.length, 0);
  const boardElements = result.scenes.reduce((n, s) => n + s.elements.filter((e) => e.kind === 'action' || e.kind === 'dialogue').length, 0);
  const pages = result.scenes.reduce((n, s) => n + s.pageEighths, 0) / 8;
  const ms = median(times);
  log(`${label}: ${round(bytes.length / 1024, 1)} KB, ${result.scenes.length} scenes, ${elements} elements (${boardElements} action/dialogue), ${result.characters.length} characters, ~${round(pages, 1)} pages`);
  log(`${label}: parse median ${round(ms)} ms over ${RUNS} runs (min ${round(Math.min(...times))}, max ${round(Math.max(...times))}; target <= ${TARGET_MS})`);
  // CPU time is less disturbed than wall time by other work on a shared machine.
  log(`${label}: CPU time median ${round(median(cpu))} ms`);
  return { ms, cpuMs: median(cpu), kb: round(bytes.length / 1024, 1), scenes: result.scenes.length, elements, boardElements, pages: round(pages, 1) };
}

function main() {
  log(`Load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const scenes = generate(SCENES);
  const fountain = measure('Fountain', Buffer.from(toFountain(scenes), 'utf8'), 'feature.fountain');
  const fdx = measure('FDX', Buffer.from(toFdx(scenes), 'utf8'), 'feature.fdx');
  log(`Load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  log(
    JSON.stringify({
      bench: 'script-parse',
      runs: RUNS,
      scenes: fountain.scenes,
      elements: { fountain: fountain.elements, fdx: fdx.elements },
      boardElements: fountain.boardElements,
      pages: { fountain: fountain.pages, fdx: fdx.pages },
      sizeKB: { fountain: fountain.kb, fdx: fdx.kb },
      fountainMs: round(fountain.ms),
      fdxMs: round(fdx.ms),
      cpuMs: { fountain: round(fountain.cpuMs), fdx: round(fdx.cpuMs) },
      loadAvg: round(os.loadavg()[0], 2),
      pass: { fountainMs: fountain.ms <= TARGET_MS, fdxMs: fdx.ms <= TARGET_MS },
    }),
  );
}

main();
