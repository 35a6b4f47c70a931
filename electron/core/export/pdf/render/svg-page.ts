import type { DrawOp, PageModel } from '../model';
import type { Face, FontBook } from '../text/font-book';
import type { PreparedImage } from '../images/print-images';
import { placePicture } from './picture-placement';
import { shapeRun } from '../text/shaping';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const n = (v: number) => Math.round(v * 100) / 100;

/**
 * A page model as SVG, for the export dialog's preview. Text is drawn as the same fonts' glyph
 * outlines (no system fonts involved), so the preview matches the PDF line for line.
 */
export function pageSvg(page: PageModel, book: FontBook, images: Map<DrawOp, PreparedImage | null>, scale: number): string {
  const faces = new Map<string, Face>(book.allFaces().map((f) => [f.key, f]));
  const glyphIds = new Map<string, string>();
  const defs: string[] = [];
  const body: string[] = [];
  const glyphRef = (face: Face, glyph: { id: number; path: { toSVG(): string } }) => {
    const key = `${face.key}:${glyph.id}`;
    let id = glyphIds.get(key);
    if (!id) {
      id = `g${glyphIds.size}`;
      glyphIds.set(key, id);
      defs.push(`<path id="${id}" d="${glyph.path.toSVG()}"/>`);
    }
    return id;
  };
  for (const op of page.ops) {
    switch (op.op) {
      case 'rect':
        body.push(`<rect x="${n(op.x)}" y="${n(op.y)}" width="${n(op.w)}" height="${n(op.h)}" fill="${op.fill ?? 'none'}"${op.stroke ? ` stroke="${op.stroke}" stroke-width="${op.lineWidth ?? 1}"` : ''}/>`);
        break;
      case 'path': {
        const tag = op.closed ? 'polygon' : 'polyline';
        const pts = op.points.map((p) => `${n(p[0])},${n(p[1])}`).join(' ');
        const dash = op.dash ? ` stroke-dasharray="${op.dash.join(' ')}"` : '';
        const opacity = op.opacity !== undefined ? ` opacity="${op.opacity}"` : '';
        body.push(`<${tag} points="${pts}" fill="${op.fill ?? 'none'}" stroke="${op.stroke ?? 'none'}" stroke-width="${op.lineWidth ?? 1}" stroke-linecap="round" stroke-linejoin="round"${dash}${opacity}/>`);
        break;
      }
      case 'image': {
        const img = images.get(op) ?? null;
        if (!img) {
          body.push(`<rect x="${n(op.x)}" y="${n(op.y)}" width="${n(op.w)}" height="${n(op.h)}" fill="#eef0f3"/>`);
          break;
        }
        const place = placePicture(op, img.width, img.height);
        if (!place || place.bars) body.push(`<rect x="${n(op.x)}" y="${n(op.y)}" width="${n(op.w)}" height="${n(op.h)}" fill="${op.background}"/>`);
        if (!place) break;
        const { image: r, clip: c } = place;
        const image = `<image x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" preserveAspectRatio="none" xlink:href="data:image/jpeg;base64,${img.data.toString('base64')}"/>`;
        // A crop: a nested viewport of the frame's own coordinates clips the picture to it.
        body.push(c ? `<svg x="${n(c.x)}" y="${n(c.y)}" width="${n(c.w)}" height="${n(c.h)}" viewBox="${n(c.x)} ${n(c.y)} ${n(c.w)} ${n(c.h)}" overflow="hidden">${image}</svg>` : image);
        break;
      }
      case 'text':
        for (const run of op.runs) {
          const face = faces.get(run.face);
          if (!face) continue;
          const s = op.size / face.font.unitsPerEm;
          const laid = shapeRun(face, run.text, run.rtl === true);
          let pen = 0;
          const uses: string[] = [];
          laid.glyphs.forEach((g, i) => {
            const pos = laid.positions[i];
            uses.push(`<use xlink:href="#${glyphRef(face, g)}" x="${pen + pos.xOffset}" y="${pos.yOffset}"/>`);
            pen += pos.xAdvance;
          });
          body.push(`<g transform="translate(${n(op.x + run.dx)} ${n(op.y)}) scale(${s} ${-s})" fill="${run.color}">${uses.join('')}</g>`);
        }
        break;
    }
  }
  const w = Math.round(page.width * scale);
  const h = Math.round(page.height * scale);
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${page.width} ${page.height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/><defs>${defs.join('')}</defs>${body.join('')}</svg>`;
}
