import fs from 'node:fs';
import { type PanelLayers, visibleStrokes } from '../../shared/domain/sketch';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { METHOD_NAMES } from '../../shared/api/methods';
import type { ApiResult } from '../../shared/api/result';
import type { Board, Panel, Scene } from '../../shared/domain/board';
import type { ProjectInfo } from '../../shared/domain/project';
import { createDispatch, createHandlers, Session, type Shell } from '../../electron/core/index';
import { UploadStore } from '../../electron/core/uploads/upload-store';
import { CURRENT_SCHEMA_VERSION } from '../../electron/core/db/migrations/index';
import { makePng, tempDir } from './helpers';
import { configureGeneration } from '../../electron/core/generation/hub';
import { GatedProvider } from './generation-helpers';

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
const uploads = new UploadStore();
const dispatch = createDispatch(createHandlers(session, uploads), () => {});
/** Bytes as the upload channel would leave them (web: POST /upload/<kind>; Electron: IPC). */
const upload = (bytes: Buffer, kind: 'image' | 'audio' | 'script' | 'timeline' = 'image') => uploads.put(kind, bytes).uploadId;
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

/** Waits for the generation jobs of the open project to finish. */
async function generationHubIdle(): Promise<void> {
  const { generationHub } = await import('../../electron/core/generation/hub');
  await generationHub(session).current()?.idle();
}

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
    expect(info).toMatchObject({ title: 'Short Film', aspectRatio: '2.39', fps: 25, schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(titles.at(-1)).toBe('Short Film');

    const s1 = await value<Scene>('scenes.create', { patch: { heading: 'INT. KITCHEN - NIGHT' } });
    const s0 = await value<Scene>('scenes.create', { index: 0, patch: { heading: 'EXT. HOUSE - NIGHT' } });
    await value('scenes.update', { id: s1.id, patch: { synopsis: 'The kettle.' } });
    await value('scenes.move', { id: s1.id, index: 0 });
    const p1 = await value<Panel>('panels.create', { sceneId: s1.id, patch: { action: 'Kettle boils.' } });
    const p2 = await value<Panel>('panels.create', { sceneId: s1.id, index: 0 });
    expect(p2.shotNumber).toBe('1A');
    const png = await makePng(320, 134);
    const withImage = await value<Panel>('panels.setImage', { panelId: p1.id, fileName: 'kettle.png', uploadId: upload(png) });
    expect(withImage.imageSha256).toMatch(/^[0-9a-f]{64}$/);
    const bad = await call('panels.setImage', { panelId: p1.id, fileName: 'notes.txt', uploadId: upload(Buffer.from('hello')) });
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
    expect(await value('scenes.delete', { id: s0.id })).toEqual({ renumbered: 0, first: null });
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

  it('duplicates, adds images, renumbers, splits and merges scenes, and sketches', async () => {
    const [s1] = (await value<Board>('board.get')).scenes;
    const png = await makePng(64, 27);
    const added = await value<Panel[]>('panels.addImages', { sceneId: s1.id, files: [{ fileName: 'a.png', uploadId: upload(png) }, { fileName: 'b.png', uploadId: upload(png) }] });
    const [copy] = await value<Panel[]>('panels.duplicate', { ids: [added[0].id] });
    await value('panels.update', { ids: [copy.id], patch: { shotNumberOverride: '7X' } });
    expect(await value('panels.renumber', {})).toBeNull();
    expect(await value<{ shotNumbersLocked: boolean }>('project.setShotNumbersLocked', { locked: true })).toMatchObject({ shotNumbersLocked: true });
    const between = await value<Panel>('panels.create', { sceneId: s1.id, index: 1 });
    expect(between.shotNumber).toBe('1AA');
    expect(await value<{ shotNumbersLocked: boolean }>('project.setShotNumbersLocked', { locked: false })).toMatchObject({ shotNumbersLocked: false });
    const split = await value<Scene>('scenes.split', { panelId: added[0].id });
    expect((await value<Scene>('scenes.merge', { ids: [s1.id, split.id] })).id).toBe(s1.id);
    const stroke = { tool: 'pen', color: '#202020', size: 0.01, opacity: 1, points: [[0.1, 0.1, 0.5], [0.9, 0.9, 0.5]] };
    const sketched = await value<Panel>('sketch.addStroke', { panelId: added[0].id, stroke });
    expect(sketched.thumbSha256).not.toBe(sketched.imageSha256);
    expect(visibleStrokes(await value<PanelLayers>('sketch.get', { panelId: added[0].id }))).toHaveLength(1);
    expect((await value<Panel>('sketch.setImageOpacity', { panelId: added[0].id, opacity: 0.5 })).thumbSha256).not.toBe(sketched.thumbSha256);
    expect((await value<Panel>('sketch.clear', { panelId: added[0].id })).thumbSha256).not.toBe(sketched.imageSha256);
    expect(await call('sketch.addStroke', { panelId: 'missing', stroke })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Layers: strokes on named layers, the layers themselves, the reference picture.
    const panelId = added[0].id;
    await value('sketch.addStroke', { panelId, stroke, layerId: 'std:ink' });
    await value('sketch.addStrokes', { panelId, strokes: [stroke, { ...stroke, tool: 'fill' }], layerId: 'std:tone' });
    await value('layers.add', { panelId, name: 'FX' });
    type Loaded = { layers: { id: string; name: string; strokes: { id: string; points: number[][] }[] }[] };
    const loaded = await value<Loaded>('sketch.get', { panelId });
    const byName = (l: Loaded, name: string) => l.layers.find((x) => x.name === name)!;
    expect(loaded.layers.map((l) => l.name)).toEqual(['Fill', 'Tone', 'Pencil', 'Ink', 'Notes', 'FX']);
    const ink = byName(loaded, 'Ink');
    await value('layers.update', { panelId, layerId: ink.id, name: 'Inks', opacity: 0.5 });
    await value('layers.move', { panelId, layerId: ink.id, index: 0 });
    const [s1stroke] = byName(loaded, 'Tone').strokes;
    await value('sketch.updateStrokes', { panelId, strokes: [{ ...stroke, id: s1stroke.id, points: [[0.2, 0.2, 0.5]] }] });
    await value('sketch.deleteStrokes', { panelId, ids: [s1stroke.id] });
    await value('layers.mergeDown', { panelId, layerId: byName(loaded, 'FX').id });
    await value('layers.delete', { panelId, layerId: byName(loaded, 'Tone').id });
    await value('sketch.flip', { panelId: between.id }); // (a panel without a picture: no variation is added to the dataset counted below)
    await value('sketch.setImageVisible', { panelId, visible: false });
    const after = await value<Loaded & { image: { visible: boolean } }>('sketch.get', { panelId });
    expect(after.image.visible).toBe(false);
    expect(after.layers.map((l) => [l.name, l.strokes.length])).toEqual([['Inks', 1], ['Fill', 0], ['Tone', 0], ['Pencil', 0], ['Notes', 0]]);
    expect(await call('layers.update', { panelId, layerId: 'nope', visible: false })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('sketch.deleteStrokes', { panelId, ids: ['no-slash'] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('generates, picks, logs decisions, manages characters, style and provider settings', async () => {
    const fake = new GatedProvider('builtin');
    fake.autoRelease = true;
    configureGeneration(session, { settingsDir: path.join(dir, 'settings'), env: {}, factory: () => fake });
    const [s1] = (await value<Board>('board.get')).scenes;
    const panelId = s1.panels[0].id;
    expect((await value<{ id: string; configured: boolean }[]>('generation.providers')).find((p) => p.id === 'openai')).toMatchObject({ configured: false });
    const character = await value<{ id: string }>('characters.create', { name: 'MARA', description: 'keeper' });
    await value('characters.update', { id: character.id, patch: { description: 'lighthouse keeper' } });
    const png = await makePng(32, 32);
    const withImage = await value<{ images: { id: string }[] }>('characters.addImage', { characterId: character.id, fileName: 'm.png', uploadId: upload(png) });
    await value('characters.removeImage', { imageId: withImage.images[0].id });
    expect(await value('characters.setCast', { panelId, characterIds: [character.id] })).toEqual([character.id]);
    expect(await value('characters.cast', { panelId })).toEqual([character.id]);
    expect(await value<unknown[]>('characters.list')).toHaveLength(1);
    await value('style.update', { medium: 'pencil storyboard sketch' });
    const style = await value<{ references: { id: string }[] }>('style.addReference', { fileName: 's.png', uploadId: upload(png), note: 'noir' });
    await value('style.updateReference', { id: style.references[0].id, note: 'film noir' });
    await value('style.removeReference', { id: style.references[0].id });
    expect((await value<{ bible: { medium: string } }>('style.get')).bible.medium).toBe('pencil storyboard sketch');
    const composed = await value<{ text: string }>('generation.composePrompt', { panelId });
    expect(composed.text).toMatch(/^Pencil storyboard sketch\..*MARA \(lighthouse keeper\)/);
    const typed = await value<{ id: string; source: string }>('generation.savePrompt', { panelId, text: 'Mara by the lamp', negative: '' });
    expect(typed.source).toBe('typed');
    expect(await call('generation.savePrompt', { panelId, text: '  ', negative: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const recomposed = await value<{ composed: { current: { source: string } }; replacedTyped: boolean }>('generation.recompose', { panelId });
    expect(recomposed).toMatchObject({ replacedTyped: true, composed: { current: { source: 'composed' } } });

    expect(await call('generation.start', { panelId, providerId: 'builtin', prompt: 'x', count: 9 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const job = await value<{ id: string }>('generation.start', { panelId, providerId: 'builtin', prompt: composed.text, count: 2, seed: 5 });
    await generationHubIdle();
    expect(await value('generation.jobs', { panelId })).toMatchObject([{ id: job.id, status: 'succeeded', variationCount: 2 }]);
    expect(await value('generation.cancel', { jobId: job.id })).toMatchObject({ status: 'succeeded' });
    expect(await call('generation.retry', { jobId: job.id })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const variations = await value<{ id: string; imageSha256: string }[]>('variations.list', { panelId });
    const picked = await value<Panel>('variations.pick', { variationId: variations[0].id, why: 'clearest' });
    expect(picked.imageSha256).toBe(variations[0].imageSha256);
    await value('decisions.addNote', { panelId, note: 'Keep it', why: 'It works' });
    expect(await call('decisions.addNote', { note: 'Both', why: '', panelId, sceneId: s1.id })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await value<{ kind: string }[]>('decisions.list', { panelId, kinds: ['variation.picked', 'note'] })).map((d) => d.kind)).toEqual(['variation.picked', 'note']);
    const out = path.join(dir, 'decisions.csv');
    expect(await value('decisions.export', { path: out })).toMatchObject({ path: out });
    expect(await value('decisions.export', {})).toBeNull();
    const [logged] = await value<{ id: string }[]>('decisions.list', { panelId, kinds: ['variation.picked'] });
    expect(await value('decisions.setWhy', { id: logged.id, why: 'clearest read' })).toMatchObject({ id: logged.id, why: 'clearest read' });
    const dataset = path.join(dir, 'dataset');
    const datasetDone = new Promise((resolve) => session.events.subscribe((e) => e.kind === 'task.finished' && resolve(e)));
    expect(await value('export.dataset', { path: dataset })).toMatchObject({ path: dataset });
    expect(await datasetDone).toMatchObject({ result: { path: dataset, generations: 3, preferences: 1 } });
    expect(await value('export.dataset', {})).toBeNull();

    await value('providers.setSettings', { providerId: 'comfyui', baseUrl: 'http://127.0.0.1:8188', workflowJson: '{"3": {"class_type": "KSampler", "inputs": {}}}' });
    expect(await call('providers.setSettings', { providerId: 'comfyui', workflowJson: '[1]' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await value<{ defaultProvider: string }>('providers.settings')).defaultProvider).toBe('builtin');
    expect(await call('providers.setKey', { providerId: 'openai', key: 'sk-x' })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(await value('providers.testConnection', { providerId: 'openai' })).toMatchObject({ ok: false, message: expect.stringMatching(/OPENAI_API_KEY/) });
    await value('characters.delete', { id: character.id });
  });

  it('animatic: timeline, audio, camera moves, transitions, exports', async () => {
    const [s1] = (await value<Board>('board.get')).scenes;
    const panelId = s1.panels[0].id;
    await value('panels.setTransition', { ids: [panelId], transition: 'dissolve', durationMs: 400 });
    const frame = { x: 0, y: 0, w: 1, h: 1 };
    expect(await value('panels.setFraming', { panelId, framing: { start: frame, end: { x: 0.25, y: 0.25, w: 0.5, h: 0.5 } } })).toBeNull();
    expect(await call('panels.setFraming', { panelId, framing: { start: frame, end: { ...frame, w: -1 } } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const { toneWav } = await import('./animatic-helpers');
    const clip = await value<{ id: string; sha256: string }>('audio.import', { fileName: 'tone.wav', uploadId: upload(toneWav(300, 0, 100), 'audio'), kind: 'track', track: 'music', startMs: 0 });
    expect(await call('audio.import', { fileName: 'a.txt', uploadId: upload(Buffer.from('hello'), 'audio'), kind: 'track' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('a.txt') } });
    expect(await value<unknown[]>('audio.list')).toHaveLength(1);
    expect(await value('audio.update', { ids: [clip.id], patch: { volume: 0.8, solo: true } })).toMatchObject([{ volume: 0.8, solo: true }]);
    expect((await value<{ peaks: string; peaksPerSecond: number }>('audio.waveform', { sha256: clip.sha256 })).peaksPerSecond).toBe(100);
    const timeline = await value<{ totalFrames: number; segments: { transitionIn: string; framing: unknown }[]; audio: unknown[] }>('timeline.get', { fps: 25 });
    expect(timeline.segments[0]).toMatchObject({ transitionIn: 'fade in', framing: { end: { w: 0.5 } } });
    expect(timeline.audio).toHaveLength(1);
    const out = path.join(dir, 'contract animatic.mp4');
    const finished = new Promise((resolve) => session.events.subscribe((e) => (e.kind === 'task.finished' || e.kind === 'task.failed') && resolve(e)));
    const started = await value<{ taskId: string; path: string }>('export.mp4', { path: out, options: { height: 720, fps: 24, burnIns: ['shot'] } });
    expect(started.path).toBe(out);
    expect(await finished).toMatchObject({ kind: 'task.finished', result: { path: out } });
    expect(await value('export.imageSequence', {})).toBeNull(); // the save dialog was cancelled
    expect(await value('audio.delete', { ids: [clip.id] })).toBeNull();
  });

  it('PDF boards and shot lists: export, preview, presets', async () => {
    const options = {
      grid: { cols: 3, rows: 2 }, text: 'auto', paper: 'letter', orientation: 'landscape', fields: ['shot', 'action'],
      selection: {}, sceneBreaks: true, cover: null, versionLabel: 'v1', footer: null,
    };
    const done = (taskId: string) => new Promise((resolve) => session.events.subscribe((e) => (e.kind === 'task.finished' || e.kind === 'task.failed') && e.task.taskId === taskId && resolve(e)));
    for (const [method, file, input] of [
      ['export.pdf', 'contract boards.pdf', { options }],
      ['export.shotListPdf', 'contract shots.pdf', { options: { paper: 'a4', orientation: 'landscape', selection: {}, versionLabel: '', footer: null } }],
      ['export.shotListCsv', 'contract shots.csv', {}],
    ] as const) {
      const started = await value<{ taskId: string; path: string }>(method, { path: path.join(dir, file), ...input });
      expect(await done(started.taskId)).toMatchObject({ kind: 'task.finished', result: { path: path.join(dir, file) } });
    }
    expect(await value('export.pdf', { options })).toBeNull(); // the save dialog was cancelled
    expect(await call('export.pdf', { path: path.join(dir, 'x.pdf'), options: { ...options, selection: { panels: '99Z' } } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const preview = await value<{ pages: { dataUrl: string }[]; pageCount: number }>('export.pdfPreview', { options, pages: 1 });
    expect(preview.pages[0].dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(await value('export.presets.save', { name: 'Crew', options })).toMatchObject([{ name: 'Crew' }]);
    expect(await value('export.presets.list')).toHaveLength(1);
    expect(await value('export.presets.delete', { name: 'Crew' })).toEqual([]);
  });

  it('lists and cancels tasks', async () => {
    const { taskId, done } = session.tasks.start('Waiting', (ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', resolve)));
    expect(await value<{ taskId: string }[]>('tasks.list')).toMatchObject([{ taskId, label: 'Waiting', state: 'running' }]);
    expect(await value('tasks.cancel', { taskId })).toBe(true);
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await value('tasks.cancel', { taskId })).toBe(false);
    expect(await value('tasks.list')).toEqual([]);
  });

  it('previews a script, changes the panel mode, imports it, and serves the script pane', async () => {
    expect(await value('script.get')).toBeNull();
    const fountain = Buffer.from('Title: Pier\n\nEXT. PIER - NIGHT #7#\n\nFog.\n\nANNA\nHello?\n');
    const preview = await value<{ previewId: string; summary: { scenes: { panels: number }[] } }>('script.preview', { uploadId: upload(fountain, 'script'), fileName: 'pier.fountain' });
    expect(preview.summary.scenes).toMatchObject([{ number: '7', heading: 'EXT. PIER - NIGHT', panels: 2, status: 'new' }]);
    const single = await value<typeof preview>('script.preview', { previewId: preview.previewId, mode: 'scene' });
    expect(single.summary.scenes[0].panels).toBe(1);
    expect(await call('script.preview', { uploadId: upload(Buffer.from([0, 1, 2, 255, 0, 7]), 'script'), fileName: 'x.fdx' })).toMatchObject({ ok: false });
    const before = (await value<Board>('board.get')).scenes.length;
    const done = await value<{ counts: { scenesAdded: number } }>('script.import', { previewId: preview.previewId });
    expect(done.counts.scenesAdded).toBe(1);
    const board = await value<Board>('board.get');
    expect(board.scenes).toHaveLength(before + 1);
    const pier = board.scenes.find((s) => s.scriptNumber === '7')!;
    expect(pier.panels.map((p) => p.shotNumber)).toEqual(['7A']);
    const view = await value<{ lines: { text: string; beat: string | null }[]; beatPanels: Record<string, string[]> }>('script.get');
    const line = view.lines.find((l) => l.text === 'Fog.')!;
    expect(view.beatPanels[line.beat!]).toEqual([pier.panels[0].id]);
    expect(await call('script.import', { previewId: preview.previewId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Boarding the script is covered end to end in script-board.test.ts; here, its input is checked.
    expect(await call('script.boardEmpty', { providerId: 'midjourney' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await value('history.undo');
    expect((await value<Board>('board.get')).scenes).toHaveLength(before);
  });

  it('exports an editorial timeline as a task, and previews and applies a conform of it', async () => {
    const out = path.join(dir, 'cut.otio');
    const done = new Promise((resolve) => session.events.subscribe((e) => (e.kind === 'task.finished' || e.kind === 'task.failed') && resolve(e)));
    const started = await value<{ taskId: string; path: string }>('export.editorial', { format: 'otio', path: out, options: { fps: 24 } });
    expect(started.path).toBe(out);
    expect(await done).toMatchObject({ kind: 'task.finished' });
    expect(fs.existsSync(path.join(dir, 'cut_media', 'boardwright-media.json'))).toBe(true);
    expect(await call('export.editorial', { format: 'otio', path: path.join(dir, 'cut.edl') })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call('export.editorial', { format: 'edl', path: out, options: { fps: 48 } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const preview = await value<{ previewId: string; summary: { changes: string[]; matched: number } }>('editorial.preview', { uploadId: upload(fs.readFileSync(out), 'timeline'), fileName: 'cut.otio' });
    expect(preview.summary.changes).toEqual(['No change: the board already matches this cut.']);
    expect(await value('editorial.apply', { previewId: preview.previewId })).toMatchObject({ matched: preview.summary.matched });
    expect(await call('editorial.apply', { previewId: preview.previewId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('editorial.preview', { uploadId: upload(Buffer.from('{"OTIO_SCHEMA":'), 'timeline'), fileName: 'x.otio' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('answers the taste record\'s figures for the project or some scenes, read-only', async () => {
    const board = await value<Board>('board.get');
    const lastEdit = (await value<{ undoLabel: string | null }>('history.state')).undoLabel;
    const all = await value<{ scenes: { sceneId: string; panels: number }[]; totals: { panels: number } }>('insights.get');
    const shown = board.scenes.filter((s) => !s.omitted);
    expect(all.scenes.map((s) => s.sceneId)).toEqual(shown.map((s) => s.id));
    expect(all.totals.panels).toBe(shown.flatMap((s) => s.panels.filter((p) => !p.omitted)).length);
    const one = await value<typeof all>('insights.get', { sceneIds: [shown[0].id] });
    expect(one.scenes.map((s) => s.sceneId)).toEqual([shown[0].id]);
    expect(one.totals.panels).toBe(one.scenes[0].panels);
    expect(await call('insights.get', { sceneIds: 'all' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call('insights.get', { sceneIds: ['no-such-scene'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await value<{ undoLabel: string | null }>('history.state')).undoLabel).toBe(lastEdit);
  });

  it('motion: providers, a built-in clip job, its variation picked, clip timing and removal', async () => {
    const { motionHub } = await import('../../electron/core/motion/motion-hub');
    const panel = (await value<Board>('board.get')).scenes.flatMap((s) => s.panels).find((p) => p.imageSha256)!;
    expect((await value<{ id: string; ready: boolean }[]>('motion.providers')).find((p) => p.id === 'builtin')).toMatchObject({ ready: true });
    expect(await call('panels.setClipTiming', { panelId: panel.id, after: 'loop' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const [job] = await value<{ id: string; state: string }[]>('motion.start', { panelIds: [panel.id], providerId: 'builtin', seconds: 1 });
    await motionHub(session).forProject(session.requireProject()).idle();
    const [done] = await value<{ id: string; state: string; variationId: string }[]>('motion.jobs', { panelId: panel.id });
    expect(done).toMatchObject({ id: job.id, state: 'succeeded' });
    expect(await value('motion.cancel', { jobId: job.id })).toMatchObject({ state: 'succeeded' });
    await value('variations.pick', { variationId: done.variationId });
    expect(await value<Panel>('panels.setClipTiming', { panelId: panel.id, after: 'loop' })).toMatchObject({ clip: { after: 'loop' } });
    expect((await value<Panel>('panels.removeClip', { panelId: panel.id })).clip).toBeNull();
    expect(await call('motion.start', { panelIds: [panel.id], providerId: 'sora', seconds: 4 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  }, 60_000);

  it('every contract method was exercised above', () => {
    expect(METHOD_NAMES.filter((m) => !called.has(m))).toEqual([]);
  });
});
