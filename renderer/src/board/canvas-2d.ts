import { measureText } from '../util/measure';
import { UI_FONT } from './theme';

/** Small 2D-canvas drawing helpers for the board's card and header bitmaps. */

export function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number | number[]): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

export function font(weight: string | number, size: number, italic = false): string {
  return `${italic ? 'italic ' : ''}${weight} ${size}px ${UI_FONT}`;
}

/** Text cut with an ellipsis to fit `maxWidth`. */
export function fitText(text: string, fontSpec: string, maxWidth: number): string {
  if (measureText(text, fontSpec) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measureText(`${text.slice(0, mid).trimEnd()}…`, fontSpec) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? `${text.slice(0, lo).trimEnd()}…` : '';
}

/** Draws one line of text with its top at y (its line box `lineHeight` tall). */
export function text(ctx: CanvasRenderingContext2D, s: string, x: number, y: number, fontSpec: string, color: string, lineHeight: number, align: CanvasTextAlign = 'left'): void {
  ctx.font = fontSpec;
  ctx.fillStyle = color;
  ctx.textAlign = align;
  ctx.textBaseline = 'middle';
  ctx.fillText(s, x, y + lineHeight / 2 + 0.5);
}

/**
 * A pool of canvases by size: cards scrolling out of view hand their bitmap to cards scrolling in,
 * so panning through thousands of panels allocates (and frees) almost no canvases.
 */
const pool = new Map<string, HTMLCanvasElement[]>();
let pooled = 0;
const MAX_POOLED = 160;

export function acquireCanvas(width: number, height: number): HTMLCanvasElement {
  const key = `${width}x${height}`;
  const free = pool.get(key);
  const reused = free?.pop();
  if (reused) {
    pooled--;
    return reused;
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

export function releaseCanvas(canvas: HTMLCanvasElement): void {
  if (pooled >= MAX_POOLED) return; // let it go: the garbage collector takes it
  const key = `${canvas.width}x${canvas.height}`;
  const list = pool.get(key) ?? [];
  list.push(canvas);
  pool.set(key, list);
  pooled++;
}
