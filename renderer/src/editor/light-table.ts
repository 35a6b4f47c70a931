/** Which neighbouring panels the light table shows under the drawing. */
export const LIGHT_TABLE_MODES = [
  { id: 'prev', label: 'Previous' },
  { id: 'next', label: 'Next' },
  { id: 'prev2', label: 'Previous two' },
  { id: 'around', label: 'Previous and next' },
] as const;
export type LightTableMode = (typeof LIGHT_TABLE_MODES)[number]['id'];

const OFFSETS: Record<LightTableMode, number[]> = { prev: [-1], next: [1], prev2: [-2, -1], around: [-1, 1] };

/**
 * The panels the light table shows for the panel at `at` in board order, farthest first (drawn
 * first, so the nearest is on top), each with its offset (-1 previous, 1 next...). Panels past
 * either end of the board are left out.
 */
export function lightTablePanels<T>(order: readonly T[], at: number, mode: LightTableMode): { panel: T; offset: number }[] {
  if (at < 0) return [];
  return OFFSETS[mode]
    .map((offset) => ({ panel: order[at + offset], offset }))
    .filter((x): x is { panel: T; offset: number } => x.panel !== undefined)
    .sort((a, b) => Math.abs(b.offset) - Math.abs(a.offset));
}

/** The farther of two previous panels is shown fainter than the nearer one. */
export function lightTableOpacity(opacity: number, offset: number): number {
  return Math.abs(offset) > 1 ? opacity * 0.55 : opacity;
}
