// A person seen from the side or behind: legs, torso, arms, neck, head and hair.
import { NEAR, INK_HEX, tone } from './canvas';
import { type V3, type P2, fmt } from './vectors';
import { smoothPath } from './polygons';
import type { Sketch } from './sketch';
import { ring } from './solids';
import { BUILDS, type FigureSpec, type Local } from './figure-builds';
import { face } from './face';

export function figure(sk: Sketch, spec: FigureSpec): void {
  const b = BUILDS[spec.who];
  const pose = spec.pose ?? 'stand';
  const lift = pose === 'sit' ? 0.46 - 0.52 * b.height : 0;
  const refY = 0.85;
  const anchorW: V3 = [spec.at[0], lift + refY * b.height, spec.at[1]];
  const topW: V3 = [spec.at[0], lift + b.height, spec.at[1]];
  const c = sk.cam.toCam(anchorW);
  if (c[2] < NEAR * 4) return;
  const anchor = sk.cam.screen(c);
  const top = sk.cam.project(topW);
  if (!top) return;
  const s = (sk.cam.f * b.height) / c[2];
  const ang = Math.atan2(top[0] - anchor[0], -(top[1] - anchor[1]));
  const ca = Math.cos(ang);
  const sa = Math.sin(ang);
  const S = (p: Local): P2 => {
    const dx = p[0] * s;
    const dy = -(p[1] - refY) * s;
    return [anchor[0] + dx * ca - dy * sa, anchor[1] + dx * sa + dy * ca];
  };
  const back = spec.view === 'back' || spec.silhouette === true;
  const fillT = spec.tone ?? 0.45;
  const fill = tone(fillT);
  const w = s > 400 ? 1.5 : s > 150 ? 1.1 : 0.8;

  const headCy = 1 - b.ry;
  const chin = 1 - 2 * b.ry;
  const shY = chin - (spec.who === 'maya' ? 0.03 : 0.04);
  const sw = b.shoulders / 2;
  const hw = b.hips / 2;
  const hipY = 0.5;
  const side = (k: number, p: Local): Local => [p[0] * k, p[1]];

  const limb = (pts: Local[], width: number, color = fill) => {
    const p = pts.map(S);
    const wpx = width * s;
    const d = smoothPath(p, false);
    if (wpx < 2) {
      sk.stroke(d, Math.max(1.2, wpx), 0.9, tone(Math.min(1, fillT + 0.2)));
      return;
    }
    sk.stroke(d, wpx + 2.6 * w, 0.85);
    sk.stroke(d, wpx, 1, color);
  };

  // Legs.
  for (const k of [-1, 1]) {
    let leg: Local[];
    if (pose === 'tiptoe') {
      leg = k < 0 ? [[-hw / 2, hipY], [-hw / 2 - 0.01, 0.28], [-hw / 2, 0.07]] : [[hw / 2, hipY], [hw / 2 + 0.015, 0.3], [hw / 2 + 0.005, 0.12]];
    } else if (pose === 'sit') {
      leg = [[(k * hw) / 2, hipY], [(k * hw) / 1.6, hipY - 0.02], [(k * hw) / 1.6, 0.05]];
    } else {
      leg = [[(k * hw) / 2, hipY], [(k * hw) / 2, 0.27], [(k * hw) / 2.1, 0.05]];
    }
    const legTone = spec.who === 'grandpa' ? tone(fillT + 0.12) : tone(Math.max(0, fillT - 0.1));
    limb(leg, b.leg, legTone);
    const foot = S([leg[2][0] + k * 0.012, leg[2][1] - 0.03]);
    if (s > 60) {
      sk.fill2(ring(0, 0, 0, 1, 10).map(([dx, , dz]) => [foot[0] + dx * b.leg * s * 0.75, foot[1] + dz * b.leg * s * 0.35] as P2), tone(fillT + 0.2), 1, true);
    }
  }

  // Torso: Maya's is an oversized T-shirt, Grandpa's a cardigan.
  const hem = b.hem;
  const torso: Local[] = [
    [-0.5 * b.rx, shY + 0.03], [-0.5 * b.rx - 0.03, shY + 0.012], [-sw + 0.02, shY - 0.003], [-sw, shY - 0.035], [-sw + 0.012, shY - 0.16],
    [-hw - 0.01, (shY + hem) / 2 - 0.05], [-hw - (spec.who === 'maya' ? 0.03 : 0.012), hem],
    [hw + (spec.who === 'maya' ? 0.03 : 0.012), hem], [hw + 0.01, (shY + hem) / 2 - 0.05],
    [sw - 0.012, shY - 0.16], [sw, shY - 0.035], [sw - 0.02, shY - 0.003], [0.5 * b.rx + 0.03, shY + 0.012], [0.5 * b.rx, shY + 0.03],
  ];
  const tp = torso.map(S);
  sk.fill2(tp, fill, 1, true);
  sk.curve2(tp, true, w);
  if (s > 120 && !back) {
    if (spec.who === 'grandpa') {
      sk.curve2([S([-0.5 * b.rx, shY + 0.01]), S([-0.01, shY - 0.1]), S([-0.005, hem])], false, w * 0.8);
      sk.curve2([S([0.5 * b.rx, shY + 0.01]), S([0.012, shY - 0.1])], false, w * 0.8);
      for (let i = 0; i < 4; i++) {
        const p = S([0.012, shY - 0.13 - i * 0.07]);
        sk.raw(`<circle cx="${fmt(p[0])}" cy="${fmt(p[1])}" r="${fmt(Math.max(1, s * 0.005))}" fill="${INK_HEX}" fill-opacity="0.7"/>`);
      }
    } else {
      sk.curve2([S([-0.4 * b.rx, shY + 0.01]), S([0, shY - 0.02]), S([0.4 * b.rx, shY + 0.01])], false, w * 0.8);
    }
    // Folds.
    sk.curve2([S([-sw + 0.03, shY - 0.12]), S([-hw + 0.01, shY - 0.2])], false, w * 0.5, 0.6);
    sk.curve2([S([sw - 0.03, shY - 0.12]), S([hw - 0.01, shY - 0.22])], false, w * 0.5, 0.6);
  }

  // Arms.
  for (const k of [-1, 1]) {
    const sh: Local = [k * (sw - 0.02), shY - 0.03];
    let arm: Local[];
    if (pose === 'tiptoe') arm = [sh, [k * (sw + 0.09), shY - 0.1], [k * (sw + 0.19), shY - 0.13], [k * (sw + 0.23), shY - 0.12]];
    else if (pose === 'sit') arm = [sh, [k * (sw + 0.03), shY - 0.17], [k * (sw - 0.03), shY - 0.24], [k * (sw - 0.08), shY - 0.25]];
    else if (pose === 'offer' && k === 1) arm = [sh, [sw + 0.06, shY - 0.17], [sw + 0.03, shY - 0.07], [sw + 0.015, shY - 0.04]];
    else if (pose === 'milk' && k === -1) arm = [sh, [-sw - 0.04, shY - 0.17], [-sw + 0.05, shY - 0.1], [-sw + 0.09, shY - 0.08]];
    else arm = [sh, side(k, [sw + 0.015, shY - 0.17]), side(k, [sw + 0.02, shY - 0.31]), side(k, [sw + 0.015, shY - 0.37])];
    limb(arm, b.arm);
    const wrist = S(arm[arm.length - 2]);
    const hand = S(arm[arm.length - 1]);
    if (b.arm * s > 3) {
      const L = Math.hypot(hand[0] - wrist[0], hand[1] - wrist[1]) || 1;
      const ux = (hand[0] - wrist[0]) / L;
      const uy = (hand[1] - wrist[1]) / L;
      const r = b.arm * s;
      const mitten = ring(0, 0, 0, 1, 12).map(([c, , d]) => [hand[0] + ux * (c * 0.7 + 0.25) * r - uy * d * 0.5 * r, hand[1] + uy * (c * 0.7 + 0.25) * r + ux * d * 0.5 * r] as P2);
      sk.fill2(mitten, spec.silhouette ? fill : tone(fillT * 0.55), 1, true);
      sk.curve2(mitten, true, w * 0.8);
    }
    if (pose === 'offer' && k === 1) {
      const h = arm[arm.length - 1];
      const f0 = S([h[0] - 0.01, h[1] - 0.02]);
      const f1 = S([h[0] + 0.035, h[1] + 0.1]);
      sk.line2(f0, f1, w * 2);
      const dx = (f1[0] - f0[0]) / 8;
      const dy = (f1[1] - f0[1]) / 8;
      for (const o of [-1, 0, 1]) {
        const base: P2 = [f1[0] + o * dy * 0.6, f1[1] - o * dx * 0.6];
        sk.line2([base[0] - dx * 0.3, base[1] - dy * 0.3], [base[0] + dx * 2.2, base[1] + dy * 2.2], w * 1.3);
      }
      sk.line2([f1[0] - dy * 0.7, f1[1] + dx * 0.7], [f1[0] + dy * 0.7, f1[1] - dx * 0.7], w * 1.6);
    }
    if (pose === 'milk' && k === -1 && s > 150) {
      const h = S(arm[arm.length - 1]);
      const bw = 0.035 * s;
      const bh = 0.13 * s;
      const bottle: P2[] = [[h[0] - bw, h[1] + bh * 0.4], [h[0] - bw, h[1] - bh * 0.45], [h[0] - bw * 0.5, h[1] - bh * 0.6], [h[0] - bw * 0.5, h[1] - bh * 0.75],
        [h[0] + bw * 0.5, h[1] - bh * 0.75], [h[0] + bw * 0.5, h[1] - bh * 0.6], [h[0] + bw, h[1] - bh * 0.45], [h[0] + bw, h[1] + bh * 0.4]];
      sk.fill2(bottle, tone(0.05));
      for (let i = 0; i < bottle.length; i++) sk.line2(bottle[i], bottle[(i + 1) % bottle.length], w);
    }
  }

  // Neck and head.
  const nw = (spec.who === 'grandpa' ? 0.56 : 0.48) * b.rx;
  const neck: Local[] = [[-nw, chin + 0.02], [nw, chin + 0.02], [nw, shY + 0.02], [-nw, shY + 0.02]];
  sk.fill2(neck.map(S), spec.silhouette ? fill : tone(fillT * 0.8));
  sk.line2(S(neck[0]), S(neck[3]), w * 0.8);
  sk.line2(S(neck[1]), S(neck[2]), w * 0.8);
  const head = (k: number, dy = 0, scaleX = 1): P2[] =>
    ring(0, 0, 0, 1, 28).map(([dx, , dz]) => S([dx * b.rx * k * scaleX, headCy + dy + dz * b.ry * k]));
  const hairT = spec.silhouette ? fillT : spec.who === 'maya' ? Math.min(0.85, fillT + 0.3) : 0.25;
  const hair = tone(hairT);
  if (spec.who === 'maya') {
    for (const k of [-1, 1]) {
      // A pigtail: tied just under the ear, hanging and flicking outward.
      const tail: P2[] = (
        [[0.82, 0.05], [1.05, 0.08], [1.3, -0.25], [1.42, -0.7], [1.5, -1.05], [1.3, -0.95], [1.12, -0.65], [0.98, -0.3]] as Local[]
      ).map(([x, y]) => S([k * x * b.rx, headCy + y * b.ry]));
      sk.fill2(tail, hair, 1, true);
      sk.curve2(tail, true, w * 0.8);
      if (s > 200) {
        sk.line2(S([k * 0.92 * b.rx, headCy + 0.02 * b.ry]), S([k * 1.12 * b.rx, headCy - 0.08 * b.ry]), w * 2.2);
        sk.curve2([S([k * 1.15 * b.rx, headCy - 0.2 * b.ry]), S([k * 1.3 * b.rx, headCy - 0.6 * b.ry]), S([k * 1.38 * b.rx, headCy - 0.9 * b.ry])], false, w * 0.5, 0.6);
      }
    }
  }
  const faceTone = back ? hair : tone(fillT * (s > 300 ? 0.35 : 0.7));
  const hp = head(1);
  sk.fill2(hp, faceTone, 1, true);
  if (!back && s > 150) {
    // Ears.
    for (const k of [-1, 1]) {
      const ear = ring(0, 0, 0, 1, 10).map(([dx, , dz]) => S([k * b.rx * 0.97 + dx * b.rx * 0.13, headCy - 0.08 * b.ry + dz * b.ry * 0.19]));
      sk.fill2(ear, faceTone, 1, true);
      sk.curve2(ear, true, w * 0.8);
    }
    sk.fill2(hp, faceTone, 1, true);
  }
  sk.curve2(hp, true, w);
  if (spec.shadowSide && s > 150 && !back) {
    const half = ring(0, 0, 0, 1, 28)
      .map(([dx, , dz]) => [dx, dz] as Local)
      .filter(([dx]) => dx * spec.shadowSide! >= -0.05)
      .map(([dx, dz]) => S([dx * b.rx, headCy + dz * b.ry]));
    sk.hatch2(half, 62, Math.max(3, s * 0.004), 0.6, 0.35, true);
  }
  if (spec.who === 'maya') {
    // Hair cap with a fringe; from behind it covers the head, with a parting.
    const cap: Local[] = back
      ? ring(0, 0, 0, 1, 24).map(([dx, , dz]) => [dx * b.rx * 1.06, headCy + dz * b.ry * 1.04] as Local)
      : [
          [-b.rx * 1.06, headCy - 0.25 * b.ry], [-b.rx * 1.02, headCy + 0.45 * b.ry], [-b.rx * 0.6, headCy + 0.95 * b.ry], [0, headCy + 1.06 * b.ry],
          [b.rx * 0.6, headCy + 0.95 * b.ry], [b.rx * 1.02, headCy + 0.45 * b.ry], [b.rx * 1.06, headCy - 0.25 * b.ry], [b.rx * 0.92, headCy + 0.25 * b.ry],
          [b.rx * 0.5, headCy + 0.35 * b.ry], [b.rx * 0.1, headCy + 0.28 * b.ry], [-b.rx * 0.3, headCy + 0.36 * b.ry], [-b.rx * 0.92, headCy + 0.25 * b.ry],
        ];
    const cp = cap.map(S);
    sk.fill2(cp, hair, 1, true);
    sk.curve2(cp, true, w);
    if (s > 120) {
      for (const k of [-0.6, -0.2, 0.2, 0.6]) {
        sk.curve2([S([k * b.rx * 0.3, headCy + b.ry * 1.0]), S([k * b.rx * 0.8, headCy + b.ry * 0.6]), S([k * b.rx * 1.05, headCy + b.ry * (back ? -0.6 : 0.2)])], false, w * 0.5, 0.6);
      }
    }
  } else {
    // Grandpa: bald on top, grey at the sides.
    for (const k of [-1, 1]) {
      const tuft: P2[] = (
        [[0.78, 0.5], [0.98, 0.35], [1.06, 0.05], [1.02, -0.22], [0.9, -0.1], [0.86, 0.2]] as Local[]
      ).map(([x, y]) => S([k * x * b.rx, headCy + y * b.ry]));
      sk.fill2(tuft, spec.silhouette ? fill : tone(0.2), 1, true);
      sk.curve2(tuft, true, w * 0.6, 0.8);
    }
  }

  if (spec.silhouette) {
    for (const k of [-1, 1]) {
      const g = S([k * 0.38 * b.rx, headCy + 0.02 * b.ry]);
      const r = Math.max(1.5, 0.2 * b.rx * s);
      sk.raw(`<ellipse cx="${fmt(g[0])}" cy="${fmt(g[1])}" rx="${fmt(r)}" ry="${fmt(r * 0.7)}" fill="#f4f2ea" fill-opacity="0.9"/>`);
    }
    return;
  }
  if (!back && s > 150) face(sk, spec, b, S, headCy, w);
}
