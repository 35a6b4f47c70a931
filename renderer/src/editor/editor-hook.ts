import type { Rect } from '../board/layout';
import type { EditorTool } from './tools/editor-tools';

/** The panel editor as E2E tests see it (`window.__boardwrightBoard.editor`); rectangles in page pixels. */
export interface EditorSnapshot {
  panelId: string;
  /** Strokes saved in the project (from sketch.get). */
  strokes: number;
  /** Strokes drawn but not yet confirmed by the core. */
  pending: number;
  imageOpacity: number;
  tool: EditorTool;
  onion: boolean;
  /** The drawing frame (the project's aspect ratio) on the page. */
  frame: Rect | null;
  /** True once the panel's layers have been loaded. */
  loaded: boolean;
  /** The frame at its Fit size, before the view's transform (centred in the stage). */
  fitFrame: Rect | null;
  /** The view: zoom (1 = Fit), pan in screen pixels, rotation in degrees clockwise, flipped. */
  view: { zoom: number; panX: number; panY: number; rotation: number; flipped: boolean };
  /** The layer strokes go on. */
  activeLayer: { id: string; name: string } | null;
  /** How many strokes the selection tool holds. */
  selected: number;
}

let source: (() => EditorSnapshot) | null = null;

/** The open panel editor reports itself here while it is mounted. */
export function setEditorSource(next: (() => EditorSnapshot) | null): void {
  source = next;
}

export function editorSnapshot(): EditorSnapshot | null {
  return source ? source() : null;
}

/** What a benchmark polls every frame while the editor opens: a few fields, with no layout read and no copy. */
export interface EditorStatus {
  panelId: string;
  loaded: boolean;
  strokes: number;
}

let status: EditorStatus | null = null;

export function setEditorStatus(next: EditorStatus | null): void {
  status = next;
}

export const editorStatus = (): EditorStatus | null => status;
