import { create } from 'zustand';
import { FIT_VIEW, flipView, panBy, rotateTo, zoomAround, zoomTo, type ViewTransform } from './view-transform';

/** A key held down that turns a drag into a view gesture. */
export type HeldGesture = 'pan' | 'rotate' | null;

/**
 * The panel editor's view (zoom, pan, rotation, flip). Kept while stepping from panel to panel,
 * as an artist working a sequence wants; back to Fit when the editor closes.
 */
export interface EditorViewState {
  view: ViewTransform;
  held: HeldGesture;
  set(view: ViewTransform): void;
  zoomAround(dx: number, dy: number, factor: number): void;
  zoomTo(zoom: number): void;
  panBy(dx: number, dy: number): void;
  rotateTo(deg: number): void;
  flip(): void;
  fit(): void;
  setHeld(held: HeldGesture): void;
}

export const useEditorViewStore = create<EditorViewState>()((set) => ({
  view: FIT_VIEW,
  held: null,
  set: (view) => set({ view }),
  zoomAround: (dx, dy, factor) => set((s) => ({ view: zoomAround(s.view, dx, dy, factor) })),
  zoomTo: (zoom) => set((s) => ({ view: zoomTo(s.view, zoom) })),
  panBy: (dx, dy) => set((s) => ({ view: panBy(s.view, dx, dy) })),
  rotateTo: (deg) => set((s) => ({ view: rotateTo(s.view, deg) })),
  flip: () => set((s) => ({ view: flipView(s.view) })),
  fit: () => set({ view: FIT_VIEW }),
  setHeld: (held) => set((s) => (s.held === held ? s : { held })),
}));
