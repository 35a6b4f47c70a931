/**
 * A pinhole camera in metres (x right, y up, z towards the default camera), so that lens, angle and
 * shot size act on the sketch as they do on set: the lens sets the field of view, shot size the
 * distance to the subject, the angle the camera's height and tilt.
 */
export type V3 = [number, number, number];

export const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: V3, k: number): V3 => [a[0] * k, a[1] * k, a[2] * k];
export const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const norm = (a: V3): V3 => scale(a, 1 / (Math.hypot(a[0], a[1], a[2]) || 1));

export interface ScreenPoint {
  x: number;
  y: number;
  /** Distance in front of the camera (metres along the view axis). */
  depth: number;
}

export class Camera {
  readonly right: V3;
  readonly up: V3;
  readonly forward: V3;
  /** Focal length in pixels: a 36 mm-wide sensor spread over the frame's width. */
  readonly focalPx: number;
  private readonly near = 0.05;

  constructor(
    readonly position: V3,
    target: V3,
    lensMm: number,
    readonly width: number,
    readonly height: number,
    rollDeg = 0,
  ) {
    this.forward = norm(sub(target, position));
    // Straight down has no defined "right": borrow the world's z axis then.
    const worldUp: V3 = Math.abs(this.forward[1]) > 0.999 ? [0, 0, -1] : [0, 1, 0];
    let right = norm(cross(this.forward, worldUp));
    let up = cross(right, this.forward);
    if (rollDeg) {
      const r = (rollDeg * Math.PI) / 180;
      const [c, s] = [Math.cos(r), Math.sin(r)];
      [right, up] = [add(scale(right, c), scale(up, s)), add(scale(up, c), scale(right, -s))];
    }
    this.right = right;
    this.up = up;
    this.focalPx = (lensMm / 36) * width;
  }

  /** Half the vertical field of view, as its tangent. */
  get tanHalfVertical(): number {
    return this.height / 2 / this.focalPx;
  }

  project(p: V3): ScreenPoint | null {
    const v = sub(p, this.position);
    const depth = dot(v, this.forward);
    if (depth < this.near * 0.999) return null;
    return {
      x: this.width / 2 + (this.focalPx * dot(v, this.right)) / depth,
      y: this.height / 2 - (this.focalPx * dot(v, this.up)) / depth,
      depth,
    };
  }

  /** A world segment clipped to the near plane and projected; null when wholly behind the camera. */
  segment(a: V3, b: V3): [ScreenPoint, ScreenPoint] | null {
    const da = dot(sub(a, this.position), this.forward) - this.near;
    const db = dot(sub(b, this.position), this.forward) - this.near;
    if (da < 0 && db < 0) return null;
    let [p, q] = [a, b];
    if (da < 0) p = add(a, scale(sub(b, a), da / (da - db)));
    if (db < 0) q = add(b, scale(sub(a, b), db / (db - da)));
    const pa = this.project(p);
    const pb = this.project(q);
    return pa && pb ? [pa, pb] : null;
  }

  /** A world polygon clipped to the near plane (Sutherland-Hodgman) and projected; null when nothing is in front. */
  polygon(points: V3[]): ScreenPoint[] | null {
    const ahead = (p: V3) => dot(sub(p, this.position), this.forward) - this.near;
    const out: V3[] = [];
    for (let i = 0; i < points.length; i++) {
      const a = points[i];
      const b = points[(i + 1) % points.length];
      const [da, db] = [ahead(a), ahead(b)];
      if (da >= 0) out.push(a);
      if (da >= 0 !== db >= 0) out.push(add(a, scale(sub(b, a), da / (da - db))));
    }
    if (out.length < 3) return null;
    const projected = out.map((p) => this.project(p));
    return projected.every(Boolean) ? (projected as ScreenPoint[]) : null;
  }

  /** Pixels per metre at a given depth. */
  pxPerMetre(depth: number): number {
    return this.focalPx / depth;
  }

  /** The horizon (the ground plane's vanishing line) as two screen points, or null when out of view. */
  horizon(): [ScreenPoint, ScreenPoint] | null {
    const flat = norm([this.forward[0], 0, this.forward[2]]);
    if (Math.hypot(this.forward[0], this.forward[2]) < 1e-3) return null;
    const side = norm(cross(flat, [0, 1, 0]));
    const far = 1e5;
    const a = this.project(add(this.position, add(scale(flat, far), scale(side, -far * 0.8))));
    const b = this.project(add(this.position, add(scale(flat, far), scale(side, far * 0.8))));
    return a && b ? [a, b] : null;
  }
}
