/**
 * Which panels a chart's bar or swatch stands for, so a click can select them on the board. Pure: the
 * board and the figures in, panel ids out (board order). Omitted scenes and panels are never counted.
 */
import type { Board, Panel } from '../../../shared/domain/board';
import type { Insights } from '../../../shared/domain/insights';

/** A bar of a coverage chart: the field it counts and the key shown ("MS", "35", "dolly in", "none"). */
export type CoverageField = 'shotSize' | 'angle' | 'lensMm' | 'cameraMove';

/** The panels the figures were computed for: the chosen scenes (all when none chosen), omitted ones left out. */
export function panelsInScope(board: Board, sceneIds: readonly string[]): Panel[] {
  const chosen = new Set(sceneIds);
  const out: Panel[] = [];
  for (const s of board.scenes) {
    if (s.omitted || (chosen.size > 0 && !chosen.has(s.id))) continue;
    for (const p of s.panels) if (!p.omitted) out.push(p);
  }
  return out;
}

const keyOf = (p: Panel, field: CoverageField): string => {
  const v = p[field];
  return v === null || v === undefined || v === '' ? 'none' : String(v);
};

export function panelsWith(panels: readonly Panel[], field: CoverageField, key: string): string[] {
  return panels.filter((p) => keyOf(p, field) === key).map((p) => p.id);
}

/**
 * How far apart (RGB distance) a panel's colour may be from a strip's swatch and still count as it: a
 * strip's swatches are averages of the panels' colours, so they rarely equal one exactly.
 */
export const SAME_COLOUR = 40;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - rgb(b)[i]));

/** Panels whose picture has the colour (or one near it) among its dominant ones; the rhythm bars carry each panel's palette. */
export function panelsWithColour(insights: Insights, hex: string, sceneId?: string): string[] {
  const out: string[] = [];
  for (const s of insights.scenes) {
    if (sceneId && s.sceneId !== sceneId) continue;
    for (const bar of s.rhythm) if (bar.palette.some((c) => distance(c, hex) <= SAME_COLOUR)) out.push(bar.panelId);
  }
  return out;
}

/** Sorted bars for a count map: shot sizes and moves in their vocabulary's order, lenses by mm, "none" last. */
export function orderedEntries(counts: Record<string, number>, order?: readonly string[]): [string, number][] {
  const rank = (k: string) => (k === 'none' ? Number.MAX_SAFE_INTEGER : order ? (order.indexOf(k) === -1 ? order.length : order.indexOf(k)) : Number(k));
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}
