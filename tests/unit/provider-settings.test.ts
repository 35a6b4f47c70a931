import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createProvider, isProviderId, listProviders } from '../../electron/core/providers/registry';
import { envKeySource, readProviderSettings, type KeySource } from '../../electron/core/providers/settings';
import { PROVIDER_IDS } from '../../electron/core/providers/types';
import { FAKE_KEY, rejectionOf, request, testContext } from '../fakes/provider-kit';

describe('provider settings', () => {
  it('defaults to the official base URLs', () => {
    const s = readProviderSettings({ env: {} });
    expect(Object.fromEntries(PROVIDER_IDS.map((id) => [id, s[id].baseUrl]))).toEqual({
      builtin: '',
      openai: 'https://api.openai.com/v1',
      gemini: 'https://generativelanguage.googleapis.com',
      stability: 'https://api.stability.ai',
      replicate: 'https://api.replicate.com',
      comfyui: 'http://127.0.0.1:8188',
      a1111: 'http://127.0.0.1:7860',
    });
    expect(PROVIDER_IDS.map((id) => s[id].key)).toEqual(PROVIDER_IDS.map(() => undefined));
  });

  it('reads keys and base URLs from the environment as the official SDKs do', () => {
    const env = {
      OPENAI_API_KEY: ' sk-openai ',
      OPENAI_BASE_URL: 'https://proxy.example/v1/',
      GEMINI_API_KEY: 'AIza-gemini',
      GEMINI_BASE_URL: 'https://gemini.example',
      STABILITY_API_KEY: 'sk-stab',
      STABILITY_BASE_URL: 'https://stab.example',
      REPLICATE_API_TOKEN: 'r8_token',
      REPLICATE_BASE_URL: 'https://rep.example',
      COMFYUI_URL: 'http://gpu-box:8188',
      A1111_URL: 'http://user:pass@gpu-box:7860',
      COMFYUI_WORKFLOW: '/home/me/workflow_api.json',
    };
    const s = readProviderSettings({ env });
    expect(s.openai.baseUrl).toBe('https://proxy.example/v1');
    expect(s.openai.key?.reveal()).toBe('sk-openai');
    expect([s.gemini.key?.reveal(), s.stability.key?.reveal(), s.replicate.key?.reveal()]).toEqual(['AIza-gemini', 'sk-stab', 'r8_token']);
    expect([s.gemini.baseUrl, s.stability.baseUrl, s.replicate.baseUrl, s.comfyui.baseUrl, s.a1111.baseUrl]).toEqual([
      'https://gemini.example',
      'https://stab.example',
      'https://rep.example',
      'http://gpu-box:8188',
      'http://user:pass@gpu-box:7860',
    ]);
    expect(s.comfyui.workflowPath).toBe('/home/me/workflow_api.json');
  });

  it('takes keys from another KeySource (the app\'s keychain) and URLs and models from the app\'s overrides', () => {
    const keychain: KeySource = { get: (id) => (id === 'gemini' ? 'from-keychain' : undefined) };
    const s = readProviderSettings({ env: { GEMINI_API_KEY: 'from-env' }, keys: keychain, overrides: { gemini: { model: 'gemini-3-pro-image-preview', baseUrl: 'https://override.example/' } } });
    expect(s.gemini.key?.reveal()).toBe('from-keychain');
    expect(s.gemini).toMatchObject({ model: 'gemini-3-pro-image-preview', baseUrl: 'https://override.example' });
    expect(envKeySource({ OPENAI_API_KEY: '   ' }).get('openai')).toBeUndefined();
  });

  it('keys cannot leak through JSON, String or console.log of the settings', () => {
    const s = readProviderSettings({ env: { OPENAI_API_KEY: FAKE_KEY } });
    expect(JSON.stringify(s)).not.toContain(FAKE_KEY);
    expect(inspect(s, { depth: 5 })).not.toContain(FAKE_KEY);
    expect(String(s.openai.key)).toBe('[redacted]');
  });
});

describe('the provider registry', () => {
  it('lists every provider with its capabilities and what is missing', () => {
    const list = listProviders(readProviderSettings({ env: { OPENAI_API_KEY: 'sk-x', A1111_URL: 'http://me:secret@box:7860' } }));
    expect(list.map((p) => p.id)).toEqual(['builtin', 'openai', 'gemini', 'stability', 'replicate', 'comfyui', 'a1111']);
    const by = Object.fromEntries(list.map((p) => [p.id, p]));
    expect(by.builtin).toMatchObject({ configured: true, local: true, missing: null, label: 'Built-in sketch' });
    expect(by.a1111.timeoutMs).toBeGreaterThan(by.comfyui.timeoutMs); // A1111 holds the connection for the whole generation
    expect(by.openai).toMatchObject({ configured: true, local: false, model: 'gpt-image-1', baseUrl: 'https://api.openai.com/v1' });
    expect(by.gemini).toMatchObject({ configured: false, missing: 'Set GEMINI_API_KEY (or add the key in Settings).' });
    expect(by.comfyui.configured).toBe(false);
    expect(by.comfyui.missing).toContain('API format');
    expect(by.a1111).toMatchObject({ configured: true, baseUrl: 'http://box:7860' });
    expect(by.gemini.capabilities).toMatchObject({ referenceImages: true, maxPerCall: 1, seed: false });
    expect(by.stability.capabilities).toMatchObject({ negativePrompt: true, seed: true });
    expect(JSON.stringify(list)).not.toContain('secret');
  });

  it('a bad base URL is reported as missing', () => {
    const list = listProviders(readProviderSettings({ env: { REPLICATE_API_TOKEN: 'r8', REPLICATE_BASE_URL: 'not a url' } }));
    expect(list.find((p) => p.id === 'replicate')?.missing).toContain('REPLICATE_BASE_URL');
  });

  it('creates each provider from the settings map or from its own settings', async () => {
    const settings = readProviderSettings({ env: {} });
    for (const id of PROVIDER_IDS) expect(createProvider(id, settings).id).toBe(id);
    expect(createProvider('openai', settings.openai).id).toBe('openai');
    expect(isProviderId('midjourney')).toBe(false);
    // Without a key the provider still exists; generating says what to set, before any request.
    const err = await rejectionOf(createProvider('stability', settings).generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'CONFIG', code: 'BAD_INPUT' });
    expect(err.message).toContain('STABILITY_API_KEY');
  });
});
