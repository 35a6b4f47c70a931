import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASIC_TEXT_WARNING, SafeStorageKeyStore, type SafeStorageLike } from '../../electron/main/key-store';
import { GenerationHub } from '../../electron/core/generation/hub';
import { tempDir } from './helpers';

/** A stand-in for Electron's safeStorage: reversible "encryption" that never leaves the key readable. */
function fakeSafeStorage(opts: { available?: boolean; backend?: string; rotate?: boolean } = {}) {
  const calls = { encrypt: 0 };
  const safe: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => opts.available ?? true,
    encryptStringAsync: async (text) => {
      calls.encrypt++;
      return Buffer.from(`v1:${Buffer.from(text).toString('hex').split('').reverse().join('')}`);
    },
    decryptStringAsync: async (buf) => {
      const s = buf.toString();
      if (!s.startsWith('v1:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: Buffer.from(s.slice(3).split('').reverse().join(''), 'hex').toString(), shouldReEncrypt: opts.rotate ?? false };
    },
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
  };
  return { safe, calls };
}

const KEY = 'sk-test-SECRET-123';

describe('the Electron key store (safeStorage)', () => {
  it('stores keys encrypted in userData, reads them back after a restart, removes them', async () => {
    const file = path.join(tempDir('bw-keys-'), 'provider-keys.json');
    const { safe } = fakeSafeStorage();
    const store = new SafeStorageKeyStore(safe, file, { platform: 'linux' });
    await store.load();
    expect(store.get('openai')).toBeUndefined();
    await store.set('openai', KEY);
    expect(store.get('openai')).toBe(KEY);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(KEY);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const restarted = new SafeStorageKeyStore(safe, file, { platform: 'linux' });
    await restarted.load();
    expect(restarted.get('openai')).toBe(KEY);
    expect(restarted.warning()).toBeNull();
    await restarted.set('openai', null);
    expect(restarted.get('openai')).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ version: 1, keys: {} });
  });

  it('warns on Linux without a keyring, refuses to store when nothing can encrypt, falls back to the environment', async () => {
    const dir = tempDir('bw-keys-');
    const basic = new SafeStorageKeyStore(fakeSafeStorage({ backend: 'basic_text' }).safe, path.join(dir, 'a.json'), { platform: 'linux' });
    expect(basic.warning()).toBe(BASIC_TEXT_WARNING);
    expect(new SafeStorageKeyStore(fakeSafeStorage({ backend: 'basic_text' }).safe, path.join(dir, 'a.json'), { platform: 'darwin' }).warning()).toBeNull();

    const none = new SafeStorageKeyStore(fakeSafeStorage({ available: false }).safe, path.join(dir, 'b.json'), { env: { GEMINI_API_KEY: 'from-env' } });
    await expect(none.set('openai', KEY)).rejects.toThrow(/Set OPENAI_API_KEY in the environment/);
    expect(none.warning()).toMatch(/no way to encrypt/);
    expect(fs.existsSync(path.join(dir, 'b.json'))).toBe(false);
    expect(none.get('gemini')).toBe('from-env');
  });

  it('skips a key it cannot decrypt (without logging it) and re-encrypts rotated ones', async () => {
    const file = path.join(tempDir('bw-keys-'), 'k.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, keys: { openai: Buffer.from('garbage-from-another-machine').toString('base64'), gemini: Buffer.from('v1:' + Buffer.from('g-key').toString('hex').split('').reverse().join('')).toString('base64') } }));
    const logs: string[] = [];
    const { safe, calls } = fakeSafeStorage({ rotate: true });
    const store = new SafeStorageKeyStore(safe, file, { log: (l) => logs.push(l) });
    await store.load();
    expect(store.get('openai')).toBeUndefined();
    expect(store.get('gemini')).toBe('g-key');
    expect(calls.encrypt).toBe(1);
    expect(logs.join('\n')).toMatch(/openai key could not be decrypted/);
    expect(logs.join('\n')).not.toContain('garbage');
  });

  it('plugs into generation: the settings say keychain, never show the key, and scrub it from messages', async () => {
    const dir = tempDir('bw-keys-');
    const store = new SafeStorageKeyStore(fakeSafeStorage().safe, path.join(dir, 'k.json'), { env: {} });
    const hub = new GenerationHub(() => {}, { settingsDir: dir, keys: store, env: {} });
    await hub.setKey('openai', ` ${KEY} `);
    const view = hub.view();
    expect(view.keyEntry).toBe('keychain');
    expect(view.providers.find((p) => p.id === 'openai')).toMatchObject({ keySource: 'keychain', hasKey: true });
    expect(JSON.stringify(view)).not.toContain(KEY);
    expect(hub.secrets()).toEqual([KEY]);
    await expect(hub.setKey('builtin', 'x')).rejects.toThrow(/does not use a key/);
    const envHub = new GenerationHub(() => {}, { settingsDir: dir, env: { OPENAI_API_KEY: KEY } });
    await expect(envHub.setKey('openai', 'x')).rejects.toThrow(/set OPENAI_API_KEY before starting/);
    expect(envHub.view().providers.find((p) => p.id === 'openai')).toMatchObject({ keySource: 'env', hasKey: true, env: [{ name: 'OPENAI_API_KEY', set: true }, { name: 'OPENAI_BASE_URL', set: false }] });
  });
});
