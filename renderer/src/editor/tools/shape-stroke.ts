import { arrowShape, ellipseShape, lineShape, rectShape, type Pt, type ShapeStroke, type ShapeStyle } from '../../../../shared/domain/shapes';
import type { ShapeTool } from './editor-tools';

/** A shape tool's stroke for a drag: start to end (and the path between, for a curved arrow); Shift constrains. */
export function shapeStroke(tool: ShapeTool, start: Pt, end: Pt, path: readonly Pt[], aspect: number, shift: boolean, style: ShapeStyle): ShapeStroke {
  switch (tool) {
    case 'line':
      return lineShape(start, end, aspect, shift, style);
    case 'rect':
      return rectShape(start, end, aspect, shift, style);
    case 'ellipse':
      return ellipseShape(start, end, aspect, shift, style);
    case 'camera-arrow':
      return arrowShape('camera', start, end, path, aspect, style);
    case 'character-arrow':
      return arrowShape('character', start, end, path, aspect, style);
  }
}
