import type { Project } from '../project';
import { ensurePalettes } from '../insights/palette-store';

/**
 * Each panel picture's main colours ("#rrggbb", most covering first), keyed by the SHA-256 of what
 * the panel shows (its sketch composite or image), as the Insights view reads them. Pictures stored
 * before palettes existed get theirs extracted here (kept in the project unless it is read-only).
 */
export async function panelPalettes(project: Project): Promise<Map<string, string[]>> {
  const shas = project.board().scenes.flatMap((s) => s.panels.flatMap((p) => (p.thumbSha256 ? [p.thumbSha256] : [])));
  const swatches = await ensurePalettes(project, shas);
  return new Map([...swatches].map(([sha, list]) => [sha, list.map((s) => s.hex)]));
}
