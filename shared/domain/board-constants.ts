/** Vocabulary of the shot inspector. Plain arrays, so zod schemas and the UI share them. */
export { ASPECT_RATIOS } from './project';

export const SHOT_SIZES = ['ECU', 'CU', 'MCU', 'MS', 'MWS', 'WS', 'EWS', 'OTS', 'POV', 'INSERT'] as const;
export const ANGLES = ['eye level', 'high', 'low', 'dutch', "bird's-eye", "worm's-eye"] as const;
export const CAMERA_MOVES = [
  'static', 'pan', 'tilt', 'dolly in', 'dolly out', 'truck', 'zoom in', 'zoom out', 'crane', 'handheld',
] as const;
export const PANEL_STATUSES = ['draft', 'review', 'approved'] as const;
export const TRANSITIONS = ['cut', 'dissolve', 'fade in', 'fade out'] as const;
export type Transition = (typeof TRANSITIONS)[number];
/** One set of names for the inspector, the timeline, the PDF and the shot list. */
export const TRANSITION_LABELS: Record<Transition, string> = { cut: 'Cut', dissolve: 'Cross-dissolve', 'fade in': 'Fade from black', 'fade out': 'Fade to black' };
/** The name a transition value is shown by (a value from elsewhere is shown as it is). */
export const transitionLabel = (t: string): string => TRANSITION_LABELS[t as Transition] ?? t;

