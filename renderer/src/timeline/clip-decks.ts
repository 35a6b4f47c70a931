/**
 * The clip frames the player draws: one hidden, muted <video> per clip (a "deck"). Paused, scrubbing
 * or stepping, the deck is seeked to the exact frame, the middle of its time span ((j + 0.5) / fps,
 * so rounding never lands on a neighbour); seeks asked meanwhile wait, and only the last one runs.
 * Playing forwards at normal speed, the deck plays along and is put back when it drifts.
 */
import type { ClipInfo } from '../../../shared/domain/clip';
import { clipUrl } from '../motion/clip-urls';

interface Deck {
  video: HTMLVideoElement;
  fps: number;
  /** The frame the video shows after its last seek, or null (none yet, or it is playing). */
  shown: number | null;
  /** The frame the seek in progress goes to. */
  seekingTo: number | null;
  /** The frame to seek to once the seek in progress (or the loading) is done. */
  wanted: number | null;
  failed: boolean;
  /** The seek in progress: whether it landed ('seeked') and whether its frame was presented (drawImage then gives it). */
  landed: boolean;
  presented: boolean;
  waiting: Set<() => void>;
  usedInDraw: number;
}

/** A clip frame to draw: the video, or null to draw the poster still instead. */
export interface ClipFrameSource {
  video: HTMLVideoElement | null;
  /** The video shows the frame asked for (paused), or plays along: nothing better is coming. */
  settled: boolean;
}

const MAX_DECKS = 8;
/** Playing along, the deck is put back on the playhead when it is this many frames off. */
const DRIFT_FRAMES = 2;
/** How long a landed seek waits for its frame to be presented before it is drawn anyway. */
const PRESENT_WAIT_MS = 250;
const decks = new Map<string, Deck>();
let draw = 0;

function notify(d: Deck): void {
  const waiting = [...d.waiting];
  d.waiting.clear();
  for (const f of waiting) f();
}

function seekTo(d: Deck, frame: number): void {
  if (d.video.readyState < HTMLMediaElement.HAVE_METADATA || d.seekingTo !== null) {
    d.wanted = frame;
    return;
  }
  d.wanted = null;
  d.seekingTo = frame;
  d.landed = false;
  d.presented = !('requestVideoFrameCallback' in d.video);
  if (!d.presented) {
    // Chromium may fire 'seeked' a moment before the new frame reaches drawImage: wait for it too.
    d.video.requestVideoFrameCallback(() => {
      if (d.seekingTo !== frame) return;
      d.presented = true;
      if (d.landed) seekDone(d);
    });
  }
  d.video.currentTime = (frame + 0.5) / d.fps;
}

/** The seek landed and its frame is on show: the next one asked meanwhile goes, or the player redraws. */
function seekDone(d: Deck): void {
  d.shown = d.video.paused ? d.seekingTo : null;
  d.seekingTo = null;
  if (d.wanted !== null && d.wanted !== d.shown) seekTo(d, d.wanted);
  else notify(d);
}

function deckFor(clip: ClipInfo): Deck {
  let d = decks.get(clip.sha256);
  if (d) return d;
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.preload = 'auto';
  const deck: Deck = { video, fps: clip.fpsNum / clip.fpsDen, shown: null, seekingTo: null, wanted: null, failed: false, landed: false, presented: false, waiting: new Set(), usedInDraw: draw };
  d = deck;
  video.addEventListener('loadedmetadata', () => deck.wanted !== null && seekTo(deck, deck.wanted));
  video.addEventListener('seeked', () => {
    if (deck.seekingTo === null) return notify(deck);
    deck.landed = true;
    if (deck.presented) return seekDone(deck);
    // A frame that is never presented (the video hidden from the compositor) must not hold the player up.
    const frame = deck.seekingTo;
    setTimeout(() => deck.seekingTo === frame && deck.landed && seekDone(deck), PRESENT_WAIT_MS);
  });
  video.addEventListener('error', () => {
    deck.failed = true;
    notify(deck);
  });
  video.src = clipUrl(clip.sha256);
  decks.set(clip.sha256, deck);
  evictOld();
  return deck;
}

/** Keeps a few decks: the least recently drawn ones give their video up. */
function evictOld(): void {
  if (decks.size <= MAX_DECKS) return;
  const oldest = [...decks.entries()].sort((a, b) => a[1].usedInDraw - b[1].usedInDraw)[0];
  oldest[1].video.removeAttribute('src');
  oldest[1].video.load();
  decks.delete(oldest[0]);
}

/** Starts loading a clip ahead of the playhead. */
export function preloadClip(clip: ClipInfo): void {
  deckFor(clip);
}

/** Call before drawing a frame: decks not used by the frame stop playing afterwards (endClipDraw). */
export function beginClipDraw(): void {
  draw++;
}

export function endClipDraw(): void {
  for (const d of decks.values()) if (d.usedInDraw !== draw && !d.video.paused) d.video.pause();
}

/**
 * The source for clip frame `frame` at playback `speed` (0 = paused). `onReady` is called once when a
 * better picture is available (the seek landed, the clip loaded or failed).
 */
export function clipFrameSource(clip: ClipInfo, frame: number, speed: number, onReady: () => void): ClipFrameSource {
  const d = deckFor(clip);
  d.usedInDraw = draw;
  if (d.failed) return { video: null, settled: true };
  const v = d.video;
  if (speed === 1 && frame < clip.frames - 1) {
    playAlong(d, frame);
  } else {
    if (!v.paused) {
      v.pause();
      d.shown = null;
    }
    if (d.shown !== frame || d.seekingTo !== null) seekTo(d, frame);
  }
  const exact = d.shown === frame && d.seekingTo === null && v.paused;
  if (!exact) d.waiting.add(onReady);
  return { video: v.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA ? v : null, settled: exact || !v.paused };
}

/** Playing forwards at normal speed: the video plays itself; it is only put back when it drifts. */
function playAlong(d: Deck, frame: number): void {
  const v = d.video;
  if (v.readyState < HTMLMediaElement.HAVE_METADATA) return void (d.wanted = frame);
  const target = (frame + 0.5) / d.fps;
  if (v.paused || Math.abs(v.currentTime - target) > DRIFT_FRAMES / d.fps) {
    d.shown = null;
    d.seekingTo = null;
    d.wanted = null;
    v.currentTime = target;
  }
  if (v.paused) void v.play().catch(() => undefined);
}
