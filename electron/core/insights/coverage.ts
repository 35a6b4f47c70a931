/** Coverage and pacing of a set of panels: shot sizes, angles, lenses, moves, screen time, palette. */
import type { Panel } from '../../../shared/domain/board';
import type { CoverageFigures, Swatch } from '../../../shared/domain/insights';
import { combinePalettes } from './palette';

/** Colours in a palette strip (a scene's, or the selection's). */
export const PALETTE_SIZE = 8;
/** The key panels without a shot size, angle or move are counted under. */
export const NONE = 'none';

/** `palettes` maps a panel's picture (thumbSha256) to its swatches; panels without a picture add no colour. */
export function coverageOf(panels: readonly Panel[], palettes: ReadonlyMap<string, Swatch[]>): CoverageFigures {
  const shotSizes: Record<string, number> = {};
  const shotSizeTimeMs: Record<string, number> = {};
  const angles: Record<string, number> = {};
  const lensesMm: Record<string, number> = {};
  const cameraMoves: Record<string, number> = {};
  let screenTimeMs = 0;
  for (const p of panels) {
    screenTimeMs += p.durationMs;
    const size = p.shotSize ?? NONE;
    bump(shotSizes, size, 1);
    bump(shotSizeTimeMs, size, p.durationMs);
    bump(angles, p.angle ?? NONE, 1);
    if (p.lensMm !== null) bump(lensesMm, String(p.lensMm), 1);
    bump(cameraMoves, p.cameraMove ?? NONE, 1);
  }
  const pictures = panels.flatMap((p) => {
    const swatches = p.thumbSha256 ? palettes.get(p.thumbSha256) : undefined;
    return swatches ? [{ swatches, weight: p.durationMs }] : [];
  });
  return {
    panels: panels.length,
    screenTimeMs,
    averageShotMs: panels.length === 0 ? 0 : Math.round(screenTimeMs / panels.length),
    shotSizes,
    shotSizeTimeMs,
    angles,
    lensesMm: sortedByMm(lensesMm),
    cameraMoves,
    palette: combinePalettes(pictures, PALETTE_SIZE),
  };
}

function bump(counts: Record<string, number>, key: string, by: number): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Keys in focal length order, so a histogram reads left to right (JSON keeps insertion order). */
function sortedByMm(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => Number(a) - Number(b)));
}
