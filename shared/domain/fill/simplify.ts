import type { Loop } from './trace';

/** Ramer–Douglas–Peucker on an open polyline: keeps the points more than `eps` off the simplified line. */
export function simplifyLine(pts: Loop, eps: number): Loop {
  if (pts.length < 3) return pts.slice();
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = pts[a];
    const [bx, by] = pts[b];
    const len = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i];
      const d = len > 0 ? Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len : Math.hypot(px - ax, py - ay);
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > eps) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

/** RDP on a closed loop: split at its first point and the point farthest from it, each half simplified. */
export function simplifyLoop(loop: Loop, eps: number): Loop {
  if (loop.length < 4) return loop.slice();
  let far = 0;
  let best = -1;
  for (let i = 1; i < loop.length; i++) {
    const d = Math.hypot(loop[i][0] - loop[0][0], loop[i][1] - loop[0][1]);
    if (d > best) [best, far] = [d, i];
  }
  const first = simplifyLine(loop.slice(0, far + 1), eps);
  const second = simplifyLine([...loop.slice(far), loop[0]], eps);
  return [...first.slice(0, -1), ...second.slice(0, -1)];
}
