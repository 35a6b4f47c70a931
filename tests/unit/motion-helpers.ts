/** Puts a motion clip on a panel the way the app does: stored, a variation of the panel, picked, then timed. */
import { pickVariation } from '../../electron/core/generation/pick';
import { setPanelClipTiming, type ClipTimingPatch } from '../../electron/core/motion/clip-commands';
import { prepareClip } from '../../electron/core/motion/clip-probe';
import { storeClip, type StoredClip } from '../../electron/core/motion/clip-store';
import { writeClipVariation } from '../../electron/core/motion/clip-variation';
import type { Project } from '../../electron/core/project';

export async function putClip(project: Project, panelId: string, bytes: Buffer, timing: ClipTimingPatch = {}): Promise<StoredClip> {
  const clip = await storeClip(project.db, await prepareClip(bytes, 'clip.mp4'));
  const variationId = writeClipVariation(project.db, clip, {
    panelId, motionJobId: null, promptVersionId: null, provider: 'builtin', model: null, seed: null, params: {}, elapsedMs: null,
  });
  await pickVariation(project, variationId);
  if (timing.inMs !== undefined || timing.after !== undefined) setPanelClipTiming(project, panelId, timing);
  return clip;
}
