/**
 * Replicate's video models each take their own input names and values: a small table, not one shape
 * for all. An entry names where the prompt, the first frame, the length, the seed and the negative
 * prompt go, and the lengths the model makes. Kling's names are from its published schema
 * (kwaivgi/kling-v2.1-master: prompt, negative_prompt, start_image, duration 5|10).
 */
export interface ReplicateVideoModel {
  /** owner/name on Replicate. */
  name: string;
  image: string;
  duration?: { key: string; seconds: readonly number[]; asText?: boolean };
  seed?: string;
  negativePrompt?: string;
  /** Fixed extras the model needs (its resolution, say). */
  extra?: Record<string, unknown>;
}

export const REPLICATE_VIDEO_MODELS: readonly ReplicateVideoModel[] = [
  { name: 'kwaivgi/kling-v2.1-master', image: 'start_image', duration: { key: 'duration', seconds: [5, 10] }, negativePrompt: 'negative_prompt' },
  { name: 'kwaivgi/kling-v2.1', image: 'start_image', duration: { key: 'duration', seconds: [5, 10] }, negativePrompt: 'negative_prompt' },
  { name: 'bytedance/seedance-1-pro', image: 'image', duration: { key: 'duration', seconds: [5, 10] }, seed: 'seed' },
  { name: 'bytedance/seedance-1-lite', image: 'image', duration: { key: 'duration', seconds: [5, 10] }, seed: 'seed' },
  { name: 'wan-video/wan-2.2-i2v-fast', image: 'image', seed: 'seed', extra: { resolution: '480p' } },
];

export const DEFAULT_REPLICATE_VIDEO_MODEL = 'kwaivgi/kling-v2.1';

/** The table's entry for a model ("owner/name" or "owner/name:version"), or null when it is not one Boardwright knows. */
export function replicateVideoModel(model: string): ReplicateVideoModel | null {
  const name = model.split(':')[0];
  return REPLICATE_VIDEO_MODELS.find((m) => m.name === name) ?? null;
}
