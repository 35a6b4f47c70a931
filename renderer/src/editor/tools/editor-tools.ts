import type { SketchTool } from '../../../../shared/domain/sketch';

/**
 * The tools the panel editor offers. They are not the stored kinds (SketchTool): the shape tools
 * make pen strokes (a rectangle is its outline), the character arrow and the flood fill make fills;
 * the selection tools (box and lasso) make none: they move, scale, turn and delete strokes already drawn.
 */
export const EDITOR_TOOLS = ['select', 'lasso', 'pen', 'pencil', 'brush', 'eraser', 'stroke-eraser', 'line', 'rect', 'ellipse', 'camera-arrow', 'character-arrow', 'fill', 'text'] as const;
export type EditorTool = (typeof EDITOR_TOOLS)[number];

/** The selection tools: a box dragged out, or a lasso drawn round the strokes. */
export const isSelectTool = (t: EditorTool): t is 'select' | 'lasso' => t === 'select' || t === 'lasso';

/** Tools that drag out a shape from a start point to an end point. */
export const SHAPE_TOOLS = ['line', 'rect', 'ellipse', 'camera-arrow', 'character-arrow'] as const;
export type ShapeTool = (typeof SHAPE_TOOLS)[number];
export const isShapeTool = (t: EditorTool): t is ShapeTool => (SHAPE_TOOLS as readonly string[]).includes(t);

/** Tools that draw freehand along the pointer. */
export const isFreehandTool = (t: EditorTool): t is 'pen' | 'pencil' | 'brush' | 'eraser' => t === 'pen' || t === 'pencil' || t === 'brush' || t === 'eraser';

/** The kind of stroke an editor tool stores (the stroke eraser stores none: it deletes whole strokes; the selection tool none at all). */
export function storedTool(t: EditorTool): SketchTool | null {
  if (isSelectTool(t)) return null;
  if (t === 'stroke-eraser') return 'eraser';
  if (t === 'character-arrow' || t === 'fill') return 'fill';
  if (t === 'text') return 'text';
  if (isShapeTool(t)) return 'pen';
  return t;
}

/**
 * Tool keys, in the spirit of Storyboarder and the paint programs artists know: V select, again for the lasso (the move
 * tool's key in Photoshop, Krita's shape tools, Illustrator and Figma), N line, U cycles rectangle and ellipse, E cycles the area and stroke erasers, A cycles the character (solid) and camera (outlined) arrows, F fill, T text.
 * None is a board shortcut (the board's keys do not run while the editor is open).
 */
export const TOOL_KEYS: Record<string, readonly EditorTool[]> = {
  v: ['select', 'lasso'],
  p: ['pen'],
  l: ['pencil'],
  b: ['brush'],
  e: ['eraser', 'stroke-eraser'],
  n: ['line'],
  u: ['rect', 'ellipse'],
  a: ['character-arrow', 'camera-arrow'],
  f: ['fill'],
  t: ['text'],
};

/** The tool a key selects: the first of its tools, or the next one when one of them is already on. */
export function toolForKey(key: string, current: EditorTool): EditorTool | null {
  const cycle = TOOL_KEYS[key];
  if (!cycle) return null;
  const at = cycle.indexOf(current);
  return cycle[at < 0 ? 0 : (at + 1) % cycle.length];
}
