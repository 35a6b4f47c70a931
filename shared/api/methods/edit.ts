/** Board editing beyond the basics: duplicate, drop images, renumber, split/merge scenes, (the panel editor is in ./sketch). */
import { z } from 'zod';
import type { Panel, Scene } from '../../domain/board';
import type { ProjectInfo } from '../../domain/project';
import { durationMs, id, ids, method, uploadId } from '../schemas';

export const editMethods = {
  /** Copies panels (fields, image, sketch) right after each original; one undo step. */
  'panels.duplicate': method<Panel[]>()(z.object({ ids }).strict()),
  /** One new panel per image file, in order, at `index` of a scene (default: its end); one undo step. */
  'panels.addImages': method<Panel[]>()(
    z
      .object({
        sceneId: id,
        index: z.number().int().min(0).optional(),
        files: z.array(z.object({ fileName: z.string().max(1000), uploadId }).strict()).min(1).max(500),
        durationMs: durationMs.optional(),
      })
      .strict(),
  ),
  /** Drops manual shot-number overrides so numbers are automatic again (given scenes, or all). */
  'panels.renumber': method<null>()(z.object({ sceneIds: z.array(id).optional() }).strict()),
  /**
   * Locks shot numbers (each panel keeps its number; a panel added between 1A and 1B gets 1AA) or
   * unlocks them (automatic numbering again). One undo step.
   */
  'project.setShotNumbersLocked': method<ProjectInfo>()(z.object({ locked: z.boolean() }).strict()),
  /** Starts a new scene at this panel: it and the panels after it move to the new scene. */
  'scenes.split': method<Scene>()(z.object({ panelId: id, heading: z.string().max(500).optional() }).strict()),
  /** Appends the panels of the following scene(s) to the first one and removes them. `ids` in board order. */
  'scenes.merge': method<Scene>()(z.object({ ids: z.array(id).min(2).max(1000) }).strict()),

} as const;
