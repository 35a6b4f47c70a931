import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel, updatePanels } from '../../electron/core/commands/panel-commands';
import { snapshot, tempDir } from './helpers';

const root = path.resolve(__dirname, '../..');

/** Starts web mode on `file` and resolves with its port and token once it prints its URL. */
function startWeb(file: string, home: string) {
  const child = spawn(process.execPath, [path.join(root, 'dist/web/boardwright-web.cjs'), file], {
    env: { ...process.env, BOARDWRIGHT_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<{ child: typeof child; port: number; token: string }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), token: m[2] });
    });
    child.on('exit', (code) => reject(new Error(`web mode exited ${code}`)));
  });
}

describe('every edit is on disk when its call returns', () => {
  it('survives the process being killed (SIGKILL) right after each edit', async () => {
    expect(spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' }).status).toBe(0);
    const home = tempDir('bw-kill-');
    const file = path.join(home, 'killed.boardwright');
    const p = Project.create(file, { title: 'Killed' });
    const scene = createScene(p, {});
    const panel = createPanel(p, { sceneId: scene.id });
    p.close();
    for (let round = 1; round <= 3; round++) {
      const web = await startWeb(file, home);
      const res = await fetch(`http://127.0.0.1:${web.port}/api/panels.update`, {
        method: 'POST',
        headers: { 'X-Boardwright-Token': web.token },
        body: JSON.stringify({ ids: [panel.id], patch: { notes: `round ${round}` } }),
      }).then((r) => r.json());
      expect(res.ok).toBe(true);
      web.child.kill('SIGKILL');
      await new Promise((r) => web.child.once('close', r));
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
