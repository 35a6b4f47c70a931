/** What every benchmark prints and measures with: lines on stdout, progress on stderr, a clock, medians. */
import os from 'node:os';

export const log = (line = ''): void => void process.stdout.write(`${line}\n`);
export const progress = (line: string): void => void process.stderr.write(`  … ${line}\n`);
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;
export const round = (n: number, d = 2): number => Math.round(n * 10 ** d) / 10 ** d;
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const load = (): number[] => os.loadavg().map((l) => round(l, 2));
/** A positive number from the environment (BENCH_PANELS=200), else the fallback. */
export const envNumber = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
