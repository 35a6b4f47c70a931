/** Turns a queued job into the request its provider receives. */
import sharp from 'sharp';
import { aspectValue, type AspectRatio } from '../../../shared/domain/project';
import { CoreError } from '../errors';
import type { Project } from '../project';
import { readImageBytes } from '../queries/image-queries';
import { getPanelRow } from '../queries/panel-queries';
import { aspectLabel, composePrompt } from './prompt-composer';
import { getPromptVersion } from './prompt-versions';
import type { JobParams, JobRow } from './job-rows';
import type { GenerateRequest, InputImage, ProviderCapabilities } from './provider-port';

/** Longest side of the size asked for; providers snap it to what they make. */
export const REQUEST_LONG_SIDE = 1024;
/** Reference and init images larger than this are scaled down before they are sent. */
export const MAX_INPUT_SIDE = 1536;

/** Width and height for a frame of this aspect ratio, long side 1024, multiples of 64. */
export function requestSize(aspect: AspectRatio): { width: number; height: number } {
  const ratio = aspectValue(aspect);
  const snap = (n: number) => Math.max(64, Math.round(n / 64) * 64);
  return ratio >= 1
    ? { width: REQUEST_LONG_SIDE, height: snap(REQUEST_LONG_SIDE / ratio) }
    : { width: snap(REQUEST_LONG_SIDE * ratio), height: REQUEST_LONG_SIDE };
}

export async function inputImage(project: Project, sha256: string): Promise<InputImage | null> {
  const img = readImageBytes(project.db, sha256, 'full');
  if (!img) return null;
  const meta = await sharp(img.data).metadata();
  const fits = (meta.width ?? 0) <= MAX_INPUT_SIDE && (meta.height ?? 0) <= MAX_INPUT_SIDE;
  if (fits && (img.mime === 'image/png' || img.mime === 'image/jpeg' || img.mime === 'image/webp')) return { mime: img.mime, data: img.data };
  const data = await sharp(img.data).rotate().resize(MAX_INPUT_SIDE, MAX_INPUT_SIDE, { fit: 'inside', withoutEnlargement: true }).png().toBuffer();
  return { mime: 'image/png', data };
}

/** The picture "refine" sends: the flattened composite (sketch included) when there is one, else the image. */
export function refineSourceSha(project: Project, panelId: string): string | null {
  const row = getPanelRow(project.db, panelId);
  return row ? (row.composite_sha256 ?? row.image_sha256) : null;
}

export async function buildRequest(project: Project, job: JobRow, params: JobParams, caps: ProviderCapabilities): Promise<GenerateRequest> {
  if (!job.panel_id || !job.prompt_version_id) throw new CoreError('NOT_FOUND', 'This job has lost its panel or its prompt.');
  const version = getPromptVersion(project.db, job.prompt_version_id);
  if (!version) throw new CoreError('NOT_FOUND', 'This job has lost its prompt.');
  const panel = project.panel(job.panel_id);
  const composed = composePrompt(project, job.panel_id);
  const aspect = project.info().aspectRatio;
  const request: GenerateRequest = {
    prompt: version.text,
    count: job.count,
    ...requestSize(aspect),
    aspectRatio: aspectLabel(aspect),
    params: {
      shotSize: panel.shotSize,
      angle: panel.angle,
      lensMm: panel.lensMm,
      cameraMove: panel.cameraMove,
      action: panel.action,
      characters: composed.cast,
      sceneHeading: project.scene(panel.sceneId).heading,
    },
  };
  if (version.negative.trim() && caps.negativePrompt) request.negativePrompt = version.negative;
  if (params.seed !== null && caps.seed) request.seed = params.seed;
  if (params.model) request.model = params.model;
  const references: InputImage[] = [];
  if (params.refine) {
    const sha = refineSourceSha(project, job.panel_id);
    const source = sha ? await inputImage(project, sha) : null;
    if (!source) throw new CoreError('BAD_INPUT', `Panel ${panel.shotNumber} has no picture to refine.`);
    if (caps.initImage) request.initImage = source;
    else references.push(source);
  }
  if (caps.referenceImages) {
    for (const ref of composed.references) {
      const img = await inputImage(project, ref.sha256);
      if (img) references.push(img);
    }
  }
  if (references.length) request.referenceImages = references;
  return request;
}
