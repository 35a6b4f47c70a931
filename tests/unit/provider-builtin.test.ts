import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BuiltinProvider } from '../../electron/core/providers/builtin';
import { sketchSvg } from '../../electron/core/providers/builtin/render';
import { readShot } from '../../electron/core/providers/builtin/shot';
import { stage } from '../../electron/core/providers/builtin/staging';
import { rejectionOf, testContext, testDeps } from '../fakes/provider-kit';

const provider = new BuiltinProvider(testDeps().deps);

async function sketch(params: Record<string, unknown>, seed: number, count = 1, size: [number, number] = [640, 360]) {
  return provider.generate({ prompt: '', count, seed, width: size[0], height: size[1], aspectRatio: `${size[0]}:${size[1]}`, params }, testContext().ctx);
}

/** The bounding box of the figure graphite (the darkest pencil: set, grid and captions are lighter). */
async function inkBox(png: Buffer) {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (data[y * info.width + x] < 80) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
  }
  return maxX < 0 ? { width: 0, height: 0, area: 0 } : { width: maxX - minX + 1, height: maxY - minY + 1, area: (maxX - minX + 1) * (maxY - minY + 1) };
}

describe('the built-in blocking sketcher', () => {
  it('draws the same PNG for the same seed and a different one for another seed', async () => {
    const shot = { shotSize: 'MS', angle: 'eye level', lensMm: 35, characters: ['Mara', 'Jonah'] };
    const [a] = await sketch(shot, 7);
    const [b] = await sketch(shot, 7);
    const [c] = await sketch(shot, 8);
    expect(a.data.equals(b.data)).toBe(true);
    expect(a.data.equals(c.data)).toBe(false);
    const meta = await sharp(a.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 640, 360]);
  });

  it('makes `count` variations on consecutive seeds, each different, and records the shot it drew', async () => {
    const images = await sketch({ shotSize: 'wide', angle: 'low angle', lensMm: 24, characters: ['Mara'] }, 100, 4);
    expect(images.map((i) => i.seed)).toEqual([100, 101, 102, 103]);
    expect(new Set(images.map((i) => i.data.toString('base64'))).size).toBe(4);
    expect(images[0]).toMatchObject({
      mime: 'image/png',
      providerModel: 'boardwright-blocking-1',
      costUsd: 0,
      params: { shotSize: 'WS', angle: 'low', lensMm: 24, characters: ['Mara'], width: 640, height: 360 },
    });
  });

  it('shot size sets the subject\'s scale in frame: EWS < WS < MS < CU', async () => {
    for (const seed of [1, 2, 3]) {
      const boxes = [];
      for (const size of ['EWS', 'WS', 'MS', 'CU']) boxes.push(await inkBox((await sketch({ shotSize: size, angle: 'eye level', lensMm: 35 }, seed))[0].data));
      const areas = boxes.map((b) => b.area);
      expect(areas[0]).toBeGreaterThan(0);
      expect(areas[0]).toBeLessThan(areas[1]);
      expect(areas[1]).toBeLessThan(areas[2]);
      expect(areas[2]).toBeLessThan(areas[3]);
      expect(boxes[0].height).toBeLessThan(360 * 0.25); // an extreme wide: a small figure in a big world
    }
  });

  it('angle sets the horizon: high looks down (horizon high or above the frame), low looks up (horizon low)', () => {
    for (const seed of [1, 2, 3, 4]) {
      const horizonY = (angle: string) => {
        const st = stage(readShot({ shotSize: 'WS', angle, lensMm: 35 }), 640, 360, () => ((seed * 9301 + 49297) % 233280) / 233280);
        const h = st.camera.horizon();
        return h ? (h[0].y + h[1].y) / 2 : -Infinity;
      };
      expect(horizonY('high')).toBeLessThan(360 * 0.35);
      expect(horizonY('low')).toBeGreaterThan(360 * 0.6);
      expect(horizonY('high')).toBeLessThan(horizonY('eye level'));
      expect(horizonY('eye level')).toBeLessThan(horizonY('low'));
    }
  });

  it('a dutch angle rolls the horizon', () => {
    const st = stage(readShot({ shotSize: 'MS', angle: 'dutch', lensMm: 35 }), 640, 360, () => 0.3);
    const [a, b] = st.camera.horizon()!;
    expect(Math.abs(Math.atan2(b.y - a.y, b.x - a.x)) * (180 / Math.PI)).toBeGreaterThan(10);
  });

  it('lens sets the field of view: for the same framing an 18 mm stands much closer than an 85 mm', () => {
    const rnd = () => 0.5;
    const distance = (lensMm: number) => {
      const st = stage(readShot({ shotSize: 'MS', angle: 'eye level', lensMm }), 640, 360, rnd);
      return Math.hypot(st.camera.position[0], st.camera.position[2]);
    };
    expect(distance(85) / distance(18)).toBeCloseTo(85 / 18, 0);
  });

  it('labels the characters named in the shot, in capitals, with the shot in the caption', () => {
    const svg = sketchSvg(readShot({ shotSize: 'OTS', angle: 'high', lensMm: 50, characters: ['Mara', 'Jonah <b>'] }), 640, 360, 3);
    expect(svg).toContain('>MARA</text>');
    expect(svg).toContain('>JONAH &lt;B&gt;</text>'); // escaped, not markup
    expect(svg).toContain('OTS  ·  HIGH ANGLE  ·  50 mm');
    expect(svg).toContain('font-family="sans-serif"');
  });

  it('caps the size at 2048 px on the long side and honours cancellation', async () => {
    const [big] = await sketch({}, 1, 1, [4096, 1714]);
    const meta = await sharp(big.data).metadata();
    expect([meta.width, meta.height]).toEqual([2048, 857]);
    const ac = new AbortController();
    ac.abort();
    const err = await rejectionOf(provider.generate({ prompt: '', count: 2, width: 64, height: 64, aspectRatio: '1:1' }, testContext({ signal: ac.signal }).ctx));
    expect(err.kind).toBe('CANCELLED');
  });

  it('needs no configuration', async () => {
    expect(await provider.testConnection()).toMatchObject({ ok: true });
  });

  it('draws at the project\'s exact aspect ratio, whatever size the request was rounded to', async () => {
    const [img] = await provider.generate({ prompt: '', count: 1, seed: 1, width: 1024, height: 448, aspectRatio: '2.39:1', params: {} }, testContext().ctx);
    const meta = await sharp(img.data).metadata();
    expect([meta.width, meta.height]).toEqual([1024, 428]);
    expect(img.params).toMatchObject({ width: 1024, height: 428 });
  });

  it('labels only the shot facts the panel set, never the defaults it drew with', () => {
    const bare = sketchSvg(readShot({}), 640, 360, 3);
    expect(bare).not.toMatch(/EYE LEVEL|35 mm|>MS/);
    const lensOnly = sketchSvg(readShot({ lensMm: 85 }), 640, 360, 3);
    expect(lensOnly).toContain('85 mm');
    expect(lensOnly).not.toMatch(/EYE LEVEL|MS  ·/);
    expect(sketchSvg(readShot({ shotSize: 'CU', angle: 'low', lensMm: 50 }), 640, 360, 3)).toContain('CU  ·  LOW ANGLE  ·  50 mm');
  });
});
