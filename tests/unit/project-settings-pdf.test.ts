import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PDF_OPTIONS, type PdfBoardOptions } from '../../shared/domain/export';
import { addImagePanels } from '../../electron/core/commands/image-commands';
import { updateProject } from '../../electron/core/commands/project-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { exportPdfBoards } from '../../electron/core/export/pdf/export-boards';
import type { Box } from '../../electron/core/export/pdf/model';
import { planBoards } from '../../electron/core/export/pdf/prepare';
import { renderPreview } from '../../electron/core/export/pdf/preview';
import { Project } from '../../electron/core/project';
import { renderPages } from './export-helpers';
import { tempDir } from './helpers';

type Rgb = [number, number, number];
const ORANGE: Rgb = [240, 130, 30];
const GREEN: Rgb = [40, 180, 60];
const options: PdfBoardOptions = { ...DEFAULT_PDF_OPTIONS, date: '2025-03-14' };
const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** A 16:9 picture: orange, with green bands along its top and bottom (11 % each: a 2.39 centre crop cuts 12.8 %). */
function bandedPicture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360">
    <rect width="640" height="360" fill="rgb(${GREEN})"/><rect y="40" width="640" height="280" fill="rgb(${ORANGE})"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The mean colour of a small square of a PNG around a point. */
async function colourAt(png: Buffer | string, x: number, y: number): Promise<Rgb> {
  const region = { left: Math.round(x - 2), top: Math.round(y - 2), width: 4, height: 4 };
  const s = await sharp(await sharp(png).extract(region).png().toBuffer()).stats();
  return [0, 1, 2].map((c) => Math.round(s.channels[c].mean)) as Rgb;
}

/** Colours just inside the top edge (middle) and the left edge (middle) of the picture frame, at `scale` pixels per point. */
async function edges(png: Buffer | string, f: Box, scale: number): Promise<{ top: Rgb; left: Rgb }> {
  return {
    top: await colourAt(png, (f.x + f.w / 2) * scale, (f.y + f.h * 0.05) * scale),
    left: await colourAt(png, (f.x + f.w * 0.03) * scale, (f.y + f.h / 2) * scale),
  };
}

describe('PDF boards after a change of aspect ratio', () => {
  it('print (and preview) a crop-centre picture filling the 2.39 frame; a letterboxed one whole, with bars', async () => {
    const dir = tempDir('bw-settings-pdf-');
    const project = Project.create(path.join(dir, 'print.boardwright'), { title: 'Print', aspectRatio: '16:9' });
    const scene = createScene(project, { patch: { heading: 'INT. PRINT - DAY' } });
    await addImagePanels(project, { sceneId: scene.id, files: [{ bytes: await bandedPicture(), name: 'banded.png' }] });

    const looks: Record<string, { pdf: { top: Rgb; left: Rgb }; preview: { top: Rgb; left: Rgb } }> = {};
    for (const fit of ['crop', 'letterbox'] as const) {
      updateProject(project, { aspectRatio: '2.39', fit });
      const frame = (await planBoards(project, options)).doc.page(0).ops.find((o) => o.op === 'image') as Box;
      expect(frame.w / frame.h).toBeCloseTo(2.39, 2);
      const file = path.join(dir, `${fit}.pdf`);
      await exportPdfBoards(project, file, options);
      const [png] = renderPages(file, `project-settings-${fit}`, 1, 1, 144);
      const preview = (await renderPreview(project, options, 1)).pages[0];
      const page = (await planBoards(project, options)).doc.page(0);
      const previewPng = Buffer.from(preview.dataUrl.split(',')[1], 'base64');
      looks[fit] = { pdf: await edges(png, frame, 2), preview: await edges(previewPng, frame, preview.width / page.width) };
      project.undo();
    }
    for (const where of ['pdf', 'preview'] as const) {
      // Crop centre: the orange middle reaches the frame's top and sides.
      expect(distance(looks.crop[where].top, ORANGE), `${where} crop top`).toBeLessThan(40);
      expect(distance(looks.crop[where].left, ORANGE), `${where} crop left`).toBeLessThan(40);
      // Letterbox: the whole picture (its green band at the top), bars at the sides.
      expect(distance(looks.letterbox[where].top, GREEN), `${where} letterbox top`).toBeLessThan(40);
      expect(distance(looks.letterbox[where].left, ORANGE), `${where} letterbox left`).toBeGreaterThan(100);
    }
    project.close();
  });
});
