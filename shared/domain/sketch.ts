/** Sketch tools of the panel editor. The eraser removes ink (drawn with destination-out). */
export const SKETCH_TOOLS = ['pen', 'pencil', 'brush', 'eraser'] as const;
export type SketchTool = (typeof SKETCH_TOOLS)[number];

/**
 * One stroke, kept as vector data so undo is exact and it re-renders at any size.
 * Points are [x, y, pressure]: x and y from 0 to 1 across the panel frame (project aspect ratio),
 * pressure from 0 to 1 (0.5 for a mouse).
 */
export interface Stroke {
  id: string;
  tool: SketchTool;
  /** CSS colour, e.g. "#1a1a1a". Ignored by the eraser. */
  color: string;
  /** Nominal width as a fraction of the frame width (e.g. 0.004). */
  size: number;
  opacity: number;
  points: [number, number, number][];
}

/** What the panel editor needs to draw one panel. */
export interface PanelLayers {
  panelId: string;
  image: { sha256: string; width: number; height: number; opacity: number } | null;
  strokes: Stroke[];
}
