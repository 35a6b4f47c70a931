import { z } from 'zod';
import type { GenerationJob } from '../../domain/generation';
import { PROVIDER_IDS } from '../../domain/generation';
import type { ScriptImportSummary, ScriptView } from '../../domain/script';
import { method, noInput, uploadId } from '../schemas';

const mode = z.enum(['beats', 'scene']);
const previewId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Not a preview id');

export const scriptMethods = {
  /**
   * Reads a screenplay (sent on the upload channel as kind "script") and says what importing it would
   * change, writing nothing. Again with `previewId` and another `mode`, it plans the same script anew.
   */
  'script.preview': method<{ previewId: string; summary: ScriptImportSummary }>()(
    z.union([
      z.object({ uploadId, fileName: z.string().min(1).max(1000), mode: mode.optional() }).strict(),
      z.object({ previewId, mode }).strict(),
    ]),
  ),
  /** Imports (or re-imports) the previewed script: one undoable edit. */
  'script.import': method<ScriptImportSummary>()(z.object({ previewId }).strict()),
  /** "Board the script": a first picture for every panel without one, each job's first variation into its panel. */
  'script.boardEmpty': method<GenerationJob[]>()(z.object({ providerId: z.enum(PROVIDER_IDS) }).strict()),
  /** The project's script for the script pane, or null before any import. */
  'script.get': method<ScriptView | null>()(noInput),
} as const;
