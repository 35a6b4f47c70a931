/** Board editing beyond the basics: duplicate, drop images, renumber, split/merge scenes, sketching. */
import { z } from 'zod';
import type { Panel, Scene } from '../../domain/board';
import type { PanelLayers } from '../../domain/sketch';
import type { ProjectInfo } from '../../domain/project';
import { SKETCH_TOOLS } from '../../domain/sketch';
import { durationMs, id, ids, method, uploadId } from '../schemas';

const stroke = z
  .object({
    tool: z.enum(SKETCH_TOOLS),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    size: z.number().positive().max(0.5),
    opacity: z.number().min(0).max(1),
    points: z.array(z.tuple([z.number().min(-1).max(2), z.number().min(-1).max(2), z.number().min(0).max(1)])).min(1).max(20_000),
    /** The words of a text stroke. */
    text: z.string().max(2000).optional(),
  })
  .strict();

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

  'sketch.get': method<PanelLayers>()(z.object({ panelId: id }).strict()),
  /** Adds one stroke (one undo step) and refreshes the flattened image used by thumbnails and exports. */
  'sketch.addStroke': method<Panel>()(z.object({ panelId: id, stroke }).strict()),
  'sketch.clear': method<Panel>()(z.object({ panelId: id }).strict()),
  'sketch.setImageOpacity': method<Panel>()(z.object({ panelId: id, opacity: z.number().min(0).max(1) }).strict()),
} as const;
