/**
 * Locked shot numbers (a board handed to the crew): every panel keeps the number it had when the lock
 * was set, whatever is inserted, deleted or moved; a new panel gets a number between its neighbours'.
 */
import type { Db } from '../db/connection';
import type { ChangeRecorder } from '../history/recorder';
import { listSceneRows } from '../queries/scene-queries';
import { lockedNumberBetween, sceneLabel, shotNumber } from './shot-numbers';

interface NumberRow {
  id: string;
  scene_id: string;
  shot_number_override: string | null;
  locked_shot_number: string | null;
}

interface NumberedPanel extends NumberRow {
  /** The number shown now (override, else locked, else automatic). */
  shown: string;
  /** The scene's automatic number for this panel's place. */
  auto: string;
}

/** Every panel's number as the board shows it, scene by scene in board order. */
function numberedScenes(db: Db): NumberedPanel[][] {
  const rows = db
    .prepare(
      `SELECT p.id, p.scene_id, p.shot_number_override, p.locked_shot_number FROM panels p JOIN scenes s ON s.id = p.scene_id
       ORDER BY s.position, s.id, p.position, p.id`,
    )
    .all() as NumberRow[];
  const scenes = listSceneRows(db);
  const byScene = new Map(scenes.map((s) => [s.id, [] as NumberRow[]]));
  for (const r of rows) byScene.get(r.scene_id)!.push(r);
  return scenes.map((s, i) => {
    const label = sceneLabel(s, i + 1);
    return byScene.get(s.id)!.map((r, k) => {
      const auto = shotNumber(label, k, null);
      return { ...r, auto, shown: r.shot_number_override ?? r.locked_shot_number ?? auto };
    });
  });
}

/** Shot number of every panel by id, as the board shows it. */
export function shotNumbersById(db: Db): Map<string, string> {
  return new Map(numberedScenes(db).flat().map((p) => [p.id, p.shown]));
}

export function shotNumbersLocked(db: Db): boolean {
  return db.prepare('SELECT shot_numbers_locked FROM project WHERE id = 1').pluck().get() === 1;
}

/** Freezes every panel's current number (locking) or lets them all go (unlocking: automatic again). */
export function recordShotLock(rec: ChangeRecorder, db: Db, locked: boolean): void {
  for (const p of numberedScenes(db).flat()) rec.update('panels', { id: p.id }, { locked_shot_number: locked ? p.shown : null });
  rec.update('project', { id: 1 }, { shot_numbers_locked: locked ? 1 : 0 });
}

/** While locked, gives the panels an edit added (they have no locked number yet) one between their neighbours'. */
export function numberNewPanels(rec: ChangeRecorder, db: Db): void {
  if (!shotNumbersLocked(db)) return;
  const scenes = numberedScenes(db);
  const fresh = scenes.flat().filter((p) => p.locked_shot_number === null && p.shot_number_override === null);
  if (fresh.length === 0) return;
  const taken = new Set(scenes.flat().filter((p) => p.locked_shot_number !== null || p.shot_number_override !== null).map((p) => p.shown));
  for (const panels of scenes) {
    panels.forEach((p, i) => {
      if (p.locked_shot_number !== null || p.shot_number_override !== null) return;
      const prev = i > 0 ? panels[i - 1].shown : null;
      const next = panels.slice(i + 1).find((n) => n.locked_shot_number !== null || n.shot_number_override !== null)?.shown ?? null;
      p.shown = lockedNumberBetween(prev, next, p.auto, taken);
      p.locked_shot_number = p.shown;
      taken.add(p.shown);
      rec.update('panels', { id: p.id }, { locked_shot_number: p.shown });
    });
  }
}
