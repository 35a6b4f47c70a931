// Eyes, brows, glasses, nose and mouth on a figure seen from the front.
import { INK_HEX, tone } from './canvas';
import { type P2, fmt } from './vectors';
import type { Sketch } from './sketch';
import { ring } from './solids';
import type { Build, FigureSpec, Local } from './figure-builds';

export function face(sk: Sketch, spec: FigureSpec, b: Build, S: (p: Local) => P2, cy: number, w: number): void {
  const F = (x: number, y: number): P2 => S([x * b.rx, cy + y * b.ry]);
  const ex = 0.38;
  const ey = spec.who === 'maya' ? -0.05 : 0.02;
  const big = spec.expression === 'worried';
  for (const k of [-1, 1]) {
    const eye = ring(0, 0, 0, 1, 12).map(([dx, , dz]) => F(k * ex + dx * (big ? 0.15 : 0.12), ey + dz * (big ? 0.09 : 0.05)));
    sk.fill2(eye, '#f8f6f0', 1, true);
    sk.curve2(eye, true, w * 0.7);
    const p = F(k * ex + 0.02, ey - 0.01);
    const r = Math.max(1.2, (S([b.rx * 0.07, 0])[0] - S([0, 0])[0]) || 2);
    sk.raw(`<circle cx="${fmt(p[0])}" cy="${fmt(p[1])}" r="${fmt(Math.abs(r))}" fill="${INK_HEX}"/>`);
    // Brows: raised and tilted when worried.
    const bi = big ? 0.3 : 0.22;
    sk.curve2([F(k * (ex - 0.2), ey + bi + (big ? 0.06 : 0)), F(k * ex, ey + bi + 0.05), F(k * (ex + 0.2), ey + bi - (big ? 0.02 : 0))], false, w * 1.1);
    if (spec.who === 'grandpa') {
      const lens = ring(0, 0, 0, 1, 16).map(([dx, , dz]) => F(k * ex + dx * 0.24, ey + dz * 0.16));
      sk.curve2(lens, true, w * 0.9);
      sk.line2(F(k * (ex + 0.24), ey + 0.04), F(k * 0.98, ey + 0.08), w * 0.7);
    }
  }
  if (spec.who === 'grandpa') sk.line2(F(-0.14, ey + 0.02), F(0.14, ey + 0.02), w * 0.8);
  sk.curve2([F(0.02, ey - 0.05), F(-0.06, -0.35), F(0.04, -0.4), F(0.12, -0.37)], false, w * 0.9);
  if (spec.who === 'grandpa') {
    const m = [F(-0.28, -0.52), F(-0.13, -0.45), F(0, -0.48), F(0.13, -0.45), F(0.28, -0.52), F(0.13, -0.55), F(-0.13, -0.55)];
    sk.fill2(m, tone(0.22), 1, true);
    sk.curve2(m, true, w * 0.7);
  }
  if (spec.expression === 'worried') {
    const o = ring(0, 0, 0, 1, 10).map(([dx, , dz]) => F(dx * 0.1, -0.62 + dz * 0.08));
    sk.fill2(o, tone(0.7), 1, true);
    sk.curve2(o, true, w * 0.8);
  } else if (spec.expression === 'smile') {
    sk.curve2([F(-0.28, -0.63), F(0, -0.74), F(0.28, -0.63)], false, w * 1.1);
  } else {
    sk.curve2([F(-0.2, -0.62), F(0, -0.64), F(0.2, -0.61)], false, w);
  }
}
