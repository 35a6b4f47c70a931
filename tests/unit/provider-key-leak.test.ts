import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { A1111Provider } from '../../electron/core/providers/a1111';
import { ComfyUIProvider } from '../../electron/core/providers/comfyui';
import { GeminiProvider } from '../../electron/core/providers/gemini';
import { OpenAIProvider } from '../../electron/core/providers/openai';
import { ReplicateProvider } from '../../electron/core/providers/replicate';
import type { ProviderSettings } from '../../electron/core/providers/settings';
import { StabilityProvider } from '../../electron/core/providers/stability';
import type { ImageProvider, ProviderDeps } from '../../electron/core/providers/types';
import { A1111Fake } from '../fakes/a1111-fake';
import { ComfyUIFake } from '../fakes/comfyui-fake';
import { TXT2IMG } from '../fakes/comfyui-workflows';
import type { FakeServer, Scripted } from '../fakes/fake-server';
import { GeminiFake } from '../fakes/gemini-fake';
import { OpenAIFake } from '../fakes/openai-fake';
import { FAKE_KEY, request, settingsFor, testContext, testDeps } from '../fakes/provider-kit';
import { ReplicateFake } from '../fakes/replicate-fake';
import { StabilityFake } from '../fakes/stability-fake';

/** A wrong key, as distinctive as the right one: a 401 must not echo it either. */
const WRONG_KEY = 'sk-wrong-BOARDWRIGHT-1a2b3c4d5e6f-NEVER-SHOWN';

interface Case {
  name: string;
  fake: () => FakeServer;
  base: (fake: FakeServer) => string;
  make: (settings: ProviderSettings, deps: ProviderDeps) => ImageProvider;
  /** An error body in the provider's own shape that repeats the key (as some proxies and APIs do). */
  echo: (key: string, status: number) => Scripted;
}

const CASES: Case[] = [
  {
    name: 'OpenAI',
    fake: () => new OpenAIFake(FAKE_KEY),
    base: (f) => `${f.url}/v1`,
    make: (s, d) => new OpenAIProvider(s, d),
    echo: (key, status) => ({ status, json: { error: { message: `Incorrect API key provided: ${key}`, type: 'invalid_request_error', param: null, code: null } } }),
  },
  {
    name: 'Gemini',
    fake: () => new GeminiFake(FAKE_KEY),
    base: (f) => f.url,
    make: (s, d) => new GeminiProvider(s, d),
    echo: (key, status) => ({ status, json: { error: { code: status, message: `API key ${key} is not valid for this project`, status: 'INVALID_ARGUMENT' } } }),
  },
  {
    name: 'Stability',
    fake: () => new StabilityFake(FAKE_KEY),
    base: (f) => f.url,
    make: (s, d) => new StabilityProvider(s, d),
    echo: (key, status) => ({ status, json: { id: 'x', name: 'bad_request', errors: [`authorization: Bearer ${key} is malformed`] } }),
  },
  {
    name: 'Replicate',
    fake: () => new ReplicateFake(FAKE_KEY),
    base: (f) => f.url,
    make: (s, d) => new ReplicateProvider(s, d, { pollIntervalMs: 1 }),
    echo: (key, status) => ({ status, json: { title: 'Invalid token', detail: `Token ${encodeURIComponent(key)} was rejected`, status } }),
  },
];

/** Everything a failure or success leaves behind that a user or a log could see, as one string. */
function traces(outcome: unknown, logs: string[]): string {
  const e = outcome as Error & Record<string, unknown>;
  const parts = [logs.join('\n'), inspect(outcome, { depth: 6 })];
  if (e instanceof Error) parts.push(e.message, String(e), e.stack ?? '', JSON.stringify(e));
  else parts.push(JSON.stringify((outcome as { data: Buffer }[]).map(({ data: _data, ...meta }) => meta)));
  return parts.join('\n');
}

async function outcomes(c: Case, key: string, script: Scripted[], timeoutMs = 5_000): Promise<string> {
  const fake = c.fake();
  await fake.start();
  fake.enqueue(...script);
  const { deps, logs } = testDeps();
  try {
    const result = await c.make(settingsFor(c.base(fake), {}, key), deps).generate(request(), testContext({ timeoutMs }).ctx).catch((e) => e);
    return traces(result, logs);
  } finally {
    await fake.stop();
  }
}

describe('keys never appear in errors, logs or what is kept of a variation', () => {
  for (const c of CASES) {
    it(`${c.name}: success, refused key, echoed key in 400 and 5xx bodies, timeout, unreachable`, async () => {
      const seen = [
        await outcomes(c, FAKE_KEY, []),
        await outcomes(c, WRONG_KEY, []),
        await outcomes(c, FAKE_KEY, [c.echo(FAKE_KEY, 400)]),
        await outcomes(c, FAKE_KEY, Array.from({ length: 5 }, () => c.echo(FAKE_KEY, 500))),
        await outcomes(c, FAKE_KEY, [{ hang: true }], 200),
      ];
      const gone = c.fake();
      const url = await gone.start();
      await gone.stop();
      const { deps, logs } = testDeps();
      const unreachable = await c.make(settingsFor(c.base({ url } as FakeServer), {}, FAKE_KEY), deps).generate(request(), testContext().ctx).catch((e) => e);
      seen.push(traces(unreachable, logs));

      const all = seen.join('\n');
      expect(all).toContain('[redacted]'); // the echoed key was there, and was scrubbed
      for (const secret of [FAKE_KEY, WRONG_KEY, encodeURIComponent(FAKE_KEY)]) expect(all).not.toContain(secret);
    });
  }

  it('A1111 and ComfyUI: a password in the URL never shows, neither does its Basic header', async () => {
    const password = 'pa55-BOARDWRIGHT-secret-77';
    const basic = Buffer.from(`director:${password}`).toString('base64');
    const a1111 = new A1111Fake();
    a1111.auth = 'director:wrong';
    const comfy = new ComfyUIFake();
    await Promise.all([a1111.start(), comfy.start()]);
    comfy.enqueue(
      { status: 500, json: { error: { message: `upstream said: Basic ${basic}` }, node_errors: {} } },
      ...Array.from({ length: 4 }, () => ({ status: 502, json: { error: `proxy auth ${password} failed` } })),
    );
    try {
      const withPassword = (url: string) => url.replace('http://', `http://director:${password}@`);
      const kit = testDeps();
      const a1111Provider = new A1111Provider(settingsFor(withPassword(a1111.url), {}, null), kit.deps);
      const errors = [await a1111Provider.generate(request(), testContext().ctx).catch((e) => e)];
      a1111.enqueue({ status: 422, json: { detail: [{ loc: ['body', 'auth'], msg: `credentials director:${password} not accepted`, type: 'value_error' }] } });
      errors.push(await a1111Provider.generate(request(), testContext().ctx).catch((e) => e));
      errors.push(await new ComfyUIProvider(settingsFor(withPassword(comfy.url), { workflow: TXT2IMG }, null), kit.deps, { websocket: false }).generate(request(), testContext().ctx).catch((e) => e));
      expect(errors.map((e) => e.kind)).toEqual(['AUTH', 'BAD_REQUEST', 'SERVER']);
      expect(errors.map((e) => e.message).join('\n')).toContain('[redacted]');
      const all = errors.map((e) => traces(e, [])).join('\n') + kit.logs.join('\n');
      expect(a1111.requests[0].headers.authorization).toBe(`Basic ${basic}`);
      expect(all).not.toContain(password);
      expect(all).not.toContain(basic);
    } finally {
      await Promise.all([a1111.stop(), comfy.stop()]);
    }
  });
});
