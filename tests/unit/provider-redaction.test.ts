import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../electron/core/generation/job-runner';
import { redact, redactAndClip } from '../../electron/core/providers/errors';
import { OpenAIProvider } from '../../electron/core/providers/openai';
import { OpenAIFake } from '../fakes/openai-fake';
import { FAKE_KEY, request, settingsFor, testContext, testDeps } from '../fakes/provider-kit';

/** Every 8-character piece of the key: none may survive anywhere a user or a log can see. */
const pieces = (key: string) => Array.from({ length: key.length - 7 }, (_, i) => key.slice(i, i + 8));
const leaked = (text: string, key = FAKE_KEY) => pieces(key).filter((p) => text.includes(p));

describe('secrets are removed before a message is shortened', () => {
  it('a key cut anywhere from its 8th character on is still removed', () => {
    for (let cut = 8; cut <= FAKE_KEY.length; cut++) {
      const text = `Incorrect API key provided: ${FAKE_KEY.slice(0, cut)}`;
      expect(leaked(redact(text, [FAKE_KEY])), `cut at ${cut}`).toEqual([]);
    }
  });

  it('Bearer, key= and x-goog-api-key values are removed even when the key is not configured', () => {
    const text = 'sent Authorization: Bearer sk-proj-abcdef123456 to /v1?key=AIzaSyA-unknown-key-42&alt=json with "x-goog-api-key": "AIzaSyB-other-99"';
    const out = redact(text, []);
    expect(out).toBe('sent Authorization: Bearer [redacted] to /v1?key=[redacted]&alt=json with "x-goog-api-key": "[redacted]"');
  });

  it('redactAndClip redacts first: clipping first would leave half a key that no longer matches', () => {
    for (let pad = 0; pad <= 300; pad++) {
      const text = `${'.'.repeat(pad)}${FAKE_KEY} was refused`;
      expect(leaked(redactAndClip(text, [FAKE_KEY])), `pad ${pad}`).toEqual([]);
    }
  });

  it('a job failure is stored without the key at every cut length of its 500-character limit', () => {
    for (let pad = 440; pad <= 500; pad++) {
      const stored = describeFailure(new Error(`${'.'.repeat(pad)}${FAKE_KEY}`), [FAKE_KEY]);
      expect(leaked(stored.message), `pad ${pad}`).toEqual([]);
    }
  });
});

describe('an OpenAI fake that echoes the request, at every cut length of the provider message', () => {
  it('no 8-character piece of the key reaches the error, its message or the log', async () => {
    const fake = new OpenAIFake(FAKE_KEY);
    await fake.start();
    try {
      for (let pad = 0; pad <= 300; pad++) {
        fake.echoAfter = pad;
        const { deps, logs } = testDeps();
        const err = await new OpenAIProvider(settingsFor(fake.baseUrl), deps).generate(request(), testContext().ctx).catch((e) => e);
        expect(err.kind).toBe('AUTH');
        const seen = [err.message, String(err), JSON.stringify(err), ...logs].join('\n');
        expect(leaked(seen), `echo after ${pad} characters`).toEqual([]);
      }
      expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${FAKE_KEY}`)).toBe(true);
    } finally {
      await fake.stop();
    }
  });
});
