/**
 * Generation settings of the app (not of a project): default provider, and per provider a base URL,
 * a model, how many jobs may run at once and (ComfyUI) a workflow. Kept as JSON in the app's settings
 * folder. Keys are never here: they live in the OS keychain (app) or the environment (CLI, web mode).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROVIDER_IDS, type ProviderId } from '../../../shared/domain/generation';
import { CoreError } from '../errors';
import type { SettingsOverrides } from './provider-port';

export interface ProviderAppSettings {
  baseUrl?: string;
  model?: string;
  concurrency?: number;
  workflow?: Record<string, unknown>;
}

export interface GenerationAppSettings {
  defaultProvider: ProviderId;
  providers: Partial<Record<ProviderId, ProviderAppSettings>>;
}

/**
 * How many jobs of one provider run at once unless the user says otherwise. Local GPUs take one; the
 * built-in sketcher draws on this machine's CPU, so it leaves half the cores to the board.
 */
export const DEFAULT_CONCURRENCY: Record<ProviderId, number> = {
  builtin: Math.max(1, Math.floor(os.cpus().length / 2)),
  openai: 2,
  gemini: 2,
  stability: 2,
  replicate: 2,
  comfyui: 1,
  a1111: 1,
};
export const MAX_CONCURRENCY = 8;

const isProviderId = (v: unknown): v is ProviderId => typeof v === 'string' && (PROVIDER_IDS as readonly string[]).includes(v);

function sanitize(raw: unknown): GenerationAppSettings {
  const out: GenerationAppSettings = { defaultProvider: 'builtin', providers: {} };
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (isProviderId(obj.defaultProvider)) out.defaultProvider = obj.defaultProvider;
  const providers = (obj.providers && typeof obj.providers === 'object' ? obj.providers : {}) as Record<string, unknown>;
  for (const id of PROVIDER_IDS) {
    const p = providers[id] as Record<string, unknown> | undefined;
    if (!p || typeof p !== 'object') continue;
    const s: ProviderAppSettings = {};
    if (typeof p.baseUrl === 'string' && p.baseUrl.trim()) s.baseUrl = p.baseUrl.trim();
    if (typeof p.model === 'string' && p.model.trim()) s.model = p.model.trim();
    if (typeof p.concurrency === 'number' && Number.isInteger(p.concurrency)) s.concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, p.concurrency));
    if (p.workflow && typeof p.workflow === 'object' && !Array.isArray(p.workflow)) s.workflow = p.workflow as Record<string, unknown>;
    out.providers[id] = s;
  }
  return out;
}

export class GenerationSettingsStore {
  readonly file: string;
  private cached: GenerationAppSettings | null = null;

  constructor(settingsDir: string) {
    this.file = path.join(settingsDir, 'generation.json');
  }

  read(): GenerationAppSettings {
    if (this.cached) return this.cached;
    let raw: unknown = {};
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      raw = {};
    }
    this.cached = sanitize(raw);
    return this.cached;
  }

  concurrency(id: ProviderId): number {
    return this.read().providers[id]?.concurrency ?? DEFAULT_CONCURRENCY[id];
  }

  /** What the provider layer may override (base URL, model, workflow). */
  overrides(): SettingsOverrides {
    const out: SettingsOverrides = {};
    for (const [id, s] of Object.entries(this.read().providers) as [ProviderId, ProviderAppSettings][]) {
      out[id] = { baseUrl: s.baseUrl, model: s.model, workflow: s.workflow };
    }
    return out;
  }

  /** Applies a change: '' or null clears a value. Written to a temp file and renamed into place. */
  update(change: { defaultProvider?: ProviderId; providerId?: ProviderId; baseUrl?: string | null; model?: string | null; concurrency?: number | null; workflow?: Record<string, unknown> | null }): GenerationAppSettings {
    const next: GenerationAppSettings = structuredClone(this.read());
    if (change.defaultProvider) next.defaultProvider = change.defaultProvider;
    if (change.providerId) {
      const p: ProviderAppSettings = { ...next.providers[change.providerId] };
      const set = <K extends keyof ProviderAppSettings>(key: K, value: ProviderAppSettings[K] | null | undefined) => {
        if (value === undefined) return;
        if (value === null || value === '') delete p[key];
        else p[key] = value;
      };
      set('baseUrl', change.baseUrl?.trim() ?? change.baseUrl);
      set('model', change.model?.trim() ?? change.model);
      set('concurrency', change.concurrency);
      set('workflow', change.workflow);
      next.providers[change.providerId] = p;
    }
    const clean = sanitize(next);
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(clean, null, 2));
      fs.renameSync(temp, this.file);
    } catch (e) {
      throw new CoreError('INTERNAL', `Could not save the generation settings in ${this.file}: ${(e as Error).message}`);
    }
    this.cached = clean;
    return clean;
  }
}
