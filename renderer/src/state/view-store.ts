import { create } from 'zustand';
import { readPref, writePref } from '../util/view-prefs';

/** Where the board's viewport looks: (x, y) is the board point at its top-left corner, `scale` the zoom. */
export interface Camera {
  x: number;
  y: number;
  scale: number;
}

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 3;
export const MIN_CARD_SCALE = 0.6;
export const MAX_CARD_SCALE = 1.8;

/** What a right-click opened a menu on. */
export type ContextTarget = { kind: 'panel'; panelId: string } | { kind: 'scene'; sceneId: string } | { kind: 'board' };

export interface ContextMenuState {
  x: number;
  y: number;
  target: ContextTarget;
}

/** How the board is viewed (session only, never in the project file). */
export interface ViewState {
  camera: Camera;
  /** The card-size slider: 1 is the default card. */
  cardScale: number;
  /** Rows wrap to the viewport's width at this zoom: 1 normally, Fit's zoom after a Fit (board/fit.ts). */
  wrapZoom: number;
  /** The panel open in the panel editor, or null. */
  editorPanelId: string | null;
  contextMenu: ContextMenuState | null;
  setCamera(camera: Camera): void;
  /** Sets the camera and the zoom rows wrap at together (Fit, Actual Size). */
  setView(camera: Camera, wrapZoom: number): void;
  setCardScale(scale: number): void;
  openEditor(panelId: string | null): void;
  openContextMenu(menu: ContextMenuState | null): void;
}

const CARD_SCALE_KEY = 'boardwright.cardScale';

function storedCardScale(): number {
  const v = Number(readPref(CARD_SCALE_KEY) ?? 1);
  return Number.isFinite(v) && v >= MIN_CARD_SCALE && v <= MAX_CARD_SCALE ? v : 1;
}

export const useViewStore = create<ViewState>()((set) => ({
  camera: { x: 0, y: 0, scale: 1 },
  cardScale: storedCardScale(),
  wrapZoom: 1,
  editorPanelId: null,
  contextMenu: null,
  setCamera: (camera) => set({ camera }),
  setView: (camera, wrapZoom) => set({ camera, wrapZoom }),
  setCardScale: (cardScale) => {
    writePref(CARD_SCALE_KEY, String(cardScale));
    set({ cardScale });
  },
  openEditor: (editorPanelId) => set({ editorPanelId, contextMenu: null }),
  openContextMenu: (contextMenu) => set({ contextMenu }),
}));
