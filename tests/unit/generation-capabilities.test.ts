import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { GenerationHub } from '../../electron/core/generation/hub';
import { Project } from '../../electron/core/project';
import { FAKE_KEY } from '../fakes/provider-kit';
import { tempDir } from './helpers';

const open: Project[] = [];
afterEach(() => open.splice(0).forEach((p) => p.close()));

function setup(model: string) {
  const dir = tempDir('bw-gen-caps-');
  const hub = new GenerationHub(() => {}, { settingsDir: dir, env: { OPENAI_API_KEY: FAKE_KEY, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' } });
  hub.settings.update({ providerId: 'openai', model });
  const project = Project.create(path.join(dir, 'Caps.boardwright'), { title: 'Caps' });
  open.push(project);
  const panelId = createPanel(project, { sceneId: createScene(project, {}).id }).id;
  return { hub, service: hub.forProject(project), panelId };
}

describe('Refine follows the capabilities of the model chosen for the provider', () => {
  it('dall-e-3 (no edits): the provider list says it takes no image, and a refine job is refused before it is queued', () => {
    const { hub, service, panelId } = setup('dall-e-3');
    expect(hub.list().find((p) => p.id === 'openai')!.capabilities).toMatchObject({ initImage: false, referenceImages: false, maxPerCall: 1 });
    expect(() => service.start({ panelId, providerId: 'openai', prompt: 'Mara', count: 1, refine: true })).toThrow(/cannot refine/);
    expect(() => service.start({ panelId, providerId: 'openai', prompt: 'Mara', count: 1, refine: true, model: 'dall-e-3' })).toThrow(/cannot refine/);
    expect(service.jobs()).toEqual([]);
  });

  it('gpt-image-1 takes images: refine is offered, and a job naming dall-e-3 is still refused', () => {
    const { hub, service, panelId } = setup('gpt-image-1');
    expect(hub.list().find((p) => p.id === 'openai')!.capabilities).toMatchObject({ initImage: true, referenceImages: true });
    // Past the capability check, the panel simply has no picture yet.
    expect(() => service.start({ panelId, providerId: 'openai', prompt: 'Mara', count: 1, refine: true })).toThrow(/no picture to refine/);
    expect(() => service.start({ panelId, providerId: 'openai', prompt: 'Mara', count: 1, refine: true, model: 'dall-e-3' })).toThrow(/cannot refine/);
  });
});
