import type { ScreenPoint } from './camera';

/** The pencil-on-paper palette: dark graphite for figures, lighter for the set, warm paper. */
export const INK = {
  paper: '#f4f1ea',
  figure: '#2b2a28',
  set: '#8d887e',
  grid: '#c4bfb3',
  note: '#7a756b',
  tone: '#e2ddd2',
  subjectTone: '#d6d0c3',
  foregroundTone: '#9a958b',
};

const f = (n: number) => (Math.round(n * 10) / 10).toString();
const pts = (points: { x: number; y: number }[]) => points.map((p) => `${f(p.x)},${f(p.y)}`).join(' ');

/** Draws SVG primitives with line weights scaled to the frame, so a 512 px and a 2048 px sketch look alike. */
export class Pen {
  /** The weight of a figure outline in pixels. */
  readonly weight: number;

  /** The frame's size for line and type sizes: the geometric mean, so tall and wide frames match. */
  get scale(): number {
    return Math.sqrt(this.width * this.height);
  }

  constructor(
    readonly width: number,
    readonly height: number,
    /** Seeds the hand-drawn wobble, so it too repeats with the seed. */
    private readonly rnd: () => number,
  ) {
    this.weight = Math.max(1.2, this.scale / 290);
  }

  /** A limb as a toned capsule with a graphite outline; a single stroke when it is too thin for that. */
  limb(a: ScreenPoint, b: ScreenPoint, radiusPx: number, tone: string): string {
    const d = `x1="${f(a.x)}" y1="${f(a.y)}" x2="${f(b.x)}" y2="${f(b.y)}"`;
    if (radiusPx * 2 < this.weight * 2) {
      return `<line ${d} stroke="${INK.figure}" stroke-width="${f(Math.max(1, radiusPx * 2))}" stroke-linecap="round"/>`;
    }
    return (
      `<line ${d} stroke="${INK.figure}" stroke-width="${f(radiusPx * 2 + this.weight * 2)}" stroke-linecap="round"/>` +
      `<line ${d} stroke="${tone}" stroke-width="${f(radiusPx * 2)}" stroke-linecap="round"/>`
    );
  }

  shape(points: ScreenPoint[], tone: string): string {
    return `<polygon points="${pts(points)}" fill="${tone}" stroke="${INK.figure}" stroke-width="${f(this.weight)}" stroke-linejoin="round"/>`;
  }

  head(c: ScreenPoint, radiusPx: number, tone: string): string {
    return `<ellipse cx="${f(c.x)}" cy="${f(c.y)}" rx="${f(radiusPx)}" ry="${f(radiusPx * 1.12)}" fill="${tone}" stroke="${INK.figure}" stroke-width="${f(this.weight)}"/>`;
  }

  polyline(points: ScreenPoint[], weight = 1, colour = INK.figure): string {
    return `<polyline points="${pts(points)}" fill="none" stroke="${colour}" stroke-width="${f(Math.max(0.8, this.weight * weight))}" stroke-linecap="round" stroke-linejoin="round"/>`;
  }

  /**
   * A pencil line: slightly bowed and overshooting its ends, as drawn by hand (an SVG filter would
   * do it too, but costs seconds per frame in librsvg).
   */
  line(a: { x: number; y: number }, b: { x: number; y: number }, colour: string, weight = 1, dash?: string, opacity = 1): string {
    const attrs =
      `stroke="${colour}" stroke-width="${f(Math.max(0.7, this.weight * weight))}" stroke-linecap="round" fill="none"` +
      (dash ? ` stroke-dasharray="${dash}"` : '') +
      (opacity < 1 ? ` stroke-opacity="${opacity.toFixed(2)}"` : '');
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (dash || len < this.weight * 6) return `<line x1="${f(a.x)}" y1="${f(a.y)}" x2="${f(b.x)}" y2="${f(b.y)}" ${attrs}/>`;
    const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
    const over = Math.min(len * 0.03, this.weight * 2.5) * this.rnd();
    const bow = (this.rnd() - 0.5) * Math.min(len * 0.012, this.weight * 3);
    const p = { x: a.x - ux * over, y: a.y - uy * over };
    const q = { x: b.x + ux * over * this.rnd(), y: b.y + uy * over * this.rnd() };
    const m = { x: (a.x + b.x) / 2 - uy * bow, y: (a.y + b.y) / 2 + ux * bow };
    return `<path d="M${f(p.x)} ${f(p.y)}Q${f(m.x)} ${f(m.y)} ${f(q.x)} ${f(q.y)}" ${attrs}/>`;
  }

  /** A closed outline of the set (a wall, a table), paper-filled so what is behind it disappears. */
  solid(points: { x: number; y: number }[], colour: string, fill = INK.paper, weight = 0.7): string {
    return `<polygon points="${pts(points)}" fill="${fill}" stroke="${colour}" stroke-width="${f(Math.max(0.7, this.weight * weight))}" stroke-linejoin="round"/>`;
  }

  dot(c: ScreenPoint, radiusPx: number): string {
    return `<circle cx="${f(c.x)}" cy="${f(c.y)}" r="${f(radiusPx)}" fill="${INK.figure}"/>`;
  }

  hatched(points: ScreenPoint[]): string {
    return `<polygon points="${pts(points)}" fill="url(#hatch)" stroke="none"/>`;
  }

  /** A name or note, with a paper halo so it reads over lines. */
  text(x: number, y: number, text: string, size: number, colour = INK.figure, anchor: 'start' | 'middle' | 'end' = 'middle', weight: 'normal' | 'bold' = 'bold'): string {
    const safe = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    return (
      `<text x="${f(x)}" y="${f(y)}" font-family="sans-serif" font-size="${f(size)}" font-weight="${weight}" letter-spacing="${f(size * 0.06)}" ` +
      `text-anchor="${anchor}" fill="${colour}" stroke="${INK.paper}" stroke-width="${f(size * 0.28)}" stroke-linejoin="round" paint-order="stroke">${safe}</text>`
    );
  }

  /** Shared definitions: the hatch for shadows. */
  defs(): string {
    const hatch = f(Math.max(4, this.width / 170));
    return (
      `<defs>` +
      `<pattern id="hatch" width="${hatch}" height="${hatch}" patternUnits="userSpaceOnUse" patternTransform="rotate(35)">` +
      `<line x1="0" y1="0" x2="0" y2="${hatch}" stroke="${INK.set}" stroke-width="${f(Math.max(0.8, this.weight * 0.45))}"/></pattern>` +
      `</defs>`
    );
  }
}
