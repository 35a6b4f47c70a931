import { add, dot, sub, type Camera, type ScreenPoint, type V3 } from './camera';
import { INK, type Pen } from './pen';
import type { Box, Staging } from './staging';

/**
 * The set: a receding ground grid and the horizon (where the lens and angle show most), then the
 * buildings, table and prop as simple boxes, paper-filled so nearer things hide farther ones.
 */
export function drawSet(st: Staging, pen: Pen): string {
  return drawGrid(st, pen) + drawHorizon(st.camera, pen) + drawBoxes(st.camera, st.boxes, pen);
}

function drawGrid(st: Staging, pen: Pen): string {
  const cam = st.camera;
  const extent = st.gridExtent;
  const step = extent > 40 ? 4 : 1.5;
  const piece = step * 2;
  const out: string[] = [];
  const cx = Math.round(cam.position[0] / step) * step;
  const cz = Math.round(cam.position[2] / step) * step;
  for (let a = -extent; a <= extent; a += step) {
    for (let b = -extent; b < extent; b += piece) {
      // Pieces of each line, fading with distance so the grid does not turn to mud at the horizon.
      for (const [p, q] of [
        [[cx + a, 0, cz + b], [cx + a, 0, cz + b + piece]],
        [[cx + b, 0, cz + a], [cx + b + piece, 0, cz + a]],
      ] as [V3, V3][]) {
        const seg = cam.segment(p, q);
        if (!seg || offFrame(seg, cam)) continue;
        const fade = 1 - Math.min(1, ((seg[0].depth + seg[1].depth) / 2 - 1) / extent);
        if (fade <= 0.08) continue;
        out.push(pen.line(seg[0], seg[1], INK.grid, 0.45, undefined, fade));
      }
    }
  }
  return out.join('');
}

function offFrame([a, b]: [ScreenPoint, ScreenPoint], cam: Camera): boolean {
  const m = cam.width * 0.05;
  return (a.x < -m && b.x < -m) || (a.x > cam.width + m && b.x > cam.width + m) || (a.y < -m && b.y < -m) || (a.y > cam.height + m && b.y > cam.height + m);
}

/** The horizon, extended across the whole frame (it stays level unless the camera rolls). */
function drawHorizon(cam: Camera, pen: Pen): string {
  const h = cam.horizon();
  if (!h) return '';
  const [a, b] = h;
  if (Math.abs(b.x - a.x) < 1e-6) return '';
  const slope = (b.y - a.y) / (b.x - a.x);
  const pad = cam.width * 0.1;
  const left = { x: -pad, y: a.y + slope * (-pad - a.x) };
  const right = { x: cam.width + pad, y: a.y + slope * (cam.width + pad - a.x) };
  if (Math.max(left.y, right.y) < 0 || Math.min(left.y, right.y) > cam.height) return '';
  return pen.line(left, right, INK.set, 0.8);
}

const FACES = [
  [0, 1, 2, 3], [4, 5, 6, 7], [0, 1, 5, 4], [2, 3, 7, 6], [1, 2, 6, 5], [0, 3, 7, 4],
];

/** Each box's faces that turn towards the camera, far boxes first. */
function drawBoxes(cam: Camera, boxes: Box[], pen: Pen): string {
  const sorted = [...boxes].sort((x, y) => dist(cam, y.centre) - dist(cam, x.centre));
  const out: string[] = [];
  for (const box of sorted) {
    const [w, h, d] = box.size;
    const [c, s] = [Math.cos(box.yaw), Math.sin(box.yaw)];
    const corner = (x: number, y: number, z: number): V3 => add(box.centre, [x * c + z * s, y, -x * s + z * c]);
    const v: V3[] = [];
    for (const y of [-h / 2, h / 2]) for (const [x, z] of [[-w / 2, -d / 2], [w / 2, -d / 2], [w / 2, d / 2], [-w / 2, d / 2]]) v.push(corner(x, y, z));
    const colour = box.kind === 'building' ? INK.set : INK.figure;
    const fill = box.kind === 'prop' ? INK.subjectTone : INK.paper;
    const weight = box.kind === 'building' ? 0.6 : box.kind === 'table' ? 0.7 : 0.9;
    const faces = FACES.map((f) => f.map((i) => v[i]))
      .filter((f) => {
        const centre = f.reduce((acc, p) => add(acc, p), [0, 0, 0] as V3).map((x) => x / 4) as V3;
        return dot(sub(centre, box.centre), sub(cam.position, centre)) > 0;
      })
      .map((f) => cam.polygon(f))
      .filter((f): f is ScreenPoint[] => f !== null);
    for (const f of faces) out.push(pen.solid(f, colour, fill, weight));
    if (box.kind === 'building') out.push(door(cam, box, corner, pen));
  }
  return out.join('');
}

/** A door on the face towards the camera: a 2 m yardstick that makes the buildings' scale readable. */
function door(cam: Camera, box: Box, corner: (x: number, y: number, z: number) => V3, pen: Pen): string {
  const [w, h, d] = box.size;
  const y0 = -h / 2;
  const faces: [V3, V3][] = [
    [corner(-0.5, y0, d / 2), corner(0.5, y0, d / 2)],
    [corner(-0.5, y0, -d / 2), corner(0.5, y0, -d / 2)],
    [corner(w / 2, y0, -0.5), corner(w / 2, y0, 0.5)],
    [corner(-w / 2, y0, -0.5), corner(-w / 2, y0, 0.5)],
  ];
  for (const [a, b] of faces) {
    const mid = add(a, [(b[0] - a[0]) / 2, 0, (b[2] - a[2]) / 2]);
    const outward = sub(mid, [box.centre[0], mid[1], box.centre[2]]);
    if (dot(outward, sub(cam.position, mid)) <= 0) continue;
    const quad = cam.polygon([a, b, add(b, [0, 2.1, 0]), add(a, [0, 2.1, 0])]);
    return quad ? pen.solid(quad, INK.set, INK.paper, 0.5) : '';
  }
  return '';
}

const dist = (cam: Camera, p: V3) => Math.hypot(...sub(p, cam.position));
