import type { ExportPreset, PdfBoardOptions } from '../../../../shared/domain/export';
import { CoreError } from '../../errors';
import type { Project } from '../../project';

/**
 * Saved export presets live in the project's settings table as one JSON row. They are preferences
 * about printing, not part of the board, so they are not in the undo history: undoing an edit to a
 * panel never brings back a deleted preset, and saving one never clears the redo stack.
 */
const KEY = 'export.pdf.presets';
export const MAX_PRESETS = 50;

export function listPresets(project: Project): ExportPreset[] {
  const row = project.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (!row) return [];
  try {
    const parsed = JSON.parse(row) as ExportPreset[];
    return Array.isArray(parsed) ? parsed.filter((p) => p && typeof p.name === 'string' && p.options) : [];
  } catch {
    return [];
  }
}

function write(project: Project, presets: ExportPreset[]): void {
  project.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(presets));
}

/** Saves (or replaces, by name) a preset, cover logo included; the date is not kept (exports print today's). */
export function savePreset(project: Project, name: string, options: PdfBoardOptions): ExportPreset[] {
  const clean = name.trim();
  if (!clean) throw new CoreError('BAD_INPUT', 'A preset needs a name.');
  const { date: _date, ...stored } = options;
  const presets = listPresets(project).filter((p) => p.name.toLowerCase() !== clean.toLowerCase());
  if (presets.length >= MAX_PRESETS) throw new CoreError('BAD_INPUT', `A project keeps at most ${MAX_PRESETS} presets; delete one first.`);
  presets.push({ name: clean, options: stored });
  presets.sort((a, b) => a.name.localeCompare(b.name));
  write(project, presets);
  return presets;
}

export function deletePreset(project: Project, name: string): ExportPreset[] {
  const presets = listPresets(project);
  const kept = presets.filter((p) => p.name.toLowerCase() !== name.trim().toLowerCase());
  if (kept.length === presets.length) throw new CoreError('NOT_FOUND', `There is no preset named "${name}".`);
  write(project, kept);
  return kept;
}
