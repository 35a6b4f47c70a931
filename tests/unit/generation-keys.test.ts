import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/api/result';
import { createDispatch, createHandlers, Session, type Shell } from '../../electron/core/index';
import { configureGeneration, generationHub } from '../../electron/core/generation/hub';
import { OpenAIFake, openaiAnswers } from '../fakes/openai-fake';
import { tempDir } from './helpers';

const KEY = 'sk-test-SECRET-123';

/** Everything written to the console or the process streams while the test runs. */
function captureLogs() {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  const spies = [
    vi.spyOn(console, 'log').mockImplementation(keep),
    vi.spyOn(console, 'error').mockImplementation(keep),
    vi.spyOn(console, 'warn').mockImplementation(keep),
    vi.spyOn(console, 'info').mockImplementation(keep),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (keep(String(chunk)), true)),
  ];
  return { lines, restore: () => spies.forEach((s) => s.mockRestore()) };
}

describe('generation through the real OpenAI adapter, against its loopback fake', () => {
  const accepting = new OpenAIFake(KEY);
  const rejecting = new OpenAIFake('sk-a-different-key');
  beforeAll(async () => {
    await accepting.start();
    await rejecting.start();
  });
  afterAll(async () => {
    await accepting.stop();
    await rejecting.stop();
  });

  it('keys never reach the project file, the events or a log: a generation, a refused key (echoed back by the server), a moderation refusal, connection tests', async () => {
    const dir = tempDir('bw-keys-scan-');
    const logs = captureLogs();
    const shell: Shell = { kind: 'web', projectsDir: dir, chooseNewProjectPath: async () => null, chooseProjectToOpen: async () => null, chooseCopyPath: async () => null, chooseSavePath: async () => null };
    const session = new Session(shell, path.join(dir, 'settings'));
    const events: string[] = [];
    session.events.subscribe((e) => events.push(JSON.stringify(e)));
    const dispatch = createDispatch(createHandlers(session), (line) => logs.lines.push(line));
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const r = (await dispatch(method, input)) as ApiResult<T>;
      events.push(JSON.stringify(r));
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    const useServer = (baseUrl: string) =>
      configureGeneration(session, { settingsDir: path.join(dir, 'settings'), env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: baseUrl } });
    const idle = () => generationHub(session).current()!.idle();
    try {
      const file = path.join(dir, 'Keys.boardwright');
      await call('project.new', { title: 'Keys', path: file });
      const scene = await call<{ id: string }>('scenes.create', {});
      const panel = await call<{ id: string }>('panels.create', { sceneId: scene.id, patch: { shotSize: 'CU', action: 'Mara turns' } });

      useServer(accepting.baseUrl);
      const providers = await call<{ id: string; configured: boolean; hasKey: boolean }[]>('generation.providers', {});
      expect(providers.find((p) => p.id === 'openai')).toMatchObject({ configured: true, hasKey: true });
      const ok = await call<{ id: string }>('generation.start', { panelId: panel.id, providerId: 'openai', prompt: 'Close on Mara', count: 2 });
      await idle();
      expect(await call('generation.jobs', { panelId: panel.id })).toMatchObject([{ id: ok.id, status: 'succeeded', variationCount: 2 }]);
      const sent = accepting.requestsTo(/\/images\/generations$/)[0];
      expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(await call('providers.testConnection', { providerId: 'openai' })).toMatchObject({ ok: true });

      accepting.enqueue(openaiAnswers.moderation());
      const refused = await call<{ id: string }>('generation.start', { panelId: panel.id, providerId: 'openai', prompt: 'Something violent', count: 1 });
      await idle();
      expect((await call<{ status: string; error: { kind: string } }[]>('generation.jobs', { panelId: panel.id })).find((j) => j.status === 'failed')).toMatchObject({ error: { kind: 'MODERATION' } });
      expect(refused.id).toBeTruthy();

      useServer(rejecting.baseUrl);
      const bad = await call<{ id: string }>('generation.start', { panelId: panel.id, providerId: 'openai', prompt: 'Close on Mara', count: 1 });
      await idle();
      const failed = (await call<{ id: string; status: string; error: { kind: string; message: string } }[]>('generation.jobs', { panelId: panel.id })).find((j) => j.id === bad.id)!;
      expect(failed).toMatchObject({ status: 'failed', error: { kind: 'AUTH', message: expect.stringMatching(/OPENAI_API_KEY/) } });
      // The fake echoed the key in its 401 body, as a careless proxy might; the message the user sees is scrubbed.
      expect(rejecting.requestsTo(/\/images\/generations$/)[0].headers.authorization).toBe(`Bearer ${KEY}`);
      const test = await call<{ ok: boolean; message: string }>('providers.testConnection', { providerId: 'openai' });
      expect(test.ok).toBe(false);
      await call('providers.setSettings', { providerId: 'openai', model: 'gpt-image-1' });

      await call('project.close', {});
      const bytes = Buffer.concat(['', '-wal', '-shm'].filter((s) => fs.existsSync(file + s)).map((s) => fs.readFileSync(file + s)));
      expect(bytes.length).toBeGreaterThan(10_000);
      for (const enc of ['utf8', 'latin1', 'utf16le'] as const) expect(bytes.toString(enc)).not.toContain(KEY);
      expect(bytes.includes(Buffer.from(KEY))).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(KEY).toString('base64').slice(0, 16)))).toBe(false);
      const settingsFiles = fs.readdirSync(path.join(dir, 'settings')).map((f) => fs.readFileSync(path.join(dir, 'settings', f), 'utf8'));
      expect(settingsFiles.join('\n')).not.toContain(KEY);
      expect(settingsFiles.join('\n')).toContain('gpt-image-1');
    } finally {
      logs.restore();
      session.close();
    }
    expect(events.join('\n')).not.toContain(KEY);
    expect(logs.lines.join('\n')).not.toContain(KEY);
  });

  it('a hung connection times out; a cancel stops a request in flight; neither is retried', async () => {
    const dir = tempDir('bw-keys-hang-');
    const { Project } = await import('../../electron/core/project');
    const { createScene } = await import('../../electron/core/commands/scene-commands');
    const { createPanel } = await import('../../electron/core/commands/panel-commands');
    const { GenerationHub } = await import('../../electron/core/generation/hub');
    const project = Project.create(path.join(dir, 'Hang.boardwright'), { title: 'Hang' });
    const panelId = createPanel(project, { sceneId: createScene(project, {}).id }).id;
    const hub = new GenerationHub(() => {}, { settingsDir: dir, env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: accepting.baseUrl }, timeoutMs: () => 300 });
    const service = hub.forProject(project);
    try {
      const before = accepting.requestsTo(/\/images\/generations$/).length;
      accepting.enqueue({ hang: true });
      const timedOut = service.start({ panelId, providerId: 'openai', prompt: 'A storm', count: 1 });
      expect(await service.settled(timedOut.id)).toMatchObject({ status: 'failed', error: { kind: 'TIMEOUT' } });
      expect(accepting.requestsTo(/\/images\/generations$/).length - before).toBe(1);

      const slow = new GenerationHub(() => {}, { settingsDir: dir, env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: accepting.baseUrl }, timeoutMs: () => 60_000 }).forProject(project);
      accepting.enqueue({ hang: true });
      const cancelled = slow.start({ panelId, providerId: 'openai', prompt: 'A storm', count: 1 });
      while (accepting.requestsTo(/\/images\/generations$/).length - before < 2) await new Promise((r) => setTimeout(r, 10));
      slow.cancel(cancelled.id);
      expect(await slow.settled(cancelled.id)).toMatchObject({ status: 'cancelled', variationCount: 0 });
      expect(accepting.requestsTo(/\/images\/generations$/).length - before).toBe(2);
    } finally {
      project.close();
    }
  });
});
