// ---------------------------------------------------------------------------------------------
// Figures: billboard people drawn in figure units (feet 0, top of head 1), scaled by distance.
// ---------------------------------------------------------------------------------------------

import type { Floor } from './solids';

type Who = 'maya' | 'grandpa';

export interface Build {
  height: number;
  rx: number;
  ry: number;
  shoulders: number;
  hips: number;
  arm: number;
  leg: number;
  hem: number;
}

export const BUILDS: Record<Who, Build> = {
  maya: { height: 1.35, rx: 0.058, ry: 0.08, shoulders: 0.2, hips: 0.15, arm: 0.04, leg: 0.052, hem: 0.4 },
  grandpa: { height: 1.76, rx: 0.048, ry: 0.066, shoulders: 0.25, hips: 0.2, arm: 0.045, leg: 0.062, hem: 0.44 },
};

export interface FigureSpec {
  who: Who;
  at: Floor;
  pose?: 'stand' | 'tiptoe' | 'sit' | 'offer' | 'milk';
  view?: 'front' | 'back';
  tone?: number;
  expression?: 'worried' | 'smile' | 'neutral';
  /** Part of the face in moon shadow, hatched (-1 left, 1 right). */
  shadowSide?: -1 | 1;
  /** A dark shape with only its glasses catching the light. */
  silhouette?: boolean;
}

export type Local = [number, number];
