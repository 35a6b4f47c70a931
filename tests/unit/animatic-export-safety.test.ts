import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEvent, TaskInfo } from '../../shared/api/events';
import type { ExportStarted, VideoExportResult } from '../../shared/api/methods/animatic';
import { createDispatch, createHandlers, Session, type Shell } from '../../electron/core/index';
import { exportVideo, resolveOptions } from '../../electron/core/animatic/video-export';
import { forgetVerifiedFfmpeg, unpackedPath } from '../../electron/core/animatic/ffmpeg';
import { isCoreError } from '../../electron/core/errors';
import { tempDir } from './helpers';
import { colourDistance, COLOURS, makeAnimaticProject, probe } from './animatic-helpers';
import sharp from 'sharp';

const dir = tempDir('bw-animatic-safety ');

/** Runs `fn` with os.tmpdir() pointing at a fresh folder, so leftovers of this export alone can be seen. */
async function withOwnTmp<T>(fn: (tmp: string) => Promise<T>): Promise<T> {
  const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    return await fn(tmp);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

describe('MP4 export: refusals, cancel and clean-up', { timeout: 240_000 }, () => {
  const shell: Shell = {
    kind: 'web', projectsDir: dir,
    chooseNewProjectPath: async () => null, chooseProjectToOpen: async () => null, chooseCopyPath: async () => null, chooseSavePath: async () => null,
  };
  const session = new Session(shell, path.join(dir, 'settings'));
  const dispatch = createDispatch(createHandlers(session), () => {});
  const events: AppEvent[] = [];
  session.events.subscribe((e) => events.push(e));
  afterAll(() => session.close());

  it('a project with no panels is a clear error, before any task starts', async () => {
    const file = path.join(dir, 'empty.boardwright');
    (await makeAnimaticProject(file, [])).close();
    session.open(file);
    const r = await dispatch('export.mp4', { path: path.join(dir, 'empty.mp4'), options: {} });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/no panels/) } });
    expect(await dispatch('export.imageSequence', { path: path.join(dir, 'empty-frames') })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(fs.existsSync(path.join(dir, 'empty.mp4'))).toBe(false);
    expect(session.tasks.list()).toEqual([]);
  });

  it('refuses a wrong extension, a missing folder, and (in web mode) no path', async () => {
    const file = path.join(dir, 'two.boardwright');
    (await makeAnimaticProject(file, [{ rgb: COLOURS[0], durationMs: 500 }, { rgb: COLOURS[1], durationMs: 500 }])).close();
    session.open(file);
    expect(await dispatch('export.mp4', { path: path.join(dir, 'film.mov') })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('.mp4') } });
    expect(await dispatch('export.mp4', { path: path.join(dir, 'nowhere', 'film.mp4') })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect(await dispatch('export.mp4', {})).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(await dispatch('export.mp4', { path: path.join(dir, 'x.mp4'), options: { fps: 12 } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('an ffmpeg that cannot run is reported clearly before the export starts; asar paths are unpacked', async () => {
    expect(unpackedPath('/opt/Boardwright/resources/app.asar/node_modules/@ffmpeg-installer/linux-x64/ffmpeg')).toBe(
      '/opt/Boardwright/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64/ffmpeg',
    );
    expect(unpackedPath('/x/app.asar.unpacked/ffmpeg')).toBe('/x/app.asar.unpacked/ffmpeg');
    process.env.BOARDWRIGHT_FFMPEG = path.join(dir, 'no such ffmpeg');
    forgetVerifiedFfmpeg();
    try {
      const r = await dispatch('export.mp4', { path: path.join(dir, 'no-ffmpeg.mp4') });
      expect(r).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED', message: expect.stringMatching(/ffmpeg.*could not be run.*not found/) } });
      expect(fs.existsSync(path.join(dir, 'no-ffmpeg.mp4'))).toBe(false);
    } finally {
      delete process.env.BOARDWRIGHT_FFMPEG;
      forgetVerifiedFfmpeg();
    }
  });

  it('runs as a task with progress and time left, to a path with spaces and non-ASCII characters', async () => {
    const folder = path.join(dir, 'Réalisation — 日本 film');
    fs.mkdirSync(folder);
    const target = path.join(folder, 'animatic ü 1.mp4');
    events.length = 0;
    const started = await dispatch('export.mp4', { path: target, options: { height: 720, fps: 25 } });
    expect(started.ok).toBe(true);
    const { taskId } = (started as { value: ExportStarted }).value;
    const finished = await new Promise<{ task: TaskInfo; result: VideoExportResult }>((resolve, reject) => {
      const off = session.events.subscribe((e) => {
        if (e.kind === 'task.finished' && e.task.taskId === taskId) resolve({ task: e.task, result: e.result as VideoExportResult });
        if (e.kind === 'task.failed' && e.task.taskId === taskId) reject(new Error(e.error.message));
      });
      void off;
    });
    expect(finished.result).toMatchObject({ path: target, frames: 25, width: 1280, height: 720 });
    const progress = events.filter((e): e is Extract<AppEvent, { kind: 'task.progress' }> => e.kind === 'task.progress' && e.task.taskId === taskId);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.task).toMatchObject({ done: 25, total: 25, label: 'Exporting animatic ü 1.mp4' });
    expect(probe(target).streams[0]).toMatchObject({ width: 1280, height: 720, r_frame_rate: '25/1' });
    expect(fs.readdirSync(folder)).toEqual(['animatic ü 1.mp4']);
  });

  it('a cancelled export leaves no file, no partial file and no temporary folder', async () => {
    // Long enough at 2160p that ffmpeg is still encoding when it reports its first frames.
    const file = path.join(dir, 'long.boardwright');
    (await makeAnimaticProject(file, [{ rgb: COLOURS[0], durationMs: 10_000 }, { rgb: COLOURS[1], durationMs: 10_000 }])).close();
    session.open(file);
    const p = session.requireProject();
    const target = path.join(dir, 'cancelled é.mp4');
    await withOwnTmp(async (tmp) => {
      const controller = new AbortController();
      let sawProgress = false;
      const run = exportVideo(p, 'mp4', target, resolveOptions(p, { height: 2160 }), {
        signal: controller.signal,
        progress: (done) => {
          if (done === 0) return;
          sawProgress = true;
          controller.abort();
        },
      });
      const error = await run.catch((e) => e);
      expect(sawProgress).toBe(true);
      expect(isCoreError(error) && error.code).toBe('CANCELLED');
      expect(fs.readdirSync(tmp)).toEqual([]);
    });
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('cancelled'))).toEqual([]);
  });

  it('cancelling through tasks.cancel kills ffmpeg and cleans up the same way', async () => {
    // A camera move on the first panel: every frame is rendered and streamed to ffmpeg (the other path).
    const first = session.requireProject().board().scenes[0].panels[0].id;
    await dispatch('panels.setFraming', { panelId: first, framing: { start: { x: 0, y: 0, w: 1, h: 1 }, end: { x: 0.1, y: 0.1, w: 0.8, h: 0.8 } } });
    const target = path.join(dir, 'cancel via api.mp4');
    const started = await dispatch('export.mp4', { path: target, options: { height: 2160 } });
    const { taskId } = (started as { value: ExportStarted }).value;
    const failed = new Promise<AppEvent>((resolve) => session.events.subscribe((e) => e.kind === 'task.failed' && e.task.taskId === taskId && resolve(e)));
    const running = await new Promise<TaskInfo>((resolve) =>
      session.events.subscribe((e) => e.kind === 'task.progress' && e.task.taskId === taskId && e.task.done > 0 && resolve(e.task)),
    );
    expect(running.etaMs).toBeGreaterThan(0); // time left, shown beside the progress bar
    expect(await dispatch('tasks.cancel', { taskId })).toEqual({ ok: true, value: true });
    expect(await failed).toMatchObject({ task: { state: 'cancelled' }, error: { code: 'CANCELLED' } });
    expect(fs.readdirSync(dir).filter((f) => f.includes('cancel via api'))).toEqual([]);
  });

  it('an image sequence: one PNG per frame in a new folder; an existing non-empty folder is refused', async () => {
    session.open(path.join(dir, 'two.boardwright'));
    const p = session.requireProject();
    const folder = path.join(dir, 'frames é');
    const r = await exportVideo(p, 'png', folder, resolveOptions(p, { height: 720, fps: 24 }), { signal: new AbortController().signal, progress: () => {} });
    const files = fs.readdirSync(folder).sort();
    expect(files).toHaveLength(24);
    expect(files[0]).toBe('frame-000001.png');
    expect(r.frames).toBe(24);
    const first = await sharp(path.join(folder, files[0])).stats();
    const last = await sharp(path.join(folder, files[23])).stats();
    expect(colourDistance(first.channels.map((c) => c.mean) as never, COLOURS[0])).toBeLessThan(10);
    expect(colourDistance(last.channels.map((c) => c.mean) as never, COLOURS[1])).toBeLessThan(10);
    await expect(exportVideo(p, 'png', folder, resolveOptions(p, {}), { signal: new AbortController().signal, progress: () => {} })).rejects.toMatchObject({
      code: 'FILE_EXISTS',
    });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.frames'))).toEqual([]);
  });
});
