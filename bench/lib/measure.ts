/** What every benchmark prints and measures with: lines on stdout, progress on stderr, a clock, medians. */
import fs from 'node:fs';
import os from 'node:os';

export const log = (line = ''): void => void process.stdout.write(`${line}\n`);
export const progress = (line: string): void => void process.stderr.write(`  … ${line}\n`);
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;
export const round = (n: number, d = 2): number => Math.round(n * 10 ** d) / 10 ** d;
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const load = (): number[] => os.loadavg().map((l) => round(l, 2));
/** A positive number from the environment (a bench's size or run count), else `fallback`. */
export const env = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/**
 * CPU seconds used so far by this process (sharp included) and by its finished children (ffmpeg):
 * on a shared machine, CPU time says more about the work done than wall time does.
 */
export function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in clock ticks (100 Hz)
  } catch {
    children = NaN; // not Linux: wall time only
  }
  return (own.user + own.system) / 1e6 + children;
}

/** Wall and CPU time of one async job. */
export async function measure(job: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c0 = cpuSeconds();
  const t0 = now();
  await job();
  return { wall: now() - t0, cpu: cpuSeconds() - c0 };
}
