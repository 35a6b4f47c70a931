/**
 * Issue 14: the built-in clip of a panel with several depth planes (its reference picture and sketch
 * layers) moves them by different amounts (a subtle parallax); a picture of one plane moves as one.
 * Measured on frames decoded from the clip: where distinct-colour marks of each plane are.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { LayerRole, Stroke } from '../../shared/domain/sketch';
import type { CameraFraming, TimelineSegment } from '../../shared/domain/animatic';
import { requireFfmpeg } from '../../electron/core/animatic/ffmpeg';
import { setPanelFraming } from '../../electron/core/animatic/framing-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { addStroke } from '../../electron/core/commands/sketch-commands';
import { changeLayer } from '../../electron/core/sketch/layer-commands';
import { virtualLayerId } from '../../electron/core/sketch/layer-ids';
import { BACK_TRAVEL } from '../../electron/core/motion/builtin/parallax-composer';
import { drawInk, inkBands, over } from '../../electron/core/motion/builtin/sparse-plane';
import { drawRegion, loadSource, planRegion } from '../../electron/core/animatic/picture-source';
import { BuiltinMotionProvider } from '../../electron/core/motion/builtin';
import { prepareClip } from '../../electron/core/motion/clip-probe';
import { recordMotionJob } from '../../electron/core/motion/motion-jobs';
import { frontFrom } from '../../electron/core/motion/motion-planes';
import { panelVideoRequest } from '../../electron/core/motion/motion-request';
import type { VideoRequest } from '../../electron/core/motion/video-provider';
import type { Project } from '../../electron/core/project';
import { testContext } from '../fakes/provider-kit';
import { newProject } from './edit-helpers';

type Rgb = [number, number, number];
type Is = (c: Rgb) => boolean;
const isRed: Is = ([r, g, b]) => r > 150 && g < 90 && b < 90;
const isBlue: Is = ([r, g, b]) => b > 150 && r < 90 && g < 90;
const isGreen: Is = ([r, g, b]) => g > 150 && r < 90 && b < 90;
const isYellow: Is = ([r, g, b]) => r > 150 && g > 150 && b < 90;
const isBlack: Is = ([r, g, b]) => r < 40 && g < 40 && b < 40;

/** A filled square of a sketch layer, centred at (x, y) in frame fractions, `side` of the frame's height. */
const square = (x: number, y: number, color: string, side = 0.1): Omit<Stroke, 'id'> => {
  const hw = (side * 9) / 16 / 2;
  const hh = side / 2;
  return { tool: 'fill', color, size: 0.001, opacity: 1, points: [[x - hw, y - hh, 0], [x + hw, y - hh, 0], [x + hw, y + hh, 0], [x - hw, y + hh, 0]] };
};

/** Where the marks are (frame fractions): in view all through the pan, apart enough that the ink never passes over the red mark. */
const RED_X = 0.445;
const INK_X = 0.555;

/** The reference picture: mid grey (so an uncovered edge would show black), a red square centred at `red` (frame fractions). */
const reference = (red = { x: RED_X, y: 0.5 }) =>
  sharp({ create: { width: 1280, height: 720, channels: 3, background: { r: 128, g: 128, b: 128 } } })
    .composite([{ input: { create: { width: 64, height: 72, channels: 3, background: { r: 220, g: 30, b: 30 } } }, left: Math.round(red.x * 1280) - 32, top: Math.round(red.y * 720) - 36 }])
    .png()
    .toBuffer();

/** A pan from the left of the picture to its right, half its size: 0.3 of the picture's width of travel. */
const PAN: CameraFraming = { start: { x: 0.1, y: 0.25, w: 0.5, h: 0.5 }, end: { x: 0.4, y: 0.25, w: 0.5, h: 0.5 } };

const projects: Project[] = [];
afterEach(() => {
  for (const p of projects.splice(0)) p.close();
});

async function panel(opts: { image?: boolean; framing?: CameraFraming | null; red?: { x: number; y: number } } = {}): Promise<{ p: Project; panelId: string }> {
  const p = newProject('Parallax');
  projects.push(p);
  const panelId = createPanel(p, { sceneId: createScene(p, {}).id }).id;
  if (opts.image !== false) await setPanelImage(p, panelId, await reference(opts.red), 'reference.png');
  if (opts.framing !== null) setPanelFraming(p, panelId, opts.framing ?? PAN);
  return { p, panelId };
}

const caps = new BuiltinMotionProvider().capabilities();
const requestOf = async (p: Project, panelId: string) => (await panelVideoRequest(p, panelId, 'builtin', caps, { seconds: 1 })).request;

/** Renders the request with the built-in provider; the clip's frames as RGB. */
async function render(request: VideoRequest): Promise<{ frames: { data: Buffer; width: number; height: number }[]; sent: Record<string, unknown> }> {
  const provider = new BuiltinMotionProvider();
  const { ctx } = testContext({ timeoutMs: 60_000 });
  const sub = await provider.submit(request, ctx);
  const clip = await prepareClip(await provider.download({ uri: '' }, sub.remoteId), 'clip.mp4');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-parallax-'));
  try {
    fs.writeFileSync(path.join(dir, 'c.mp4'), clip.data);
    execFileSync(await requireFfmpeg(), ['-v', 'error', '-i', path.join(dir, 'c.mp4'), path.join(dir, 'f%03d.png')]);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    const frames = await Promise.all(files.map(async (f) => {
      const { data, info } = await sharp(path.join(dir, f)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height };
    }));
    expect(frames.length).toBe(clip.frames);
    return { frames, sent: sub.sent };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Frame = { data: Buffer; width: number; height: number };
const pixel = (f: Frame, x: number, y: number): Rgb => {
  const i = (y * f.width + x) * 3;
  return [f.data[i], f.data[i + 1], f.data[i + 2]];
};

/** Centre of the pixels of a colour, in output pixels; null when there are none. */
function markAt(f: Frame, is: Is): { x: number; y: number; n: number } | null {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = 0; y < f.height; y++) {
    for (let x = 0; x < f.width; x++) {
      if (is(pixel(f, x, y))) {
        sx += x;
        sy += y;
        n++;
      }
    }
  }
  return n > 20 ? { x: sx / n, y: sy / n, n } : null;
}

/** How far a mark moved from the first frame to the last, in output pixels. */
function travel(frames: Frame[], is: Is): { dx: number; dy: number } {
  const a = markAt(frames[0], is);
  const b = markAt(frames[frames.length - 1], is);
  if (!a || !b) throw new Error('mark not found on the first or last frame');
  return { dx: b.x - a.x, dy: b.y - a.y };
}

/** True when any pixel along the frame's four edges is near black (an uncovered border). */
function blackEdge(f: Frame): boolean {
  for (let x = 0; x < f.width; x++) if (isBlack(pixel(f, x, 0)) || isBlack(pixel(f, x, f.height - 1))) return true;
  for (let y = 0; y < f.height; y++) if (isBlack(pixel(f, 0, y)) || isBlack(pixel(f, f.width - 1, y))) return true;
  return false;
}

describe('built-in motion provider: parallax of the sketch layers', () => {
  it('moves the ink over the reference picture: the ink follows the pan, the picture behind makes a share of its travel', async () => {
    const { p, panelId } = await panel();
    await addStroke(p, panelId, square(INK_X, 0.5, '#1e1edc'), virtualLayerId('ink'));
    const request = await requestOf(p, panelId);
    expect(request.planes?.map((pl) => [pl.name, pl.depth])).toEqual([['Reference', 0], ['Ink', 1]]);

    // The job keeps the planes' names, never their bytes.
    const jobId = recordMotionJob(p.db, new BuiltinMotionProvider(), panelId, request);
    const kept = p.db.prepare('SELECT request FROM motion_jobs WHERE id = ?').pluck().get(jobId) as string;
    expect(JSON.parse(kept).planes).toEqual(['Reference', 'Ink']);
    expect(kept.length).toBeLessThan(2000);

    const parallax = await render(request);
    expect(parallax.sent).toMatchObject({ parallax: ['Reference', 'Ink'], framing: PAN });
    const ink = travel(parallax.frames, isBlue);
    const picture = travel(parallax.frames, isRed);
    // The pan crosses 0.3 of the picture's width, shown at 0.5 of it per 1280-pixel frame: 768 pixels leftwards.
    const pan = -(0.3 / 0.5) * parallax.frames[0].width;
    expect(ink.dx).toBeCloseTo(pan, -1);
    expect(picture.dx).toBeCloseTo(pan * BACK_TRAVEL, -1);
    expect(Math.abs(ink.dx - picture.dx)).toBeGreaterThan(60); // subtle, but plainly more than noise
    expect(Math.abs(ink.dy) + Math.abs(picture.dy)).toBeLessThan(2);
    // The first frame is the panel's flattened picture: the marks sit where the plain clip has them.
    const { planes: _planes, ...flat } = request;
    const plain = await render(flat);
    for (const is of [isBlue, isRed]) {
      const [a, b] = [markAt(parallax.frames[0], is)!, markAt(plain.frames[0], is)!];
      expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeLessThan(1.5);
    }
    // The same picture flattened (what a remote provider gets) moves as one.
    expect(Math.abs(travel(plain.frames, isBlue).dx - travel(plain.frames, isRed).dx)).toBeLessThan(2);
    expect(plain.sent.parallax).toBeUndefined();
    // No frame shows an uncovered (black) edge.
    expect(parallax.frames.filter(blackEdge)).toEqual([]);
  }, 120_000);

  it('leaves hidden layers and the notes out of the planes and the clip; two drawn layers on paper move apart', async () => {
    const { p, panelId } = await panel({ image: false });
    await addStroke(p, panelId, square(RED_X, 0.5, '#dc1e1e'), virtualLayerId('fill'));
    await addStroke(p, panelId, square(INK_X, 0.5, '#1e1edc'), virtualLayerId('ink'));
    await addStroke(p, panelId, square(0.5, 0.35, '#1ec81e'), virtualLayerId('notes'));
    await addStroke(p, panelId, square(0.5, 0.65, '#e6dc14'), virtualLayerId('pencil'));
    await changeLayer(p, panelId, virtualLayerId('pencil'), { visible: false });
    const request = await requestOf(p, panelId);
    expect(request.planes?.map((pl) => [pl.name, pl.depth])).toEqual([['Paper + Fill', 0], ['Ink', 1]]);
    const { frames } = await render(request);
    for (const f of [frames[0], frames[12], frames[frames.length - 1]]) {
      expect(markAt(f, isGreen)).toBeNull();
      expect(markAt(f, isYellow)).toBeNull();
    }
    const pan = -(0.3 / 0.5) * frames[0].width;
    expect(travel(frames, isBlue).dx).toBeCloseTo(pan, -1);
    expect(travel(frames, isRed).dx).toBeCloseTo(pan * BACK_TRAVEL, -1);
    expect(frames.filter(blackEdge)).toEqual([]);
  }, 120_000);

  it('draws two planes: the reference with the layers under the lines (fill), and the line layers (pencil, ink) on a transparent plane', async () => {
    const { p, panelId } = await panel();
    await addStroke(p, panelId, square(0.2, 0.5, '#dc1e1e'), virtualLayerId('fill'));
    await addStroke(p, panelId, square(0.5, 0.5, '#1ec81e'), virtualLayerId('pencil'));
    await addStroke(p, panelId, square(0.8, 0.5, '#1e1edc'), virtualLayerId('ink'));
    const planes = (await requestOf(p, panelId)).planes!;
    expect(planes.map((pl) => [pl.name, pl.depth])).toEqual([['Reference + Fill', 0], ['Pencil + Ink', 1]]);
    const decoded = await Promise.all(planes.map(async (pl) => {
      const { data, info } = await sharp(pl.image.data).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      return { data, info };
    }));
    expect(new Set(decoded.map((d) => `${d.info.width}x${d.info.height}`)).size).toBe(1);
    const { width, height } = decoded[0].info;
    const at = (k: number, x: number, y: number) => {
      const i = (Math.round(y * height) * width + Math.round(x * width)) * 4;
      return [...decoded[k].data.subarray(i, i + 4)];
    };
    expect(at(0, 0.05, 0.05)).toEqual([128, 128, 128, 255]); // the reference, opaque
    expect(isRed(at(0, 0.2, 0.5) as Rgb)).toBe(true); // the fill, with it
    expect(at(0, 0.5, 0.5)).toEqual([128, 128, 128, 255]);
    expect(at(1, 0.2, 0.5)[3]).toBe(0);
    expect(at(1, 0.5, 0.5)[3]).toBe(255);
    expect(at(1, 0.8, 0.5)[3]).toBe(255);
    expect(at(1, 0.05, 0.05)[3]).toBe(0);
  });

  it('splits the layers at the first line layer, keeping a layer in front (and one behind on bare paper)', () => {
    const roles = (...r: LayerRole[]) => r.map((role) => ({ role }));
    expect(frontFrom(roles('ink'), true)).toBe(0);
    expect(frontFrom(roles('fill'), true)).toBe(0);
    expect(frontFrom(roles('fill', 'ink'), true)).toBe(1);
    expect(frontFrom(roles('fill', 'tone', 'pencil', 'ink', 'custom'), true)).toBe(2);
    expect(frontFrom(roles('pencil', 'ink'), true)).toBe(0);
    expect(frontFrom(roles('pencil', 'ink'), false)).toBe(1);
    expect(frontFrom(roles('fill', 'tone'), false)).toBe(1);
    expect(frontFrom(roles('fill', 'tone', 'custom', 'custom'), true)).toBe(2);
  });

  it('a picture of one plane (the reference alone, or one drawn layer) renders the plain camera move', async () => {
    const alone = await panel();
    await addStroke(alone.p, alone.panelId, square(0.5, 0.35, '#1ec81e'), virtualLayerId('notes')); // notes never print
    const request = await requestOf(alone.p, alone.panelId);
    expect(request.planes).toBeUndefined();
    const { frames, sent } = await render(request);
    expect(sent.parallax).toBeUndefined();
    expect(travel(frames, isRed).dx).toBeCloseTo(-(0.3 / 0.5) * frames[0].width, -1);

    const drawn = await panel({ image: false });
    await addStroke(drawn.p, drawn.panelId, square(RED_X, 0.5, '#dc1e1e'), virtualLayerId('ink'));
    expect((await requestOf(drawn.p, drawn.panelId)).planes).toBeUndefined();
  }, 120_000);

  it('a static panel gets its push in with parallax, the frame covered to its edges throughout', async () => {
    const { p, panelId } = await panel({ framing: null, red: { x: 0.12, y: 0.2 } });
    await addStroke(p, panelId, square(0.88, 0.8, '#1e1edc'), virtualLayerId('ink'));
    const request = await requestOf(p, panelId);
    const { planes: _planes, ...flat } = request;
    const [parallax, plain] = [await render(request), await render(flat)];
    expect(parallax.frames.length).toBe(24);
    expect(parallax.frames.filter(blackEdge)).toEqual([]);
    // Pushing in, marks off-centre move outwards: the ink (front) as in the plain push in, the picture's mark (back) less far.
    const ink = [travel(parallax.frames, isBlue), travel(plain.frames, isBlue)];
    const picture = [travel(parallax.frames, isRed), travel(plain.frames, isRed)];
    expect(ink[1].dx).toBeGreaterThan(60);
    expect(Math.hypot(ink[0].dx - ink[1].dx, ink[0].dy - ink[1].dy)).toBeLessThan(2);
    expect(picture[1].dx).toBeLessThan(-60);
    expect(picture[0].dx / picture[1].dx).toBeGreaterThan(0.7);
    expect(picture[0].dx / picture[1].dx).toBeLessThan(0.9);
    expect(picture[0].dy / picture[1].dy).toBeLessThan(0.9);
  }, 120_000);

  it('draws a sketch plane only where it has ink, to exactly the pixels of drawing it whole', async () => {
    // Two strokes far apart on a transparent 1920x1080 plane, seen through a framing that scales it by an odd amount.
    const marks = [square(0.2, 0.3, '#1e1edc', 0.05), { ...square(0.7, 0.8, '#dc1e1e', 0.03), opacity: 0.6 }];
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080">${marks
      .map((m) => `<polygon fill="${m.color}" fill-opacity="${m.opacity}" points="${m.points.map(([x, y]) => `${x * 1920},${y * 1080}`).join(' ')}"/>`)
      .join('')}</svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    const framing: CameraFraming = { start: { x: 0.05, y: 0.1, w: 0.8, h: 0.8 }, end: { x: 0.1, y: 0.1, w: 0.7, h: 0.7 } };
    const picture = { width: 1280, height: 720 };
    const src = await loadSource({ framing } as TimelineSegment, png, picture, true);
    const bands = inkBands(src.data, src.width, src.height);
    expect(bands.length).toBe(2);
    for (const rect of [framing.start, { x: 0.0731, y: 0.1027, w: 0.7533, h: 0.7533 }, framing.end]) {
      const plan = planRegion(src, rect, picture)!;
      const whole = await drawRegion(src, plan).raw().toBuffer();
      const base = () => Buffer.alloc(plan.width * plan.height * 3, 128);
      const [a, b] = [base(), base()];
      over(a, plan.width, { data: whole, width: plan.width, height: plan.height, left: 0, top: 0 });
      const parts = await drawInk(src, plan, bands);
      for (const part of parts) over(b, plan.width, part);
      expect(b.equals(a)).toBe(true);
      expect(a.equals(base())).toBe(false);
      // The parts are a small share of the region: the empty plane is not resized.
      expect(parts.reduce((n, p) => n + p.width * p.height, 0)).toBeLessThan(0.1 * plan.width * plan.height);
    }
  });
});
