/** Hand-like strokes for the drawing benchmark: seeded wandering lines of 40 to 140 points with varying pressure. */
import type { Stroke } from '../../shared/domain/sketch';
import { mulberry32 } from './images';

export function makeStrokes(seed: number, count: number): Omit<Stroke, 'id'>[] {
  const rnd = mulberry32(seed);
  const tools = ['pen', 'pencil', 'pencil', 'brush'] as const;
  return Array.from({ length: count }, () => {
    const n = 40 + Math.floor(rnd() * 100);
    let x = 0.1 + rnd() * 0.8;
    let y = 0.1 + rnd() * 0.8;
    let heading = rnd() * Math.PI * 2;
    const points: [number, number, number][] = [];
    for (let i = 0; i < n; i++) {
      heading += (rnd() - 0.5) * 0.3;
      x = Math.min(1, Math.max(0, x + Math.cos(heading) * 0.003));
      y = Math.min(1, Math.max(0, y + Math.sin(heading) * 0.003));
      points.push([x, y, 0.3 + 0.6 * Math.sin((i / n) * Math.PI)]);
    }
    return { tool: tools[Math.floor(rnd() * tools.length)], color: '#1b1b1d', size: 0.002 + rnd() * 0.004, opacity: 1, points };
  });
}
