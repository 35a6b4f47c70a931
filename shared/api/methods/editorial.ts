import { z } from 'zod';
import type { ConformSummary } from '../../domain/editorial';
import { EDITORIAL_FORMATS, EDITORIAL_RATES } from '../../domain/editorial';
import type { ExportStarted } from './export-pdf';
import { method, outputPath, uploadId } from '../schemas';

const previewId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Not a preview id');

export const editorialMethods = {
  /**
   * File > Export > Editorial Timeline…: the timeline file (without `path` the app asks; web mode
   * answers null) and its media folder (NAME_media beside it), written as a task.
   */
  'export.editorial': method<ExportStarted>()(
    z
      .object({
        format: z.enum(EDITORIAL_FORMATS),
        path: outputPath.optional(),
        options: z
          .object({
            fps: z.number().refine((f) => EDITORIAL_RATES.some((r) => Math.abs(r - f) < 0.005), `One of ${EDITORIAL_RATES.join(', ')}`).optional(),
            scenes: z.string().max(2000).optional(),
            relative: z.boolean().optional(),
            bakeMoves: z.boolean().optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  /** Reads an edited timeline (sent on the upload channel as kind "timeline") and says what a conform would change. */
  'editorial.preview': method<{ previewId: string; summary: ConformSummary }>()(
    z.object({ uploadId, fileName: z.string().min(1).max(1000) }).strict(),
  ),
  /** Applies the previewed conform: one undoable edit, logged. */
  'editorial.apply': method<ConformSummary>()(z.object({ previewId }).strict()),
} as const;
