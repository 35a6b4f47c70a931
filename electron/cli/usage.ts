/** Bad command-line usage: exit code 2 with the usage text. */
export class UsageError extends Error {}

export const USAGE = `Usage: boardwright <command> ...

  new FILE [--title T] [--aspect 2.39|1.85|16:9|4:3|1:1|9:16] [--fps 24]
  add FILE IMAGE... [--scene HEADING] [--duration SECONDS]
  set FILE SHOT_NUMBER [--duration SECONDS] [--shot-size S] [--angle A] [--lens MM]
      [--move M] [--action T] [--dialogue T] [--notes T] [--status draft|review|approved]
  list FILE [--json]
  check FILE

Exit status: 0 success, 1 a problem with a file or image, 2 bad usage.`;

/** Parses a positive number of seconds into milliseconds. */
export function secondsToMs(value: string, flag: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`${flag} takes a positive number of seconds, not "${value}".`);
  return Math.round(seconds * 1000);
}

export function requireArg(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`Missing ${what}.`);
  return value;
}
