import { describe, expect, it } from 'vitest';
import type { Stroke } from '../../shared/domain/sketch';
import {
  apply,
  compose,
  dragTransform,
  handleAt,
  isIdentity,
  lengthFactor,
  rotateAbout,
  rotateHandleAt,
  scaleAbout,
  selectionBox,
  strokeBox,
  transformStroke,
  translate,
  ROTATE_GAP,
} from '../../renderer/src/editor/tools/selection-geometry';
import { strokesInBox, strokesInLasso } from '../../renderer/src/editor/tools/stroke-hit';

const ASPECT = 16 / 9;
const line = (id: string, points: [number, number][], size = 0.004): Stroke => ({ id, tool: 'pen', color: '#000000', size, opacity: 1, points: points.map(([x, y]) => [x, y, 0.5]) });
const text = (id: string, x: number, y: number, words: string, size = 0.02): Stroke => ({ id, tool: 'text', color: '#000000', size, opacity: 1, points: [[x, y, 0.5]], text: words });
const close = (a: readonly number[], b: readonly number[], digits = 6) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i], digits));

describe('selection geometry: maps', () => {
  it('translates, scales about a point, and composes', () => {
    close(apply(translate(0.1, -0.2), 0.5, 0.5), [0.6, 0.3]);
    const s = scaleAbout(2, 3, 0.5, 0.5);
    close(apply(s, 0.5, 0.5), [0.5, 0.5]); // the origin stays put
    close(apply(s, 0.6, 0.6), [0.7, 0.8]);
    close(apply(compose(translate(1, 0), s), 0.6, 0.6), [1.7, 0.8]); // scale first, then move
    expect(isIdentity(compose(translate(-0.1, 0.2), translate(0.1, -0.2)))).toBe(true);
    expect(lengthFactor(scaleAbout(2, 2, 0, 0))).toBeCloseTo(2);
    expect(lengthFactor(scaleAbout(4, 1, 0, 0))).toBeCloseTo(2); // a non-uniform scale widens by the geometric mean
  });

  it('rotates as the eye sees it on a wide frame: a quarter turn keeps lengths in pixels', () => {
    const m = rotateAbout(Math.PI / 2, 0.5, 0.5, ASPECT);
    // A point 0.1 of the width right of the centre goes below it, 0.1·16/9 of the height down (clockwise, y down).
    close(apply(m, 0.6, 0.5), [0.5, 0.5 + 0.1 * ASPECT]);
    // And back: a point above the centre goes right of it.
    close(apply(m, 0.5, 0.4), [0.5 + 0.1 / ASPECT, 0.5]);
    expect(lengthFactor(m)).toBeCloseTo(1);
    const [w, h] = [1600, 900];
    const [x, y] = apply(rotateAbout(0.7, 0.3, 0.6, ASPECT), 0.45, 0.2);
    expect(Math.hypot((x - 0.3) * w, (y - 0.6) * h)).toBeCloseTo(Math.hypot((0.45 - 0.3) * w, (0.2 - 0.6) * h), 6);
  });
});

describe('selection geometry: strokes', () => {
  it('boxes lines by their ink (half the width out) and texts by their letters', () => {
    const b = strokeBox(line('a', [[0.2, 0.3], [0.4, 0.5]], 0.01), ASPECT);
    const half = (0.01 * (0.35 + 1.3 * 0.5)) / 2;
    close([b.x0, b.y0, b.x1, b.y1], [0.2 - half, 0.3 - half * ASPECT, 0.4 + half, 0.5 + half * ASPECT]);
    const t = strokeBox(text('t', 0.1, 0.7, 'HELLO'), ASPECT);
    close([t.x0, t.y0, t.x1, t.y1], [0.1, 0.7, 0.1 + 0.02 * 0.6 * 5, 0.7 + 0.02 * ASPECT]);
    const all = selectionBox([line('a', [[0.2, 0.3], [0.4, 0.5]]), text('t', 0.1, 0.7, 'HELLO')], ASPECT)!;
    expect(all.x0).toBeCloseTo(0.1);
    expect(all.y1).toBeCloseTo(0.7 + 0.02 * ASPECT);
    expect(selectionBox([], ASPECT)).toBeNull();
  });

  it('maps a stroke\'s points and scales its width with it; a move keeps the width', () => {
    const s = line('a', [[0.2, 0.2], [0.4, 0.2]], 0.004);
    const moved = transformStroke(s, translate(0.1, 0.05), ASPECT);
    expect(moved.points).toEqual([[0.3, 0.25, 0.5], [0.5, 0.25, 0.5]]);
    expect(moved.size).toBe(0.004);
    expect(moved.id).toBe('a');
    const big = transformStroke(s, scaleAbout(2, 2, 0.2, 0.2), ASPECT);
    expect(big.points).toEqual([[0.2, 0.2, 0.5], [0.6, 0.2, 0.5]]);
    expect(big.size).toBeCloseTo(0.008, 7);
    // Coordinates stay within what is stored (−1..2) and sizes within what the API takes.
    const far = transformStroke(s, translate(5, 0), ASPECT);
    expect(far.points.every(([x]) => x === 2)).toBe(true);
    expect(transformStroke(s, scaleAbout(1000, 1000, 0, 0), ASPECT).size).toBe(0.5);
  });

  it('a text note follows the map with its middle and grows with it, but stays level', () => {
    const t = text('t', 0.1, 0.5, 'AB', 0.02);
    const moved = transformStroke(t, translate(0.2, 0.1), ASPECT);
    close(moved.points[0], [0.3, 0.6, 0.5], 5);
    const box = strokeBox(t, ASPECT);
    const [cx, cy] = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
    const doubled = transformStroke(t, scaleAbout(2, 2, box.x0, box.y0), ASPECT);
    expect(doubled.size).toBeCloseTo(0.04, 7);
    close(doubled.points[0], [0.1, 0.5, 0.5], 5); // scaled from its own corner: the corner stays
    const turned = transformStroke(t, rotateAbout(Math.PI / 2, cx, cy, ASPECT), ASPECT);
    expect(turned.size).toBeCloseTo(0.02, 7);
    const after = strokeBox(turned, ASPECT);
    close([(after.x0 + after.x1) / 2, (after.y0 + after.y1) / 2], [cx, cy], 5); // turned about its own middle: still there, upright
  });
});

describe('selection geometry: drags', () => {
  const box = { x0: 0.2, y0: 0.2, x1: 0.4, y1: 0.6 };

  it('a drag inside moves by the pointer\'s travel', () => {
    const m = dragTransform({ kind: 'move', box, start: [0.3, 0.3], now: [0.35, 0.2], shift: false }, ASPECT);
    close(apply(m, 0.2, 0.2), [0.25, 0.1]);
  });

  it('a corner scales about the opposite corner; Shift keeps the proportions', () => {
    const free = dragTransform({ kind: 'se', box, start: [0.4, 0.6], now: [0.6, 0.7], shift: false }, ASPECT);
    close(apply(free, 0.2, 0.2), [0.2, 0.2]);
    close(apply(free, 0.4, 0.6), [0.6, 0.7]);
    const kept = dragTransform({ kind: 'se', box, start: [0.4, 0.6], now: [0.6, 0.7], shift: true }, ASPECT);
    close(apply(kept, 0.4, 0.6), [0.6, 1.0]); // x doubled, so y doubles too
    const nw = dragTransform({ kind: 'nw', box, start: [0.2, 0.2], now: [0.3, 0.4], shift: false }, ASPECT);
    close(apply(nw, 0.4, 0.6), [0.4, 0.6]);
    close(apply(nw, 0.2, 0.2), [0.3, 0.4]);
  });

  it('the rotate handle turns about the middle; Shift snaps to 15°', () => {
    const [cx, cy] = [0.3, 0.4];
    // From straight above the middle to straight right of it: a quarter turn clockwise.
    const quarter = dragTransform({ kind: 'rotate', box, start: [cx, 0.1], now: [0.9, cy], shift: false }, ASPECT);
    close(apply(quarter, cx, cy), [cx, cy]);
    close(apply(quarter, cx, cy - 0.1), [cx + 0.1 / ASPECT, cy]);
    // About 20° snaps to 15°.
    const a = (20 * Math.PI) / 180;
    const now: [number, number] = [cx + (Math.sin(a) * 0.2) / ASPECT, cy - Math.cos(a) * 0.2];
    const snapped = dragTransform({ kind: 'rotate', box, start: [cx, cy - 0.2], now, shift: true }, ASPECT);
    close(snapped, rotateAbout(Math.PI / 12, cx, cy, ASPECT));
  });

  it('finds the handle under the pointer, the inside, or nothing', () => {
    const [w, h] = [1600, 900];
    expect(handleAt(box, 0.2 * w + 2, 0.2 * h - 2, w, h, 8)).toBe('nw');
    expect(handleAt(box, 0.4 * w, 0.6 * h, w, h, 8)).toBe('se');
    expect(handleAt(box, 0.3 * w, 0.2 * h - ROTATE_GAP, w, h, 8)).toBe('rotate');
    expect(handleAt(box, 0.3 * w, 0.2 * h - ROTATE_GAP * 2, w, h, 8, 2)).toBe('rotate'); // zoomed out: the gap on screen is the same
    expect(handleAt(box, 0.3 * w, 0.4 * h, w, h, 8)).toBe('inside');
    expect(handleAt(box, 0.8 * w, 0.4 * h, w, h, 8)).toBeNull();
    // No room above the frame's top: the rotate handle goes below the box.
    const top = { x0: 0.2, y0: 0.01, x1: 0.4, y1: 0.3 };
    const turn = rotateHandleAt(top, w, h);
    close([turn.x, turn.y, turn.edge], [0.3 * w, 0.3 * h + ROTATE_GAP, 0.3 * h]);
    expect(handleAt(top, 0.3 * w, 0.3 * h + ROTATE_GAP, w, h, 8)).toBe('rotate');
  });
});

describe('selecting with a box', () => {
  it('takes lines crossing or inside it, fills holding it, texts meeting it; never eraser strokes', () => {
    const strokes: Stroke[] = [
      line('across', [[0.1, 0.5], [0.9, 0.5]]), // crosses the box without a point in it
      line('inside', [[0.45, 0.45], [0.5, 0.48]]),
      line('away', [[0.1, 0.9], [0.9, 0.9]]),
      { ...line('fill', [[0, 0], [1, 0], [1, 1], [0, 1]]), tool: 'fill' }, // holds the box
      text('note', 0.38, 0.38, 'HI'),
      { ...line('rub', [[0.45, 0.45], [0.5, 0.5]]), tool: 'eraser' },
    ];
    expect(strokesInBox(strokes, { x0: 0.4, y0: 0.4, x1: 0.6, y1: 0.6 }, ASPECT)).toEqual(['across', 'inside', 'fill', 'note']);
    expect(strokesInBox(strokes, { x0: 0.05, y0: 0.85, x1: 0.2, y1: 0.95 }, ASPECT)).toEqual(['away', 'fill']);
  });
});

describe('selecting with a lasso', () => {
  it('takes strokes with a point inside the loop or a segment across it, fills holding it, texts it meets', () => {
    // A diamond round (0.5, 0.5).
    const loop: [number, number][] = [[0.5, 0.3], [0.7, 0.5], [0.5, 0.7], [0.3, 0.5]];
    const strokes: Stroke[] = [
      line('inside', [[0.45, 0.5], [0.55, 0.5]]),
      line('across', [[0.1, 0.5], [0.9, 0.5]]), // no point inside, but it crosses the loop
      line('corner', [[0.32, 0.32], [0.36, 0.34]]), // in the loop's box but outside the diamond
      { ...line('fill', [[0, 0], [1, 0], [1, 1], [0, 1]]), tool: 'fill' }, // holds the loop
      text('note', 0.48, 0.6, 'X'),
      { ...line('rub', [[0.5, 0.5], [0.52, 0.5]]), tool: 'eraser' },
    ];
    expect(strokesInLasso(strokes, loop, ASPECT)).toEqual(['inside', 'across', 'fill', 'note']);
    expect(strokesInLasso(strokes, loop.slice(0, 2), ASPECT)).toEqual([]); // not a loop yet
  });
});
