/**
 * The work of one job, short of writing it: build the request, ask the provider, decode and
 * thumbnail what comes back. Checks for cancellation between every step, so a cancel lands at once.
 */
import { performance } from 'node:perf_hooks';
import { CoreError, isCoreError } from '../errors';
import type { Project } from '../project';
import type { StoredImage } from '../queries/image-queries';
import { buildRequest } from './job-request';
import type { JobParams, JobRow } from './job-rows';
import { capabilitiesOf, isProviderError, redactAndClip, type ImageProvider } from './provider-port';
import { prepareGenerated, storeGeneratedBytes, type VariationRecord } from './store-variation';

export interface PreparedVariation {
  image: StoredImage;
  record: VariationRecord;
}

function checkCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CoreError('CANCELLED', 'Cancelled.');
}

export async function produceVariations(
  project: Project,
  job: { row: JobRow; params: JobParams },
  provider: ImageProvider,
  ctx: { signal: AbortSignal; timeoutMs: number; onProgress(fraction: number): void },
): Promise<PreparedVariation[]> {
  const { row, params } = job;
  const request = await buildRequest(project, row, params, capabilitiesOf(provider, params.model));
  checkCancelled(ctx.signal);
  const started = performance.now();
  const images = await provider.generate(request, ctx);
  const elapsedMs = performance.now() - started;
  checkCancelled(ctx.signal);
  const out: PreparedVariation[] = [];
  for (const img of images) {
    // The bytes go into the project while the thumbnail is made; the variation row follows with the job.
    const image = await prepareGenerated(img.data, (sha256) => storeGeneratedBytes(project.db, sha256, img.data));
    checkCancelled(ctx.signal);
    out.push({
      image,
      record: {
        panelId: row.panel_id!,
        jobId: row.id,
        promptVersionId: row.prompt_version_id,
        provider: provider.id,
        model: img.providerModel || row.model,
        seed: img.seed,
        params: { ...img.params, ...(img.revisedPrompt ? { revisedPrompt: img.revisedPrompt } : {}), ...(img.providerNote ? { providerNote: img.providerNote } : {}) },
        elapsedMs,
        usage: img.usage ?? null,
        costUsd: img.costUsd ?? null,
      },
    });
  }
  return out;
}

/** How a failure is stored and shown: the provider's kind and its message, scrubbed of keys. */
export function describeFailure(e: unknown, secrets: readonly string[]): { kind: string; message: string } {
  const scrub = (text: string) => redactAndClip(text, secrets, 500);
  if (isProviderError(e)) return { kind: e.kind, message: scrub(e.message) };
  if (isCoreError(e) && e.code === 'NOT_AN_IMAGE') return { kind: 'BAD_RESPONSE', message: scrub(`The provider sent an image Boardwright cannot read: ${e.message}`) };
  if (isCoreError(e)) return { kind: e.code, message: scrub(e.message) };
  return { kind: 'INTERNAL', message: scrub(`Generation failed: ${(e as Error)?.message ?? String(e)}`) };
}
