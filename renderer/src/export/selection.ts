import type { SceneWithPanels } from '../../../shared/domain/board';
import type { PanelSelection } from '../../../shared/domain/export';

/**
 * The selection the core understands (scene numbers and shot lists, see shared/domain/export.ts)
 * from the dialog's scene checkboxes and its shots field. Null when nothing at all is chosen.
 */
export function buildSelection(scenes: SceneWithPanels[], excluded: number[], shots: string): PanelSelection | null {
  const chosen = scenes.filter((s) => !excluded.includes(s.number)).map((s) => s.number);
  const panels = shots.trim();
  if (chosen.length === scenes.length) return panels ? { panels } : {};
  if (chosen.length === 0) return panels ? { panels } : null;
  return { scenes: chosen.join(','), ...(panels ? { panels } : {}) };
}

/** "<project folder>/<title> - <suffix>.<ext>" ("<title>.<ext>" without a suffix), the path web mode suggests. */
export function defaultExportPath(projectPath: string, title: string, suffix: string, ext: string): string {
  const cut = Math.max(projectPath.lastIndexOf('/'), projectPath.lastIndexOf('\\'));
  const folder = cut >= 0 ? projectPath.slice(0, cut) : '';
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const name = title.replace(/[\\/:*?"<>|]/g, '').trim() || 'Untitled';
  return `${folder}${sep}${name}${suffix ? ` - ${suffix}` : ''}.${ext}`;
}

/** "about 12 s left", "about 2 min 5 s left". */
export function timeLeft(ms: number | null): string {
  if (ms === null) return 'estimating time left…';
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s < 60 ? `about ${s} s left` : `about ${Math.floor(s / 60)} min ${s % 60} s left`;
}
