import type { Stroke } from '../../../shared/domain/sketch';
import { inkColour, strokeOpacity } from '../../../shared/domain/sketch-style';
import { textSvg } from './text-svg';

const num = (n: number) => (Math.round(n * 100) / 100).toString();

/**
 * The SVG of a stroke that is not a line of ink: a fill (its closed outline filled solid, nonzero, so
 * a flood fill's holes stay empty) or a text (glyph outlines). null for the line tools.
 */
export function shapeSvg(s: Stroke, width: number, height: number): string | null {
  if (s.tool === 'fill') {
    if (s.points.length < 3) return '';
    const d = `M${s.points.map(([x, y]) => `${num(x * width)} ${num(y * height)}`).join('L')}Z`;
    const opacity = strokeOpacity(s);
    return `<path${opacity < 1 ? ` opacity="${num(opacity)}"` : ''} fill="${inkColour(s)}" fill-rule="nonzero" d="${d}"/>`;
  }
  if (s.tool === 'text') return textSvg(s, width, height, inkColour(s), strokeOpacity(s));
  return null;
}
