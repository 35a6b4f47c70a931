/** "Board the script": every empty panel gets a first picture from the chosen provider, through the job queue. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch, createHandlers, Session, type Shell } from '../../electron/core/index';
import { UploadStore } from '../../electron/core/uploads/upload-store';
import { generationHub } from '../../electron/core/generation/hub';
import { listDecisions } from '../../electron/core/decisions/decision-commands';
import { BOARD_THE_SCRIPT_WHY } from '../../electron/core/script/board-empty';
import type { AppEvent } from '../../shared/api/events';
import type { Board } from '../../shared/domain/board';
import { makePng, tempDir } from './helpers';

const shell: Shell = {
  kind: 'web', projectsDir: null,
  chooseNewProjectPath: async () => null, chooseProjectToOpen: async () => null, chooseCopyPath: async () => null, chooseSavePath: async () => null,
};

describe('board the script', () => {
  it('generates one picture for each empty panel (built-in, offline), puts it in, logs the pick, and leaves drawn panels alone', async () => {
    const dir = tempDir('bw-board-script-');
    const session = new Session(shell, path.join(dir, 'settings'));
    const uploads = new UploadStore();
    const call = createDispatch(createHandlers(session, uploads), () => {});
    const value = async <T>(m: string, input: unknown = {}) => {
      const r = await call(m, input);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.value as T;
    };
    const events: AppEvent[] = [];
    session.events.subscribe((e) => events.push(e));
    await value('project.new', { title: 'Pier', path: path.join(dir, 'pier.boardwright') });
    const script = Buffer.from('EXT. PIER - NIGHT #7#\n\nFog rolls in.\n\nANNA\nHello?\n\nA foghorn answers.\n');
    const { previewId } = await value<{ previewId: string }>('script.preview', { uploadId: uploads.put('script', script).uploadId, fileName: 'pier.fountain' });
    await value('script.import', { previewId });
    const drawn = (await value<Board>('board.get')).scenes[0].panels[0];
    const sketched = await value<{ imageSha256: string }>('panels.setImage', { panelId: drawn.id, fileName: 'sketch.png', uploadId: uploads.put('image', await makePng(96, 54)).uploadId });

    const jobs = await value<{ panelId: string }[]>('script.boardEmpty', { providerId: 'builtin' });
    const empty = (await value<Board>('board.get')).scenes[0].panels.slice(1).map((p) => p.id);
    expect(jobs.map((j) => j.panelId)).toEqual(empty);
    await generationHub(session).current()?.idle();
    for (let i = 0; i < 100 && events.filter((e) => e.kind === 'board.changed').length < empty.length; i++) await new Promise((r) => setTimeout(r, 20));

    const board = await value<Board>('board.get');
    const [first, ...rest] = board.scenes[0].panels;
    expect(first.id).toBe(drawn.id);
    expect(first.imageSha256).toBe(sketched.imageSha256);
    for (const p of rest) expect(p.imageSha256).toMatch(/^[0-9a-f]{64}$/);
    const picks = listDecisions(session.requireProject()).filter((d) => d.kind === 'variation.picked');
    expect(picks.map((d) => d.panelId).sort()).toEqual([...empty].sort());
    expect(picks.every((d) => d.why === BOARD_THE_SCRIPT_WHY)).toBe(true);
    // Nothing left to board.
    expect(await value('script.boardEmpty', { providerId: 'builtin' })).toEqual([]);
    session.close();
  });
});
