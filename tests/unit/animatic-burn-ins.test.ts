import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportVideo, resolveOptions } from '../../electron/core/animatic/video-export';
import { readTimeline } from '../../electron/core/animatic/timeline';
import type { Project } from '../../electron/core/project';
import { BURN_IN_LAYOUT as L } from '../../shared/domain/burn-in-layout';
import { tempDir } from './helpers';
import { makeAnimaticProject } from './animatic-helpers';
import { CAPTIONS, GREY, readCaptions } from './burn-in-helpers';

const dir = tempDir('bw-burn-ins-');
let project: Project | null = null;
afterAll(() => project?.close());


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
      const f = await readCaptions(frameOf(i));
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
      expect(f.lines[f.lines.length - 1], key).toBe(expectedLines[key]);
      expect(Math.round((dialogueBox.y1 - dialogueBox.y0 + 1) / (size * L.lineHeight)), key).toBe(expectedLines[key] + 1); // lines plus 2 x 0.4 em padding
    }
    // The sound caption is its own box above the dialogue's.
    const latin = await readCaptions(frameOf(0));
    expect(latin.boxes[0].y1).toBeLessThan(latin.boxes[1].y0);
    expect(latin.lines[0]).toBe(1);
  });
});
