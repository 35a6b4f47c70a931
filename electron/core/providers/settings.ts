import type { KeyedProviderId, ProviderId } from './types';
import { Secret } from './secret';

/**
 * Where keys come from. The CLI and web mode read environment variables (envKeySource); the Electron
 * app will supply one backed by safeStorage. Keys never go into the project file.
 */
export interface KeySource {
  get(provider: KeyedProviderId): string | undefined;
}

export interface ProviderSettings {
  /** Base URL as the official SDKs read it (OpenAI's includes /v1). May carry user:pass@ for A1111. */
  baseUrl: string;
  key?: Secret;
  /** The model used when a request names none; each adapter has its own default. */
  model?: string;
  /** ComfyUI: the user's workflow in API format, or a path to it (COMFYUI_WORKFLOW). */
  workflow?: Record<string, unknown>;
  workflowPath?: string;
}

export type ProviderSettingsMap = Record<ProviderId, ProviderSettings>;

/** What the app's settings store may override per provider (never a key: those go through KeySource). */
export type SettingsOverrides = Partial<Record<ProviderId, { baseUrl?: string; model?: string; workflow?: Record<string, unknown> }>>;

type Env = Record<string, string | undefined>;

export const KEY_ENV: Record<KeyedProviderId, string> = {
  openai: 'OPENAI_API_KEY',
  gemini: 'GEMINI_API_KEY',
  stability: 'STABILITY_API_KEY',
  replicate: 'REPLICATE_API_TOKEN',
};

export const URL_ENV: Record<Exclude<ProviderId, 'builtin'>, string> = {
  openai: 'OPENAI_BASE_URL',
  gemini: 'GEMINI_BASE_URL',
  stability: 'STABILITY_BASE_URL',
  replicate: 'REPLICATE_BASE_URL',
  comfyui: 'COMFYUI_URL',
  a1111: 'A1111_URL',
};

export const DEFAULT_URLS: Record<ProviderId, string> = {
  builtin: '',
  openai: 'https://api.openai.com/v1',
  gemini: 'https://generativelanguage.googleapis.com',
  stability: 'https://api.stability.ai',
  replicate: 'https://api.replicate.com',
  comfyui: 'http://127.0.0.1:8188',
  a1111: 'http://127.0.0.1:7860',
};

export function envKeySource(env: Env = process.env): KeySource {
  return {
    get(provider) {
      const v = env[KEY_ENV[provider]]?.trim();
      return v ? v : undefined;
    },
  };
}

const isKeyed = (id: ProviderId): id is KeyedProviderId => id in KEY_ENV;
const trimSlash = (url: string) => url.trim().replace(/\/+$/, '');

/** Settings for every provider: app overrides first, then environment variables, then defaults. */
export function readProviderSettings(options: { env?: Env; keys?: KeySource; overrides?: SettingsOverrides } = {}): ProviderSettingsMap {
  const env = options.env ?? process.env;
  const keys = options.keys ?? envKeySource(env);
  const overrides = options.overrides ?? {};
  const out = {} as ProviderSettingsMap;
  for (const id of Object.keys(DEFAULT_URLS) as ProviderId[]) {
    const o = overrides[id] ?? {};
    const fromEnv = id === 'builtin' ? undefined : env[URL_ENV[id]]?.trim();
    const s: ProviderSettings = { baseUrl: trimSlash(o.baseUrl || fromEnv || DEFAULT_URLS[id]) };
    if (o.model) s.model = o.model;
    if (isKeyed(id)) {
      const key = keys.get(id);
      if (key) s.key = new Secret(key);
    }
    if (id === 'comfyui') {
      if (o.workflow) s.workflow = o.workflow;
      else if (env.COMFYUI_WORKFLOW?.trim()) s.workflowPath = env.COMFYUI_WORKFLOW.trim();
    }
    out[id] = s;
  }
  return out;
}

/** What is missing before a provider can run, or null when it is ready (reachability aside). */
export function missingSetting(id: ProviderId, s: ProviderSettings | undefined): string | null {
  if (id === 'builtin') return null;
  if (!s || !validHttpUrl(s.baseUrl)) return `Set ${URL_ENV[id]} to the provider's address (http:// or https://).`;
  if (isKeyed(id) && !s.key) return `Set ${KEY_ENV[id]} (or add the key in Settings).`;
  if (id === 'comfyui' && !s.workflow && !s.workflowPath) {
    return 'Choose a ComfyUI workflow exported in API format (or set COMFYUI_WORKFLOW to its path).';
  }
  return null;
}

export function validHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
