import type { SketchTool, Stroke } from './sketch';

/**
 * How each tool lays down ink, relative to the stroke's nominal size, colour and opacity. One set of
 * numbers for both the panel editor's live drawing and the core's flattening, so the thumbnail and
 * exports match what was drawn.
 *   pen: the stroke as given. pencil: thinner, greyer, a little transparent.
 *   brush: wider with soft edges (softness = blur radius relative to width). eraser: removes ink.
 */
export const TOOL_STYLE: Record<SketchTool, { widthScale: number; opacityScale: number; greyMix: number; softness: number }> = {
  pen: { widthScale: 1, opacityScale: 1, greyMix: 0, softness: 0 },
  pencil: { widthScale: 0.6, opacityScale: 0.75, greyMix: 0.3, softness: 0 },
  brush: { widthScale: 2.2, opacityScale: 0.85, greyMix: 0, softness: 0.18 },
  eraser: { widthScale: 1, opacityScale: 1, greyMix: 0, softness: 0 },
  fill: { widthScale: 1, opacityScale: 1, greyMix: 0, softness: 0 },
  text: { widthScale: 1, opacityScale: 1, greyMix: 0, softness: 0 },
};

/** Line width in pixels at one point: the nominal width at pressure 0.5 (a mouse), 0.35x at none, 1.65x at full. */
export function strokeWidthPx(stroke: Pick<Stroke, 'tool' | 'size'>, pressure: number, frameWidth: number): number {
  const p = Math.min(1, Math.max(0, pressure));
  return Math.max(0.5, stroke.size * frameWidth * TOOL_STYLE[stroke.tool].widthScale * (0.35 + 1.3 * p));
}

/** The colour a tool actually draws: the pencil mixes it toward graphite grey; the eraser is opaque. */
export function inkColour(stroke: Pick<Stroke, 'tool' | 'color'>): string {
  if (stroke.tool === 'eraser') return '#000000';
  const mix = TOOL_STYLE[stroke.tool].greyMix;
  const channel = (i: number) => {
    const c = parseInt(stroke.color.slice(1 + i * 2, 3 + i * 2), 16);
    return Math.round(c * (1 - mix) + 128 * mix).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/** The opacity a stroke is composited at. */
export function strokeOpacity(stroke: Pick<Stroke, 'tool' | 'opacity'>): number {
  return Math.min(1, Math.max(0, stroke.opacity * TOOL_STYLE[stroke.tool].opacityScale));
}

/** Blur radius of a soft tool (the brush) at a frame width, in pixels. */
export function strokeBlurPx(stroke: Pick<Stroke, 'tool' | 'size'>, frameWidth: number): number {
  return strokeWidthPx(stroke, 0.5, frameWidth) * TOOL_STYLE[stroke.tool].softness;
}
