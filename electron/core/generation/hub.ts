/**
 * Generation for a session (the app window or the web server): provider settings and keys, the
 * providers built from them, and the job service of whichever project is open. Hosts configure it
 * once (Electron passes its keychain and settings folder); otherwise keys come from the environment.
 */
import os from 'node:os';
import path from 'node:path';
import type { AppEvent } from '../../../shared/api/events';
import { PROVIDER_IDS, PROVIDER_LABELS, type ProviderId, type ProviderInfo, type ProviderSettingsView } from '../../../shared/domain/generation';
import { CoreError } from '../errors';
import type { Project } from '../project';
import type { Session } from '../session';
import { GenerationSettingsStore } from './app-settings';
import { GenerationService } from './generation-service';
import { defaultProviderFactory, type ProviderFactory } from './provider-factory';
import {
  KEY_ENV,
  URL_ENV,
  envKeySource,
  isProviderError,
  missingSetting,
  readProviderSettings,
  redact,
  redactAndClip,
  type ConnectionResult,
  type ImageProvider,
  type KeySource,
  type KeyedProviderId,
  type ProviderSettingsMap,
} from './provider-port';

/** A key source the user can write to (the Electron keychain). */
export interface KeyStore extends KeySource {
  set(provider: KeyedProviderId, key: string | null): Promise<void>;
  /** A warning to show when stored keys are not really protected (Linux without a keyring). */
  warning(): string | null;
}

type Env = Record<string, string | undefined>;

export interface GenerationHostOptions {
  settingsDir?: string;
  keys?: KeySource | KeyStore;
  env?: Env;
  factory?: ProviderFactory;
  /** Overrides per-exchange timeouts (tests). */
  timeoutMs?: (id: ProviderId) => number;
}

const LOCAL: ReadonlySet<ProviderId> = new Set(['builtin', 'comfyui', 'a1111']);
const TIMEOUT_MS: Record<ProviderId, number> = {
  builtin: 30_000,
  openai: 180_000,
  gemini: 180_000,
  stability: 180_000,
  replicate: 90_000,
  comfyui: 300_000,
  a1111: 300_000,
};

const isKeyed = (id: ProviderId): id is KeyedProviderId => id in KEY_ENV;
const isKeyStore = (k: KeySource | KeyStore): k is KeyStore => typeof (k as KeyStore).set === 'function';

/** The settings folder when no host says otherwise: the same place as the recent list in web mode and the CLI. */
export function defaultSettingsDir(env: Env = process.env): string {
  if (env.BOARDWRIGHT_HOME) return path.join(env.BOARDWRIGHT_HOME, 'settings');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'boardwright');
}

export class GenerationHub {
  readonly settings: GenerationSettingsStore;
  readonly keys: KeySource | KeyStore;
  readonly env: Env;
  private readonly factory: ProviderFactory;
  private service: GenerationService | null = null;

  constructor(
    private readonly emit: (event: AppEvent) => void,
    private readonly options: GenerationHostOptions = {},
  ) {
    this.env = options.env ?? process.env;
    this.settings = new GenerationSettingsStore(options.settingsDir ?? defaultSettingsDir(this.env));
    this.keys = options.keys ?? envKeySource(this.env);
    this.factory = options.factory ?? defaultProviderFactory;
  }

  providerSettings(): ProviderSettingsMap {
    return readProviderSettings({ env: this.env, keys: this.keys, overrides: this.settings.overrides() });
  }

  /** A provider ready to run, or a CONFIG error saying what to set. */
  provider(id: ProviderId): ImageProvider {
    const settings = this.providerSettings()[id];
    const missing = missingSetting(id, settings);
    if (missing) throw new CoreError('BAD_INPUT', `${PROVIDER_LABELS[id]} is not set up: ${this.forThisHost(missing)}`);
    return this.factory(id, settings);
  }

  /** Every key in use, for scrubbing messages. */
  secrets(): string[] {
    const out: string[] = [];
    for (const id of PROVIDER_IDS) if (isKeyed(id)) {
      const k = this.keys.get(id);
      if (k) out.push(k);
    }
    return out;
  }

  /** Where keys come from decides what a "missing key" message should tell the user to do. */
  private forThisHost(message: string): string {
    return isKeyStore(this.keys) ? message : message.replace(/ \(or add the key in Settings\)/g, '').replace(/ or add the key in Settings/g, '');
  }

  list(): ProviderInfo[] {
    const all = this.providerSettings();
    const app = this.settings.read();
    return PROVIDER_IDS.map((id) => {
      const s = all[id];
      const missing = missingSetting(id, s);
      let made: ImageProvider | null = null;
      try {
        made = this.factory(id, s);
      } catch {
        made = null;
      }
      const capabilities = made ? { ...made.capabilities } : null;
      const env = [...(isKeyed(id) ? [KEY_ENV[id]] : []), ...(id === 'builtin' ? [] : [URL_ENV[id]]), ...(id === 'comfyui' ? ['COMFYUI_WORKFLOW'] : [])];
      return {
        id,
        label: PROVIDER_LABELS[id],
        capabilities: capabilities ?? { textToImage: false, referenceImages: false, initImage: false, maxPerCall: 1, aspectRatios: [], seed: false, negativePrompt: false },
        configured: !missing && capabilities !== null,
        missing: missing ? this.forThisHost(missing) : capabilities ? null : 'Not available in this build.',
        local: LOCAL.has(id),
        baseUrl: id === 'builtin' ? null : redact(s.baseUrl, []),
        model: app.providers[id]?.model ?? null,
        defaultModel: made?.defaultModel ?? '',
        concurrency: this.settings.concurrency(id),
        keySource: !isKeyed(id) ? 'none' : isKeyStore(this.keys) ? 'keychain' : 'env',
        hasKey: isKeyed(id) && !!s.key,
        env: env.map((name) => ({ name, set: !!this.env[name]?.trim() })),
      };
    });
  }

  view(): ProviderSettingsView {
    return {
      defaultProvider: this.settings.read().defaultProvider,
      keyEntry: isKeyStore(this.keys) ? 'keychain' : 'env',
      keyWarning: isKeyStore(this.keys) ? this.keys.warning() : null,
      providers: this.list(),
    };
  }

  async setKey(id: ProviderId, key: string | null): Promise<void> {
    if (!isKeyed(id)) throw new CoreError('BAD_INPUT', `${PROVIDER_LABELS[id]} does not use a key.`);
    if (!isKeyStore(this.keys)) {
      throw new CoreError('UNSUPPORTED', `Keys come from environment variables here: set ${KEY_ENV[id]} before starting Boardwright.`);
    }
    await this.keys.set(id, key?.trim() ? key.trim() : null);
  }

  /** Checks the address and key without generating; the answer never contains the key. */
  async testConnection(id: ProviderId, signal?: AbortSignal): Promise<ConnectionResult & { latencyMs: number }> {
    const started = Date.now();
    const scrub = (text: string) => redactAndClip(text, this.secrets(), 400);
    try {
      const result = await this.provider(id).testConnection(signal);
      return { ok: result.ok, message: scrub(result.message), latencyMs: Date.now() - started };
    } catch (e) {
      const message = isProviderError(e) || e instanceof CoreError ? (e as Error).message : `Connection test failed: ${(e as Error)?.message ?? String(e)}`;
      return { ok: false, message: scrub(message), latencyMs: Date.now() - started };
    }
  }

  /** The job service of `project`, created on first use (which marks jobs cut off by a quit as interrupted). */
  forProject(project: Project): GenerationService {
    if (this.service?.project === project && project.db.open) return this.service;
    this.service?.dispose();
    this.service = new GenerationService(project, {
      provider: (id) => this.provider(id),
      concurrency: (id) => this.settings.concurrency(id),
      timeoutMs: (id) => this.options.timeoutMs?.(id) ?? TIMEOUT_MS[id],
      emit: (event) => this.emit(event),
      secrets: () => this.secrets(),
    });
    return this.service;
  }

  /** The service of the open project if it has one running, without creating one. */
  current(): GenerationService | null {
    return this.service;
  }
}

const hubs = new WeakMap<Session, GenerationHub>();

/** Sets up generation for a session (Electron: keychain and userData). Call before the first API call. */
export function configureGeneration(session: Session, options: GenerationHostOptions): GenerationHub {
  hubs.get(session)?.current()?.dispose();
  const hub = new GenerationHub((event) => session.events.emit(event), options);
  hubs.set(session, hub);
  return hub;
}

export function generationHub(session: Session): GenerationHub {
  return hubs.get(session) ?? configureGeneration(session, {});
}
