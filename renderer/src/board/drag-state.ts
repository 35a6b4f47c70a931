import type { Point } from './hit-test';
import type { Rect } from './layout';

/** The pointer gesture in progress on the board. Presses become drags once the pointer travels. */
export type Gesture =
  | { kind: 'idle' }
  /** On a card; `deferSelect` when it was already selected (a plain click then selects it alone). */
  | { kind: 'press-card'; start: Point; panelId: string; deferSelect: boolean }
  | { kind: 'press-header'; start: Point; sceneId: string }
  | { kind: 'press-empty'; start: Point; base: ReadonlySet<string> }
  | { kind: 'drag-panels'; ids: string[]; lead: string; grab: Point }
  | { kind: 'drag-scene'; sceneId: string; grab: Point }
  | { kind: 'marquee'; origin: Point; base: ReadonlySet<string>; picked: string }
  | { kind: 'pan'; last: Point };

/** What the drag layer draws for the gesture: the dragged cards or header, the drop bar, the marquee. */
export interface DragVisual {
  /** The dragged panels; `grab` is where the pointer holds the lead card (card coordinates). */
  panels: { ids: string[]; lead: string; grab: Point } | null;
  sceneId: string | null;
  bar: Rect | null;
  marquee: Rect | null;
}

export const NO_VISUAL: DragVisual = { panels: null, sceneId: null, bar: null, marquee: null };

/** Pixels the pointer travels before a press becomes a drag. */
export const DRAG_THRESHOLD = 4;
/** Within this many pixels of the viewport's top or bottom, a drag scrolls the board. */
export const EDGE = 56;

export const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

export function rectFrom(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

export const sameRect = (a: Rect | null, b: Rect | null) => a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);

/** Scroll speed (screen px per frame) for a pointer near the viewport's top or bottom edge. */
export function edgeSpeed(y: number, height: number): number {
  if (y < EDGE) return -Math.ceil(((EDGE - Math.max(0, y)) / EDGE) * 22);
  if (y > height - EDGE) return Math.ceil(((Math.min(height, y) - (height - EDGE)) / EDGE) * 22);
  return 0;
}
