/** A panel duration as the board shows it: "2.0s", "2.5s", "1.25s". */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  const text = Number.isInteger(s * 10) ? s.toFixed(1) : String(Number(s.toFixed(2)));
  return `${text}s`;
}

/** A running time as m:ss (rounded to the nearest second); h:mm:ss from an hour. */
export function formatRunningTime(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The file name at the end of a path, on any platform. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The folder part of a path (without the trailing separator). */
export function dirName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i > 0 ? path.slice(0, i) : '';
}
