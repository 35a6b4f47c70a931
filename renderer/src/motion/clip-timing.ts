/** The in point as the inspector shows and reads it: seconds, or whole clip frames (as clipFrameAt counts them). */
import type { ClipInfo } from '../../../shared/domain/clip';
import { clampClipIn } from '../../../shared/domain/clip';

export type InPointUnit = 's' | 'frames';

type Rate = Pick<ClipInfo, 'fpsNum' | 'fpsDen'>;

export const clipFps = (clip: Rate) => clip.fpsNum / clip.fpsDen;

/** The clip frame an in point starts on. */
export function inPointFrame(inMs: number, clip: Rate): number {
  return Math.floor((inMs * clip.fpsNum) / (clip.fpsDen * 1000) + 1e-9);
}

export function formatInPoint(inMs: number, clip: Rate, unit: InPointUnit): string {
  return unit === 'frames' ? String(inPointFrame(inMs, clip)) : String(Math.round(inMs) / 1000);
}

/**
 * The in point typed (seconds or frames), in ms inside the clip; null when it is not a number. A frame
 * becomes the first whole ms inside it, so it reads back as the same frame at any rate (29.97 too).
 */
export function parseInPoint(text: string, clip: Pick<ClipInfo, 'fpsNum' | 'fpsDen' | 'durationMs'>, unit: InPointUnit): number | null {
  const n = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) return null;
  const ms = unit === 'frames' ? Math.ceil((Math.round(n) * 1000 * clip.fpsDen) / clip.fpsNum - 1e-9) : n * 1000;
  return clampClipIn(ms, clip);
}
