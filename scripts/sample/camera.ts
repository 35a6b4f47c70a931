// The pinhole camera: world points (metres, y up) to frame pixels.
import { W, H, SENSOR_MM, NEAR } from './canvas';
import { type V3, type P2, sub, dot, cross, norm } from './vectors';

export interface CameraSpec {
  pos: V3;
  target: V3;
  lensMm: number;
  /** Dutch angle in degrees. */
  roll?: number;
}

/** A pinhole camera: world (metres, y up) to frame pixels. */
export class Camera {
  readonly pos: V3;
  readonly R: V3;
  readonly U: V3;
  readonly F: V3;
  readonly f: number;
  private readonly cos: number;
  private readonly sin: number;

  constructor(spec: CameraSpec) {
    this.pos = spec.pos;
    this.F = norm(sub(spec.target, spec.pos));
    const up: V3 = Math.abs(this.F[1]) > 0.98 ? [0, 0, 1] : [0, 1, 0];
    this.R = norm(cross(up, this.F));
    this.U = cross(this.F, this.R);
    this.f = (W * spec.lensMm) / SENSOR_MM;
    const roll = ((spec.roll ?? 0) * Math.PI) / 180;
    this.cos = Math.cos(roll);
    this.sin = Math.sin(roll);
  }

  toCam(p: V3): V3 {
    const d = sub(p, this.pos);
    return [dot(d, this.R), dot(d, this.U), dot(d, this.F)];
  }

  screen(c: V3): P2 {
    const x = (this.f * c[0]) / c[2];
    const y = (-this.f * c[1]) / c[2];
    return [W / 2 + x * this.cos - y * this.sin, H / 2 + x * this.sin + y * this.cos];
  }

  project(p: V3): P2 | null {
    const c = this.toCam(p);
    return c[2] > NEAR ? this.screen(c) : null;
  }

  depth(p: V3): number {
    return this.toCam(p)[2];
  }

  sees(p: V3, normal: V3): boolean {
    return dot(normal, sub(this.pos, p)) > 1e-9;
  }
}
