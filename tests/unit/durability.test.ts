import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel, updatePanels } from '../../electron/core/commands/panel-commands';
import { snapshot, tempDir } from './helpers';
import { buildOnce, startWeb } from './processes';

describe('every edit is on disk when its call returns', () => {
  it('survives the process being killed (SIGKILL) right after each edit', async () => {
    buildOnce();
    const home = tempDir('bw-kill-');
    const file = path.join(home, 'killed.boardwright');
    const p = Project.create(file, { title: 'Killed' });
    const scene = createScene(p, {});
    const panel = createPanel(p, { sceneId: scene.id });
    p.close();
    for (let round = 1; round <= 3; round++) {
      const web = await startWeb(file, home);
      const res = await web.call('panels.update', { ids: [panel.id], patch: { notes: `round ${round}` } });
      expect(res).toMatchObject({ ok: true });
      await web.kill();
      const reopened = Project.open(file);
      expect(reopened.panel(panel.id).notes).toBe(`round ${round}`);
      reopened.close();
    }
  });

  it('a full disk fails the edit with a clear message and leaves the project as it was', () => {
    const p = Project.create(path.join(tempDir(), 'full.boardwright'), { title: 'Full' });
    const scene = createScene(p, {});
    const panel = createPanel(p, { sceneId: scene.id });
    const before = snapshot(p.db);
    const pages = p.db.pragma('page_count', { simple: true }) as number;
    p.db.pragma(`max_page_count = ${pages}`);
    let caught: { code?: string; message?: string } = {};
    try {
      updatePanels(p, [panel.id], { notes: 'x'.repeat(200_000) });
    } catch (e) {
      caught = e as typeof caught;
    }
    expect(caught.code).toBe('DISK_FULL');
    expect(caught.message).toMatch(/disk is full.*nothing was changed/);
    expect(snapshot(p.db)).toEqual(before);
    expect(p.history().undoLabel).toBe('Add panel');
    p.close();
  });
});
