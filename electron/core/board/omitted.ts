import type { Board } from '../../../shared/domain/board';

/**
 * The board as exports and the animatic show it by default: omitted scenes (cut from the script) and
 * omitted panels (dropped by the editor) left out. Scene numbers and shot numbers stay as they were.
 */
export function withoutOmitted(board: Board): Board {
  return { ...board, scenes: board.scenes.filter((s) => !s.omitted).map((s) => ({ ...s, panels: s.panels.filter((p) => !p.omitted) })) };
}
