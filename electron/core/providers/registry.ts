import { A1111Provider } from './a1111';
import { BuiltinProvider } from './builtin';
import { ComfyUIProvider } from './comfyui';
import { ProviderError } from './errors';
import { GeminiProvider } from './gemini';
import { OpenAIProvider } from './openai';
import { ReplicateProvider } from './replicate';
import { defaultDeps } from './retry';
import { missingSetting, readProviderSettings, type ProviderSettings, type ProviderSettingsMap } from './settings';
import { PROVIDER_IDS, type ImageProvider, type ProviderCapabilities, type ProviderDeps, type ProviderId } from './types';
import { StabilityProvider } from './stability';

/** What the settings screen and the job queue need to know about a provider without running it. */
export interface ProviderInfo {
  id: ProviderId;
  label: string;
  capabilities: ProviderCapabilities;
  defaultModel: string;
  /** The model that will be used: the configured one, or the default. */
  model: string;
  /** Runs on this machine (no account, no per-image cost). */
  local: boolean;
  configured: boolean;
  /** What to set when not configured; null when configured. */
  missing: string | null;
  /** Where requests go, without credentials (empty for the built-in). */
  baseUrl: string;
  /** A sensible GenerateContext.timeoutMs: long enough for one exchange to finish a whole image where the provider holds the connection. */
  timeoutMs: number;
}

/**
 * Suggested per-exchange timeouts. OpenAI, Gemini, Stability and A1111 answer only when the image is
 * made, so their timeout must cover a generation; Replicate (Prefer: wait up to 60 s) and ComfyUI poll.
 */
export const DEFAULT_TIMEOUTS: Record<ProviderId, number> = {
  builtin: 30_000,
  openai: 180_000,
  gemini: 120_000,
  stability: 120_000,
  replicate: 90_000,
  comfyui: 30_000,
  a1111: 600_000,
};

const LOCAL: ReadonlySet<ProviderId> = new Set(['builtin', 'comfyui', 'a1111']);

export function isProviderId(id: string): id is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(id);
}

/**
 * A provider ready to generate. `settings` is either the map from readProviderSettings() or the one
 * provider's settings. Never throws for a missing key: generate() reports that as CONFIG.
 */
export function createProvider(id: ProviderId, settings: ProviderSettingsMap | ProviderSettings, deps: ProviderDeps = defaultDeps()): ImageProvider {
  const own: ProviderSettings = 'baseUrl' in settings ? (settings as ProviderSettings) : (settings as ProviderSettingsMap)[id];
  switch (id) {
    case 'builtin':
      return new BuiltinProvider(deps);
    case 'openai':
      return new OpenAIProvider(own, deps);
    case 'gemini':
      return new GeminiProvider(own, deps);
    case 'stability':
      return new StabilityProvider(own, deps);
    case 'replicate':
      return new ReplicateProvider(own, deps);
    case 'comfyui':
      return new ComfyUIProvider(own, deps);
    case 'a1111':
      return new A1111Provider(own, deps);
    default:
      throw new ProviderError('CONFIG', `There is no image provider called "${String(id)}".`);
  }
}

/** Every provider with its capabilities and whether it is ready, built-in first. */
export function listProviders(settings: ProviderSettingsMap = readProviderSettings()): ProviderInfo[] {
  return PROVIDER_IDS.map((id) => {
    const p = createProvider(id, settings);
    const missing = missingSetting(id, settings[id]);
    return {
      id,
      label: p.label,
      capabilities: p.capabilities,
      defaultModel: p.defaultModel,
      model: settings[id]?.model ?? p.defaultModel,
      local: LOCAL.has(id),
      configured: missing === null,
      missing,
      baseUrl: displayUrl(settings[id]?.baseUrl ?? ''),
      timeoutMs: DEFAULT_TIMEOUTS[id],
    };
  });
}

/** A base URL fit to show: credentials removed. */
function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/+$/, '');
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
}
