import type { ProjectInfo } from '../../../shared/domain/project';
import { recordShotLock, shotNumbersLocked } from '../board/shot-lock';
import type { Project } from '../project';

/**
 * Locks the shot numbers (each panel keeps its number; new ones go between, 1AA) or unlocks them
 * (every panel is numbered automatically again). One undo step; nothing when already so.
 */
export function setShotNumbersLocked(project: Project, locked: boolean): ProjectInfo {
  if (shotNumbersLocked(project.db) !== locked) {
    project.edit(locked ? 'Lock shot numbers' : 'Unlock shot numbers', (rec) => recordShotLock(rec, project.db, locked));
  }
  return project.info();
}
