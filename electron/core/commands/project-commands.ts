import type { AspectRatio, ProjectInfo } from '../../../shared/domain/project';
import type { Project } from '../project';

export interface ProjectPatch {
  title?: string;
  aspectRatio?: AspectRatio;
  fps?: number;
  defaultDurationMs?: number;
  styleNotes?: string;
}

const COLUMNS: Record<keyof ProjectPatch, string> = {
  title: 'title',
  aspectRatio: 'aspect_ratio',
  fps: 'fps',
  defaultDurationMs: 'default_duration_ms',
  styleNotes: 'style_notes',
};

export function updateProject(project: Project, patch: ProjectPatch): ProjectInfo {
  const row: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) row[COLUMNS[k as keyof ProjectPatch]] = v;
  project.edit('Edit project settings', (rec) => rec.update('project', { id: 1 }, row));
  return project.info();
}
