import { describe, expect, it } from 'vitest';
import {
  FIT_VIEW,
  MAX_VIEW_ZOOM,
  cssTransform,
  flipView,
  frameToScreen,
  normaliseAngle,
  rotateDrag,
  rotateTo,
  screenToFrame,
  sketchPixelScale,
  snapRotation,
  wheelFactor,
  zoomAround,
  zoomTo,
  type FrameBox,
  type ViewTransform,
} from '../../renderer/src/editor/view/view-transform';

const BOX: FrameBox = { cx: 500, cy: 300, width: 640, height: 360 };
const VIEWS: ViewTransform[] = [
  FIT_VIEW,
  { zoom: 2, panX: 30, panY: -12, rotation: 0, flipped: false },
  { zoom: 0.5, panX: -80, panY: 40, rotation: 90, flipped: true },
  { zoom: 3.3, panX: 11, panY: 7, rotation: -37.5, flipped: true },
  { zoom: 1.2, panX: 0, panY: 0, rotation: 180, flipped: false },
];

/** Applies the CSS transform string the way a browser does, about the frame's centre. */
function applyCss(css: string, box: FrameBox, u: number, v: number): { x: number; y: number } {
  const m = /translate\((.+)px, (.+)px\) rotate\((.+)deg\) scale\((.+), (.+)\)/.exec(css)!;
  const [tx, ty, deg, sx, sy] = m.slice(1).map(Number);
  const x = (u - 0.5) * box.width * sx;
  const y = (v - 0.5) * box.height * sy;
  const r = (deg * Math.PI) / 180;
  return { x: box.cx + tx + x * Math.cos(r) - y * Math.sin(r), y: box.cy + ty + x * Math.sin(r) + y * Math.cos(r) };
}

describe('editor view transform', () => {
  it('at Fit maps the frame onto its laid-out box', () => {
    expect(frameToScreen(FIT_VIEW, BOX, 0, 0)).toEqual({ x: 180, y: 120 });
    expect(frameToScreen(FIT_VIEW, BOX, 1, 1)).toEqual({ x: 820, y: 480 });
    expect(screenToFrame(FIT_VIEW, BOX, 500, 300)).toEqual({ u: 0.5, v: 0.5 });
  });

  it('screen to frame is the exact inverse of frame to screen, and agrees with the CSS transform', () => {
    for (const view of VIEWS) {
      for (const [u, v] of [[0, 0], [1, 0], [0.25, 0.8], [0.5, 0.5], [1.3, -0.2]]) {
        const p = frameToScreen(view, BOX, u, v);
        const back = screenToFrame(view, BOX, p.x, p.y);
        expect(back.u).toBeCloseTo(u, 9);
        expect(back.v).toBeCloseTo(v, 9);
        const css = applyCss(cssTransform(view), BOX, u, v);
        expect(css.x).toBeCloseTo(p.x, 6);
        expect(css.y).toBeCloseTo(p.y, 6);
      }
    }
  });

  it('rotates clockwise on screen and mirrors the frame when flipped', () => {
    // A quarter turn: the frame's top-right corner goes to the bottom right of the centre.
    const turned = { ...FIT_VIEW, rotation: 90 };
    const tr = frameToScreen(turned, BOX, 1, 0);
    expect(tr.x).toBeCloseTo(500 + 180, 9);
    expect(tr.y).toBeCloseTo(300 + 320, 9);
    const flipped = flipView(FIT_VIEW);
    expect(flipped.flipped).toBe(true);
    expect(frameToScreen(flipped, BOX, 0, 0)).toEqual({ x: 820, y: 120 });
  });

  it('zooms about a point, keeping the frame point under it still', () => {
    for (const view of VIEWS) {
      const q = { dx: 123, dy: -45 };
      const before = screenToFrame(view, BOX, BOX.cx + q.dx, BOX.cy + q.dy);
      const zoomed = zoomAround(view, q.dx, q.dy, 1.7);
      expect(zoomed.zoom).toBeCloseTo(view.zoom * 1.7, 9);
      const after = screenToFrame(zoomed, BOX, BOX.cx + q.dx, BOX.cy + q.dy);
      expect(after.u).toBeCloseTo(before.u, 9);
      expect(after.v).toBeCloseTo(before.v, 9);
    }
    expect(zoomAround(FIT_VIEW, 0, 0, 1000).zoom).toBe(MAX_VIEW_ZOOM);
    expect(zoomTo({ ...FIT_VIEW, zoom: 3, panX: 60 }, 1)).toMatchObject({ zoom: 1, panX: 20 });
  });

  it('flipping mirrors the screen left to right about the centre, at any rotation', () => {
    for (const view of VIEWS) {
      const f = flipView(view);
      for (const [u, v] of [[0, 0], [0.3, 0.9], [1, 0.5]]) {
        const a = frameToScreen(view, BOX, u, v);
        const b = frameToScreen(f, BOX, u, v);
        expect(b.x - BOX.cx).toBeCloseTo(-(a.x - BOX.cx), 9);
        expect(b.y).toBeCloseTo(a.y, 9);
      }
      const twice = flipView(f);
      expect(twice.flipped).toBe(view.flipped);
      expect(twice.rotation).toBeCloseTo(view.rotation, 9);
    }
  });

  it('rotating turns the whole picture about the stage centre', () => {
    const view: ViewTransform = { zoom: 2, panX: 100, panY: 0, rotation: 0, flipped: false };
    const r = rotateTo(view, 90);
    expect(r.panX).toBeCloseTo(0, 9);
    expect(r.panY).toBeCloseTo(100, 9);
    const a = frameToScreen(view, BOX, 0.2, 0.7);
    const b = frameToScreen(r, BOX, 0.2, 0.7);
    // (x, y) about the centre goes to (-y, x): a quarter turn clockwise on screen.
    expect(b.x - BOX.cx).toBeCloseTo(-(a.y - BOX.cy), 9);
    expect(b.y - BOX.cy).toBeCloseTo(a.x - BOX.cx, 9);
  });

  it('snaps rotation to a quarter turn within 5 degrees, and normalises angles', () => {
    expect(snapRotation(4.9)).toBe(0);
    expect(snapRotation(-4)).toBe(0);
    expect(snapRotation(5.5)).toBe(5.5);
    expect(snapRotation(86)).toBe(90);
    expect(snapRotation(183)).toBe(180);
    expect(snapRotation(-178)).toBe(180);
    expect(snapRotation(272)).toBe(-90);
    expect(snapRotation(100)).toBe(100);
    expect(normaliseAngle(540)).toBe(180);
    expect(normaliseAngle(-190)).toBe(170);
  });

  it('a rotate drag adds the angle the pointer turned through about the centre, snapped', () => {
    const quarter = rotateDrag(FIT_VIEW, { dx: 100, dy: 0 }, { dx: 3, dy: 100 });
    expect(quarter.rotation).toBe(90);
    const free = rotateDrag(FIT_VIEW, { dx: 100, dy: 0 }, { dx: 100, dy: 100 });
    expect(free.rotation).toBeCloseTo(45, 9);
    const back = rotateDrag({ ...FIT_VIEW, rotation: 90 }, { dx: 0, dy: 100 }, { dx: 100, dy: 0 });
    expect(back.rotation).toBe(0);
  });

  it('zooms by the wheel: a pinch of 100·ln 2 pixels doubles, a wheel notch out undoes a notch in', () => {
    expect(wheelFactor(-100 * Math.log(2), 0, true)).toBeCloseTo(2, 9);
    expect(wheelFactor(-100, 0, false) * wheelFactor(100, 0, false)).toBeCloseTo(1, 12);
    expect(wheelFactor(-100, 0, false)).toBeGreaterThan(1.1);
    expect(wheelFactor(-3, 1, false)).toBeCloseTo(wheelFactor(-48, 0, false), 12); // lines are 16 px
    expect(wheelFactor(-1e6, 0, false)).toBeLessThan(2); // one wild event does not fly off
  });

  it('sharpens the sketch canvases as the zoom passes each power of two, within a size limit', () => {
    expect(sketchPixelScale(1, 1000, 1)).toBe(1);
    expect(sketchPixelScale(0.5, 1000, 1)).toBe(1);
    expect(sketchPixelScale(1.5, 1000, 1)).toBe(2);
    expect(sketchPixelScale(2, 1000, 1)).toBe(2);
    expect(sketchPixelScale(3, 1000, 1)).toBe(4);
    expect(sketchPixelScale(16, 1000, 1)).toBe(4);
    expect(sketchPixelScale(16, 1000, 2)).toBe(2); // 8000 x 8000 would be over the pixel budget
    expect(sketchPixelScale(16, 1500, 2)).toBe(2);
    // Ten layers and the live canvas of a 1150 x 650 frame: 4x would be 130 million pixels; 2x fits.
    expect(sketchPixelScale(16, 1150, 1, 11, 650)).toBe(2);
    expect(sketchPixelScale(16, 1150, 2, 11, 650)).toBe(1);
  });
});
