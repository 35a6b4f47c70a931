/**
 * mulberry32: a small, fast, seedable PRNG (not for secrets). The same seed gives the same numbers,
 * so a generated sketch, a benchmark's data or a fuzz run can be made again exactly.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
