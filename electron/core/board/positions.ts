/**
 * Order is kept as REAL positions so moving a panel rewrites one row, not the whole scene.
 * `positionsBetween` hands out `count` evenly spaced values strictly between two neighbours.
 */
export const MIN_GAP = 1e-9;

export function positionsBetween(before: number | undefined, after: number | undefined, count: number): number[] {
  const lo = before ?? (after !== undefined ? after - count - 1 : 0);
  const hi = after ?? lo + count + 1;
  const step = (hi - lo) / (count + 1);
  return Array.from({ length: count }, (_, i) => lo + step * (i + 1));
}

/** True when the neighbours are too close to split again; the caller then renumbers the list 1..n. */
export function needsRenumber(before: number | undefined, after: number | undefined, count: number): boolean {
  if (before === undefined || after === undefined) return false;
  return (after - before) / (count + 1) < MIN_GAP;
}
