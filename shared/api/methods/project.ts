import { z } from 'zod';
import { PICTURE_FITS, type ProjectInfo } from '../../domain/project';
import { aspectRatio, durationMs, fps, method, noInput, projectPath, text } from '../schemas';

export const projectMethods = {
  'project.new': method<ProjectInfo>()(
    z
      .object({
        title: z.string().trim().min(1).max(200),
        /** Where to create it. Omitted: the app asks (Electron) or uses its projects folder (web). */
        path: projectPath.optional(),
        aspectRatio: aspectRatio.optional(),
        fps: fps.optional(),
      })
      .strict(),
  ),
  /** `readOnly`: open without the project lock, for a file another Boardwright process is editing. */
  'project.open': method<ProjectInfo>()(z.object({ path: projectPath.optional(), readOnly: z.boolean().optional() }).strict()),
  'project.saveCopyAs': method<{ path: string } | null>()(z.object({ path: projectPath.optional() }).strict()),
  'project.close': method<null>()(noInput),
  'project.current': method<ProjectInfo | null>()(noInput),
  'project.update': method<ProjectInfo>()(
    z
      .object({
        title: z.string().trim().min(1).max(200),
        aspectRatio,
        fps,
        defaultDurationMs: durationMs,
        styleNotes: text,
        /** When the aspect ratio changes: how pictures fit the new frame (letterbox, crop centre, keep; default keep). */
        fit: z.enum(PICTURE_FITS),
      })
      .partial()
      .strict(),
  ),
} as const;
