import type { Stroke } from '../../../shared/domain/sketch';
import { TOOL_STYLE, inkColour, strokeWidthPx } from '../../../shared/domain/sketch-style';
import type { Rect } from './raster-blend';
import { shapeSvg } from './shape-svg';
import { BRUSH_PASSES, strokeOutlinePath } from '../../../shared/domain/stroke-outline';

const num = (n: number) => (Math.round(n * 100) / 100).toString();

/**
 * One SVG for a run of strokes over a width x height frame, or over the part of it `view` shows (at
 * the frame's scale): a filled outline per stroke (three, nested, for the brush), in a group
 * carrying the stroke's opacity; fills and texts as shapeSvg draws them.
 */
export function strokesSvg(strokes: Stroke[], width: number, height: number, view: Rect = { x: 0, y: 0, w: width, h: height }): string {
  const groups = strokes.map((s) => {
    const shape = shapeSvg(s, width, height);
    if (shape !== null) return shape;
    const style = TOOL_STYLE[s.tool];
    const opacity = Math.min(1, Math.max(0, s.opacity * style.opacityScale));
    const pts = s.points.map(([x, y, p]) => ({ x: x * width, y: y * height, w: strokeWidthPx(s, p, width) }));
    const passes: [number, number][] = style.softness > 0 ? BRUSH_PASSES : [[1, 1]];
    const body = passes
      .map(([scale, a]) => {
        const d = strokeOutlinePath(scale === 1 ? pts : pts.map((p) => ({ ...p, w: p.w * scale })));
        return `<path${a < 1 ? ` fill-opacity="${num(a)}"` : ''} d="${d}"/>`;
      })
      .join('');
    const groupAlpha = opacity < 1 ? ` opacity="${num(opacity)}"` : '';
    return `<g${groupAlpha} fill="${inkColour(s)}" fill-rule="nonzero">${body}</g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${view.w}" height="${view.h}" viewBox="${view.x} ${view.y} ${view.w} ${view.h}">${groups.join('')}</svg>`;
}
