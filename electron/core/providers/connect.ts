import { requireBaseUrl, requireKey } from './common';
import { ProviderHttp } from './http';
import type { ProviderSettings } from './settings';
import type { GenerateContext, ProviderCapabilities, ProviderDeps } from './types';
import { splitCredentials } from './url-credentials';

type CallContext = Pick<GenerateContext, 'signal' | 'timeoutMs'>;

/** A cloud provider's names: what the user sees, and the environment variables of its key and base URL. */
export interface KeyedProviderNames {
  label: string;
  keyEnv: string;
  baseEnv: string;
}

/** One call's connection to a cloud provider: its key, its base URL, and HTTP that redacts the key. */
export interface KeyedConnection {
  key: string;
  base: string;
  http: ProviderHttp;
}

/** Reads the key and base URL (a clear CONFIG error when missing) and opens HTTP for one generation or check. */
export function connectKeyed(settings: ProviderSettings, names: KeyedProviderNames, ctx: CallContext, deps: ProviderDeps): KeyedConnection {
  const key = requireKey(settings, names.label, names.keyEnv);
  const base = requireBaseUrl(settings, names.label, names.baseEnv);
  return { key, base, http: new ProviderHttp({ label: names.label, keyHint: names.keyEnv, secrets: [key] }, ctx, deps) };
}

/**
 * What a local Stable Diffusion server (A1111/Forge, ComfyUI) can do: any size, a seed, a negative
 * prompt, an init image to refine, up to 8 images a call; no separate reference images.
 */
export const LOCAL_DIFFUSION_CAPABILITIES: ProviderCapabilities = Object.freeze({
  textToImage: true,
  referenceImages: false,
  initImage: true,
  maxPerCall: 8,
  aspectRatios: 'any',
  seed: true,
  negativePrompt: true,
});

/** A local server's names: its label, the variable of its URL, and how to name its credentials in an error. */
export interface LocalProviderNames {
  label: string;
  urlEnv: string;
  keyHint: string;
}

/** One call's connection to a local server: base URL without credentials, HTTP Basic header if the URL had them. */
export interface LocalConnection {
  base: string;
  http: ProviderHttp;
  headers: Record<string, string>;
}

export function connectLocal(settings: ProviderSettings, names: LocalProviderNames, ctx: CallContext, deps: ProviderDeps): LocalConnection {
  const { base, authorization, secrets } = splitCredentials(requireBaseUrl(settings, names.label, names.urlEnv));
  const http = new ProviderHttp({ label: names.label, keyHint: names.keyHint, secrets }, ctx, deps);
  return { base, http, headers: authorization ? { authorization } : {} };
}
