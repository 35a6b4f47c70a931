import { create } from 'zustand';
import type { Board, Panel, SceneWithPanels } from '../../../shared/domain/board';
import type { HistoryState } from '../../../shared/domain/project';
import { reconcileBoard } from './reconcile';

export const EMPTY_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
const NO_SELECTION: ReadonlySet<string> = new Set();

/**
 * The open board as the core last reported it, plus what the user has selected on it (session state,
 * never saved): a set of panels with a focus (the one the inspector titles, arrows move from) and an
 * anchor (where shift-click ranges start), or one scene header.
 */
export interface BoardState {
  board: Board | null;
  history: HistoryState;
  /** Bumped on every board refresh: views holding data of their own (the panel editor) reload. */
  version: number;
  selection: ReadonlySet<string>;
  /** The focused panel of the selection (the last one clicked or moved to). */
  selectedPanelId: string | null;
  anchorId: string | null;
  selectedSceneId: string | null;
  /** Panel to bring into view on the canvas (set after adding one); cleared by the canvas. */
  revealPanelId: string | null;
  setBoard(board: Board | null, history?: HistoryState): void;
  /** Selects one panel (or nothing). */
  select(panelId: string | null, reveal?: boolean): void;
  setSelection(ids: readonly string[], focus: string | null, anchor?: string | null, reveal?: boolean): void;
  selectScene(sceneId: string | null): void;
  clearReveal(): void;
}

function panelIds(board: Board | null): Set<string> {
  const ids = new Set<string>();
  for (const s of board?.scenes ?? []) for (const p of s.panels) ids.add(p.id);
  return ids;
}

const keepIf = (known: Set<string>, id: string | null) => (id && known.has(id) ? id : null);

export const useBoardStore = create<BoardState>()((set) => ({
  board: null,
  history: EMPTY_HISTORY,
  version: 0,
  selection: NO_SELECTION,
  selectedPanelId: null,
  anchorId: null,
  selectedSceneId: null,
  revealPanelId: null,
  setBoard: (next, history) =>
    set((s) => {
      const board = reconcileBoard(s.board, next);
      const known = panelIds(board);
      const kept = [...s.selection].filter((id) => known.has(id));
      return {
        board,
        version: s.version + 1,
        history: board ? (history ?? s.history) : EMPTY_HISTORY,
        selection: kept.length === s.selection.size ? s.selection : new Set(kept),
        selectedPanelId: keepIf(known, s.selectedPanelId),
        anchorId: keepIf(known, s.anchorId),
        selectedSceneId: board?.scenes.some((sc) => sc.id === s.selectedSceneId) ? s.selectedSceneId : null,
        revealPanelId: keepIf(known, s.revealPanelId),
      };
    }),
  select: (panelId, reveal = false) =>
    set({
      selection: panelId ? new Set([panelId]) : NO_SELECTION,
      selectedPanelId: panelId,
      anchorId: panelId,
      selectedSceneId: null,
      revealPanelId: reveal ? panelId : null,
    }),
  setSelection: (ids, focus, anchor, reveal = false) =>
    set((s) => ({
      selection: ids.length ? new Set(ids) : NO_SELECTION,
      selectedPanelId: focus,
      anchorId: anchor === undefined ? (s.anchorId && ids.includes(s.anchorId) ? s.anchorId : focus) : anchor,
      selectedSceneId: null,
      revealPanelId: reveal ? focus : null,
    })),
  selectScene: (sceneId) => set({ selection: NO_SELECTION, selectedPanelId: null, anchorId: null, selectedSceneId: sceneId, revealPanelId: null }),
  clearReveal: () => set({ revealPanelId: null }),
}));

/** Finds a panel and its scene on the board. */
export function findPanel(board: Board | null, id: string | null): { panel: Panel; scene: SceneWithPanels; index: number } | null {
  if (!board || !id) return null;
  for (const scene of board.scenes) {
    const index = scene.panels.findIndex((p) => p.id === id);
    if (index >= 0) return { panel: scene.panels[index], scene, index };
  }
  return null;
}

export function useSelectedPanel(): { panel: Panel; scene: SceneWithPanels; index: number } | null {
  const board = useBoardStore((s) => s.board);
  const id = useBoardStore((s) => s.selectedPanelId);
  return findPanel(board, id);
}

/** The selected panels in board (reading) order. */
export function selectedPanels(board: Board | null, selection: ReadonlySet<string>): Panel[] {
  if (!board || selection.size === 0) return [];
  const out: Panel[] = [];
  for (const s of board.scenes) for (const p of s.panels) if (selection.has(p.id)) out.push(p);
  return out;
}

/** Every panel in reading order. */
export function allPanels(board: Board | null): Panel[] {
  return board ? board.scenes.flatMap((s) => s.panels) : [];
}

export function panelCount(board: Board | null): number {
  return board ? board.scenes.reduce((n, s) => n + s.panels.length, 0) : 0;
}

export function runningTimeMs(panels: readonly Panel[]): number {
  return panels.reduce((t, p) => t + p.durationMs, 0);
}

/** What a card shows: the flattened sketch-over-image when there is one, else the image. */
export function pictureSha(panel: Panel): string | null {
  return panel.thumbSha256 ?? panel.imageSha256;
}
