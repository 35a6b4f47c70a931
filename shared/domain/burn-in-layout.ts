/**
 * Where burn-ins go and how big they are, in fractions of the picture height, and which bundled fonts
 * draw them: the exporter (glyph outlines through fontkit) and the player (canvas with the same fonts
 * loaded as web fonts) place every line with these functions, so both show the same caption.
 */
import type { BurnIn, TimelineSegment } from './animatic';
import { wrapCaption, type Measure } from '../text/caption-wrap';

export const BURN_IN_LAYOUT = {
  margin: 0.03,
  shotFont: 0.045,
  captionFont: 0.042,
  captionMaxLines: 3,
  soundMaxLines: 2,
  /** Captions are at most this fraction of the picture width, box included. */
  captionWidth: 0.84,
  timecodeFont: 0.04,
  /** Caption line spacing, box padding and baseline below a line's middle, in em. */
  lineHeight: 1.3,
  captionPad: 0.4,
  shotPad: 0.35,
  baseline: 0.36,
} as const;
const L = BURN_IN_LAYOUT;

/** Font files (assets/fonts) tried in order for each character, as the PDF export does, last the emoji subset of Symbola. */
const FALLBACKS = ['NotoSansDevanagari-Regular.ttf', 'NotoSansThai-Regular.ttf', 'DroidSansFallbackFull.ttf', 'Symbola-Emoji.ttf'];
export const BURN_IN_FONTS = {
  regular: ['NotoSans-Regular.ttf', 'NotoSansHebrew-Regular.ttf', 'NotoSansArabic-Regular.ttf', 'DejaVuSans.ttf', ...FALLBACKS],
  bold: ['NotoSans-Bold.ttf', 'NotoSansHebrew-Bold.ttf', 'NotoSansArabic-Bold.ttf', 'DejaVuSans-Bold.ttf', ...FALLBACKS],
} as const;
export type BurnInRole = keyof typeof BURN_IN_FONTS;
export const BURN_IN_FONT_FILES: readonly string[] = [...new Set([...BURN_IN_FONTS.regular, ...BURN_IN_FONTS.bold])];

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One line of text: `x` is where its left edge goes, `baseline` its baseline, `width` its measured width (px). */
export interface PlacedLine {
  text: string;
  x: number;
  baseline: number;
  width: number;
}

/** A box of burn-in text at a font size (px), with its lines. */
export interface PlacedText {
  box: Rect;
  /** Corner radius (px) and opacity of the box's black. */
  radius: number;
  alpha: number;
  size: number;
  lines: PlacedLine[];
}

/** Measures in em with a role's fonts (the caller caches). */
export type RoleMeasure = (role: BurnInRole, text: string) => number;

const captionSize = (pic: Rect) => Math.max(8, pic.h * L.captionFont);

/** The widest caption text, in em: the caption box (padding included) stays inside the picture's margins. */
export function captionMaxEm(pic: Rect): number {
  const boxMax = Math.min(pic.w * L.captionWidth, pic.w - 2 * pic.h * L.margin);
  return boxMax / captionSize(pic) - 2 * L.captionPad;
}

/** The shot number's box, top left of the picture. */
export function placeShot(pic: Rect, shot: string, measure: RoleMeasure): PlacedText {
  const size = Math.max(8, pic.h * L.shotFont);
  const pad = size * L.shotPad;
  const margin = pic.h * L.margin;
  const width = measure('bold', shot) * size;
  const box = { x: pic.x + margin, y: pic.y + margin, w: width + 2 * pad, h: size * L.lineHeight + pad };
  return { box, radius: pad / 2, alpha: 0.55, size, lines: [{ text: shot, x: box.x + pad, baseline: box.y + box.h / 2 + size * L.baseline, width }] };
}

/**
 * Dialogue and sound captions, stacked up from the bottom of the picture in the order given (dialogue
 * lowest), each wrapped inside the picture and centred. Empty texts take no room.
 */
export function placeCaptions(pic: Rect, texts: { text: string; maxLines: number }[], measure: RoleMeasure): PlacedText[] {
  const size = captionSize(pic);
  const pad = size * L.captionPad;
  const lineH = size * L.lineHeight;
  const maxEm = captionMaxEm(pic);
  const margin = pic.h * L.margin;
  const em: Measure = (s) => measure('regular', s);
  const out: PlacedText[] = [];
  let bottom = pic.y + pic.h - margin;
  for (const { text, maxLines } of texts) {
    const lines = wrapCaption(text, maxEm, maxLines, em);
    if (lines.length === 0) continue;
    const widths = lines.map((l) => em(l) * size);
    const w = Math.max(...widths) + 2 * pad;
    const h = lines.length * lineH + 2 * pad;
    const box = { x: pic.x + (pic.w - w) / 2, y: bottom - h, w, h };
    const placed = lines.map((l, i) => ({ text: l, width: widths[i], x: pic.x + (pic.w - widths[i]) / 2, baseline: box.y + pad + lineH * (i + 0.5) + size * L.baseline }));
    out.push({ box, radius: pad / 2, alpha: 0.6, size, lines: placed });
    bottom = box.y - margin / 2;
  }
  return out;
}

/** The captions a panel shows, bottom first: its dialogue, then its Sound field. */
export function captionTexts(seg: Pick<TimelineSegment, 'dialogue' | 'sound'>, burnIns: readonly BurnIn[]): { text: string; maxLines: number }[] {
  const out: { text: string; maxLines: number }[] = [];
  if (burnIns.includes('dialogue')) out.push({ text: seg.dialogue, maxLines: L.captionMaxLines });
  if (burnIns.includes('sound')) out.push({ text: seg.sound, maxLines: L.soundMaxLines });
  return out;
}
