/** The creative decision log: read, filter, add a note with a why, export as JSON Lines or CSV. */
import { z } from 'zod';
import type { Decision } from '../../domain/generation';
import { DECISION_KINDS } from '../../domain/generation';
import { id, method, outputPath } from '../schemas';
import type { ExportStarted } from './export-pdf';

export const decisionMethods = {
  /** Entries oldest first, optionally for one panel or scene and of some kinds; first-time entries only with includeInitial. */
  'decisions.list': method<Decision[]>()(
    z
      .object({ panelId: id.optional(), sceneId: id.optional(), kinds: z.array(z.enum(DECISION_KINDS)).max(20).optional(), includeInitial: z.boolean().optional() })
      .strict(),
  ),
  /** Adds, changes or clears ('') the why of any entry after the fact (one undo step). */
  'decisions.setWhy': method<Decision>()(z.object({ id, why: z.string().max(4000) }).strict()),
  /** A manual entry on a panel or a scene (one undo step). */
  'decisions.addNote': method<Decision>()(
    z
      .object({ panelId: id.optional(), sceneId: id.optional(), note: z.string().trim().min(1).max(4000), why: z.string().max(4000) })
      .strict()
      .refine((v) => !!v.panelId !== !!v.sceneId, 'Give either panelId or sceneId'),
  ),
  /**
   * Writes the whole log to a .jsonl or .csv file. Without `path`, Electron shows a save dialog;
   * web mode answers UNSUPPORTED and the renderer asks for a path. null when the dialog was cancelled.
   */
  'decisions.export': method<{ path: string; entries: number } | null>()(
    z.object({ path: outputPath.optional(), format: z.enum(['jsonl', 'csv']).optional() }).strict(),
  ),
  /**
   * File > Export Decision Dataset…: writes the dataset folder (panels, decisions, generations,
   * preferences, images, README.md) as a task ending with a DatasetSummary. Without `path` Electron
   * asks where; web mode answers UNSUPPORTED and the renderer asks for a folder path.
   */
  'export.dataset': method<ExportStarted>()(z.object({ path: outputPath.optional() }).strict()),
} as const;
