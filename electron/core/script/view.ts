/** The script pane's data: the latest imported script, line by line, and which panels each line became. */
import type { ScriptView } from '../../../shared/domain/script';
import type { Project } from '../project';
import { breakDown } from './import/breakdown';
import { CUT_BEAT } from './import/board-state';
import { latestScript } from './import/script-store';

export function scriptView(project: Project): ScriptView | null {
  const latest = latestScript(project.db);
  if (!latest) return null;
  const { screenplay } = latest;
  const scenes = breakDown(screenplay, latest.mode);
  const rows = project.db
    .prepare(
      `SELECT p.id, p.script_element, s.id AS scene_id, s.script_scene FROM panels p JOIN scenes s ON s.id = p.scene_id
       WHERE p.script_element IS NOT NULL AND s.script_scene IS NOT NULL ORDER BY s.position, s.id, p.position, p.id`,
    )
    .all() as { id: string; script_element: string; scene_id: string; script_scene: number }[];
  const beatPanels: Record<string, string[]> = {};
  const sceneIds: Record<number, string> = {};
  for (const r of rows) {
    sceneIds[r.script_scene] ??= r.scene_id;
    if (r.script_element === CUT_BEAT || !r.script_element.startsWith(`${r.script_scene}:`)) continue;
    (beatPanels[r.script_element] ??= []).push(r.id);
  }
  for (const s of project.db.prepare('SELECT id, script_scene FROM scenes WHERE script_scene IS NOT NULL').all() as { id: string; script_scene: number }[]) {
    sceneIds[s.script_scene] = s.id;
  }
  return {
    fileName: latest.fileName,
    importedAt: latest.importedAt,
    format: screenplay.format,
    title: screenplay.title,
    lines: screenplay.lines.map((l) => ({
      kind: l.kind,
      text: l.text,
      scene: l.sceneIndex,
      beat: l.sceneIndex !== null && l.elementIndex !== null ? (scenes[l.sceneIndex]?.elementBeats[l.elementIndex] ?? null) : null,
      ...(l.dual ? { dual: l.dual } : {}),
    })),
    beatPanels,
    sceneIds,
  };
}
