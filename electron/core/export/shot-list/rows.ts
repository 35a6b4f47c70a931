import type { Board } from '../../../../shared/domain/board';
import type { PanelSelection } from '../../../../shared/domain/export';
import { selectPanels } from '../pdf/selection';
import { transitionLabel } from '../../../../shared/domain/board-constants';

/** One shot as the shot list prints it. */
export interface ShotRow {
  scene: number;
  sceneHeading: string;
  shot: string;
  size: string;
  angle: string;
  lensMm: number | null;
  move: string;
  durationMs: number;
  description: string;
  dialogue: string;
  sound: string;
  transition: string;
  notes: string;
  tags: string[];
  status: string;
}

/** The selected panels (same selection syntax as the boards) as shot-list rows, in board order. */
export function shotRows(board: Board, selection: PanelSelection): ShotRow[] {
  return selectPanels(board, selection).flatMap((s) =>
    s.panels.map((p) => ({
      scene: s.number,
      sceneHeading: s.heading,
      shot: p.shotNumber,
      size: p.shotSize ?? '',
      angle: p.angle ?? '',
      lensMm: p.lensMm,
      move: p.cameraMove ?? '',
      durationMs: p.durationMs,
      description: p.action,
      dialogue: p.dialogue,
      sound: p.sound,
      transition: p.transition ? transitionLabel(p.transition) : '',
      notes: p.notes,
      tags: p.tags,
      status: p.status,
    })),
  );
}
