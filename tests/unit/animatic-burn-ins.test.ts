import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { exportVideo, resolveOptions } from '../../electron/core/animatic/video-export';
import { readTimeline } from '../../electron/core/animatic/timeline';
import type { Project } from '../../electron/core/project';
import { BURN_IN_LAYOUT as L } from '../../shared/domain/burn-in-layout';
import { tempDir } from './helpers';
import { makeAnimaticProject, type Rgb } from './animatic-helpers';

const dir = tempDir('bw-burn-ins-');
let project: Project | null = null;
afterAll(() => project?.close());

const GREY: Rgb = [120, 120, 120];
export const CAPTIONS = {
  latin: 'GRANDPA\nAre you there? I have been calling and calling since the storm took the lights out, and nobody on this street would answer (not once).',
  japanese: 'ミカ\nここにいるよ、おじいちゃん。ずっと待っていたんだから、早く帰ってきてね。本当に心配したんだよ。',
  hebrew: 'סבא\nשלום סבא, אני כאן ואני מחכה לך כבר שעה (123) ארוכה מאוד, ואף אחד ברחוב הזה לא פתח לי את הדלת',
  emoji: 'MIKA\nWe made it 😀👍 🔥🎬❤️',
};

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The frame's boxes (pixels darker than the panel) and text (near-white pixels), and the text's rows. */
async function readFrame(file: string) {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const lum = (x: number, y: number) => data[(y * width + x) * 3];
  const boxes: Box[] = [];
  let text: Box | null = null;
  const textRows = new Set<number>();
  const textPixels: [number, number][] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = lum(x, y);
      if (v > 200) {
        textPixels.push([x, y]);
        textRows.add(y);
        text = text ? { x0: Math.min(text.x0, x), y0: Math.min(text.y0, y), x1: Math.max(text.x1, x), y1: Math.max(text.y1, y) } : { x0: x, y0: y, x1: x, y1: y };
      }
    }
  }
  // Boxes: bands of rows in the lower half with dark pixels, as wide as their dark pixels reach.
  const dark = (x: number, y: number) => lum(x, y) < GREY[0] - 30;
  for (let y = Math.floor(height / 2); y < height; y++) {
    let x0 = -1;
    let x1 = -1;
    for (let x = 0; x < width; x++) if (dark(x, y)) (x0 = x0 < 0 ? x : x0), (x1 = x);
    if (x0 < 0 || x1 - x0 < 10) continue;
    const last = boxes[boxes.length - 1];
    if (last && last.y1 === y - 1) Object.assign(last, { y1: y, x0: Math.min(last.x0, x0), x1: Math.max(last.x1, x1) });
    else boxes.push({ x0, y0: y, x1, y1: y });
  }
  return { width, height, boxes, text, textPixels, textRows };
}

/** Runs of consecutive rows holding text inside a box: one per caption line. */
function lineBands(rows: Set<number>, box: Box): number {
  let bands = 0;
  for (let y = box.y0; y <= box.y1; y++) if (rows.has(y) && !rows.has(y - 1)) bands++;
  return bands;
}

describe('burn-ins in exported frames', { timeout: 240_000 }, () => {
  it('wrap long Latin, Japanese, Hebrew and emoji captions inside their box, line by line, with no missing glyph', async () => {
    const panels = Object.values(CAPTIONS).map((dialogue, i) => ({ rgb: GREY, durationMs: 250, dialogue, ...(i === 0 ? { sound: 'SFX: door slam 🚪' } : {}) }));
    project = await makeAnimaticProject(path.join(dir, 'captions.boardwright'), panels);
    const out = path.join(dir, 'frames');
    const r = await exportVideo(project, 'png', out, resolveOptions(project, { fps: 24, height: 720, burnIns: ['dialogue', 'sound'] }), { signal: new AbortController().signal, progress: () => {} });
    expect(r.warnings).toEqual([]);
    const t = readTimeline(project, 24);
    const frameOf = (i: number) => path.join(out, `frame-${String(t.segments[i].startFrame + 2).padStart(6, '0')}.png`);
    const artifacts = path.resolve(__dirname, '../../artifacts/animatic');
    fs.mkdirSync(artifacts, { recursive: true });

    const expectedLines = { latin: 3, japanese: 3, hebrew: 3, emoji: 2 };
    for (const [i, key] of (Object.keys(CAPTIONS) as (keyof typeof CAPTIONS)[]).entries()) {
      fs.copyFileSync(frameOf(i), path.join(artifacts, `burn-in-${key}.png`));
      const f = await readFrame(frameOf(i));
      const size = f.height * L.captionFont;
      const margin = f.height * L.margin;
      const dialogueBox = f.boxes[f.boxes.length - 1];
      expect(f.boxes, key).toHaveLength(key === 'latin' ? 2 : 1);
      // The box sits inside the picture's margins, centred, at the bottom margin.
      expect(dialogueBox.x0, key).toBeGreaterThanOrEqual(margin - 1);
      expect(dialogueBox.x1, key).toBeLessThanOrEqual(f.width - margin + 1);
      expect(Math.abs((dialogueBox.x0 + dialogueBox.x1) / 2 - f.width / 2), key).toBeLessThan(2);
      expect(Math.abs(dialogueBox.y1 - (f.height - margin)), key).toBeLessThan(2);
      // Every text pixel is inside a box, clear of its edges (no glyph cut at the box edge).
      const inset = size * 0.2;
      for (const [x, y] of f.textPixels) {
        const inBox = f.boxes.some((b) => x >= b.x0 + inset && x <= b.x1 - inset && y >= b.y0 + inset && y <= b.y1 - inset);
        if (!inBox) throw new Error(`${key}: text pixel at ${x},${y} is outside or on the edge of its box`);
      }
      // The text spans the box's width (wrapped to it, not squeezed) and has the expected number of lines.
      expect(lineBands(f.textRows, dialogueBox), key).toBe(expectedLines[key]);
      expect(Math.round((dialogueBox.y1 - dialogueBox.y0 + 1) / (size * L.lineHeight)), key).toBe(expectedLines[key] + 1); // lines plus 2 x 0.4 em padding
    }
    // The sound caption is its own box above the dialogue's.
    const latin = await readFrame(frameOf(0));
    expect(latin.boxes[0].y1).toBeLessThan(latin.boxes[1].y0);
    expect(lineBands(latin.textRows, latin.boxes[0])).toBe(1);
  });
});
