/** The rhythm strip and the shortest and longest holds of a set of panels. */
import type { Panel } from '../../../shared/domain/board';
import type { Hold, RhythmBar, Swatch } from '../../../shared/domain/insights';

/** Holds listed at each end. */
export const HOLDS = 5;

/** `palettes` maps a panel's picture (thumbSha256) to its swatches. */
export function rhythmOf(panels: readonly Panel[], palettes: ReadonlyMap<string, Swatch[]>): RhythmBar[] {
  return panels.map((p) => ({
    panelId: p.id,
    shotNumber: p.shotNumber,
    durationMs: p.durationMs,
    shotSize: p.shotSize,
    palette: (p.thumbSha256 ? palettes.get(p.thumbSha256) : undefined)?.map((s) => s.hex) ?? [],
  }));
}

/** The `count` shortest (shortest first) and longest (longest first) panels; equal holds in board order. */
export function holdsOf(panels: readonly Panel[], count = HOLDS): { shortest: Hold[]; longest: Hold[] } {
  const indexed = panels.map((p, i) => ({ hold: { panelId: p.id, shotNumber: p.shotNumber, durationMs: p.durationMs }, i }));
  const shortest = [...indexed].sort((a, b) => a.hold.durationMs - b.hold.durationMs || a.i - b.i);
  const longest = [...indexed].sort((a, b) => b.hold.durationMs - a.hold.durationMs || a.i - b.i);
  return { shortest: shortest.slice(0, count).map((x) => x.hold), longest: longest.slice(0, count).map((x) => x.hold) };
}
