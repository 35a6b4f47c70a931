import type { Board, Panel } from '../../../shared/domain/board';

/**
 * The board after moving panels (kept in reading order) to `index` of a scene's remaining panels,
 * as panels.move will do it; null when nothing would change. Shot numbers stay as they were until
 * the board is reloaded from the core a moment later.
 */
export function moveLocally(board: Board, ids: readonly string[], sceneId: string, index: number): Board | null {
  const moving = new Set(ids);
  const moved: Panel[] = [];
  for (const s of board.scenes) for (const p of s.panels) if (moving.has(p.id)) moved.push({ ...p, sceneId });
  if (moved.length === 0) return null;
  const scenes = board.scenes.map((s) => {
    const rest = s.panels.filter((p) => !moving.has(p.id));
    if (s.id !== sceneId) return rest.length === s.panels.length ? s : { ...s, panels: rest };
    const at = Math.min(index, rest.length);
    return { ...s, panels: [...rest.slice(0, at), ...moved, ...rest.slice(at)] };
  });
  const before = board.scenes.map((s) => s.panels.map((p) => p.id).join()).join('|');
  const after = scenes.map((s) => s.panels.map((p) => p.id).join()).join('|');
  return before === after ? null : { ...board, scenes };
}

/** The board with a scene moved to `index` of the other scenes. */
export function moveSceneLocally(board: Board, sceneId: string, index: number): Board {
  const scene = board.scenes.find((s) => s.id === sceneId);
  if (!scene) return board;
  const rest = board.scenes.filter((s) => s.id !== sceneId);
  rest.splice(Math.min(index, rest.length), 0, scene);
  return { ...board, scenes: rest };
}
