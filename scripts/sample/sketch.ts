// ---------------------------------------------------------------------------------------------
// The pencil: sketchy lines, tones, hatching, clipping
// ---------------------------------------------------------------------------------------------

import { W, H, NEAR, PAPER, INK_HEX, hex, tone } from './canvas';
import { type V3, type P2, sub, scale, dot, norm, lerp3, pt } from './vectors';
import type { Camera } from './camera';
import { clipPolygon, smoothPath, polyPath } from './polygons';

/** Light travels from the window (back wall) into the room: down, toward camera, a little left. */
export const MOON_DIR: V3 = [-0.25, -0.55, -1];
const TO_MOON = norm(scale(MOON_DIR, -1));

export class Sketch {
  private readonly body: string[] = [];
  private readonly defs: string[] = [];
  private ids = 0;

  constructor(
    readonly cam: Camera,
    private readonly rnd: () => number,
  ) {}

  sym(a: number): number {
    return (this.rnd() * 2 - 1) * a;
  }

  id(prefix: string): string {
    return `${prefix}${this.ids++}`;
  }

  def(markup: string): void {
    this.defs.push(markup);
  }

  raw(markup: string): void {
    this.body.push(markup);
  }

  /** World polygon to frame polygon, cut at the near plane. */
  toScreen(poly: V3[]): P2[] {
    const cam = poly.map((p) => this.cam.toCam(p));
    const clipped = clipPolygon(cam, (c) => c[2] >= NEAR, (a, b) => lerp3(a, b, (NEAR - a[2]) / (b[2] - a[2])));
    return clipped.map((c) => this.cam.screen(c));
  }

  fill3(poly: V3[], color: string, opacity = 1, seam = false): P2[] {
    const p = this.toScreen(poly);
    if (p.length >= 3) this.fill2(p, color, opacity, false, seam);
    return p;
  }

  /** `seam` strokes the edge in the fill colour, so faces that meet show no hairline between them. */
  fill2(p: P2[], color: string, opacity = 1, smooth = false, seam = false): void {
    this.body.push(
      `<path d="${smooth ? smoothPath(p, true) : polyPath(p)}" fill="${color}"${opacity < 1 ? ` fill-opacity="${opacity}"` : ''}` +
        `${seam ? ` stroke="${color}" stroke-width="0.8" stroke-linejoin="round"` : ''}/>`,
    );
  }

  line3(a: V3, b: V3, w = 1, opacity = 1): void {
    let ca = this.cam.toCam(a);
    let cb = this.cam.toCam(b);
    if (ca[2] < NEAR && cb[2] < NEAR) return;
    if (ca[2] < NEAR) ca = lerp3(ca, cb, (NEAR - ca[2]) / (cb[2] - ca[2]));
    if (cb[2] < NEAR) cb = lerp3(cb, ca, (NEAR - cb[2]) / (ca[2] - cb[2]));
    this.line2(this.cam.screen(ca), this.cam.screen(cb), w, opacity);
  }

  /** A pencil line: two strokes, slightly off each other, bowed, overshooting the ends. */
  line2(a: P2, b: P2, w = 1, opacity = 1): void {
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const L = Math.hypot(dx, dy);
    if (L < 0.8) return;
    const ux = dx / L;
    const uy = dy / L;
    const nx = -uy;
    const ny = ux;
    for (let pass = 0; pass < 2; pass++) {
      const j = Math.min(1.4, 0.4 + L * 0.004);
      const over = Math.min(7, 1.5 + L * 0.03) * (pass ? 0.5 : 1);
      const o1 = this.rnd() * over;
      const o2 = this.rnd() * over;
      const s: P2 = [a[0] - ux * o1 + nx * this.sym(j), a[1] - uy * o1 + ny * this.sym(j)];
      const e: P2 = [b[0] + ux * o2 + nx * this.sym(j), b[1] + uy * o2 + ny * this.sym(j)];
      const bow = this.sym(Math.min(2.5, L * 0.008));
      const c: P2 = [(s[0] + e[0]) / 2 + nx * bow, (s[1] + e[1]) / 2 + ny * bow];
      this.stroke(`M${pt(s)}Q${pt(c)} ${pt(e)}`, (pass ? 0.7 : 1.35) * w, (pass ? 0.4 : 0.82) * opacity);
    }
  }

  /** A smooth pencil curve through frame points (drawn twice, a hair apart). */
  curve2(p: P2[], closed: boolean, w = 1, opacity = 1): void {
    if (p.length < 2) return;
    this.stroke(smoothPath(p, closed), 1.35 * w, 0.82 * opacity);
    const dx = this.sym(1);
    const dy = this.sym(1);
    this.stroke(smoothPath(p.map(([x, y]) => [x + dx, y + dy] as P2), closed), 0.7 * w, 0.4 * opacity);
  }

  stroke(d: string, width: number, opacity: number, color = INK_HEX): void {
    this.body.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="${Math.max(0.1, Math.round(width * 100) / 100)}" stroke-opacity="${Math.round(opacity * 100) / 100}" stroke-linecap="round" stroke-linejoin="round"/>`);
  }

  /** Parallel pencil hatching inside a frame polygon. */
  hatch2(poly: P2[], angleDeg: number, gap: number, w = 0.7, opacity = 0.45, smooth = false): void {
    if (poly.length < 3) return;
    const clip = this.id('c');
    this.def(`<clipPath id="${clip}"><path d="${smooth ? smoothPath(poly, true) : polyPath(poly)}"/></clipPath>`);
    const xs = poly.map((p) => p[0]);
    const ys = poly.map((p) => p[1]);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const r = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) / 2 + 4;
    const a = (angleDeg * Math.PI) / 180;
    const ux = Math.cos(a);
    const uy = Math.sin(a);
    let d = '';
    for (let o = -r; o <= r; o += gap) {
      const jo = o + this.sym(gap * 0.2);
      const px = cx - uy * jo;
      const py = cy + ux * jo;
      d += `M${pt([px - ux * r, py - uy * r])}L${pt([px + ux * r + this.sym(3), py + uy * r + this.sym(3)])}`;
    }
    this.body.push(`<g clip-path="url(#${clip})">`);
    this.stroke(d, w, opacity);
    this.body.push('</g>');
  }

  beginClip(poly: P2[]): void {
    const clip = this.id('c');
    this.def(`<clipPath id="${clip}"><path d="${polyPath(poly)}"/></clipPath>`);
    this.body.push(`<g clip-path="url(#${clip})">`);
  }

  endClip(): void {
    this.body.push('</g>');
  }

  /** An outline through world points, straight where it turns sharply, smooth along curves. */
  outline3(pts: V3[], closed: boolean, w = 1, opacity = 1): void {
    const n = pts.length;
    const cams = pts.map((p) => this.cam.toCam(p));
    if (n <= 4 || cams.some((c) => c[2] < NEAR)) {
      for (let i = 0; i < (closed ? n : n - 1); i++) this.line3(pts[i], pts[(i + 1) % n], w, opacity);
      return;
    }
    const scr = cams.map((c) => this.cam.screen(c));
    const sharp = pts.map((_, i) => isSharp(pts, i, closed));
    const start = closed ? sharp.indexOf(true) : 0;
    if (closed && start < 0) {
      this.curve2(scr, true, w, opacity);
      return;
    }
    let run: P2[] = [scr[start]];
    const flush = () => {
      if (run.length === 2) this.line2(run[0], run[1], w, opacity);
      else if (run.length > 2) this.curve2(run, false, w, opacity);
    };
    const steps = closed ? n : n - 1;
    for (let k = 1; k <= steps; k++) {
      const i = (start + k) % n;
      run.push(scr[i]);
      if (sharp[i] || k === steps) {
        flush();
        run = [scr[i]];
      }
    }
  }

  svg(background = true): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
      `<defs>${this.defs.join('')}</defs>` +
      (background ? `<rect width="${W}" height="${H}" fill="${hex(PAPER)}"/>` : '') +
      this.body.join('') +
      '</svg>'
    );
  }
}

export function isSharp(pts: V3[], i: number, closed: boolean): boolean {
  const n = pts.length;
  if (!closed && (i === 0 || i === n - 1)) return true;
  const a = pts[(i - 1 + n) % n];
  const b = pts[i];
  const c = pts[(i + 1) % n];
  const u = norm(sub(b, a));
  const v = norm(sub(c, b));
  return dot(u, v) < Math.cos((25 * Math.PI) / 180);
}

/** Darker away from the moon, lighter facing it. */
export function shade(t: number, normal: V3): string {
  const lit = Math.max(0, dot(normal, TO_MOON));
  return tone(t * (1.12 - 0.5 * lit));
}
