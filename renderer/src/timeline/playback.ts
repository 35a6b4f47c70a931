import type { Timeline } from '../../../shared/domain/animatic';
import { frameToMs, segmentAt } from '../../../shared/domain/animatic';
import { useBoardStore } from '../state/board-store';
import { audioEngine } from './audio-engine';
import { useTimelineStore } from './timeline-store';

/**
 * The transport: plays from the playhead at a speed (J/K/L), loops a range, and keeps the board on the
 * panel under the playhead. Time comes from the audio hardware clock when there is sound, so sound
 * and picture cannot drift apart; frames are whole frames of the same timeline the export renders.
 */
const store = () => useTimelineStore.getState();
let raf = 0;
let origin: { frame: number; time: number; audioClock: boolean } | null = null;

function now(audioClock: boolean): number {
  const ctx = audioEngine.context();
  return audioClock && ctx ? ctx.currentTime : performance.now() / 1000;
}

/** First and last frame playback stays within. */
function bounds(t: Timeline): [number, number] {
  const { loop, range } = store();
  return loop && range ? [range.in, range.out] : [0, Math.max(0, t.totalFrames - 1)];
}

function restart(): void {
  const { timeline: t, speed, frame } = store();
  cancelAnimationFrame(raf);
  audioEngine.stop();
  if (!t || speed === 0) {
    origin = null;
    return;
  }
  // Sound plays forwards (at any shuttle speed); its clock then drives the picture. Backwards is silent.
  const ctx = speed > 0 && t.audio.some((a) => a.audible) ? audioEngine.context() : null;
  if (ctx && ctx.state !== 'running') {
    // Until the audio device starts, run on the page clock; then restart from wherever the playhead is.
    void ctx.resume().then(() => {
      if (store().speed === speed && origin && !origin.audioClock) restart();
    });
  }
  const audioClock = !!ctx && ctx.state === 'running';
  origin = { frame, time: now(audioClock), audioClock };
  if (audioClock) void audioEngine.start(t, frameToMs(frame, t.rate), origin.time, speed);
  raf = requestAnimationFrame(tick);
}

function tick(): void {
  const { timeline: t, speed, loop } = store();
  if (!t || !origin || speed === 0) return;
  const elapsed = now(origin.audioClock) - origin.time;
  const moved = Math.floor(elapsed * t.fps * Math.abs(speed));
  const f = origin.frame + (speed > 0 ? moved : -moved);
  const [lo, hi] = bounds(t);
  if (f > hi || f < lo) {
    if (loop) {
      store().seek(speed > 0 ? lo : hi);
      restart();
    } else {
      store().seek(speed > 0 ? hi : lo);
      pause();
    }
    return;
  }
  if (f !== store().frame) store().seek(f);
  raf = requestAnimationFrame(tick);
}

export function play(speed = 1): void {
  const { timeline: t, frame } = store();
  if (!t || t.totalFrames === 0) return;
  const [lo, hi] = bounds(t);
  // Playing from the end (or outside the loop) starts again from the beginning.
  if (speed > 0 && (frame >= hi || frame < lo)) store().seek(lo);
  if (speed < 0 && (frame <= lo || frame > hi)) store().seek(hi);
  store().setSpeed(speed);
  restart();
}

export function pause(): void {
  store().setSpeed(0);
  restart();
}

export function togglePlay(): void {
  if (store().speed !== 0) pause();
  else play(1);
}

/** L: forward, faster on each press (1x, 2x, 4x); J the same backwards; K stops. */
export function shuttle(direction: 1 | -1): void {
  const speed = store().speed;
  const next = Math.sign(speed) === direction ? Math.min(8, Math.abs(speed) * 2) * direction : direction;
  play(next);
}

/** Moves the playhead (scrub, click, step); playback carries on from there. */
export function seek(frame: number): void {
  store().seek(frame);
  if (store().speed !== 0) restart();
}

/** Home: the first frame (of the loop range when looping). */
export function seekToStart(): void {
  const t = store().timeline;
  if (t) seek(bounds(t)[0]);
}

/** End: the last frame (of the loop range when looping). */
export function seekToEnd(): void {
  const t = store().timeline;
  if (t) seek(bounds(t)[1]);
}

export function step(frames: number): void {
  if (store().speed !== 0) pause();
  seek(store().frame + frames);
}

/**
 * Keeps the board's selection on the panel under the playhead, and the playhead on a panel picked on
 * the board; restarts playback (and its sound) when the timeline changes under it.
 */
export function linkBoardAndPlayhead(): () => void {
  let lastPanel: string | null = null;
  const offTimeline = useTimelineStore.subscribe((s, prev) => {
    // An edit while playing (mute, solo, volume, a retime): carry on with the new timeline and mix.
    if (s.timeline !== prev.timeline && s.speed !== 0) restart();
    // Only a moving playhead (playing, scrubbing) selects on the board: a timeline reloaded after an
    // edit must not replace the board's selection (a multi-selection, a dragged group) or scroll it.
    if (!s.timeline || s.frame === prev.frame) return;
    const seg = segmentAt(s.timeline, s.frame);
    // A reloaded timeline can move the playhead (clamped to a shorter film): that is not the user moving it.
    if (s.timeline !== prev.timeline) {
      lastPanel = seg?.panelId ?? null;
      return;
    }
    if (!seg || seg.panelId === lastPanel) return;
    lastPanel = seg.panelId;
    if (useBoardStore.getState().selectedPanelId !== seg.panelId) useBoardStore.getState().select(seg.panelId, true);
  });
  const offBoard = useBoardStore.subscribe((b, prev) => {
    const { timeline: t, speed, frame } = store();
    if (!t || speed !== 0 || b.selectedPanelId === prev.selectedPanelId || !b.selectedPanelId) return;
    const seg = t.segments.find((s) => s.panelId === b.selectedPanelId);
    const current = segmentAt(t, frame);
    if (seg && current?.panelId !== seg.panelId) {
      lastPanel = seg.panelId;
      store().seek(seg.startFrame);
    }
  });
  return () => {
    offTimeline();
    offBoard();
    pause();
  };
}
