import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { METHOD_NAMES } from '../../shared/api/methods';
import type { ApiResult } from '../../shared/api/result';
import type { Board, Panel, Scene } from '../../shared/domain/board';
import type { ProjectInfo } from '../../shared/domain/project';
import { createDispatch, createHandlers, Session, type Shell } from '../../electron/core/index';
import { makePng, tempDir } from './helpers';

const dir = tempDir('bw-api-');
const dialogAnswers: { newPath: string | null; openPath: string | null; copyPath: string | null } = { newPath: null, openPath: null, copyPath: null };
const titles: (string | null)[] = [];
const shell: Shell = {
  kind: 'electron',
  projectsDir: null,
  chooseNewProjectPath: async () => dialogAnswers.newPath,
  chooseProjectToOpen: async () => dialogAnswers.openPath,
  chooseCopyPath: async () => dialogAnswers.copyPath,
  chooseSavePath: async () => null,
  projectChanged: (info) => titles.push(info?.title ?? null),
};
const session = new Session(shell, path.join(dir, 'settings'));
const dispatch = createDispatch(createHandlers(session), () => {});
const called = new Set<string>();

async function call<T>(method: string, input: unknown = {}): Promise<ApiResult<T>> {
  called.add(method);
  const result = (await dispatch(method, input)) as ApiResult<T>;
  // Results must survive structured clone / JSON, as they cross IPC and HTTP.
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  return result;
}
async function value<T>(method: string, input: unknown = {}): Promise<T> {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

afterAll(() => session.close());

describe('the API contract, over the same dispatch both transports use', () => {
  it('the preload method list is exactly the contract', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });

  it('rejects unknown methods, bad input and edits without a project', async () => {
    expect(await call('fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await call('panels.update', { ids: [], patch: {} })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call('panels.update', { ids: ['x'], patch: { durationMs: -5 } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call('project.open', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call('board.get')).toMatchObject({ ok: false, error: { code: 'NO_PROJECT', message: expect.stringMatching(/No project is open/) } });
    expect(await value('project.current')).toBeNull();
  });

  it('creates, edits, reads, undoes, copies, closes and reopens a project', async () => {
    expect((await value<{ shell: string }>('app.info')).shell).toBe('electron');
    expect(await call('project.new', { title: 'Dialog cancelled' })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    dialogAnswers.newPath = path.join(dir, 'Short Film.boardwright');
    const info = await value<ProjectInfo>('project.new', { title: 'Short Film', aspectRatio: '2.39', fps: 25 });
    expect(info).toMatchObject({ title: 'Short Film', aspectRatio: '2.39', fps: 25, schemaVersion: 1 });
    expect(titles.at(-1)).toBe('Short Film');

    const s1 = await value<Scene>('scenes.create', { patch: { heading: 'INT. KITCHEN - NIGHT' } });
    const s0 = await value<Scene>('scenes.create', { index: 0, patch: { heading: 'EXT. HOUSE - NIGHT' } });
    await value('scenes.update', { id: s1.id, patch: { synopsis: 'The kettle.' } });
    await value('scenes.move', { id: s1.id, index: 0 });
    const p1 = await value<Panel>('panels.create', { sceneId: s1.id, patch: { action: 'Kettle boils.' } });
    const p2 = await value<Panel>('panels.create', { sceneId: s1.id, index: 0 });
    expect(p2.shotNumber).toBe('1A');
    const png = await makePng(320, 134);
    const withImage = await value<Panel>('panels.setImage', { panelId: p1.id, fileName: 'kettle.png', dataBase64: png.toString('base64') });
    expect(withImage.imageSha256).toMatch(/^[0-9a-f]{64}$/);
    const bad = await call('panels.setImage', { panelId: p1.id, fileName: 'notes.txt', dataBase64: Buffer.from('hello').toString('base64') });
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_AN_IMAGE', message: expect.stringContaining('notes.txt') } });
    const updated = await value<Panel[]>('panels.update', { ids: [p1.id, p2.id], patch: { shotSize: 'WS', lensMm: 24 } });
    expect(updated.map((p) => p.lensMm)).toEqual([24, 24]);
    await value('panels.move', { ids: [p2.id], sceneId: s0.id, index: 0 });
    await value('project.update', { title: 'Short Film v2' });
    expect(titles.at(-1)).toBe('Short Film v2');

    let board = await value<Board>('board.get');
    expect(board.scenes.map((s) => s.heading)).toEqual(['INT. KITCHEN - NIGHT', 'EXT. HOUSE - NIGHT']);
    expect(board.scenes[0].panels.map((p) => p.id)).toEqual([p1.id]);
    expect(board.scenes[1].panels.map((p) => p.shotNumber)).toEqual(['2A']);

    await value('panels.delete', { ids: [p2.id] });
    expect((await value<{ undoLabel: string }>('history.state')).undoLabel).toBe('Delete panel 2A');
    await value('history.undo');
    expect((await value<Board>('board.get')).scenes[1].panels).toHaveLength(1);
    await value('history.redo');
    await value('history.undo');
    await value('scenes.delete', { id: s0.id });
    await value('history.undo');
    board = await value<Board>('board.get');
    expect(board.scenes[1].panels[0].id).toBe(p2.id);

    dialogAnswers.copyPath = path.join(dir, 'Copy of Short Film.boardwright');
    expect(await value('project.saveCopyAs', {})).toEqual({ path: dialogAnswers.copyPath });
    expect(await value('project.saveCopyAs', { path: path.join(dir, 'second copy.boardwright') })).toBeTruthy();
    await value('project.close');
    expect(await value('project.current')).toBeNull();

    dialogAnswers.openPath = dialogAnswers.copyPath;
    const copy = await value<ProjectInfo>('project.open', {});
    expect(copy.path).toBe(dialogAnswers.copyPath);
    expect((await value<Board>('board.get')).scenes[1].panels[0].id).toBe(p2.id);
    const recent = await value<{ path: string }[]>('app.recent');
    expect(recent.map((r) => r.path)).toEqual([dialogAnswers.copyPath, dialogAnswers.newPath]);
    expect(fs.existsSync(dialogAnswers.newPath)).toBe(true);
  });

  it('lists and cancels tasks', async () => {
    const { taskId, done } = session.tasks.start('Waiting', (ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', resolve)));
    expect(await value<{ taskId: string }[]>('tasks.list')).toMatchObject([{ taskId, label: 'Waiting', state: 'running' }]);
    expect(await value('tasks.cancel', { taskId })).toBe(true);
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await value('tasks.cancel', { taskId })).toBe(false);
    expect(await value('tasks.list')).toEqual([]);
  });

  it('every contract method was exercised above', () => {
    expect(METHOD_NAMES.filter((m) => !called.has(m))).toEqual([]);
  });
});
