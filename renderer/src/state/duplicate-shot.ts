import type { Board } from '../../../shared/domain/board';

/** The panel (other than `panelId`) that already shows shot number `number`, with its scene's label; null when none. */
export function duplicateShot(board: Board | null, panelId: string, number: string | null): { shot: string; scene: string } | null {
  const wanted = number?.trim().toLowerCase();
  if (!board || !wanted) return null;
  for (const s of board.scenes) {
    const p = s.panels.find((x) => x.id !== panelId && x.shotNumber.toLowerCase() === wanted);
    if (p) return { shot: p.shotNumber, scene: `scene ${s.scriptNumber ?? s.number}${s.heading ? ` (${s.heading})` : ''}` };
  }
  return null;
}
