import type { Mask } from './raster';

export type Loop = [number, number][];

/**
 * The boundaries of a mask as closed loops of pixel corners (crack following): every side between a
 * pixel in the mask and one outside is an edge directed with the mask on its left (y down), and the
 * edges are linked end to start. Outer boundaries and holes come out turning opposite ways.
 * Loops repeat no point (the last joins the first). At a pinch (two pixels touching at a corner) the
 * walk turns so the two stay apart, as 4-connectivity says.
 */
export function traceLoops(m: Mask): Loop[] {
  const { width: w, height: h, bits } = m;
  const W = w + 1;
  // Outgoing edges from each corner: direction codes 0 right, 1 down, 2 left, 3 up (at most two at a pinch).
  const out = new Map<number, number[]>();
  const add = (x: number, y: number, dir: number) => {
    const k = y * W + x;
    const list = out.get(k);
    if (list) list.push(dir);
    else out.set(k, [dir]);
  };
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const i = row + x;
      if (!bits[i]) continue;
      const up = y > 0 && bits[i - w];
      const right = x < w - 1 && bits[i + 1];
      const down = y < h - 1 && bits[i + w];
      const left = x > 0 && bits[i - 1];
      if (up && right && down && left) continue;
      if (!up) add(x + 1, y, 2); // top side, walked right to left
      if (!right) add(x + 1, y + 1, 3); // right side, upwards
      if (!down) add(x, y + 1, 0); // bottom side, left to right
      if (!left) add(x, y, 1); // left side, downwards
    }
  }
  const DX = [1, 0, -1, 0];
  const DY = [0, 1, 0, -1];
  const loops: Loop[] = [];
  for (const [start, dirs] of out) {
    while (dirs.length > 0) {
      const loop: Loop = [];
      let k = start;
      let dir = dirs.pop()!;
      for (;;) {
        const x = k % W;
        const y = (k - x) / W;
        loop.push([x, y]);
        k = (y + DY[dir]) * W + (x + DX[dir]);
        const next = out.get(k);
        if (!next || next.length === 0) break;
        // At a pinch, turn left (toward the mask) to go on round the same pixel: 4-connected pieces stay apart.
        let pick = next.length - 1;
        if (next.length > 1) {
          const left = (dir + 3) % 4;
          const found = next.indexOf(left);
          if (found >= 0) pick = found;
        }
        dir = next.splice(pick, 1)[0];
      }
      if (loop.length >= 3) loops.push(dedupe(loop));
    }
  }
  return loops;
}

/** Drops the corners where a straight run goes on (the walk steps one pixel at a time). */
function dedupe(loop: Loop): Loop {
  const n = loop.length;
  return loop.filter((p, i) => {
    const a = loop[(i + n - 1) % n];
    const b = loop[(i + 1) % n];
    return (b[0] - p[0]) * (p[1] - a[1]) !== (b[1] - p[1]) * (p[0] - a[0]);
  });
}

/** Signed area of a closed loop (shoelace; positive = clockwise on a y-down raster). */
export function signedArea(loop: Loop): number {
  let s = 0;
  for (let i = 0; i < loop.length; i++) {
    const [x0, y0] = loop[i];
    const [x1, y1] = loop[(i + 1) % loop.length];
    s += x0 * y1 - x1 * y0;
  }
  return s / 2;
}
