import { z } from 'zod';
import type { Board, Panel, Renumbered, Scene } from '../../domain/board';
import { id, ids, method, noInput, panelPatch, scenePatch, uploadId } from '../schemas';

export const boardMethods = {
  'board.get': method<Board>()(noInput),

  'scenes.create': method<Scene>()(z.object({ index: z.number().int().min(0).optional(), patch: scenePatch.optional() }).strict()),
  'scenes.update': method<Scene>()(z.object({ id, patch: scenePatch }).strict()),
  /** Returns the other panels it renumbered (none when shot numbers are locked). */
  'scenes.delete': method<Renumbered>()(z.object({ id }).strict()),
  'scenes.move': method<null>()(z.object({ id, index: z.number().int().min(0) }).strict()),

  'panels.create': method<Panel>()(
    z.object({ sceneId: id, index: z.number().int().min(0).optional(), patch: panelPatch.optional() }).strict(),
  ),
  'panels.update': method<Panel[]>()(z.object({ ids, patch: panelPatch }).strict()),
  'panels.delete': method<null>()(z.object({ ids }).strict()),
  'panels.move': method<null>()(z.object({ ids, sceneId: id, index: z.number().int().min(0) }).strict()),
  'panels.setImage': method<Panel>()(z.object({ panelId: id, fileName: z.string().max(1000), uploadId }).strict()),
} as const;
