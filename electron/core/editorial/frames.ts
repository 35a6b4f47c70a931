/** Frame rates and time notations of the interchange formats. */
import type { FrameRate } from '../../../shared/domain/animatic';
import { frameRateOf, timecode } from '../../../shared/domain/animatic';
import { CoreError } from '../errors';

/** The rates an editorial export writes (29.97 and 23.976 as exact NTSC rates, always non-drop). */
export { EDITORIAL_RATES as EDITORIAL_FPS } from '../../../shared/domain/editorial';
import { EDITORIAL_RATES as EDITORIAL_FPS } from '../../../shared/domain/editorial';

/** The exact rate for a frames-per-second value, refusing anything the formats are not written for. */
export function editorialRate(fps: number): FrameRate {
  const ok = EDITORIAL_FPS.some((f) => Math.abs(f - fps) < 0.005);
  if (!ok) throw new CoreError('BAD_INPUT', `Editorial timelines are written at ${EDITORIAL_FPS.join(', ')} fps, not ${fps}.`);
  return frameRateOf(fps);
}

export const isNtsc = (r: FrameRate): boolean => r.den === 1001;
/** Whole frames per second of timecode: 24 for 23.976, 30 for 29.97. */
export const timebase = (r: FrameRate): number => Math.round(r.num / r.den);
/** Frames per second as a number, 23.976 style (3 decimals) for NTSC. */
export const fpsLabel = (r: FrameRate): number => Math.round((r.num / r.den) * 1000) / 1000;

/** One frame in rational seconds, as Final Cut Pro writes it: 1001/24000 at 23.976, 100/2400 at 24. */
export function frameDuration(r: FrameRate): { num: number; den: number } {
  return isNtsc(r) ? { num: 1001, den: r.num } : { num: 100 * r.den, den: 100 * r.num };
}

/** FCPXML time of a number of frames: "0s" or "4800/2400s". */
export function fcpxTime(frames: number, r: FrameRate): string {
  if (frames === 0) return '0s';
  const fd = frameDuration(r);
  return `${frames * fd.num}/${fd.den}s`;
}

/** Non-drop timecode HH:MM:SS:FF of a frame count, from an hour offset (EDL record times start at 01:00:00:00). */
export function tc(frame: number, r: FrameRate, startHour = 0): string {
  return timecode(frame + startHour * 3600 * timebase(r), r);
}

/** Frames of a non-drop timecode at a rate; a frames field past the rate means the file was made at another rate. */
export function parseTimecode(text: string, r: FrameRate, where: string): number {
  if (text.includes(';')) throw new CoreError('BAD_INPUT', `${where} uses drop-frame timecode (${text}); Boardwright conforms non-drop timelines only.`);
  const m = /^(\d{2}):(\d{2}):(\d{2})[:.](\d{2})$/.exec(text);
  if (!m) throw new CoreError('BAD_INPUT', `${where} has a timecode that is not HH:MM:SS:FF: "${text}".`);
  const [h, min, s, f] = m.slice(1).map(Number);
  const base = timebase(r);
  if (min > 59 || s > 59) throw new CoreError('BAD_INPUT', `${where} has an invalid timecode ${text}.`);
  if (f >= base) {
    throw new CoreError('BAD_INPUT', `${where} has timecode ${text}, impossible at ${fpsLabel(r)} fps: the EDL was made at a different frame rate.`);
  }
  return ((h * 60 + min) * 60 + s) * base + f;
}

/** A rational time "a/bs", "5s" or "0s" in seconds as a fraction; null when it is not one. */
export function parseRationalSeconds(text: string | undefined): { num: number; den: number } | null {
  if (!text) return null;
  const m = /^(-?\d+)(?:\/(\d+))?s$/.exec(text.trim());
  if (!m) return null;
  const den = m[2] ? Number(m[2]) : 1;
  return den > 0 ? { num: Number(m[1]), den } : null;
}

/** Seconds (as a fraction) to whole frames at a rate, to the nearest frame. */
export function secondsToFrames(t: { num: number; den: number }, r: FrameRate): number {
  return Math.round((t.num * r.num) / (t.den * r.den));
}

/** Frames at one rate to the nearest whole frame at another. */
export function rescaleFrames(value: number, fromFps: number, r: FrameRate): number {
  return Math.round((value * r.num) / r.den / fromFps);
}
