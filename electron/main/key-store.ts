/**
 * Provider keys in the Electron app: encrypted with Electron's safeStorage (the OS keychain: Keychain
 * on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and kept as encrypted blobs in a JSON file
 * in userData. Never in a project file, never logged. This file does not import 'electron': boot.ts
 * hands it `safeStorage`, so it can be tested with a fake.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../core/errors';
import type { KeyStore } from '../core/generation/hub';
import { KEY_ENV, type KeyedProviderId } from '../core/generation/provider-port';

/** The part of Electron's safeStorage this store uses. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: which password store is in use ('basic_text' means none). */
  getSelectedStorageBackend?(): string;
}

interface KeyFile {
  version: 1;
  /** Provider id -> base64 of the encrypted key. */
  keys: Partial<Record<KeyedProviderId, string>>;
}

const KEYED = Object.keys(KEY_ENV) as KeyedProviderId[];

export const BASIC_TEXT_WARNING =
  'No system keyring was found (Linux without GNOME Keyring or KWallet): provider keys are stored obfuscated, not protected. ' +
  'Install a keyring, or set the keys as environment variables instead.';

export class SafeStorageKeyStore implements KeyStore {
  private readonly keys = new Map<KeyedProviderId, string>();
  private available: boolean | null = null;
  private loaded: Promise<void> | null = null;

  constructor(
    /** Electron's safeStorage, or a getter for it (touched only when a key is read, stored or checked). */
    private readonly safeStorage: SafeStorageLike | (() => SafeStorageLike),
    readonly file: string,
    private readonly opts: { platform?: NodeJS.Platform; env?: Record<string, string | undefined>; log?: (line: string) => void } = {},
  ) {}

  private get safe(): SafeStorageLike {
    return typeof this.safeStorage === 'function' ? this.safeStorage() : this.safeStorage;
  }

  /** Decrypts the stored keys into memory (once); call at startup. A damaged entry is skipped, not fatal. */
  load(): Promise<void> {
    this.loaded ??= this.readAll();
    return this.loaded;
  }

  /** The key for a provider: the keychain's, else the environment's (so a shell-set key still works). */
  get(provider: KeyedProviderId): string | undefined {
    return this.keys.get(provider) ?? (this.opts.env?.[KEY_ENV[provider]]?.trim() || undefined);
  }

  has(provider: KeyedProviderId): boolean {
    return this.keys.has(provider);
  }

  async set(provider: KeyedProviderId, key: string | null): Promise<void> {
    await this.load();
    const file = this.readFile();
    if (key === null) {
      delete file.keys[provider];
      this.keys.delete(provider);
    } else {
      if (!(await this.isAvailable())) {
        throw new CoreError('UNSUPPORTED', `This system offers no way to encrypt the key. Set ${KEY_ENV[provider]} in the environment instead.`);
      }
      file.keys[provider] = (await this.safe.encryptStringAsync(key)).toString('base64');
      this.keys.set(provider, key);
    }
    this.writeFile(file);
  }

  warning(): string | null {
    if (this.available === false) return 'This system offers no way to encrypt keys: set them as environment variables instead.';
    if ((this.opts.platform ?? process.platform) !== 'linux') return null;
    try {
      return this.safe.getSelectedStorageBackend?.() === 'basic_text' ? BASIC_TEXT_WARNING : null;
    } catch {
      return null;
    }
    return null;
  }

  private async isAvailable(): Promise<boolean> {
    this.available ??= await this.safe.isAsyncEncryptionAvailable().catch(() => false);
    return this.available;
  }

  private async readAll(): Promise<void> {
    const file = this.readFile();
    let rewrite = false;
    for (const provider of KEYED) {
      const blob = file.keys[provider];
      if (!blob) continue;
      try {
        const { result, shouldReEncrypt } = await this.safe.decryptStringAsync(Buffer.from(blob, 'base64'));
        this.keys.set(provider, result);
        if (shouldReEncrypt) {
          file.keys[provider] = (await this.safe.encryptStringAsync(result)).toString('base64');
          rewrite = true;
        }
      } catch {
        // Encrypted on another machine or by another user: it cannot be read here. Say which, never the blob.
        this.opts.log?.(`[boardwright] the stored ${provider} key could not be decrypted; enter it again in Settings.`);
      }
    }
    if (rewrite) this.writeFile(file);
  }

  private readFile(): KeyFile {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<KeyFile>;
      const keys: KeyFile['keys'] = {};
      for (const p of KEYED) if (typeof parsed.keys?.[p] === 'string') keys[p] = parsed.keys[p];
      return { version: 1, keys };
    } catch {
      return { version: 1, keys: {} };
    }
  }

  private writeFile(data: KeyFile): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(data, null, 2), { mode: 0o600 });
    fs.renameSync(temp, this.file);
  }
}
