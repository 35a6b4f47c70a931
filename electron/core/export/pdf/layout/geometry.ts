import { PAPER_POINTS, type BoardGrid, type Orientation, type PaperSize } from '../../../../../shared/domain/export';
import type { Box } from '../model';

export const MARGIN = 36;
/** Header: two lines of text and a rule. */
export const HEADER_HEIGHT = 36;
export const HEADER_GAP = 12;
export const FOOTER_HEIGHT = 22;

export interface PageFrame {
  width: number;
  height: number;
  header: Box;
  body: Box;
  /** Present when the page has a footer line. */
  footer: Box | null;
}

export function pageSize(paper: PaperSize, orientation: Orientation): { width: number; height: number } {
  const [w, h] = PAPER_POINTS[paper];
  return orientation === 'landscape' ? { width: h, height: w } : { width: w, height: h };
}

export function pageFrame(paper: PaperSize, orientation: Orientation, hasFooter: boolean): PageFrame {
  const { width, height } = pageSize(paper, orientation);
  const inner = width - 2 * MARGIN;
  const header = { x: MARGIN, y: MARGIN, w: inner, h: HEADER_HEIGHT };
  const footer = hasFooter ? { x: MARGIN, y: height - MARGIN - FOOTER_HEIGHT + 4, w: inner, h: FOOTER_HEIGHT - 4 } : null;
  const top = MARGIN + HEADER_HEIGHT + HEADER_GAP;
  const bottom = height - MARGIN - (hasFooter ? FOOTER_HEIGHT : 0);
  return { width, height, header, body: { x: MARGIN, y: top, w: inner, h: bottom - top }, footer };
}

/** Gutters between cells grow a little with the page so big paper does not look cramped. */
export function gutters(body: Box): { x: number; y: number } {
  const k = Math.min(1.4, Math.max(1, body.w / 720));
  return { x: 18 * k, y: 16 * k };
}

/** The cells of a grid, in reading order (left to right, then top to bottom). */
export function gridCells(body: Box, grid: BoardGrid): Box[] {
  const g = gutters(body);
  const w = (body.w - (grid.cols - 1) * g.x) / grid.cols;
  const h = (body.h - (grid.rows - 1) * g.y) / grid.rows;
  const cells: Box[] = [];
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) cells.push({ x: body.x + c * (w + g.x), y: body.y + r * (h + g.y), w, h });
  }
  return cells;
}
