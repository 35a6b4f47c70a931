import { create } from 'zustand';
import type { Board, Panel, SceneWithPanels } from '../../../shared/domain/board';
import type { HistoryState } from '../../../shared/domain/project';

export const EMPTY_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

/** The open board as the core last reported it, plus what the user has selected on it. */
export interface BoardState {
  board: Board | null;
  history: HistoryState;
  selectedPanelId: string | null;
  /** Panel to bring into view on the canvas (set after adding one); cleared by the canvas. */
  revealPanelId: string | null;
  setBoard(board: Board | null, history?: HistoryState): void;
  select(panelId: string | null, reveal?: boolean): void;
  clearReveal(): void;
}

function hasPanel(board: Board | null, id: string | null): boolean {
  return !!board && !!id && board.scenes.some((s) => s.panels.some((p) => p.id === id));
}

export const useBoardStore = create<BoardState>()((set) => ({
  board: null,
  history: EMPTY_HISTORY,
  selectedPanelId: null,
  revealPanelId: null,
  setBoard: (board, history) =>
    set((s) => ({
      board,
      history: board ? (history ?? s.history) : EMPTY_HISTORY,
      selectedPanelId: hasPanel(board, s.selectedPanelId) ? s.selectedPanelId : null,
      revealPanelId: hasPanel(board, s.revealPanelId) ? s.revealPanelId : null,
    })),
  select: (panelId, reveal = false) => set({ selectedPanelId: panelId, revealPanelId: reveal ? panelId : null }),
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

export function panelCount(board: Board | null): number {
  return board ? board.scenes.reduce((n, s) => n + s.panels.length, 0) : 0;
}

export function runningTimeMs(panels: readonly Panel[]): number {
  return panels.reduce((t, p) => t + p.durationMs, 0);
}
