// ---------------------------------------------------------------------------------------------
// Canvas, colours, randomness
// ---------------------------------------------------------------------------------------------

/** 2.39:1 frame. */
export const W = 1200;
export const H = 502;
/** Super 35 gate width in mm: lens focal lengths map to the field of view a DP would expect. */
export const SENSOR_MM = 24.89;
export const NEAR = 0.05;

export const PAPER: RGB = [243, 239, 230];
const INK: RGB = [44, 45, 51];
export const INK_HEX = hex(INK);
type RGB = [number, number, number];

export function hex(c: RGB): string {
  return `#${c.map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')).join('')}`;
}

/** An opaque grey between paper (0) and ink (1), slightly cool, like a grey marker on warm paper. */
export function tone(t: number): string {
  const k = Math.max(0, Math.min(1, t));
  const cool: RGB = [-3, -1, 4];
  return hex([0, 1, 2].map((i) => PAPER[i] + (INK[i] - PAPER[i]) * k + cool[i] * k * (1 - k) * 4) as RGB);
}

/** Deterministic PRNG: every drawing comes out identical on every run. */
export { seededRandom as mulberry32 } from '../../shared/util/seeded-random';
