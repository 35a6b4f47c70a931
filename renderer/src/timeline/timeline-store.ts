import { create } from 'zustand';
import type { Timeline } from '../../../shared/domain/animatic';
import { readPref, writePref } from '../util/view-prefs';

/** Where playback is and how the timeline is shown (session only, never in the project file). */
export interface TimelineState {
  /** The segment model from the core (timeline.get at the project's rate), or null before it loads. */
  timeline: Timeline | null;
  /** The playhead: the frame shown in the player. */
  frame: number;
  /** 0 when paused; frames of film per frame of real time otherwise (negative plays backwards: J). */
  speed: number;
  loop: boolean;
  /** Loop range in frames (I and O), or null for the whole film. */
  range: { in: number; out: number } | null;
  collapsed: boolean;
  /** Height of the timeline's body (player and tracks) in CSS pixels: the divider above it sets it. */
  height: number;
  /** The tallest the body can be in the window now (the board keeps some room); not remembered. */
  room: number;
  /** Horizontal zoom of the tracks. */
  pxPerSecond: number;
  /** Show burn-ins (shot, dialogue, sound, timecode) in the player, as the export would. */
  burnIns: boolean;
  exportOpen: boolean;
  /** The panel whose camera move is being edited, or null. */
  moveEditorPanelId: string | null;
  setTimeline(t: Timeline | null): void;
  seek(frame: number): void;
  setSpeed(speed: number): void;
  set(patch: Partial<Pick<TimelineState, 'loop' | 'range' | 'collapsed' | 'height' | 'room' | 'pxPerSecond' | 'burnIns' | 'exportOpen' | 'moveEditorPanelId'>>): void;
}

const COLLAPSED_KEY = 'boardwright.timelineCollapsed';
const HEIGHT_KEY = 'boardwright.timelineHeight';
export const TIMELINE_MIN_HEIGHT = 120;
export const TIMELINE_MAX_HEIGHT = 900;
const DEFAULT_HEIGHT = 256;

function storedHeight(): number {
  const v = Number(readPref(HEIGHT_KEY) ?? DEFAULT_HEIGHT);
  return Number.isFinite(v) ? Math.round(Math.max(TIMELINE_MIN_HEIGHT, Math.min(TIMELINE_MAX_HEIGHT, v))) : DEFAULT_HEIGHT;
}

const clampFrame = (t: Timeline | null, f: number) => Math.max(0, Math.min(Math.max(0, (t?.totalFrames ?? 1) - 1), Math.round(f)));

export const useTimelineStore = create<TimelineState>()((set) => ({
  timeline: null,
  frame: 0,
  speed: 0,
  loop: false,
  range: null,
  collapsed: readPref(COLLAPSED_KEY) === '1',
  height: storedHeight(),
  room: TIMELINE_MAX_HEIGHT,
  pxPerSecond: 48,
  burnIns: false,
  exportOpen: false,
  moveEditorPanelId: null,
  setTimeline: (timeline) => set((s) => ({ timeline, frame: clampFrame(timeline, s.frame), range: timeline ? s.range : null })),
  seek: (frame) => set((s) => ({ frame: clampFrame(s.timeline, frame) })),
  setSpeed: (speed) => set({ speed }),
  set: (patch) => {
    if (patch.collapsed !== undefined) writePref(COLLAPSED_KEY, patch.collapsed ? '1' : '0');
    if (patch.height !== undefined) writePref(HEIGHT_KEY, String(patch.height));
    set(patch);
  },
}));

/** File > Export Animatic (MP4)… */
export function openAnimaticExport(): void {
  useTimelineStore.getState().set({ exportOpen: true });
}
