// Figures seen from straight above (the bird's-eye).
import { tone } from './canvas';
import type { V3, P2 } from './vectors';
import { smoothPath } from './polygons';
import type { Sketch } from './sketch';
import { ring } from './solids';
import { TABLE } from './set';
import { BUILDS, type FigureSpec } from './figure-builds';

/** From straight above (the bird's-eye), a person is a head on a pair of shoulders. */
export function figureFromAbove(sk: Sketch, spec: FigureSpec): void {
  const b = BUILDS[spec.who];
  const [x, z] = spec.at;
  const lift = spec.pose === 'sit' ? 0.46 - 0.52 * b.height : 0;
  const shoulderY = lift + (1 - 2 * b.ry - 0.04) * b.height;
  const sw = (b.shoulders / 2) * b.height;
  const sh: V3[] = ring(0, 0, 0, 1, 20).map(([dx, , dz]) => [x + dx * sw * 1.05, shoulderY, z + dz * 0.12]);
  const fill = tone(spec.tone ?? 0.45);
  for (const k of [-1, 1]) {
    const arm = [[x + k * sw * 0.95, shoulderY, z], [x + k * sw * 0.9, shoulderY - 0.1, z - 0.22], [x + k * sw * 0.4, TABLE.y + 0.02, z - 0.36]] as V3[];
    const p = arm.map((q) => sk.cam.project(q)).filter((q): q is P2 => q !== null);
    const wpx = (sk.cam.f * b.arm * b.height) / sk.cam.depth(arm[1]);
    sk.stroke(smoothPath(p, false), wpx + 2.4, 0.85);
    sk.stroke(smoothPath(p, false), wpx, 1, fill);
  }
  const sp = sk.fill3(sh, fill);
  if (sp.length) sk.curve2(sp, true, 1);
  const headY = lift + b.height;
  const hp = sk.fill3(ring(x, headY, z - 0.01, b.rx * b.height * 1.05, 20), spec.who === 'maya' ? tone(0.72) : tone(0.2));
  if (hp.length) sk.curve2(hp, true, 1);
  if (spec.who === 'maya') {
    for (const k of [-1, 1]) {
      const t = sk.fill3(ring(x + k * b.rx * b.height * 1.25, headY - 0.05, z, 0.035, 12), tone(0.72));
      if (t.length) sk.curve2(t, true, 0.8);
    }
  } else {
    const bald = sk.fill3(ring(x, headY + 0.002, z - 0.015, b.rx * b.height * 0.6, 16), tone(0.08));
    if (bald.length) sk.curve2(bald, true, 0.5, 0.5);
  }
}
