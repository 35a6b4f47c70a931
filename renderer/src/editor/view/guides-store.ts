import { create } from 'zustand';
import { DEFAULT_ONE_POINT, DEFAULT_TWO_POINT, type Point } from '../../../../shared/domain/guides';

export const GUIDE_IDS = ['thirds', 'centre', 'diagonals', 'safe-2.39', 'safe-1.85', 'safe-16:9', 'action-safe', 'title-safe', 'one-point', 'two-point'] as const;
export type GuideId = (typeof GUIDE_IDS)[number];

/** Which composition guides the panel editor shows (kept for the session, for every panel). */
export interface GuidesState {
  on: Record<GuideId, boolean>;
  onePoint: Point;
  twoPoint: [Point, Point];
  toggle(id: GuideId): void;
  /** Hides every guide. */
  clear(): void;
  setOnePoint(p: Point): void;
  /** Moves the two-point horizon (both vanishing points) to a height. */
  setHorizon(y: number): void;
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

const NONE = Object.fromEntries(GUIDE_IDS.map((id) => [id, false])) as Record<GuideId, boolean>;

export const useGuidesStore = create<GuidesState>()((set) => ({
  on: NONE,
  onePoint: DEFAULT_ONE_POINT,
  twoPoint: DEFAULT_TWO_POINT,
  // One- and two-point perspective are one choice: turning one on turns the other off.
  toggle: (id) =>
    set((s) => {
      const on = { ...s.on, [id]: !s.on[id] };
      if (id === 'one-point' && on[id]) on['two-point'] = false;
      if (id === 'two-point' && on[id]) on['one-point'] = false;
      return { on };
    }),
  clear: () => set({ on: NONE }),
  setOnePoint: (p) => set({ onePoint: { x: clamp01(p.x), y: clamp01(p.y) } }),
  setHorizon: (y) => set((s) => ({ twoPoint: [{ ...s.twoPoint[0], y: clamp01(y) }, { ...s.twoPoint[1], y: clamp01(y) }] })),
}));

export function anyGuideOn(on: Record<GuideId, boolean>): boolean {
  return GUIDE_IDS.some((id) => on[id]);
}
