// Drawing one storyboard panel: the set, props and figures in depth order, then notation, then JPEG.
import sharp from 'sharp';
import { W, H, NEAR, tone, mulberry32 } from './canvas';
import { type V3, type P2, add, scale, cross, norm } from './vectors';
import { Camera } from './camera';
import { Sketch } from './sketch';
import type { Floor } from './solids';
import { TABLE } from './set';
import { roomShell, roomCutaway, moonlight, tableMoonlight, windowWall, clock, hallDoor, pantryDoor } from './room';
import { fridge, counters, table, chair, lamp, cake, milk, fork } from './props';
import { BUILDS } from './figure-builds';
import { figure } from './figure';
import { figureFromAbove } from './figure-from-above';
import { moveNotation } from './camera-moves';
import type { Shot } from './shots';

function horizon(sk: Sketch): void {
  const cam = sk.cam;
  const fwd = norm([cam.F[0], 0, cam.F[2]]);
  if (!Number.isFinite(fwd[0])) return;
  const side = norm(cross([0, 1, 0], fwd));
  const far = add(cam.pos, scale(fwd, 1000));
  const a = cam.project(add(far, scale(side, -2000)));
  const b = cam.project(add(far, scale(side, 2000)));
  if (a && b) sk.line2(a, b, 0.5, 0.35);
}

/** Draws one panel; `seed` keeps every pencil wobble the same from run to run. */
export function drawShot(shot: Shot, seed: number): string {
  const cam = new Camera(shot.camera);
  const sk = new Sketch(cam, mulberry32(seed));
  if (shot.cutaway) roomCutaway(sk);
  else roomShell(sk);
  if (!shot.cutaway) {
    windowWall(sk);
    clock(sk);
    hallDoor(sk);
  }
  const lurker = shot.lurker
    ? (s: Sketch) => figure(s, { who: 'grandpa', at: [2.2, 6.4], tone: 0.93, silhouette: true })
    : null;
  if (!shot.cutaway) pantryDoor(sk, lurker);
  moonlight(sk, !shot.cutaway);

  if (!shot.cutaway && !shot.fridgeInterior && shot.patch.shotSize !== 'INSERT') horizon(sk);
  type Item = { depth: number; draw: () => void };
  const items: Item[] = [];
  const at = (p: V3, draw: () => void) => items.push({ depth: cam.depth(p), draw });
  at([-2.64, 0.9, 5.3], () => fridge(sk, shot.fridgeInterior));
  at([2.7, 0.9, 3.25], () => counters(sk));
  at([0, 0.6, 3.5], () => {
    table(sk);
    tableMoonlight(sk);
    cake(sk, shot.patch.shotSize === 'INSERT' || shot.patch.shotSize === 'MWS');
    milk(sk, -0.3, 3.35);
    if (shot.patch.shotSize === 'INSERT') fork(sk, [0.36, TABLE.y + 0.005, 3.1], [0.3, TABLE.y + 0.005, 3.26]);
  });
  for (const [x, z] of [[-0.4, 4.42], [0.42, 4.42]] as Floor[]) at([x, 0.5, z + 0.2], () => chair(sk, x, z, 1));
  if (!shot.cutaway) at([0, 1.6, 3.5], () => lamp(sk));
  for (const f of shot.figures) {
    const b = BUILDS[f.who];
    at([f.at[0], b.height * 0.85, f.at[1]], () => (shot.cutaway ? figureFromAbove(sk, f) : figure(sk, f)));
  }
  items.sort((a, b) => b.depth - a.depth);
  for (const it of items) if (it.depth > NEAR) it.draw();

  if (shot.fridgeInterior) fridgeFrame(sk);
  const v = sk.id('v');
  const strength = shot.vignette ?? 0.38;
  sk.def(`<radialGradient id="${v}" cx="50%" cy="50%" r="72%"><stop offset="0.55" stop-color="#1d1e24" stop-opacity="0"/><stop offset="1" stop-color="#1d1e24" stop-opacity="${strength}"/></radialGradient>`);
  sk.raw(`<rect width="${W}" height="${H}" fill="url(#${v})"/>`);
  moveNotation(sk, shot.move, shot.inner, shot.arrowY);
  return sk.svg();
}

/** From inside the fridge: its walls, a shelf edge and jars frame the shot. */
function fridgeFrame(sk: Sketch): void {
  const t = tone(0.62);
  const left: P2[] = [[0, 0], [95, 0], [70, H], [0, H]];
  const right: P2[] = [[W, 0], [W - 110, 0], [W - 80, H], [W, H]];
  for (const p of [left, right]) {
    sk.fill2(p, t);
    sk.hatch2(p, 70, 7, 0.6, 0.4);
    sk.line2(p[1], p[2], 1.6);
  }
  const shelf: P2[] = [[0, H - 70], [W, H - 58], [W, H], [0, H]];
  sk.fill2(shelf, tone(0.3));
  sk.line2(shelf[0], shelf[1], 1.6);
  sk.line2([0, H - 52], [W, H - 42], 0.8, 0.6);
  // A jam jar, a bottle and a juice carton on the shelf, in silhouette, a highlight on the glass.
  const base = H - 64;
  const jar = (cx: number, w: number, h: number) => {
    const body: P2[] = [[cx - w / 2, base], [cx - w / 2 - 3, base - h * 0.5], [cx - w / 2, base - h], [cx + w / 2, base - h], [cx + w / 2 + 3, base - h * 0.5], [cx + w / 2, base]];
    sk.fill2(body, tone(0.78), 1, true);
    sk.curve2(body, true, 1.1);
    const lid: P2[] = [[cx - w / 2 + 2, base - h], [cx - w / 2 + 2, base - h - 16], [cx + w / 2 - 2, base - h - 16], [cx + w / 2 - 2, base - h]];
    sk.fill2(lid, tone(0.55));
    for (let i = 0; i < 3; i++) sk.line2(lid[i], lid[i + 1], 1.1);
    sk.line2([cx - w / 2 + 9, base - h * 0.8], [cx - w / 2 + 9, base - h * 0.25], 2.4, 0.35);
  };
  const bottle = (cx: number, w: number, h: number) => {
    const p: P2[] = [[cx - w / 2, base], [cx - w / 2, base - h * 0.6], [cx - w / 6, base - h * 0.82], [cx - w / 6, base - h], [cx + w / 6, base - h],
      [cx + w / 6, base - h * 0.82], [cx + w / 2, base - h * 0.6], [cx + w / 2, base]];
    sk.fill2(p, tone(0.86));
    for (let i = 0; i < p.length - 1; i++) sk.line2(p[i], p[i + 1], 1.1);
    sk.line2([cx - w / 2 + 7, base - h * 0.55], [cx - w / 2 + 7, base - h * 0.12], 2.4, 0.35);
  };
  const carton = (cx: number, w: number, h: number) => {
    const p: P2[] = [[cx - w / 2, base], [cx - w / 2, base - h], [cx, base - h - 22], [cx + w / 2, base - h], [cx + w / 2, base]];
    sk.fill2(p, tone(0.5));
    for (let i = 0; i < p.length - 1; i++) sk.line2(p[i], p[i + 1], 1.1);
    sk.line2([cx - w / 2, base - h], [cx + w / 2, base - h], 0.8);
    sk.line2([cx - w / 2 + 8, base - h * 0.6], [cx + w / 2 - 8, base - h * 0.6], 0.7, 0.7);
  };
  jar(165, 78, 92);
  bottle(255, 44, 150);
  carton(W - 250, 70, 120);
  jar(W - 165, 64, 70);
  const top: P2[] = [[0, 0], [W, 0], [W, 34], [0, 46]];
  sk.fill2(top, tone(0.7));
  sk.line2(top[3], top[2], 1.4);
  // Cold light spilling out of the fridge onto her.
  const g = sk.id('f');
  sk.def(`<radialGradient id="${g}" cx="50%" cy="60%" r="60%"><stop offset="0" stop-color="#ffffff" stop-opacity="0.32"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>`);
  sk.raw(`<rect width="${W}" height="${H}" fill="url(#${g})"/>`);
}

export async function renderJpeg(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
}
