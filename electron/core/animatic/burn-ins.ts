import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { BurnIn, FrameRate, TimelineSegment } from '../../../shared/domain/animatic';
import type { OutputGeometry } from '../../../shared/domain/animatic-frame';
import { BURN_IN_LAYOUT as L, captionTexts, placeCaptions, placeShot, type BurnInRole, type PlacedText } from '../../../shared/domain/burn-in-layout';
import { burnInSvg, measureBurnIn, missingGlyphs } from './burn-in-text';

/** An RGBA overlay placed at (x, y) in the output frame (straight, not premultiplied, alpha). */
export interface Overlay {
  data: Buffer;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function svgOverlay(t: PlacedText, role: BurnInRole): Promise<Overlay> {
  const x = Math.floor(t.box.x);
  const y = Math.floor(t.box.y);
  const width = Math.ceil(t.box.x + t.box.w) - x;
  const height = Math.ceil(t.box.y + t.box.h) - y;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${burnInSvg(t, role, x, y)}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, x, y, width: info.width, height: info.height };
}

/**
 * The per-panel burn-ins (shot number top left; dialogue, and the Sound field above it, as captions at
 * the bottom) placed as the player places them. The timecode changes every frame: ffmpeg draws it (timecodeFilter).
 */
export async function panelOverlays(seg: TimelineSegment, geo: OutputGeometry, burnIns: readonly BurnIn[]): Promise<Overlay[]> {
  const pic = { x: geo.picture.x, y: geo.picture.y, w: geo.picture.width, h: geo.picture.height };
  const out: Promise<Overlay>[] = [];
  if (burnIns.includes('shot') && seg.shotNumber) out.push(svgOverlay(placeShot(pic, seg.shotNumber, measureBurnIn), 'bold'));
  const captions = placeCaptions(pic, captionTexts(seg, burnIns), measureBurnIn);
  for (const c of captions) out.push(svgOverlay(c, 'regular'));
  return Promise.all(out);
}

/** Characters of the burned-in texts that no bundled font has, at most ten. */
export function missingBurnInGlyphs(segments: readonly TimelineSegment[], burnIns: readonly BurnIn[]): string[] {
  const missing = new Set<string>();
  for (const seg of segments) {
    if (burnIns.includes('shot')) missingGlyphs('bold', seg.shotNumber).forEach((c) => missing.add(c));
    for (const c of captionTexts(seg, burnIns)) missingGlyphs('regular', c.text).forEach((ch) => missing.add(ch));
  }
  return [...missing].slice(0, 10);
}

/**
 * A font file for ffmpeg's drawtext: the fonts shipped in assets/fonts (or the packaged app's
 * resources), else what fontconfig offers for "monospace". null when there is none.
 */
export function findTimecodeFont(): string | null {
  const names = ['DejaVuSansMono.ttf', 'NotoSansMono-Regular.ttf', 'DejaVuSans.ttf', 'NotoSans-Regular.ttf'];
  const dirs: string[] = [];
  if (process.env.BOARDWRIGHT_FONTS_DIR) dirs.push(process.env.BOARDWRIGHT_FONTS_DIR);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) dirs.push(path.join(resources, 'fonts'));
  for (const start of [typeof __dirname === 'string' ? __dirname : null, process.cwd()]) {
    for (let dir = start; dir; dir = path.dirname(dir) === dir ? null : path.dirname(dir)) dirs.push(path.join(dir, 'assets', 'fonts'));
  }
  for (const dir of dirs) for (const name of names) if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  try {
    const file = execFileSync('fc-match', ['-f', '%{file}', 'monospace'], { encoding: 'utf8', timeout: 5000 }).trim();
    if (file && fs.existsSync(file)) return file;
  } catch {
    // No fontconfig (Windows, macOS without it): no font.
  }
  return null;
}

/**
 * ffmpeg's drawtext drawing the running timecode top right of the picture. `fontFile` is a plain
 * file name in ffmpeg's working directory (the font is copied there), so no path needs escaping.
 */
export function timecodeFilter(rate: FrameRate, geo: OutputGeometry, fontFile: string): string {
  const pic = geo.picture;
  const size = Math.max(10, Math.round(pic.height * L.timecodeFont));
  const margin = Math.round(pic.height * L.margin);
  const pad = Math.round(size * 0.3);
  return [
    `drawtext=fontfile=${fontFile}`,
    `timecode='00\\:00\\:00\\:00'`,
    `rate=${rate.num}/${rate.den}`,
    `fontsize=${size}`,
    'fontcolor=white',
    'box=1',
    'boxcolor=black@0.55',
    `boxborderw=${pad}`,
    `x=${pic.x + pic.width - margin - pad}-text_w`,
    `y=${pic.y + margin + pad}`,
  ].join(':');
}
