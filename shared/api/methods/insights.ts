/** The taste record's figures (issue 15): coverage, pacing, colour and generation. Read-only. */
import { z } from 'zod';
import type { Insights } from '../../domain/insights';
import { id, method } from '../schemas';

export const insightsMethods = {
  /** Figures for the whole project, or for the given scenes; omitted scenes and panels are left out. */
  'insights.get': method<Insights>()(z.object({ sceneIds: z.array(id).max(10_000).optional() }).strict()),
} as const;
