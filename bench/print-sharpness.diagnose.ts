/**
 * Print quality of shrink-on-load: the print copies of the PDF benchmark's pictures (letter 3x2 cells)
 * made with JPEG shrink-on-load and the same made decoding each JPEG whole (the path before), compared
 * on pixel size, sharpness (mean Sobel gradient of the luminance, higher is sharper) and closeness
 * (PSNR) to a reference made without JPEG re-encoding: the whole decode Lanczos-resized to the same size.
 * Then the softness of each way on a slanted edge (tests/unit/slanted-edge.ts) stored in a scratch
 * project like a 1280 px frame. Writes a centre crop of one cell, both ways, side by side, to
 * artifacts/pdf/print-sharpness.png.
 *
 * Run after the PDF benchmark has built its project: `npm run bench -- pdf` then
 * `node dist/bench/print-sharpness.diagnose.cjs [project] [count]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { PrintCache } from '../electron/core/export/pdf/images/print-cache';
import { PrintImages, forgetPreparedImages, type PreparedImage } from '../electron/core/export/pdf/images/print-images';
import { PRINT_DPI } from '../electron/core/export/pdf/layout/cell';
import { planBoards } from '../electron/core/export/pdf/prepare';
import { Project } from '../electron/core/project';
import { DEFAULT_PDF_OPTIONS, type PdfBoardOptions } from '../shared/domain/export';
import { addImagePanels } from '../electron/core/commands/image-commands';
import { createScene } from '../electron/core/commands/scene-commands';
import { edgeRise, slantedEdgeJpeg } from '../tests/unit/slanted-edge';
import { log, median, round } from './lib/measure';

const OPTIONS: PdfBoardOptions = { ...DEFAULT_PDF_OPTIONS, grid: { cols: 3, rows: 2 }, paper: 'letter', orientation: 'landscape', date: '2025-01-01' };

async function luma(data: Buffer): Promise<{ px: Buffer; w: number; h: number }> {
  const { data: px, info } = await sharp(data).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { px, w: info.width, h: info.height };
}

/** The original Lanczos-resized to the print copy's size, never JPEG-encoded. */
async function reference(original: Buffer, img: PreparedImage): Promise<Buffer> {
  return (await luma(await sharp(original).rotate().resize(img.width, img.height, { fit: 'fill' }).png().toBuffer())).px;
}

function gradient({ px, w, h }: { px: Buffer; w: number; h: number }): number {
  let sum = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const p = (dx: number, dy: number) => px[(y + dy) * w + x + dx];
      const gx = p(1, -1) + 2 * p(1, 0) + p(1, 1) - p(-1, -1) - 2 * p(-1, 0) - p(-1, 1);
      const gy = p(-1, 1) + 2 * p(0, 1) + p(1, 1) - p(-1, -1) - 2 * p(0, -1) - p(1, -1);
      sum += Math.hypot(gx, gy);
    }
  }
  return sum / ((w - 2) * (h - 2));
}

function psnr(a: Buffer, b: Buffer): number {
  let se = 0;
  for (let i = 0; i < a.length; i++) se += (a[i] - b[i]) ** 2;
  return 10 * Math.log10((255 * 255) / (se / a.length));
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? path.resolve('dist', 'bench', 'pdf-export-2000-v1.boardwright');
  const count = Number(process.argv[3] ?? 60);
  const project = Project.open(file, { readOnly: true });
  const ops = [];
  const { doc } = await planBoards(project, OPTIONS);
  for (let i = 0; i < doc.pageCount && ops.length < count; i++) for (const op of doc.page(i).ops) if (op.op === 'image' && ops.length < count) ops.push(op);
  const make = (shrinkOnLoad: boolean) => new PrintImages(project.db, project.path, new Map(), { cache: PrintCache.disabled(), shrinkOnLoad });
  const fast = make(true);
  const whole = make(false);
  const rows: { cell: string; before: string; after: string; sharpBefore: number; sharpAfter: number; psnrBefore: number; psnrAfter: number }[] = [];
  let crop: [PreparedImage, PreparedImage] | null = null;
  for (const op of ops) {
    // One at a time: the in-memory cache is shared by key, so each way is read before the next is made.
    const after = (await fast.get(op.key, op.px))!;
    const sha = op.key.slice(4);
    const original = project.db.prepare('SELECT data FROM image_data WHERE sha256 = ?').pluck().get(sha) as Buffer;
    forgetPreparedImages();
    const before = (await whole.get(op.key, op.px))!;
    forgetPreparedImages();
    const [a, b] = [await luma(after.data), await luma(before.data)];
    rows.push({
      cell: `${Math.ceil((op.w / 72) * PRINT_DPI)}x${Math.ceil((op.h / 72) * PRINT_DPI)}`,
      before: `${before.width}x${before.height}`,
      after: `${after.width}x${after.height}`,
      sharpBefore: gradient(b),
      sharpAfter: gradient(a),
      psnrBefore: psnr(b.px, await reference(original, before)),
      psnrAfter: psnr(a.px, await reference(original, after)),
    });
    crop ??= [before, after];
  }
  fast.close();
  whole.close();
  project.close();
  const sizes = (k: 'cell' | 'before' | 'after') => [...new Set(rows.map((r) => r[k]))].join(', ');
  log(`${rows.length} pictures; cell at ${PRINT_DPI} dpi ${sizes('cell')}; print copy before ${sizes('before')}, after ${sizes('after')}`);
  const m = (k: 'sharpBefore' | 'sharpAfter' | 'psnrBefore' | 'psnrAfter') => round(median(rows.map((r) => r[k])), 2);
  const ratios = rows.map((r) => r.sharpAfter / r.sharpBefore);
  log(`sharpness (mean Sobel gradient, median): before ${m('sharpBefore')}, after ${m('sharpAfter')}; after/before median ${round(median(ratios), 3)}, lowest ${round(Math.min(...ratios), 3)}`);
  log(`PSNR to the reference (median): before ${m('psnrBefore')} dB, after ${m('psnrAfter')} dB`);
  await slantedEdge(Math.ceil((ops[0].w / 72) * PRINT_DPI));
  if (crop) {
    const out = path.resolve('artifacts', 'pdf', 'print-sharpness.png');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const cut = (img: PreparedImage) => sharp(img.data).extract({ left: Math.floor(img.width / 2) - 120, top: Math.floor(img.height / 2) - 80, width: 240, height: 160 }).resize(480, 320, { kernel: 'nearest' }).png().toBuffer();
    const [b, a] = await Promise.all(crop.map(cut));
    await sharp({ create: { width: 970, height: 320, channels: 3, background: '#ffffff' } }).composite([{ input: b, left: 0, top: 0 }, { input: a, left: 490, top: 0 }]).png().toFile(out);
    log(`centre crop, before (left) and after (right), 2x nearest: ${out}`);
  }
}

async function slantedEdge(px: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-print-sharpness-'));
  const project = Project.create(path.join(dir, 'edge.boardwright'), { title: 'Edge', aspectRatio: '2.39' });
  await addImagePanels(project, { sceneId: createScene(project, {}).id, files: [{ bytes: await slantedEdgeJpeg(1280, 536), name: null }] });
  const sha = project.db.prepare('SELECT sha256 FROM images').pluck().get() as string;
  for (const shrinkOnLoad of [false, true]) {
    forgetPreparedImages();
    const images = new PrintImages(project.db, project.path, new Map(), { cache: PrintCache.disabled(), shrinkOnLoad });
    const img = (await images.get(`sha:${sha}`, px))!;
    images.close();
    const { rise, overshoot } = await edgeRise(img.data, 1280);
    log(`slanted edge, ${shrinkOnLoad ? 'after (shrink-on-load)' : 'before (decoded whole)'}: ${img.width}x${img.height}, 10-90% rise ${round(rise, 2)} px, overshoot ${round(overshoot * 100, 1)}%`);
  }
  project.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
