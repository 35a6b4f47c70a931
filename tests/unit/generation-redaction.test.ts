import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { GenerationHub } from '../../electron/core/generation/hub';
import { Project } from '../../electron/core/project';
import { OpenAIFake } from '../fakes/openai-fake';
import { FAKE_KEY } from '../fakes/provider-kit';
import { tempDir } from './helpers';

const pieces = Array.from({ length: FAKE_KEY.length - 7 }, (_, i) => FAKE_KEY.slice(i, i + 8));

describe('a key echoed by the provider and cut by a shortened message', () => {
  it('never reaches generation_jobs.error_message in the project file, nor stderr, at any cut length', async () => {
    const fake = new OpenAIFake(FAKE_KEY);
    await fake.start();
    const dir = tempDir('bw-gen-redact-');
    const project = Project.create(path.join(dir, 'Redact.boardwright'), { title: 'Redact' });
    const panelId = createPanel(project, { sceneId: createScene(project, {}).id }).id;
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (stderr.push(String(chunk)), true));
    try {
      const service = new GenerationHub(() => {}, { settingsDir: dir, env: { OPENAI_API_KEY: FAKE_KEY, OPENAI_BASE_URL: fake.baseUrl } }).forProject(project);
      // The provider's text is shortened to 300 characters: these paddings cut the echoed key at every length.
      for (let pad = 299 - FAKE_KEY.length; pad <= 300; pad++) {
        fake.echoAfter = pad;
        const job = service.start({ panelId, providerId: 'openai', prompt: 'Close on Mara', count: 1 });
        expect(await service.settled(job.id)).toMatchObject({ status: 'failed', error: { kind: 'AUTH' } });
      }
      const stored = project.db.prepare('SELECT error_message FROM generation_jobs').pluck().all() as string[];
      expect(stored).toHaveLength(FAKE_KEY.length + 2);
      const seen = [...stored, ...stderr].join('\n');
      expect(pieces.filter((p) => seen.includes(p))).toEqual([]);
    } finally {
      spy.mockRestore();
      project.close();
      await fake.stop();
    }
  });
});
