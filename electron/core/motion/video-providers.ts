/**
 * Which image-to-video provider runs with which settings. Veo goes through the Gemini API (the Gemini
 * key and address), Replicate and ComfyUI use their still settings' key and address, Runway reads
 * RUNWAY_API_KEY / RUNWAY_BASE_URL. Keys come from where still providers' keys come from; never stored.
 */
import { VIDEO_PROVIDER_LABELS, type VideoProviderId, type VideoProviderInfo } from '../../../shared/domain/motion';
import { Secret } from '../providers/secret';
import { validHttpUrl, type ProviderSettings, type ProviderSettingsMap } from '../providers/settings';
import type { ProviderDeps } from '../providers/types';
import { defaultDeps } from '../providers/retry';
import { BuiltinMotionProvider } from './builtin';
import { ComfyUIVideoProvider } from './comfyui';
import { ReplicateVideoProvider } from './replicate';
import { REPLICATE_VIDEO_MODELS } from './replicate/models';
import { RunwayProvider } from './runway';
import { VeoProvider } from './veo';
import type { VideoProvider } from './video-provider';

type Env = Record<string, string | undefined>;

export const RUNWAY_DEFAULT_URL = 'https://api.dev.runwayml.com';

/** Models offered in the menus (each provider takes others typed by hand). */
const MODELS: Record<VideoProviderId, string[]> = {
  builtin: ['camera-move'],
  veo: ['veo-3.1-fast-generate-preview', 'veo-3.1-generate-preview', 'veo-3.0-fast-generate-001', 'veo-2.0-generate-001'],
  runway: ['gen4_turbo', 'gen3a_turbo'],
  replicate: REPLICATE_VIDEO_MODELS.map((m) => m.name),
  comfyui: [],
};

/** The settings a video provider runs with, from the still providers' settings and the environment. */
export function videoSettings(id: VideoProviderId, stills: ProviderSettingsMap, env: Env): ProviderSettings {
  switch (id) {
    case 'builtin':
      return { baseUrl: '' };
    case 'veo':
      return { baseUrl: stills.gemini.baseUrl, ...(stills.gemini.key ? { key: stills.gemini.key } : {}) };
    case 'runway': {
      const key = env.RUNWAY_API_KEY?.trim();
      return { baseUrl: (env.RUNWAY_BASE_URL?.trim() || RUNWAY_DEFAULT_URL).replace(/\/+$/, ''), ...(key ? { key: new Secret(key) } : {}) };
    }
    case 'replicate':
      return { baseUrl: stills.replicate.baseUrl, ...(stills.replicate.key ? { key: stills.replicate.key } : {}) };
    case 'comfyui':
      return { baseUrl: stills.comfyui.baseUrl };
  }
}

/** What is missing before the provider can run, in words the user can act on; null when it is set up. */
export function videoSetupProblem(id: VideoProviderId, s: ProviderSettings): string | null {
  const needs: Record<Exclude<VideoProviderId, 'builtin'>, { url: string; key?: string }> = {
    veo: { url: 'GEMINI_BASE_URL', key: 'GEMINI_API_KEY' },
    runway: { url: 'RUNWAY_BASE_URL', key: 'RUNWAY_API_KEY' },
    replicate: { url: 'REPLICATE_BASE_URL', key: 'REPLICATE_API_TOKEN' },
    comfyui: { url: 'COMFYUI_URL' },
  };
  if (id === 'builtin') return null;
  const n = needs[id];
  if (!validHttpUrl(s.baseUrl)) return `Set ${n.url} to the provider's address (http:// or https://).`;
  if (n.key && !s.key) return `Set ${n.key}.`;
  return null;
}

export function makeVideoProvider(id: VideoProviderId, settings: ProviderSettings, deps: ProviderDeps = defaultDeps()): VideoProvider {
  switch (id) {
    case 'builtin':
      return new BuiltinMotionProvider();
    case 'veo':
      return new VeoProvider(settings, deps);
    case 'runway':
      return new RunwayProvider(settings, deps);
    case 'replicate':
      return new ReplicateVideoProvider(settings, deps);
    case 'comfyui':
      return new ComfyUIVideoProvider(settings, deps);
  }
}

/** What the Generate tab's Motion mode lists for a provider. */
export function videoProviderInfo(provider: VideoProvider, problem: string | null): VideoProviderInfo {
  const caps = provider.capabilities();
  return {
    id: provider.id,
    label: VIDEO_PROVIDER_LABELS[provider.id],
    ready: problem === null,
    setup: problem,
    defaultModel: provider.defaultModel,
    models: MODELS[provider.id],
    durations: [...caps.durations],
    seed: caps.seed,
    negativePrompt: caps.negativePrompt,
  };
}
