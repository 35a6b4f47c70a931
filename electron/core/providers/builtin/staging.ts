import { Camera, add, cross, norm, scale, type V3 } from './camera';
import { POSES, type Figure } from './figure';
import { between, pickOne, type Angle, type ShotSize, type ShotSpec } from './shot';

/** How much of the subject the frame holds, as heights on a 1.75 m person (metres). */
const FRAMING: Record<ShotSize, { top: number; bottom: number }> = {
  ECU: { top: 1.73, bottom: 1.55 },
  CU: { top: 1.86, bottom: 1.4 },
  MCU: { top: 1.88, bottom: 1.2 },
  MS: { top: 1.92, bottom: 0.93 },
  MWS: { top: 1.98, bottom: 0.45 },
  WS: { top: 2.3, bottom: -0.2 },
  EWS: { top: 10, bottom: -6 },
  OTS: { top: 1.9, bottom: 1.1 },
  POV: { top: 2.05, bottom: 0.55 },
  INSERT: { top: 0.96, bottom: 0.62 },
};

/** The least width the frame holds at the subject (metres), so tall frames (9:16) pull back to keep the shoulders in. */
const MIN_WIDTH: Record<ShotSize, number> = { ECU: 0.2, CU: 0.42, MCU: 0.62, MS: 0.8, MWS: 0.95, WS: 1.2, EWS: 6, OTS: 0.8, POV: 1, INSERT: 0.4 };

/** Camera elevation above the aim point, degrees (positive looks down). */
const ELEVATION: Record<Angle, number> = { 'eye level': 0, dutch: 0, high: 32, low: -22, "bird's-eye": 82, "worm's-eye": -55 };

export interface Box {
  centre: V3;
  size: V3;
  yaw: number;
  kind: 'building' | 'table' | 'prop';
}

export interface Staging {
  camera: Camera;
  figures: Figure[];
  boxes: Box[];
  /** Half-size of the ground grid, metres. */
  gridExtent: number;
}

const SIDE_BY_SIDE = new Set<ShotSize>(['MS', 'MWS', 'WS', 'EWS', 'POV']);

/** Places camera, people and set for a shot; everything random comes from `rnd`, so a seed repeats a sketch. */
export function stage(shot: ShotSpec, width: number, height: number, rnd: () => number): Staging {
  const frame = FRAMING[shot.size];
  const visible = frame.top - frame.bottom;
  const aimY = (frame.top + frame.bottom) / 2;
  const probe = new Camera([0, 0, 10], [0, 0, 0], shot.lensMm, width, height);
  const distance = Math.max(visible / 2 / probe.tanHalfVertical, MIN_WIDTH[shot.size] / 2 / (probe.width / 2 / probe.focalPx));

  const orbit = (between(rnd, -22, 22) * Math.PI) / 180;
  let elevation = ELEVATION[shot.angle];
  if (shot.size === 'INSERT' && shot.angle === 'eye level') elevation = 24; // a prop on a table, seen as one looks at it
  elevation += shot.angle === 'eye level' || shot.angle === 'dutch' ? between(rnd, -3, 3) : between(rnd, -5, 5);
  const el = (elevation * Math.PI) / 180;
  const toCamera: V3 = [Math.sin(orbit) * Math.cos(el), Math.sin(el), Math.cos(orbit) * Math.cos(el)];

  // Eye level means a camera at eye height for people; the subject is then aimed at from there.
  let camPos = add([0, aimY, 0], scale(toCamera, distance));
  if ((shot.angle === 'eye level' || shot.angle === 'dutch') && shot.size !== 'INSERT') {
    camPos[1] = shot.size === 'EWS' ? 1.7 : Math.min(1.66, Math.max(1.3, aimY));
  }
  camPos[1] = Math.max(shot.angle === "worm's-eye" ? 0.12 : 0.3, camPos[1]);

  const flatForward = norm([-toCamera[0], 0, -toCamera[2]]);
  const flatRight = norm(cross(flatForward, [0, 1, 0]));
  const names: (string | null)[] = shot.characters.length ? [...shot.characters] : [null];
  // Over the shoulder: the first name faces us, the second is the shoulder in the foreground; a POV's owner is unseen.
  const people = shot.size === 'INSERT' ? [] : shot.size === 'OTS' || shot.size === 'POV' ? names.slice(0, 1).concat(names.slice(2)) : names;
  const sideBySide = SIDE_BY_SIDE.has(shot.size) && people.length > 1;
  const front = sideBySide ? people : people.slice(0, 1);
  const figures = lineUp(shot, front, flatForward, flatRight, camPos, rnd);

  // Composition: the subject (or the group) on a third or in the centre, by sliding the camera sideways.
  // Close-ups sit nearer the centre (a head bigger than a third cannot sit on one).
  const thirds = shot.size === 'ECU' ? [0.5] : shot.size === 'CU' ? [0.4, 0.5, 0.6] : [1 / 3, 1 / 3, 0.5, 2 / 3, 2 / 3];
  const centreX = sideBySide ? 0.5 + between(rnd, -0.05, 0.05) : pickOne(rnd, thirds) + between(rnd, -0.03, 0.03);
  const shift = ((0.5 - centreX) * width * distance) / probe.focalPx;
  const group = average(figures.map((f) => f.at));
  const slide = add([group[0], 0, group[2]], scale(flatRight, shift));
  const roll = shot.angle === 'dutch' ? pickOne(rnd, [-1, 1]) * between(rnd, 12, 18) : 0;
  const camera = new Camera(add(camPos, slide), add([0, aimY, 0], slide), shot.lensMm, width, height, roll);

  if (!sideBySide) figures.push(...inDepth(people.slice(1), camera, flatForward, flatRight, rnd));
  if (shot.size === 'OTS') figures.push(overShoulder(shot, camera, flatForward, flatRight, rnd));
  return { camera, figures, boxes: setDressing(shot, flatForward, flatRight, rnd), gridExtent: shot.size === 'EWS' ? 90 : 30 };
}

const facing = (from: V3, to: V3) => Math.atan2(to[0] - from[0], to[2] - from[2]);

function person(name: string | null, at: V3, yaw: number, role: Figure['role'], tiny: boolean, rnd: () => number): Figure {
  const pose = tiny || rnd() < 0.35 ? 'neutral' : pickOne(rnd, POSES);
  return { name, at, yaw, height: between(rnd, 1.66, 1.84), pose, role };
}

/** The subject, or a group side by side across the frame, turned towards the camera or each other. */
function lineUp(shot: ShotSpec, people: (string | null)[], fwd: V3, right: V3, cam: V3, rnd: () => number): Figure[] {
  const spacing = shot.size === 'EWS' ? between(rnd, 1.6, 3.2) : shot.size === 'WS' ? between(rnd, 1.0, 1.6) : between(rnd, 0.75, 1.0);
  const order = people.map((_, i) => i).sort(() => rnd() - 0.5);
  return people.map((name, i) => {
    const slot = people.length > 1 ? order.indexOf(i) - (people.length - 1) / 2 : 0;
    const at: V3 = people.length > 1 ? add(scale(right, slot * spacing + between(rnd, -0.12, 0.12)), scale(fwd, between(rnd, -0.5, 0.5) * Math.min(1, spacing))) : [0, 0, 0];
    // Two-shots: often turned towards the middle of the group; otherwise roughly towards the camera.
    const turn = people.length > 1 && rnd() < 0.55 ? -Math.sign(slot || 1) * between(rnd, 0.5, 1.0) : between(rnd, -0.5, 0.5);
    return person(name, at, facing(at, cam) + turn, i === 0 ? 'subject' : 'other', shot.size === 'EWS', rnd);
  });
}

/** In tight shots the others stand further back, on the other side of the frame from the subject. */
function inDepth(people: (string | null)[], camera: Camera, fwd: V3, right: V3, rnd: () => number): Figure[] {
  const subjectX = (camera.project([0, 1.6, 0])?.x ?? camera.width / 2) / camera.width;
  return people.map((name, i) => {
    // Try a few depths; keep the first whose head lands in the frame (a high angle lifts distant people out of it).
    const depths = [between(rnd, 2.2, 5.5), between(rnd, 1.4, 3), 1.2, 4, 7, 0.8, 0.5].map((d) => d + i * 0.9);
    const miss = (d: number) => {
      const y = (camera.project(add(scale(fwd, d), [0, 1.65, 0]))?.y ?? -1e6) / camera.height;
      return y < 0.12 ? 0.12 - y : y > 0.75 ? y - 0.75 : 0;
    };
    const depth = depths.find((d) => miss(d) === 0) ?? [...depths].sort((a, b) => miss(a) - miss(b))[0];
    const base = scale(fwd, depth);
    const want = Math.min(0.9, Math.max(0.1, (subjectX < 0.5 ? 0.72 : 0.28) + (i % 2 ? -1 : 1) * i * 0.09 + between(rnd, -0.06, 0.06))) * camera.width;
    // Screen x is linear in the sideways offset (the camera's right is level), so two probes solve it.
    const x0 = camera.project(add(base, [0, 1.6, 0]))?.x ?? 0;
    const x1 = camera.project(add(add(base, right), [0, 1.6, 0]))?.x ?? 1;
    const at = add(base, scale(right, (want - x0) / (x1 - x0 || 1)));
    return person(name, at, facing(at, camera.position) + between(rnd, -0.6, 0.6), 'other', false, rnd);
  });
}

/** The foreground shoulder of an over-the-shoulder shot, seen from behind near the camera. */
function overShoulder(shot: ShotSpec, camera: Camera, fwd: V3, right: V3, rnd: () => number): Figure {
  const subjectX = (camera.project([0, 1.6, 0])?.x ?? camera.width / 2) / camera.width;
  const side = subjectX < 0.5 ? 1 : -1; // the shoulder sits opposite the subject
  // Its head lands near the frame's edge, a third of it cut off; solved like the people in depth.
  const base = add([camera.position[0], 0, camera.position[2]], scale(fwd, between(rnd, 0.7, 1.0)));
  const want = (side > 0 ? between(rnd, 0.86, 0.94) : between(rnd, 0.06, 0.14)) * camera.width;
  const x0 = camera.project(add(base, [0, 1.6, 0]))?.x ?? 0;
  const x1 = camera.project(add(add(base, right), [0, 1.6, 0]))?.x ?? 1;
  const at = add(base, scale(right, (want - x0) / (x1 - x0 || 1)));
  return { name: shot.characters[1] ?? null, at, yaw: Math.atan2(fwd[0], fwd[2]) + side * between(rnd, 0.2, 0.5), height: 1.72, pose: 'neutral', role: 'foreground' };
}

/** A few buildings or walls behind the action (a table and a prop for an insert), for depth and perspective. */
function setDressing(shot: ShotSpec, fwd: V3, right: V3, rnd: () => number): Box[] {
  if (shot.size === 'INSERT') {
    const prop = pickOne(rnd, [[0.22, 0.05, 0.3], [0.09, 0.12, 0.09], [0.08, 0.015, 0.16], [0.2, 0.01, 0.28]] as V3[]);
    return [
      { centre: [0, 0.37, -0.1], size: [1.6, 0.74, 0.9], yaw: between(rnd, -0.2, 0.2), kind: 'table' },
      { centre: add([0, 0.74 + prop[1] / 2, 0], scale(right, between(rnd, -0.06, 0.06))), size: prop, yaw: between(rnd, -0.8, 0.8), kind: 'prop' },
    ];
  }
  const wide = shot.size === 'EWS';
  const count = wide ? 4 + Math.floor(rnd() * 4) : 2 + Math.floor(rnd() * 3);
  const boxes: Box[] = [];
  for (let i = 0; i < count; i++) {
    const back = wide ? between(rnd, 14, 70) : between(rnd, 7, 22);
    const lateral = between(rnd, -1, 1) * back * (wide ? 0.9 : 0.7);
    const size: V3 = [between(rnd, 2.5, 8), between(rnd, 2.6, wide ? 14 : 7), between(rnd, 2.5, 7)];
    boxes.push({ centre: add(add(scale(fwd, back), scale(right, lateral)), [0, size[1] / 2, 0]), size, yaw: Math.atan2(fwd[0], fwd[2]) + between(rnd, -0.35, 0.35), kind: 'building' });
  }
  return boxes;
}

function average(points: V3[]): V3 {
  if (points.length === 0) return [0, 0, 0];
  const s = points.reduce((acc, p) => add(acc, p), [0, 0, 0] as V3);
  return scale(s, 1 / points.length);
}
