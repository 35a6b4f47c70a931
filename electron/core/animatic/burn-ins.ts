import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { BurnIn, FrameRate, TimelineSegment } from '../../../shared/domain/animatic';
import { BURN_IN_LAYOUT as L, captionChars, wrapCaption, type OutputGeometry } from '../../../shared/domain/animatic-frame';

/** An RGBA overlay placed at (x, y) in the output frame (straight, not premultiplied, alpha). */
export interface Overlay {
  data: Buffer;
  x: number;
  y: number;
  width: number;
  height: number;
}

const FONT_STACK = 'Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif';
const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function svgOverlay(svg: string, x: number, y: number): Promise<Overlay> {
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, x, y, width: info.width, height: info.height };
}

/**
 * The per-panel burn-ins (shot number top left, dialogue as a caption at the bottom) drawn with the
 * same layout the player uses. The timecode changes every frame: ffmpeg draws it (timecodeFilter).
 */
export async function panelOverlays(seg: TimelineSegment, geo: OutputGeometry, burnIns: readonly BurnIn[]): Promise<Overlay[]> {
  const pic = geo.picture;
  const margin = Math.round(pic.height * L.margin);
  const out: Overlay[] = [];
  if (burnIns.includes('shot') && seg.shotNumber) {
    const fs = Math.max(10, Math.round(pic.height * L.shotFont));
    const pad = Math.round(fs * 0.35);
    const w = Math.round(seg.shotNumber.length * fs * 0.66 + pad * 2);
    const h = Math.round(fs * 1.3 + pad);
    out.push(
      await svgOverlay(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
          <rect width="100%" height="100%" rx="${pad / 2}" fill="#000" fill-opacity="0.55"/>
          <text x="${pad}" y="${h / 2}" dy="0.36em" font-family="${FONT_STACK}" font-weight="700" font-size="${fs}" fill="#fff">${escapeXml(seg.shotNumber)}</text>
        </svg>`,
        pic.x + margin,
        pic.y + margin,
      ),
    );
  }
  const lines = burnIns.includes('dialogue') ? wrapCaption(seg.dialogue, captionChars(pic.width, pic.height), L.captionMaxLines) : [];
  if (lines.length > 0) {
    const fs = Math.max(10, Math.round(pic.height * L.captionFont));
    const lineH = Math.round(fs * 1.3);
    const pad = Math.round(fs * 0.4);
    const w = Math.min(pic.width - 2 * margin, Math.round(Math.max(...lines.map((l) => l.length)) * fs * 0.52 + pad * 2));
    const h = lines.length * lineH + pad * 2;
    const text = lines
      .map((l, i) => `<text x="50%" y="${pad + lineH * (i + 0.5)}" dy="0.36em" text-anchor="middle">${escapeXml(l)}</text>`)
      .join('');
    out.push(
      await svgOverlay(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
          <rect width="100%" height="100%" rx="${pad / 2}" fill="#000" fill-opacity="0.6"/>
          <g font-family="${FONT_STACK}" font-size="${fs}" fill="#fff">${text}</g>
        </svg>`,
        pic.x + Math.round((pic.width - w) / 2),
        pic.y + pic.height - margin - h,
      ),
    );
  }
  return out;
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
