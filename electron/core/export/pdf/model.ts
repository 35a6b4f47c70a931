/**
 * The page model both renderers draw from: the PDF writer (pdfkit) and the dialog's preview (SVG to
 * PNG). Layout code produces these; nothing here knows about either output. Units are PostScript
 * points, origin at the top-left of the page.
 */
import type { NormRect } from '../../../../shared/domain/animatic-frame';

/**
 * One stretch of a text line in one font and colour; `dx` is its offset from the line's x (its left
 * edge). `text` is in logical order; `rtl` runs are shaped right to left (text/shaping.ts).
 */
export interface TextRun {
  face: string;
  text: string;
  dx: number;
  color: string;
  rtl?: boolean;
}

export type DrawOp =
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; lineWidth?: number }
  /** A polyline or (closed) polygon; `opacity` applies to both fill and stroke; `dash` is [on, off]. */
  | {
      op: 'path'; points: [number, number][]; closed?: boolean; fill?: string; stroke?: string; lineWidth?: number;
      opacity?: number; dash?: [number, number];
    }
  /**
   * A picture letterboxed into the frame x,y,w,h (bars filled with `background`), or its `framing` (a
   * crop, in fractions of the picture) filling it. `key` names it for the renderer's image source;
   * `px` is the long side, in pixels, it should be prepared at.
   */
  | { op: 'image'; key: string; x: number; y: number; w: number; h: number; px: number; background: string; framing?: NormRect }
  /** One line of text; y is the baseline. */
  | { op: 'text'; x: number; y: number; size: number; runs: TextRun[] };

export interface PageModel {
  width: number;
  height: number;
  ops: DrawOp[];
}

export type TextOp = Extract<DrawOp, { op: 'text' }>;

/** A box on the page. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The board's ink: near-black text, greys for secondary text and rules. */
export const INK = {
  text: '#16181d',
  muted: '#5d6470',
  faint: '#8a909b',
  rule: '#c9cdd3',
  hairline: '#e1e4e8',
  frame: '#2b2f36',
  letterbox: '#24272d',
  empty: '#eef0f3',
  accent: '#c2410c',
  tint: '#f4f5f7',
} as const;
