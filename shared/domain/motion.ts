/** Motion clips from image-to-video providers (issue 14): what the renderer sees of providers and jobs. */

export const VIDEO_PROVIDER_IDS = ['builtin', 'veo', 'runway', 'replicate', 'comfyui'] as const;
export type VideoProviderId = (typeof VIDEO_PROVIDER_IDS)[number];

export const VIDEO_PROVIDER_LABELS: Record<VideoProviderId, string> = {
  builtin: 'Built-in camera move (offline)',
  veo: 'Google Veo',
  runway: 'Runway',
  replicate: 'Replicate',
  comfyui: 'ComfyUI',
};

export interface VideoProviderInfo {
  id: VideoProviderId;
  label: string;
  /** Set up (key and address known); else `setup` says what to set. */
  ready: boolean;
  setup: string | null;
  defaultModel: string;
  /** Models offered in the menu (the provider may take others, typed by hand). */
  models: string[];
  /** For the default model: clip lengths in seconds, and whether a seed and a negative prompt are sent. */
  durations: number[];
  seed: boolean;
  negativePrompt: boolean;
}

export type MotionJobState = 'submitting' | 'running' | 'succeeded' | 'failed' | 'expired' | 'cancelled' | 'unknown';

/** One image-to-video job as the Generate tab lists it. */
export interface MotionJobView {
  id: string;
  panelId: string | null;
  provider: string;
  model: string | null;
  state: MotionJobState;
  /** What was asked: prompt, seconds, seed... (never the picture or a key). */
  request: Record<string, unknown>;
  /** The clip variation the job made, once it succeeded. */
  variationId: string | null;
  errorKind: string | null;
  errorMessage: string | null;
  createdAt: string;
  updatedAt: string;
}
