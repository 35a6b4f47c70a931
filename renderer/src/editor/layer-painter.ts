import type { Stroke } from '../../../shared/domain/sketch';
import { drawFinished } from './draw-strokes';

/** Milliseconds of drawing per animation frame, so the editor keeps answering the pen while it paints. */
const FRAME_BUDGET_MS = 6;

interface Job {
  strokes: readonly Stroke[];
  next: number;
  buffer: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  width: number;
  height: number;
  dpr: number;
  startedAt: number;
}

/**
 * Paints layer canvases from scratch a few milliseconds per frame (thousands of strokes take a second
 * or more), into a buffer that replaces the canvas's picture when complete: a zoomed view keeps its
 * old, softer picture meanwhile instead of going blank, and the pen is never held up.
 */
export class LayerPainter {
  private readonly jobs = new Map<HTMLCanvasElement, Job>();
  private scheduled = false;

  constructor(
    private readonly events: { busy(busy: boolean): void; painted(ms: number, canvas: HTMLCanvasElement): void },
    /** True while painting should wait (the view is moving: its frames come first). */
    private readonly waiting: () => boolean = () => false,
  ) {}

  get busy(): boolean {
    return this.jobs.size > 0;
  }

  /** Starts painting `strokes` onto `canvas` at a size of width x height CSS pixels at `dpr` (replacing any job for it). */
  repaint(canvas: HTMLCanvasElement, strokes: readonly Stroke[], width: number, height: number, dpr: number): void {
    const old = this.jobs.get(canvas);
    const buffer = old?.buffer ?? document.createElement('canvas');
    buffer.width = Math.round(width * dpr);
    buffer.height = Math.round(height * dpr);
    const ctx = buffer.getContext('2d');
    if (!ctx) return;
    const wasBusy = this.busy;
    this.jobs.set(canvas, { strokes, next: 0, buffer, ctx, width, height, dpr, startedAt: old?.startedAt ?? performance.now() });
    if (!wasBusy) this.events.busy(true);
    this.schedule();
  }

  /** The job for this canvas, when one is running: strokes added meanwhile are painted by it too. */
  extend(canvas: HTMLCanvasElement, strokes: readonly Stroke[]): boolean {
    const job = this.jobs.get(canvas);
    if (!job) return false;
    job.strokes = strokes;
    return true;
  }

  cancel(canvas: HTMLCanvasElement): void {
    if (this.jobs.delete(canvas) && !this.busy) this.events.busy(false);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => this.tick());
  }

  private tick(): void {
    this.scheduled = false;
    if (this.waiting()) return this.schedule();
    const t0 = performance.now();
    for (const [canvas, job] of this.jobs) {
      while (job.next < job.strokes.length && performance.now() - t0 < FRAME_BUDGET_MS) {
        drawFinished(job.ctx, job.strokes[job.next++] as Stroke, job.width, job.height, job.dpr);
      }
      if (job.next < job.strokes.length) break;
      canvas.width = job.buffer.width;
      canvas.height = job.buffer.height;
      canvas.getContext('2d')?.drawImage(job.buffer, 0, 0);
      this.jobs.delete(canvas);
      this.events.painted(performance.now() - job.startedAt, canvas);
    }
    if (this.busy) this.schedule();
    else this.events.busy(false);
  }
}
