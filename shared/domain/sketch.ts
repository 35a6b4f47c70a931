/**
 * What a stroke is stored as. pen, pencil and brush lay ink along their points; the eraser removes ink
 * of its own layer (destination-out); fill is a closed polygon filled solid (flood fill results and solid
 * arrows); text is a note set at its first point.
 */
export const SKETCH_TOOLS = ['pen', 'pencil', 'brush', 'eraser', 'fill', 'text'] as const;
export type SketchTool = (typeof SKETCH_TOOLS)[number];

/** The tools that draw along a line of points, with a width that follows the pressure. */
export const LINE_TOOLS = ['pen', 'pencil', 'brush', 'eraser'] as const;
export type LineTool = (typeof LINE_TOOLS)[number];
export const isLineTool = (tool: SketchTool): tool is LineTool => (LINE_TOOLS as readonly string[]).includes(tool);

/**
 * One stroke, kept as vector data so undo is exact and it re-renders at any size.
 * Points are [x, y, pressure]: x and y from 0 to 1 across the panel frame (project aspect ratio),
 * pressure from 0 to 1 (0.5 for a mouse). A fill's points are its outline (closed; pressure unused);
 * a text's first point is its top-left corner and `size` its letter height as a fraction of the frame width.
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
  /** The words of a text stroke. */
  text?: string;
}

/**
 * The kinds of drawing layer, bottom to top as a new panel stacks them. The reference layer is the
 * panel's picture (dropped or generated); the others hold strokes. Notes never print unless asked.
 * 'custom' layers are the ones the artist adds.
 */
export const LAYER_ROLES = ['fill', 'tone', 'pencil', 'ink', 'notes', 'custom'] as const;
export type LayerRole = (typeof LAYER_ROLES)[number];
/** The standard stroke layers every panel offers, bottom to top (above the reference picture). */
export const STANDARD_LAYERS: readonly { role: Exclude<LayerRole, 'custom'>; name: string }[] = [
  { role: 'fill', name: 'Fill' },
  { role: 'tone', name: 'Tone' },
  { role: 'pencil', name: 'Pencil' },
  { role: 'ink', name: 'Ink' },
  { role: 'notes', name: 'Notes' },
];

/** One stroke layer of a panel, as the editor shows it. */
export interface SketchLayer {
  id: string;
  role: LayerRole;
  name: string;
  visible: boolean;
  locked: boolean;
  opacity: number;
  strokes: Stroke[];
}

/** What the panel editor needs to draw one panel: the reference picture, then the stroke layers bottom to top. */
export interface PanelLayers {
  panelId: string;
  /** The reference layer: the panel's picture, always at the bottom. */
  image: { sha256: string; width: number; height: number; opacity: number; visible: boolean } | null;
  layers: SketchLayer[];
}

/** Every stroke of the visible layers, bottom layer first, in drawing order. */
export const visibleStrokes = (drawing: Pick<PanelLayers, 'layers'>): Stroke[] => drawing.layers.filter((l) => l.visible).flatMap((l) => l.strokes);
