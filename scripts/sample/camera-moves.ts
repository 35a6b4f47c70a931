// ---------------------------------------------------------------------------------------------
// Camera-move notation, drawn over the frame as a storyboard artist would
// ---------------------------------------------------------------------------------------------

import { W, H, INK_HEX } from './canvas';
import { type P2, fmt } from './vectors';
import { polyPath } from './polygons';
import type { Sketch } from './sketch';

export type Move = 'in' | 'out' | 'pan-right' | 'truck-right' | 'handheld' | 'none';

/** A hollow block arrow along a frame-space centre line ending at the tip. */
function arrow(sk: Sketch, centre: P2[], width: number, headLen: number, headWidth: number): void {
  const pts = centre;
  const tip = pts[pts.length - 1];
  // Walk back from the tip by headLen to find the base of the head.
  let remaining = headLen;
  let k = pts.length - 1;
  let base: P2 = tip;
  while (k > 0) {
    const a = pts[k - 1];
    const b = pts[k];
    const L = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (L >= remaining) {
      const t = remaining / L;
      base = [b[0] + (a[0] - b[0]) * t, b[1] + (a[1] - b[1]) * t];
      break;
    }
    remaining -= L;
    k--;
  }
  const shaft = [...pts.slice(0, k), base];
  const normals = shaft.map((p, i) => {
    const a = shaft[Math.max(0, i - 1)];
    const b = shaft[Math.min(shaft.length - 1, i + 1)];
    const L = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    return [-(b[1] - a[1]) / L, (b[0] - a[0]) / L] as P2;
  });
  const left = shaft.map((p, i) => [p[0] + normals[i][0] * width / 2, p[1] + normals[i][1] * width / 2] as P2);
  const right = shaft.map((p, i) => [p[0] - normals[i][0] * width / 2, p[1] - normals[i][1] * width / 2] as P2);
  const n = normals[normals.length - 1];
  const hl: P2 = [base[0] + n[0] * headWidth / 2, base[1] + n[1] * headWidth / 2];
  const hr: P2 = [base[0] - n[0] * headWidth / 2, base[1] - n[1] * headWidth / 2];
  const outline = [...left, hl, tip, hr, ...right.reverse()];
  sk.fill2(outline, '#fbfaf6', 0.88);
  sk.raw(`<path d="${polyPath(outline)}" fill="none" stroke="${INK_HEX}" stroke-width="2.4" stroke-linejoin="round" stroke-opacity="0.9"/>`);
  const off = outline.map(([x, y]) => [x + sk.sym(1.2), y + sk.sym(1.2)] as P2);
  sk.raw(`<path d="${polyPath(off)}" fill="none" stroke="${INK_HEX}" stroke-width="0.9" stroke-linejoin="round" stroke-opacity="0.45"/>`);
}

export function moveNotation(sk: Sketch, move: Move, inner?: [number, number, number, number], arrowY?: number): void {
  if (move === 'none') return;
  if (move === 'in' || move === 'out') {
    const [x0, y0, x1, y1] = inner ?? [W * 0.22, H * 0.2, W * 0.78, H * 0.8];
    sk.raw(`<rect x="${fmt(x0)}" y="${fmt(y0)}" width="${fmt(x1 - x0)}" height="${fmt(y1 - y0)}" fill="none" stroke="${INK_HEX}" stroke-width="2.2" stroke-dasharray="16 10" stroke-opacity="0.85"/>`);
    const m = 22;
    const pairs: [P2, P2][] = [
      [[m, m], [x0, y0]], [[W - m, m], [x1, y0]], [[W - m, H - m], [x1, y1]], [[m, H - m], [x0, y1]],
    ];
    for (const [outer, corner] of pairs) {
      const from = move === 'in' ? outer : corner;
      const to = move === 'in' ? corner : outer;
      const dx = to[0] - from[0];
      const dy = to[1] - from[1];
      const L = Math.hypot(dx, dy);
      const a: P2 = [from[0] + (dx / L) * 8, from[1] + (dy / L) * 8];
      const b: P2 = [to[0] - (dx / L) * 10, to[1] - (dy / L) * 10];
      arrow(sk, [a, b], 9, 22, 26);
    }
  } else if (move === 'pan-right') {
    const c: P2[] = [];
    for (let i = 0; i <= 24; i++) {
      const t = i / 24;
      const y = arrowY ?? H * 0.13;
      c.push([W * (0.3 + 0.4 * t), y + (y < H / 2 ? -1 : 1) * Math.sin(t * Math.PI) * 26]);
    }
    arrow(sk, c, 16, 40, 44);
  } else if (move === 'truck-right') {
    arrow(sk, [[W * 0.3, arrowY ?? H * 0.9], [W * 0.7, arrowY ?? H * 0.9]], 16, 40, 44);
  } else if (move === 'handheld') {
    // Shaky double frame lines: the frame itself is unsteady.
    for (let i = 0; i < 3; i++) {
      const a = sk.sym(0.6);
      const dx = sk.sym(5);
      const dy = sk.sym(4);
      sk.raw(`<rect x="${fmt(16 + dx)}" y="${fmt(14 + dy)}" width="${W - 32}" height="${H - 28}" fill="none" stroke="${INK_HEX}" stroke-width="${i ? 0.9 : 1.6}" stroke-opacity="${i ? 0.4 : 0.7}" transform="rotate(${fmt(a)} ${W / 2} ${H / 2})"/>`);
    }
    const c: P2[] = [];
    for (let i = 0; i <= 30; i++) {
      const t = i / 30;
      c.push([W * (0.06 + 0.2 * t), H * 0.88 + Math.sin(t * Math.PI * 4) * 9]);
    }
    arrow(sk, c, 10, 26, 30);
  }
}
