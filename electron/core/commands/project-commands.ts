import type { AspectRatio, PictureFit, ProjectInfo } from '../../../shared/domain/project';
import type { Project } from '../project';
import { fitPictures } from './picture-fit';

export interface ProjectPatch {
  title?: string;
  aspectRatio?: AspectRatio;
  fps?: number;
  defaultDurationMs?: number;
  styleNotes?: string;
  /** When the aspect ratio changes: how the pictures fit the new frame (default: keep each framing). */
  fit?: PictureFit;
}

const COLUMNS: Record<Exclude<keyof ProjectPatch, 'fit'>, string> = {
  title: 'title',
  aspectRatio: 'aspect_ratio',
  fps: 'fps',
  defaultDurationMs: 'default_duration_ms',
  styleNotes: 'style_notes',
};

/** Changes the project's settings and, when the aspect ratio changes, fits the pictures to it: one undoable edit. */
export function updateProject(project: Project, patch: ProjectPatch): ProjectInfo {
  const { fit = 'keep', ...fields } = patch;
  const row: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) row[COLUMNS[k as keyof typeof COLUMNS]] = v;
  const aspectChanges = fields.aspectRatio !== undefined && fields.aspectRatio !== project.info().aspectRatio;
  project.edit('Edit project settings', (rec) => {
    rec.update('project', { id: 1 }, row);
    if (aspectChanges) fitPictures(rec, project, fields.aspectRatio!, fit);
  });
  return project.info();
}
