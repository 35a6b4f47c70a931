import { add } from './camera';
import { drawCaption, drawLabels, drawMove, drawPovVignette, type LabelAnchor } from './annotate';
import { drawFigure, groundShadow } from './figure';
import { INK, Pen } from './pen';
import { drawSet } from './set';
import { seededRandom, type ShotSpec } from './shot';
import { stage } from './staging';

/**
 * The whole composition sketch as SVG: set, shadows and figures through the pencil filter, then
 * crisp labels, the caption and the camera-move arrows on top.
 */
export function sketchSvg(shot: ShotSpec, width: number, height: number, seed: number): string {
  const rnd = seededRandom(seed);
  const st = stage(shot, width, height, rnd);
  const pen = new Pen(width, height, seededRandom(seed ^ 0x5bd1e995));
  const cam = st.camera;

  const byDepth = [...st.figures].sort((a, b) => depthOf(cam, b.at) - depthOf(cam, a.at));
  const shadows = byDepth.map((f) => groundShadow(cam, f, pen)).join('');
  const anchors: LabelAnchor[] = [];
  const bodies = byDepth
    .map((f) => {
      const tone = f.role === 'foreground' ? INK.foregroundTone : f.role === 'subject' ? INK.subjectTone : INK.tone;
      const drawn = drawFigure(cam, f, pen, tone);
      const above = cam.project(add(f.at, [0, f.height + 0.16, 0]));
      if (f.name && drawn.head && above) anchors.push({ name: f.name, above, head: drawn.head, headPx: drawn.headPx });
      return drawn.svg;
    })
    .join('');
  // Nearest figures' labels first, so they win the best spots.
  anchors.reverse();

  const povOf = shot.size === 'POV' ? (shot.characters[1] ?? null) : null;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    pen.defs() +
    `<rect width="${width}" height="${height}" fill="${INK.paper}"/>` +
    drawSet(st, pen) +
    shadows +
    bodies +
    (shot.size === 'POV' ? drawPovVignette(pen) : '') +
    drawLabels(anchors, pen) +
    drawMove(shot.cameraMove, pen) +
    drawCaption(shot, pen, povOf) +
    `</svg>`
  );
}

const depthOf = (cam: { position: number[] }, p: number[]) => Math.hypot(p[0] - cam.position[0], p[2] - cam.position[2]);
