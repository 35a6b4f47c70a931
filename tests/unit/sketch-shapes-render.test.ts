import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Stroke } from '../../shared/domain/sketch';
import { PAPER, renderComposite } from '../../electron/core/media/sketch-render';
import { strokesSvg } from '../../electron/core/media/stroke-svg';

const ASPECT = 16 / 9;
const W = 1920;
const H = 1080;

async function pixels(strokes: Stroke[]) {
  const png = await renderComposite({ aspect: ASPECT, image: null, imageOpacity: 1, layers: [{ opacity: 1, strokes }] });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([W, H]);
  const at = (x: number, y: number) => {
    const i = (Math.round(y * H) * W + Math.round(x * W)) * 3;
    return [data[i], data[i + 1], data[i + 2]];
  };
  return { data, at };
}
const paper = [PAPER.r, PAPER.g, PAPER.b];
const near = (a: number[], b: number[], tol = 6) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

describe('fill and text strokes in the core renderer', () => {
  it('a fill colours the inside of its polygon (nonzero: a hole turning the other way stays paper), paper outside', async () => {
    const outer: [number, number, number][] = [[0.2, 0.2, 0.5], [0.6, 0.2, 0.5], [0.6, 0.7, 0.5], [0.2, 0.7, 0.5], [0.2, 0.2, 0.5]];
    // A hole joined by a zero-width bridge, wound the other way (as flood fill outlines are).
    const hole: [number, number, number][] = [[0.35, 0.4, 0.5], [0.35, 0.5, 0.5], [0.45, 0.5, 0.5], [0.45, 0.4, 0.5], [0.35, 0.4, 0.5]];
    const points = [...outer.slice(0, 1), ...hole, ...outer];
    const { at } = await pixels([{ id: 'f', tool: 'fill', color: '#2f6fdf', size: 0.001, opacity: 1, points }]);
    expect(near(at(0.3, 0.3), [0x2f, 0x6f, 0xdf])).toBe(true);
    expect(near(at(0.55, 0.65), [0x2f, 0x6f, 0xdf])).toBe(true);
    expect(near(at(0.4, 0.45), paper)).toBe(true); // the hole
    expect(near(at(0.1, 0.1), paper)).toBe(true);
    expect(near(at(0.7, 0.5), paper)).toBe(true);
  });

  it('a fill at half opacity is half way between paper and its colour', async () => {
    const points: [number, number, number][] = [[0.1, 0.1, 0.5], [0.9, 0.1, 0.5], [0.5, 0.9, 0.5]];
    const { at } = await pixels([{ id: 'f', tool: 'fill', color: '#000000', size: 0.001, opacity: 0.5, points }]);
    expect(near(at(0.5, 0.4), paper.map((v) => v / 2), 4)).toBe(true);
  });

  it('a text puts ink in its box (letter height = size x frame width) and none outside', async () => {
    const text: Stroke = { id: 't', tool: 'text', color: '#c8372d', size: 0.05, opacity: 1, points: [[0.1, 0.2, 0.5]], text: 'PAN LEFT' };
    const { data } = await pixels([text]);
    const size = 0.05 * W;
    // Box: from the top-left point, generously wide, one em tall.
    const box = { x0: 0.1 * W, y0: 0.2 * H, x1: 0.1 * W + 6 * size, y1: 0.2 * H + 1.05 * size };
    let inkIn = 0;
    let inkOut = 0;
    let top = Infinity;
    let bottom = -Infinity;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const i = (y * W + x) * 3;
        if (near([data[i], data[i + 1], data[i + 2]], paper, 10)) continue;
        if (x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1) inkIn++;
        else inkOut++;
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
    expect(inkIn).toBeGreaterThan(size * size * 0.5);
    expect(inkOut).toBe(0);
    // Capital letters stand about 0.71 em tall, their tops a little below the stroke's point.
    expect((bottom - top) / size).toBeGreaterThan(0.6);
    expect((bottom - top) / size).toBeLessThan(0.8);
    // Reddish ink.
    const reds = [...data].filter((_, i) => i % 3 === 0 && data[i] > 150 && data[i + 1] < 120).length;
    expect(reds).toBeGreaterThan(100);
  });

  it('the text is drawn as glyph outlines from the bundled fonts, not left to librsvg font lookup', () => {
    const svg = strokesSvg([{ id: 't', tool: 'text', color: '#000000', size: 0.05, opacity: 1, points: [[0.1, 0.2, 0.5]], text: 'Hi' }], W, H);
    expect(svg).not.toContain('<text');
    expect(svg.match(/<path transform/g)).toHaveLength(2);
  });
});
