/** Motion clips: image-to-video jobs on the selected panels, and how a panel plays its clip. */
import { z } from 'zod';
import type { Panel } from '../../domain/board';
import { CLIP_AFTER } from '../../domain/clip';
import type { MotionJobView, VideoProviderInfo } from '../../domain/motion';
import { VIDEO_PROVIDER_IDS } from '../../domain/motion';
import { id, method, noInput } from '../schemas';

export const motionMethods = {
  /** The image-to-video providers, whether each is set up, and what its default model takes. */
  'motion.providers': method<VideoProviderInfo[]>()(noInput),
  /**
   * Submits one job per panel (each panel's picture is its clip's first frame) and returns them at
   * once; they go on in the background (motion.updated, then variations.added with the clip variation).
   * `prompt`: the text to send for every panel; without it each panel's own composed prompt is sent.
   */
  'motion.start': method<MotionJobView[]>()(
    z
      .object({
        panelIds: z.array(id).min(1).max(200),
        providerId: z.enum(VIDEO_PROVIDER_IDS),
        model: z.string().trim().min(1).max(200).optional(),
        seconds: z.number().min(1).max(20),
        seed: z.number().int().min(0).max(4_294_967_295).optional(),
        negativePrompt: z.string().max(4000).optional(),
        prompt: z.string().trim().min(1).max(8000).optional(),
      })
      .strict(),
  ),
  /** Jobs newest first: a panel's, or the project's. */
  'motion.jobs': method<MotionJobView[]>()(z.object({ panelId: id.optional() }).strict()),
  /** Stops a job (the provider is asked to cancel where it can). */
  'motion.cancel': method<MotionJobView>()(z.object({ jobId: id }).strict()),
  /** Where the panel starts inside its clip (ms) and hold or loop past its end: one undo step. */
  'panels.setClipTiming': method<Panel>()(
    z.object({ panelId: id, inMs: z.number().min(0).max(3_600_000).optional(), after: z.enum(CLIP_AFTER).optional() }).strict(),
  ),
  /** The panel shows the clip's poster as a still again (the clip stays a variation): one undo step. */
  'panels.removeClip': method<Panel>()(z.object({ panelId: id }).strict()),
} as const;
