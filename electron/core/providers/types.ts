/**
 * The provider layer: one interface every image generator speaks, from the offline built-in sketcher
 * to remote APIs. The renderer never sees this: jobs in the core call providers, and keys stay here.
 */

export const PROVIDER_IDS = ['builtin', 'openai', 'gemini', 'stability', 'replicate', 'comfyui', 'a1111'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];
/** Providers that need a key (the others run locally or need only a URL). */
export type KeyedProviderId = 'openai' | 'gemini' | 'stability' | 'replicate';

export interface ProviderCapabilities {
  textToImage: boolean;
  /** Takes reference images (characters, style) alongside the prompt. */
  referenceImages: boolean;
  /** Takes an init image to refine (the current panel, sketch included). */
  initImage: boolean;
  /** Most images one call returns; the adapter makes several calls when `count` is larger. */
  maxPerCall: number;
  /** Aspect ratios the provider accepts natively ('any' = free width/height); others are snapped to the nearest. */
  aspectRatios: readonly string[] | 'any';
  /** A given seed reproduces the image. */
  seed: boolean;
  negativePrompt: boolean;
}

export interface InputImage {
  mime: string;
  data: Buffer;
}

export interface GenerateRequest {
  prompt: string;
  negativePrompt?: string;
  /** How many variations to return (1..8 in the app). */
  count: number;
  /** First seed; variation i uses seed + i where the provider takes seeds. */
  seed?: number;
  width: number;
  height: number;
  /** "16:9", "2.39:1", "1:1"...: the panel's frame; providers snap to what they support. */
  aspectRatio: string;
  referenceImages?: InputImage[];
  initImage?: InputImage;
  /** Overrides the provider's configured model. */
  model?: string;
  /** Provider-specific extras (quality, steps, strength, a ComfyUI workflow, the built-in's shot data...). */
  params?: Record<string, unknown>;
}

export interface GenerateContext {
  /** Cancels the whole generation (the provider also asks a remote job to stop where it can). */
  signal: AbortSignal;
  /** 0..1, as far as the provider reports it. */
  onProgress(fraction: number): void;
  /**
   * Longest wait for one HTTP exchange: a hung connection fails with TIMEOUT after this long. Providers
   * that answer only once the image exists need it to cover a generation (see DEFAULT_TIMEOUTS).
   */
  timeoutMs: number;
}

/** What the provider reported about the work done, in its own units (tokens, seconds of GPU...). */
export type ProviderUsage = Record<string, number>;

export interface GeneratedImage {
  data: Buffer;
  mime: string;
  /** The seed that reproduces this image, or null when the provider does not say. */
  seed: number | null;
  /** The model that made it, as the provider names it. */
  providerModel: string;
  /** Every parameter sent for this image (never a key), so a variation can be reproduced. */
  params: Record<string, unknown>;
  usage?: ProviderUsage;
  costUsd?: number | null;
  /** The prompt the provider actually used when it rewrote ours (DALL-E 3). */
  revisedPrompt?: string;
  /** Text the model sent along with the image (Gemini). */
  providerNote?: string;
}

export interface ConnectionResult {
  ok: boolean;
  /** One sentence for the settings screen: "Connected to ComfyUI 0.3.40" or what is wrong. */
  message: string;
}

export interface ImageProvider {
  readonly id: ProviderId;
  readonly label: string;
  /** What the configured model (or the default) can do. */
  readonly capabilities: ProviderCapabilities;
  /** What a named model can do, where models differ (OpenAI's dall-e-3 cannot refine, flux-schnell takes no image). */
  capabilitiesFor?(model: string): ProviderCapabilities;
  /** The model used when a request names none. */
  readonly defaultModel: string;
  /** Resolves with exactly `request.count` images, or rejects with a ProviderError. */
  generate(request: GenerateRequest, ctx: GenerateContext): Promise<GeneratedImage[]>;
  /** Checks the URL and key without generating anything; never throws except when cancelled. */
  testConnection(signal?: AbortSignal): Promise<ConnectionResult>;
}

/** What adapters take from their surroundings, injectable so tests neither wait nor log to the console. */
export interface ProviderDeps {
  /** Waits ms (rejects with CANCELLED when the signal aborts). Used for retry backoff and polling. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** 0..1; jitter in backoff, random seeds. */
  random(): number;
  /** Diagnostic lines (already redacted). */
  log(line: string): void;
}

/** The capabilities of the model a request will use: the named one, else the configured one. */
export function capabilitiesOf(provider: Pick<ImageProvider, 'capabilities' | 'capabilitiesFor'>, model?: string | null): ProviderCapabilities {
  return model && provider.capabilitiesFor ? provider.capabilitiesFor(model) : provider.capabilities;
}
