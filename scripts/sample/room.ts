// The room itself: walls and floor, moonlight, the window, the clock and the two doors.
import { W, H, tone, mulberry32 } from './canvas';
import { type V3, type P2, fmt } from './vectors';
import { clipConvex2 } from './polygons';
import { MOON_DIR, type Sketch } from './sketch';
import { type Floor, rect, prism, box, ring } from './solids';
import { ROOM, WINDOW, TABLE, PANTRY, HALL } from './set';

/** Where a point at height y, on the light path through the window, lands on the plane y = planeY. */
function moonOnto(p: V3, planeY: number): Floor {
  const t = (p[1] - planeY) / -MOON_DIR[1];
  return [p[0] + MOON_DIR[0] * t, p[2] + MOON_DIR[2] * t];
}

const windowCorners = (): V3[] => [
  [WINDOW.x0, WINDOW.y0, ROOM.z1], [WINDOW.x1, WINDOW.y0, ROOM.z1], [WINDOW.x1, WINDOW.y1, ROOM.z1], [WINDOW.x0, WINDOW.y1, ROOM.z1],
];

export function roomShell(sk: Sketch): void {
  const { x0, x1, z0, z1, h } = ROOM;
  const c = (x: number, y: number, z: number): V3 => [x, y, z];
  sk.fill3([c(x0, h, z0), c(x1, h, z0), c(x1, h, z1), c(x0, h, z1)], tone(0.56));
  sk.fill3([c(x0, 0, z1), c(x1, 0, z1), c(x1, h, z1), c(x0, h, z1)], tone(0.3));
  sk.fill3([c(x0, 0, z0), c(x0, 0, z1), c(x0, h, z1), c(x0, h, z0)], tone(0.38));
  sk.fill3([c(x1, 0, z0), c(x1, 0, z1), c(x1, h, z1), c(x1, h, z0)], tone(0.38));
  sk.fill3([c(x0, 0, z0), c(x1, 0, z0), c(x1, 0, z1), c(x0, 0, z1)], tone(0.44));
  floorTiles(sk);
  for (const [a, b] of [
    [c(x0, 0, z1), c(x1, 0, z1)], [c(x0, h, z1), c(x1, h, z1)], [c(x0, 0, z1), c(x0, h, z1)], [c(x1, 0, z1), c(x1, h, z1)],
    [c(x0, 0, z0), c(x0, 0, z1)], [c(x1, 0, z0), c(x1, 0, z1)], [c(x0, h, z0), c(x0, h, z1)], [c(x1, h, z0), c(x1, h, z1)],
  ] as [V3, V3][]) sk.line3(a, b, 1.2);
  // Skirting and a picture rail give the walls scale.
  for (const y of [0.1, 2.25]) {
    sk.line3(c(x0, y, z1), c(x1, y, z1), 0.6, 0.7);
    sk.line3(c(x0, y, z0), c(x0, y, z1), 0.6, 0.7);
    sk.line3(c(x1, y, z0), c(x1, y, z1), 0.6, 0.7);
  }
}

function floorTiles(sk: Sketch): void {
  const { x0, x1, z0, z1 } = ROOM;
  for (let x = x0 + 0.5; x < x1; x += 0.5) sk.line3([x, 0, z0], [x, 0, z1], 0.45, 0.55);
  for (let z = z0 + 0.5; z < z1; z += 0.5) sk.line3([x0, 0, z], [x1, 0, z], 0.45, 0.55);
}

/** The cutaway for the bird's-eye: walls as thick prisms, no ceiling, the dark house around. */
export function roomCutaway(sk: Sketch): void {
  const { x0, x1, z0, z1, h } = ROOM;
  sk.fill2([[0, 0], [W, 0], [W, H], [0, H]], tone(0.72));
  sk.hatch2([[0, 0], [W, 0], [W, H], [0, H]], 35, 9, 0.6, 0.35);
  sk.fill3([[x0, 0, z0], [x1, 0, z0], [x1, 0, z1], [x0, 0, z1]], tone(0.52));
  floorTiles(sk);
  const t = 0.16;
  const wall = { tone: 0.3, top: 0.85 };
  box(sk, x0 - t, 0, z0, x0, h, z1 + t, wall);
  box(sk, x1, 0, z0, x1 + t, h, z1 + t, wall);
  box(sk, x0 - t, 0, z1, x1 + t, h, z1 + t, wall);
}

export function moonlight(sk: Sketch, withBeam: boolean): void {
  const win = windowCorners();
  const floorPatch = win.map((p) => moonOnto(p, 0));
  const toV3 = (f: Floor[], y: number) => f.map(([x, z]) => [x, y, z] as V3);
  if (withBeam) {
    for (let i = 0; i < 4; i++) {
      const a = win[i];
      const b = win[(i + 1) % 4];
      const fa = toV3([floorPatch[i]], 0)[0];
      const fb = toV3([floorPatch[(i + 1) % 4]], 0)[0];
      sk.fill3([a, b, fb, fa], '#ffffff', 0.05);
    }
  }
  sk.fill3(toV3(floorPatch, 0.001), tone(0.08), 0.8);
  // The table's shadow and the window bars inside the patch.
  const tableShadow = rect(TABLE.x0, TABLE.z0, TABLE.x1, TABLE.z1).map(([x, z]) => moonOnto([x, TABLE.y, z], 0));
  const shadow = clipConvex2(tableShadow, floorPatch);
  if (shadow.length >= 3) sk.fill3(toV3(shadow, 0.002), tone(0.5), 0.85);
  const mx = (WINDOW.x0 + WINDOW.x1) / 2;
  const my = (WINDOW.y0 + WINDOW.y1) / 2;
  const bars: [V3, V3][] = [
    [[mx, WINDOW.y0, ROOM.z1], [mx, WINDOW.y1, ROOM.z1]],
    [[WINDOW.x0, my, ROOM.z1], [WINDOW.x1, my, ROOM.z1]],
  ];
  for (const [a, b] of bars) {
    const fa = moonOnto(a, 0);
    const fb = moonOnto(b, 0);
    sk.line3([fa[0], 0.003, fa[1]], [fb[0], 0.003, fb[1]], 3.2, 0.35);
  }
  for (const p of floorPatch.map((f, i) => [f, floorPatch[(i + 1) % 4]] as const)) {
    sk.line3([p[0][0], 0.003, p[0][1]], [p[1][0], 0.003, p[1][1]], 0.5, 0.5);
  }
}

export function tableMoonlight(sk: Sketch): void {
  const patch = windowCorners().map((p) => moonOnto(p, TABLE.y));
  const onTable = clipConvex2(patch, rect(TABLE.x0, TABLE.z0, TABLE.x1, TABLE.z1));
  if (onTable.length >= 3) sk.fill3(onTable.map(([x, z]) => [x, TABLE.y + 0.001, z] as V3), tone(0.06), 0.85);
}

export function windowWall(sk: Sketch): void {
  const z = ROOM.z1 - 0.004;
  const { x0, x1, y0, y1 } = WINDOW;
  const f = 0.06;
  sk.fill3([[x0 - f, y0 - f, z], [x1 + f, y0 - f, z], [x1 + f, y1 + f, z], [x0 - f, y1 + f, z]], tone(0.25));
  const pane = sk.fill3([[x0, y0, z], [x1, y0, z], [x1, y1, z], [x0, y1, z]], tone(0.78));
  // The moon, its halo, a few stars; clipped to the glass.
  const moon: V3 = [x0 + (x1 - x0) * 0.74, y0 + (y1 - y0) * 0.76, z];
  const mp = sk.cam.project(moon);
  if (mp && pane.length >= 3) {
    sk.beginClip(pane);
    const edge = sk.cam.project([moon[0] + 0.12, moon[1], z]);
    const r = edge ? Math.hypot(edge[0] - mp[0], edge[1] - mp[1]) : 10;
    const glow = sk.id('g');
    sk.def(`<radialGradient id="${glow}"><stop offset="0" stop-color="#ffffff" stop-opacity="0.55"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>`);
    sk.raw(`<circle cx="${fmt(mp[0])}" cy="${fmt(mp[1])}" r="${fmt(r * 4)}" fill="url(#${glow})"/>`);
    sk.raw(`<circle cx="${fmt(mp[0])}" cy="${fmt(mp[1])}" r="${fmt(r)}" fill="#fbfaf6"/>`);
    const star = mulberry32(7);
    for (let i = 0; i < 9; i++) {
      const s = sk.cam.project([x0 + (x1 - x0) * star(), y0 + (y1 - y0) * (0.35 + 0.65 * star()), z]);
      if (s) sk.raw(`<circle cx="${fmt(s[0])}" cy="${fmt(s[1])}" r="${fmt(Math.max(0.8, r * 0.06))}" fill="#f4f3ee"/>`);
    }
    // Distant rooftops against the sky.
    const roofs: V3[] = [[x0, y0, z], [x0, y0 + 0.22, z], [x0 + 0.25, y0 + 0.22, z], [x0 + 0.32, y0 + 0.33, z], [x0 + 0.39, y0 + 0.22, z],
      [x0 + 0.7, y0 + 0.22, z], [x0 + 0.7, y0 + 0.15, z], [x1 - 0.3, y0 + 0.15, z], [x1 - 0.3, y0 + 0.27, z], [x1, y0 + 0.27, z], [x1, y0, z]];
    sk.fill3(roofs, tone(0.9));
    sk.endClip();
    sk.curve2(
      ring(0, 0, 0, 0.12, 20).map(([dx, , dz]) => sk.cam.project([moon[0] + dx, moon[1] + dz, z])).filter((p): p is P2 => p !== null),
      true,
      0.6,
      0.6,
    );
  }
  const bar = 0.025;
  const mx = (x0 + x1) / 2;
  const my = (y0 + y1) / 2;
  sk.fill3([[mx - bar, y0, z], [mx + bar, y0, z], [mx + bar, y1, z], [mx - bar, y1, z]], tone(0.3));
  sk.fill3([[x0, my - bar, z], [x1, my - bar, z], [x1, my + bar, z], [x0, my + bar, z]], tone(0.3));
  sk.outline3([[x0 - f, y0 - f, z], [x1 + f, y0 - f, z], [x1 + f, y1 + f, z], [x0 - f, y1 + f, z]], true, 1);
  sk.outline3([[x0, y0, z], [x1, y0, z], [x1, y1, z], [x0, y1, z]], true, 0.9);
  box(sk, x0 - 0.12, y0 - 0.09, ROOM.z1 - 0.12, x1 + 0.12, y0 - 0.05, ROOM.z1, { tone: 0.25 });
  // Curtains, tied back.
  for (const [cx, dir] of [[x0 - 0.16, -1], [x1 + 0.16, 1]] as const) {
    const c: V3[] = [[cx - 0.14 * dir, y1 + 0.12, z], [cx + 0.12 * dir, y1 + 0.12, z], [cx + 0.02 * dir, y0 + 0.45, z],
      [cx + 0.1 * dir, y0 - 0.2, z], [cx - 0.16 * dir, y0 - 0.2, z], [cx - 0.1 * dir, y0 + 0.45, z]];
    const p = sk.fill3(c, tone(0.5));
    if (p.length >= 3) {
      sk.curve2(p, true, 0.9);
      sk.hatch2(p, 80, 6, 0.6, 0.4);
    }
  }
}

export function clock(sk: Sketch): void {
  const z = ROOM.z1 - 0.006;
  const c: V3 = [-1.6, 2.0, z];
  const pts = ring(0, 0, 0, 0.16, 24).map(([dx, , dz]) => [c[0] + dx, c[1] + dz, z] as V3);
  sk.fill3(pts, tone(0.14));
  sk.outline3(pts, true, 1.1);
  for (let h = 0; h < 12; h++) {
    const a = (h * Math.PI) / 6;
    sk.line3([c[0] + 0.125 * Math.cos(a), c[1] + 0.125 * Math.sin(a), z], [c[0] + 0.145 * Math.cos(a), c[1] + 0.145 * Math.sin(a), z], 0.6);
  }
  // Ten past three.
  sk.line3(c, [c[0] + 0.07, c[1] - 0.005, z], 1.6);
  sk.line3(c, [c[0] + 0.09, c[1] + 0.07, z], 1.1);
}

export function hallDoor(sk: Sketch): void {
  const x = ROOM.x0 + 0.004;
  const { z0, z1, h } = HALL;
  const gap: V3[] = [[x, 0, z0], [x, 0, z1], [x, h, z1], [x, h, z0]];
  sk.fill3(gap, tone(0.86));
  sk.outline3(gap, true, 1.1);
  const t = 0.07;
  sk.outline3([[x, 0, z0 - t], [x, h + t, z0 - t], [x, h + t, z1 + t], [x, 0, z1 + t]], false, 0.8);
  // The door stands open into the hall: a sliver of its edge.
  prism(sk, [[x, z1], [x - 0.6, z1 - 0.15], [x - 0.62, z1 - 0.11], [x - 0.02, z1 + 0.04]], 0, h, { tone: 0.55 });
}

export function pantryDoor(sk: Sketch, lurker: ((sk: Sketch) => void) | null): void {
  const z = ROOM.z1 - 0.004;
  const { x0, x1, h } = PANTRY;
  const gap: V3[] = [[x0, 0, z], [x1, 0, z], [x1, h, z], [x0, h, z]];
  const p = sk.fill3(gap, tone(0.8));
  if (p.length >= 3) {
    sk.beginClip(p);
    // Shelves at the back of the pantry, a metre behind the door.
    const bz = ROOM.z1 + 1.0;
    for (const y of [0.5, 0.95, 1.4, 1.85]) sk.line3([x0 - 1, y, bz], [x1 + 2.5, y, bz], 1.4, 0.6);
    for (const [jx, jy] of [[2.4, 0.95], [2.55, 0.95], [2.9, 1.4], [2.25, 1.85], [3.1, 0.5], [3.3, 1.85], [2.0, 0.5]] as [number, number][]) {
      sk.fill3([[jx, jy, bz], [jx + 0.09, jy, bz], [jx + 0.09, jy + 0.16, bz], [jx, jy + 0.16, bz]], tone(0.9));
    }
    if (lurker) lurker(sk);
    sk.endClip();
  }
  sk.outline3(gap, true, 1.1);
  const t = 0.07;
  sk.outline3([[x0 - t, 0, z], [x0 - t, h + t, z], [x1 + t, h + t, z], [x1 + t, 0, z]], false, 0.8);
  // Ajar: hinged on the right, swung 42 degrees into the room.
  const a = (42 * Math.PI) / 180;
  const L = x1 - x0;
  const ex = x1 - L * Math.cos(a);
  const ez = ROOM.z1 - L * Math.sin(a);
  const tx = 0.04 * Math.sin(a);
  const tz = 0.04 * Math.cos(a);
  const knob = (t: number): V3 => [ex + (x1 - ex) * t + tx, 1.0, ez + (ROOM.z1 - ez) * t - tz];
  prism(sk, [[x1, ROOM.z1], [ex, ez], [ex + tx, ez - tz], [x1 + tx, ROOM.z1 - tz]], 0, h - 0.01, {
    tone: 0.4,
    details: [[knob(0.08), knob(0.12)]],
  });
}
