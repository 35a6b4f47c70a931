/** What a panel sends to an image-to-video provider: its picture as the first frame and its prompt. */
import { hasMove } from '../../../shared/domain/animatic-frame';
import { CoreError } from '../errors';
import { inputImage, refineSourceSha } from '../generation/job-request';
import { aspectLabel, composePrompt } from '../generation/prompt-composer';
import { promptVersionFor } from '../generation/prompt-versions';
import type { Project } from '../project';
import type { VideoCapabilities, VideoRequest } from './video-provider';
import { nearest } from './video-provider';
import { panelPlanes } from './motion-planes';

export interface MotionAsk {
  seconds: number;
  model?: string;
  seed?: number;
  negativePrompt?: string;
  /** The text to send; default: what the panel's prompt field shows (its current version, else the composed prompt). */
  prompt?: string;
}

export interface PanelVideoRequest {
  request: VideoRequest;
  promptVersionId: string;
}

/**
 * The request for one panel: its picture (sketch included) as the clip's first frame, its prompt kept
 * as a prompt version, the length snapped to one the model makes, seed and negative prompt only where
 * the model takes them. The built-in provider gets the panel's own camera move and the project's rate,
 * and its picture's depth planes where it has several (for parallax).
 */
export async function panelVideoRequest(project: Project, panelId: string, providerId: string, caps: VideoCapabilities, ask: MotionAsk): Promise<PanelVideoRequest> {
  const panel = project.panel(panelId);
  const sha = refineSourceSha(project, panelId);
  const firstFrame = sha ? await inputImage(project, sha) : null;
  if (!firstFrame) throw new CoreError('BAD_INPUT', `Panel ${panel.shotNumber} has no picture yet: a clip starts from the panel's picture.`);
  const composed = composePrompt(project, panelId);
  const prompt = (ask.prompt ?? composed.current?.text ?? composed.text).trim();
  const negative = caps.negativePrompt ? (ask.negativePrompt ?? composed.current?.negative ?? composed.negative).trim() : '';
  const info = project.info();
  const seconds = nearest(caps.durations, ask.seconds);
  const request: VideoRequest = {
    prompt,
    seconds,
    aspectRatio: aspectLabel(info.aspectRatio),
    firstFrame,
    ...(negative ? { negativePrompt: negative } : {}),
    ...(caps.seed && ask.seed !== undefined ? { seed: ask.seed } : {}),
    ...(ask.model ? { model: ask.model } : {}),
    ...(providerId === 'builtin' ? { params: { fps: info.fps, ...(hasMove(panel.framing) ? { framing: panel.framing } : {}) } } : {}),
  };
  const planes = providerId === 'builtin' ? await panelPlanes(project, panelId) : null;
  if (planes) request.planes = planes;
  const promptVersionId = project.db.transaction(() =>
    promptVersionFor(project.db, { panelId, text: prompt, negative, params: { provider: providerId, motion: true, seconds } }),
  ).immediate();
  return { request, promptVersionId };
}
