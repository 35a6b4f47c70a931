import type { Decision } from '../../../shared/domain/generation';
import type { GenerationRecord } from './generations-file';

/** Whether two variations answer the same request: the same generation job, else the same prompt version. */
function sameRequest(a: GenerationRecord, b: GenerationRecord): boolean {
  if (a.job_id) return a.job_id === b.job_id;
  return a.prompt_version_id !== null && a.prompt_version_id === b.prompt_version_id;
}

/**
 * preferences.jsonl: one record per pick of a generated variation that beat at least one other
 * variation of the same request, in the prompt / chosen / rejected shape preference tuning takes.
 * Only alternatives the pick was made over (its log entry names them) and that still exist count.
 */
export function preferenceRecords(picks: readonly Decision[], generations: readonly GenerationRecord[]) {
  const byId = new Map(generations.map((g) => [g.variation_id, g]));
  const records = [];
  for (const pick of picks) {
    const chosen = byId.get(String(pick.data.variationId));
    if (!chosen || chosen.prompt === null || !chosen.image) continue;
    const alternatives = Array.isArray(pick.data.alternatives) ? (pick.data.alternatives as { variationId?: unknown }[]) : [];
    const rejected = alternatives
      .map((a) => byId.get(String(a.variationId)))
      .filter((g): g is GenerationRecord => !!g && !!g.image && sameRequest(chosen, g));
    if (rejected.length === 0) continue;
    records.push({
      pick_id: pick.id,
      time: pick.createdAt,
      panel_id: pick.panelId,
      shot: pick.shotNumber,
      prompt: chosen.prompt,
      negative_prompt: chosen.negative_prompt,
      prompt_version_id: chosen.prompt_version_id,
      provider: chosen.provider,
      model: chosen.model,
      chosen: chosen.image,
      rejected: rejected.map((g) => g.image!),
      chosen_variation_id: chosen.variation_id,
      rejected_variation_ids: rejected.map((g) => g.variation_id),
      why: pick.why,
    });
  }
  return records;
}
