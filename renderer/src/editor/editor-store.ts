import { create } from 'zustand';
import { isSelectTool, type EditorTool } from './tools/editor-tools';
import type { LightTableMode } from './light-table';

/** Sizes on the size slider are thousandths of the frame width (3 = 0.003 of it). */
export const MIN_SIZE = 1;
export const MAX_SIZE = 40;

export const INK_COLOURS = ['#1b1b1d', '#5c6370', '#c8372d', '#2f6fdf', '#2e9d5b', '#e9a23b', '#ffffff'] as const;

/** The panel editor's tool settings (kept while the app runs, for every panel). */
export interface EditorState {
  tool: EditorTool;
  colour: string;
  /**
   * Size per tool, so switching to the eraser and back keeps the pen's size. The fill tool's is its
   * gap-closing tolerance in screen pixels; the text tool's is its letter height; the selection tools have none.
   */
  sizes: Record<EditorTool, number>;
  /** The light table (onion skin): on, which neighbours it shows, and how strongly. */
  onion: boolean;
  lightTable: LightTableMode;
  lightOpacity: number;
  /**
   * The layer strokes go on. Kept by id for this panel and by role for the next one, so stepping to
   * the next panel keeps drawing on its Ink layer.
   */
  activeLayer: { id: string; role: string };
  setActiveLayer(layer: { id: string; role: string }): void;
  setTool(tool: EditorTool): void;
  setColour(colour: string): void;
  setSize(size: number): void;
  toggleOnion(): void;
  setLightTable(mode: LightTableMode): void;
  setLightOpacity(opacity: number): void;
}

export const useEditorStore = create<EditorState>()((set) => ({
  tool: 'pen',
  colour: INK_COLOURS[0],
  sizes: { select: 1, lasso: 1, pen: 3, pencil: 3, brush: 5, eraser: 16, 'stroke-eraser': 8, line: 3, rect: 3, ellipse: 3, 'camera-arrow': 3, 'character-arrow': 3, fill: 6, text: 24 },
  onion: false,
  lightTable: 'prev',
  lightOpacity: 0.3,
  activeLayer: { id: 'std:pencil', role: 'pencil' },
  setActiveLayer: (activeLayer) => set({ activeLayer }),
  setTool: (tool) => set({ tool }),
  setColour: (colour) => set({ colour }),
  setSize: (size) => set((s) => (isSelectTool(s.tool) ? s : { sizes: { ...s.sizes, [s.tool]: Math.min(MAX_SIZE, Math.max(MIN_SIZE, Math.round(size))) } })),
  toggleOnion: () => set((s) => ({ onion: !s.onion })),
  setLightTable: (lightTable) => set({ lightTable, onion: true }),
  setLightOpacity: (opacity) => set({ lightOpacity: Math.min(1, Math.max(0.05, opacity)) }),
}));
