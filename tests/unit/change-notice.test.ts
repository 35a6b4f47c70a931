/**
 * Every open board stays current (issue 13, item 7): a call that wrote through web mode tells the
 * other tabs (naming the tab it came from); a project open read-only sees another process's commits.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/api/events';
import { Session, type Shell } from '../../electron/core/index';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel, updatePanels } from '../../electron/core/commands/panel-commands';
import { tempDir } from './helpers';
import { startBareServer } from './web-raw';

const shell: Shell = {
  kind: 'web', projectsDir: null,
  chooseNewProjectPath: async () => null, chooseProjectToOpen: async () => null, chooseCopyPath: async () => null, chooseSavePath: async () => null,
};

describe('change notices', () => {
  it('web mode: a call that writes announces board.changed with its tab\'s id; a read announces nothing', async () => {
    const server = await startBareServer('bw-notice-', []);
    const events: AppEvent[] = [];
    server.session.events.subscribe((e) => events.push(e));
    const call = (method: string, input: unknown, client?: string) =>
      fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
        method: 'POST',
        headers: { 'X-Boardwright-Token': server.token, 'Content-Type': 'application/json', ...(client ? { 'X-Boardwright-Client': client } : {}) },
        body: JSON.stringify(input),
      }).then((r) => r.json() as Promise<{ ok: boolean; value: { id: string } }>);
    const dir = tempDir('bw-notice-project-');
    await call('project.new', { title: 'Tabs', path: path.join(dir, 'tabs.boardwright') }, 'tab-one-1234');
    const scene = (await call('scenes.create', {}, 'tab-one-1234')).value;
    events.length = 0;
    await call('board.get', {}, 'tab-two-5678');
    expect(events).toEqual([]);
    await call('panels.create', { sceneId: scene.id }, 'tab-one-1234');
    expect(events).toEqual([{ kind: 'board.changed', origin: 'tab-one-1234' }]);
    await call('history.undo', {}, 'bad id!');
    expect(events.at(-1)).toEqual({ kind: 'board.changed', origin: undefined });
    await server.close();
  });

  it('a project open read-only hears of another writer\'s commits', async () => {
    const dir = tempDir('bw-notice-ro-');
    const file = path.join(dir, 'shared.boardwright');
    const writer = Project.create(file, { title: 'Shared' });
    const panel = createPanel(writer, { sceneId: createScene(writer, {}).id });
    const viewer = new Session(shell, path.join(dir, 'settings'));
    viewer.open(file, { readOnly: true });
    const events: AppEvent[] = [];
    viewer.events.subscribe((e) => events.push(e));
    await new Promise((r) => setTimeout(r, 500)); // the watcher's first look
    updatePanels(writer, [panel.id], { notes: 'from the writer' });
    for (let i = 0; i < 50 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(events[0]).toEqual({ kind: 'board.changed' });
    expect(viewer.requireProject().panel(panel.id).notes).toBe('from the writer');
    viewer.close();
    writer.close();
  });
});
