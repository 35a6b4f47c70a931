// The furniture and props: fridge, counters, table, chairs, lamp, cake, milk and fork.
import { tone, mulberry32 } from './canvas';
import { type V3, type P2, sub, add, scale, cross, norm, fmt } from './vectors';
import type { Sketch } from './sketch';
import { type Floor, circle, prism, box, hull3, ring } from './solids';
import { ROOM, TABLE, CAKE } from './set';

export function fridge(sk: Sketch, open = false): void {
  const x0 = ROOM.x0 + 0.02;
  const x1 = -2.3;
  const z0 = 4.9;
  const z1 = 5.7;
  box(sk, x0, 0, z0, x1, 1.85, z1, {
    tone: 0.22,
    details: open
      ? []
      : [
          [[x1, 1.25, z0], [x1, 1.25, z1]],
          [[x1, 1.32, z0 + 0.06], [x1, 1.5, z0 + 0.06]],
          [[x1, 1.0, z0 + 0.06], [x1, 0.75, z0 + 0.06]],
          [[x1, 0.07, z0], [x1, 0.07, z1]],
        ],
  });
}

export function counters(sk: Sketch): void {
  const x0 = 2.4;
  const x1 = ROOM.x1 - 0.01;
  const z0 = 1.2;
  const z1 = 5.3;
  const doors: [V3, V3][] = [];
  for (let z = z0 + 0.05; z < z1 - 0.3; z += 0.6) {
    doors.push([[x0, 0.12, z], [x0, 0.8, z]], [[x0, 0.8, z], [x0, 0.8, z + 0.55]], [[x0, 0.12, z + 0.55], [x0, 0.8, z + 0.55]]);
    doors.push([[x0, 0.62, z + 0.47], [x0, 0.7, z + 0.47]]);
  }
  box(sk, x0, 0, z0, x1, 0.87, z1, { tone: 0.42, details: doors });
  box(sk, x0 - 0.04, 0.87, z0 - 0.02, x1, 0.92, z1 + 0.02, { tone: 0.3 });
  const up: [V3, V3][] = [];
  for (let z = z0 + 0.05; z < z1 - 0.3; z += 0.6) up.push([[2.65, 1.5, z], [2.65, 2.15, z]], [[2.65, 1.55, z + 0.5], [2.65, 1.7, z + 0.5]]);
  box(sk, 2.65, 1.45, z0, x1, 2.2, z1, { tone: 0.4, details: up });
  // A kettle and a tall jar on the worktop.
  prism(sk, circle(2.72, 2.1, 0.09, 20), 0.92, 1.12, { tone: 0.35, top: 0.25 });
  sk.line3([2.72, 1.12, 2.1], [2.72, 1.16, 2.1], 2);
  prism(sk, circle(2.7, 3.3, 0.06, 16), 0.92, 1.15, { tone: 0.2, top: 0.15 });
}

export function table(sk: Sketch): void {
  const { x0, x1, z0, z1, y } = TABLE;
  const leg = 0.06;
  const legs: [number, number][] = [[x0 + 0.05, z0 + 0.05], [x1 - 0.05 - leg, z0 + 0.05], [x0 + 0.05, z1 - 0.05 - leg], [x1 - 0.05 - leg, z1 - 0.05 - leg]];
  // Far legs first.
  legs.sort((a, b) => sk.cam.depth([b[0], 0.3, b[1]]) - sk.cam.depth([a[0], 0.3, a[1]]));
  for (const [lx, lz] of legs) box(sk, lx, 0, lz, lx + leg, y - 0.05, lz + leg, { tone: 0.55 });
  box(sk, x0 - 0.02, y - 0.05, z0 - 0.02, x1 + 0.02, y, z1 + 0.02, { tone: 0.5, top: 0.32 });
}

export function chair(sk: Sketch, x: number, z: number, backAt: 1 | -1): void {
  const s = 0.21;
  const seat = 0.45;
  const legs: [number, number][] = [[x - s, z - s], [x + s - 0.04, z - s], [x - s, z + s - 0.04], [x + s - 0.04, z + s - 0.04]];
  legs.sort((a, b) => sk.cam.depth([b[0], 0.2, b[1]]) - sk.cam.depth([a[0], 0.2, a[1]]));
  for (const [lx, lz] of legs) box(sk, lx, 0, lz, lx + 0.04, seat, lz + 0.04, { tone: 0.6 });
  box(sk, x - s, seat, z - s, x + s, seat + 0.04, z + s, { tone: 0.55, top: 0.4 });
  const bz = backAt > 0 ? z + s - 0.04 : z - s;
  box(sk, x - s, seat + 0.04, bz, x - s + 0.04, seat + 0.5, bz + 0.04, { tone: 0.6 });
  box(sk, x + s - 0.04, seat + 0.04, bz, x + s, seat + 0.5, bz + 0.04, { tone: 0.6 });
  box(sk, x - s, seat + 0.38, bz, x + s, seat + 0.5, bz + 0.04, { tone: 0.55 });
}

export function lamp(sk: Sketch): void {
  const cx = 0;
  const cz = 3.5;
  sk.line3([cx, ROOM.h, cz], [cx, 1.72, cz], 0.9);
  hull3(sk, [ring(cx, 1.72, cz, 0.05), ring(cx, 1.5, cz, 0.22)], tone(0.55));
  sk.outline3(ring(cx, 1.5, cz, 0.22), true, 0.8);
}

export function cake(sk: Sketch, detail: boolean): void {
  const { x, z } = CAKE;
  const y = TABLE.y;
  prism(sk, circle(x, z, 0.16, 32), y, y + 0.012, { tone: 0.1, top: 0.05 });
  // The cake, one wedge already gone (the gap faces the camera side of the table).
  const gapFrom = (-125 * Math.PI) / 180;
  const gapTo = (-75 * Math.PI) / 180;
  const body: Floor[] = [[x, z], ...circle(x, z, 0.115, 30, gapTo, gapFrom + Math.PI * 2)];
  prism(sk, body, y + 0.012, y + 0.1, { tone: 0.22, top: 0.1 });
  if (detail) {
    // The filling layer on the cut faces, frosting blobs on top, crumbs on the plate.
    const mid = y + 0.055;
    for (const a of [gapFrom, gapTo]) sk.line3([x, mid, z], [x + 0.115 * Math.cos(a), mid, z + 0.115 * Math.sin(a)], 0.7, 0.8);
    for (let i = 0; i < 9; i++) {
      const a = gapTo + 0.25 + (i * (Math.PI * 2 - 0.87 - 0.5)) / 8;
      const blob = ring(x + 0.09 * Math.cos(a), y + 0.1, z + 0.09 * Math.sin(a), 0.013, 10);
      const bp = blob.map((q) => sk.cam.project(q)).filter((q): q is P2 => q !== null);
      if (bp.length > 3) {
        sk.fill2(bp, tone(0.04), 1, true);
        sk.curve2(bp, true, 0.7);
      }
    }
    const crumbs = mulberry32(11);
    for (let i = 0; i < 14; i++) {
      const a = gapFrom + (gapTo - gapFrom) * crumbs();
      const r = 0.03 + 0.11 * crumbs();
      const p = sk.cam.project([x + r * Math.cos(a), y + 0.013, z + r * Math.sin(a)]);
      if (p) sk.raw(`<circle cx="${fmt(p[0])}" cy="${fmt(p[1])}" r="${fmt(1.5 + 2 * crumbs())}" fill="${tone(0.55)}"/>`);
    }
  }
}

export function milk(sk: Sketch, x: number, z: number): void {
  prism(sk, circle(x, z, 0.035, 18), TABLE.y, TABLE.y + 0.13, { tone: 0.08, top: 0.04 });
}

export function fork(sk: Sketch, from: V3, to: V3, w = 1): void {
  sk.line3(from, to, w * 1.4);
  const d = norm(sub(to, from));
  const side = norm(cross(d, [0, 1, 0]));
  for (const k of [-1, 0, 1]) {
    const base = add(to, scale(side, k * 0.008));
    sk.line3(base, add(base, scale(d, 0.035)), w * 0.8);
  }
  sk.line3(add(to, scale(side, -0.01)), add(to, scale(side, 0.01)), w);
}
