/**
 * The shot data the built-in sketcher draws from (request.params), normalised: the inspector's
 * vocabulary (MS, low, 35 mm...) plus the loose words people type ("close-up", "wide", "overhead").
 */
export type ShotSize = 'ECU' | 'CU' | 'MCU' | 'MS' | 'MWS' | 'WS' | 'EWS' | 'OTS' | 'POV' | 'INSERT';
export type Angle = 'eye level' | 'high' | 'low' | 'dutch' | "bird's-eye" | "worm's-eye";

export interface ShotSpec {
  size: ShotSize;
  angle: Angle;
  lensMm: number;
  characters: string[];
  cameraMove: string | null;
  /** Which of size, angle and lens the panel set (the others are defaults to draw with, never labelled). */
  given: { size: boolean; angle: boolean; lens: boolean };
}

/** What request.params may carry for the built-in provider (all optional). */
export interface BuiltinShotParams {
  shotSize?: string | null;
  angle?: string | null;
  lensMm?: number | null;
  characters?: string[];
  cameraMove?: string | null;
}

const SIZE_WORDS: [RegExp, ShotSize][] = [
  [/^(ecu|extreme close|xcu|bcu|big close)/i, 'ECU'],
  [/^(mcu|medium close)/i, 'MCU'],
  [/^(cu|close)/i, 'CU'],
  [/^(mws|mls|medium wide|medium long|cowboy|american)/i, 'MWS'],
  [/^(ms|mid|medium)/i, 'MS'],
  [/^(ews|els|xws|extreme wide|extreme long|establishing)/i, 'EWS'],
  [/^(ws|ls|fs|wide|long|full)/i, 'WS'],
  [/^(ots|over)/i, 'OTS'],
  [/^(pov|point of view|subjective)/i, 'POV'],
  [/^(insert|detail|cutaway)/i, 'INSERT'],
];

const ANGLE_WORDS: [RegExp, Angle][] = [
  [/bird|overhead|top.?down|aerial|plan/i, "bird's-eye"],
  [/worm|ground level|floor/i, "worm's-eye"],
  [/dutch|canted|tilted|oblique/i, 'dutch'],
  [/high/i, 'high'],
  [/low/i, 'low'],
  [/eye|level|neutral|straight/i, 'eye level'],
];

export function shotSizeOf(text: string | null | undefined): ShotSize {
  const t = (text ?? '').trim();
  return SIZE_WORDS.find(([re]) => re.test(t))?.[1] ?? 'MS';
}

export function angleOf(text: string | null | undefined): Angle {
  const t = (text ?? '').trim();
  return ANGLE_WORDS.find(([re]) => re.test(t))?.[1] ?? 'eye level';
}

export function readShot(params: Record<string, unknown> | undefined): ShotSpec {
  const p = (params ?? {}) as BuiltinShotParams;
  const lens = Number(p.lensMm);
  const names = Array.isArray(p.characters) ? p.characters.filter((c): c is string => typeof c === 'string' && c.trim() !== '') : [];
  return {
    size: shotSizeOf(p.shotSize),
    angle: angleOf(p.angle),
    // 8 mm fisheye to 600 mm tele covers every lens a storyboard names; default a "normal" 35 mm.
    lensMm: Number.isFinite(lens) && lens > 0 ? Math.min(600, Math.max(8, lens)) : 35,
    characters: names.map((n) => n.trim()).slice(0, 8),
    cameraMove: typeof p.cameraMove === 'string' && p.cameraMove.trim() ? p.cameraMove.trim().toLowerCase() : null,
    given: { size: typeof p.shotSize === 'string' && p.shotSize.trim() !== '', angle: typeof p.angle === 'string' && p.angle.trim() !== '', lens: Number.isFinite(lens) && lens > 0 },
  };
}


export const between = (rnd: () => number, lo: number, hi: number): number => lo + (hi - lo) * rnd();
export const pickOne = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length) % items.length];

export { seededRandom } from '../../../../shared/util/seeded-random';
