import type { Stroke } from './sketch';

/**
 * How a text stroke is set, the same in the panel editor (canvas) and the core (glyph outlines):
 * the font size in pixels is the stroke's size times the frame width; the first line's baseline sits
 * BASELINE em below the stroke's first point (its top-left corner); further lines (the text's line
 * breaks) follow LINE_HEIGHT em apart. The fonts are the burn-ins' regular chain (Noto Sans first).
 */
export const TEXT_BASELINE = 0.8;
export const TEXT_LINE_HEIGHT = 1.25;

/** The font size of a text stroke in pixels on a frame this many pixels wide. */
export const textSizePx = (stroke: Pick<Stroke, 'size'>, frameWidth: number) => stroke.size * frameWidth;

/** The lines of a text stroke with the pixel position of each line's baseline start. */
export function textLines(stroke: Pick<Stroke, 'size' | 'points' | 'text'>, frameWidth: number, frameHeight: number): { text: string; x: number; y: number }[] {
  const [x, y] = stroke.points[0] ?? [0, 0];
  const size = textSizePx(stroke, frameWidth);
  return (stroke.text ?? '').split('\n').map((text, i) => ({ text, x: x * frameWidth, y: y * frameHeight + size * (TEXT_BASELINE + i * TEXT_LINE_HEIGHT) }));
}
