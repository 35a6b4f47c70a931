import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/api/events';
import type { ApiResult } from '../../shared/api/result';
import { DEFAULT_PDF_OPTIONS, type ExportPreset, type PdfPreview } from '../../shared/domain/export';
import { createDispatch, createHandlers, Session, type SavePathRequest, type Shell } from '../../electron/core/index';
import { buildProject, pdfPages } from './export-helpers';
import { tempDir } from './helpers';

const dir = tempDir('bw export api ');
const requests: SavePathRequest[] = [];
let answer: string | null = null;
const shellOf = (kind: 'electron' | 'web'): Shell => ({
  kind, projectsDir: null,
  chooseNewProjectPath: async () => null, chooseProjectToOpen: async () => null, chooseCopyPath: async () => null,
  chooseSavePath: async (r) => {
    requests.push(r);
    return kind === 'web' ? null : answer;
  },
});
const session = new Session(shellOf('electron'), path.join(dir, 'settings'));
const web = new Session(shellOf('web'), path.join(dir, 'settings-web'));
const dispatch = createDispatch(createHandlers(session), () => {});
const events: AppEvent[] = [];
session.events.subscribe((e) => events.push(e));
const options = { ...DEFAULT_PDF_OPTIONS, date: '2025-05-01' };
const file = path.join(dir, 'Short Film.boardwright');

async function value<T>(method: string, input: unknown = {}): Promise<T> {
  const r = (await dispatch(method, input)) as ApiResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
const outcome = (taskId: string) =>
  new Promise<AppEvent>((resolve) => {
    const seen = events.find((e) => (e.kind === 'task.finished' || e.kind === 'task.failed') && e.task.taskId === taskId);
    if (seen) return resolve(seen);
    const off = session.events.subscribe((e) => {
      if ((e.kind === 'task.finished' || e.kind === 'task.failed') && e.task.taskId === taskId) {
        off();
        resolve(e);
      }
    });
  });

beforeAll(async () => {
  const panels = Array.from({ length: 14 }, (_, i) => ({ action: `Action ${i + 1}.`, dialogue: i % 2 ? `Line ${i + 1}` : '' }));
  (await buildProject(file, 'Short Film', [{ heading: 'INT. HALL - DAY', panels }])).close();
  session.open(file);
}, 120_000);
afterAll(() => {
  session.close();
  web.close();
});

describe('export API', () => {
  it('runs the export as a task: progress events, then finished with the summary', async () => {
    const out = path.join(dir, 'out', 'Board — v1.pdf');
    fs.mkdirSync(path.dirname(out));
    const started = await value<{ taskId: string; path: string }>('export.pdf', { path: out, options });
    expect(started.path).toBe(out);
    const end = await outcome(started.taskId);
    expect(end).toMatchObject({ kind: 'task.finished', task: { label: 'Exporting PDF boards', state: 'finished' }, result: { path: out, pages: 3, panels: 14 } });
    const progress = events.filter((e): e is Extract<AppEvent, { kind: 'task.progress' }> => e.kind === 'task.progress' && e.task.taskId === started.taskId);
    expect(progress.at(-1)!.task).toMatchObject({ done: 14, total: 14 });
    expect(pdfPages(out)).toBe(3);
  });

  it('asks for a path with a save dialog in the app, and answers null in web mode without one', async () => {
    answer = path.join(dir, 'from dialog.pdf');
    const started = await value<{ taskId: string; path: string }>('export.pdf', { options });
    expect(requests.at(-1)).toEqual({ title: 'Export PDF Boards', defaultName: 'Short Film - boards.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(await outcome(started.taskId)).toMatchObject({ kind: 'task.finished' });
    expect(fs.existsSync(answer)).toBe(true);
    answer = null;
    expect(await value('export.shotListCsv', {})).toBeNull();
    expect(requests.at(-1)?.defaultName).toBe('Short Film - shot list.csv');

    // One writer per file, in one process too: the app's session lets go while the web one has it.
    session.close();
    web.open(file);
    const webDispatch = createDispatch(createHandlers(web), () => {});
    expect(await webDispatch('export.pdf', { options })).toEqual({ ok: true, value: null });
    web.close();
    session.open(file);
  });

  it('answers the call itself with a clear error for an empty selection, a bad path or a bad layout', async () => {
    const r = await dispatch('export.pdf', { path: path.join(dir, 'x.pdf'), options: { ...options, selection: { scenes: 'attic' } } });
    expect(r).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'No scene heading contains "attic".' } });
    expect(await dispatch('export.pdf', { path: path.join(dir, 'missing', 'x.pdf'), options })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect(await dispatch('export.shotListCsv', { path: path.join(dir, 'x.pdf') })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('.csv') } });
    expect(await dispatch('export.pdf', { path: path.join(dir, 'x.pdf'), options: { ...options, grid: { cols: 4, rows: 4 } } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('4x4') } });
    expect(await dispatch('export.pdf', { path: path.join(dir, 'x.pdf'), options: { ...options, paper: 'legal' } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });

  it('cancels through tasks.cancel: the task fails with CANCELLED and no file is left', async () => {
    const sub = path.join(dir, 'cancelled');
    fs.mkdirSync(sub);
    const started = await value<{ taskId: string }>('export.pdf', { path: path.join(sub, 'b.pdf'), options: { ...options, grid: { cols: 1, rows: 1 } } });
    expect(await value('tasks.cancel', { taskId: started.taskId })).toBe(true);
    expect(await outcome(started.taskId)).toMatchObject({ kind: 'task.failed', task: { state: 'cancelled' }, error: { code: 'CANCELLED' } });
    expect(fs.readdirSync(sub)).toEqual([]);
  });

  it('previews the first pages as PNGs drawn from the same layout', async () => {
    const preview = await value<PdfPreview>('export.pdfPreview', { options: { ...options, cover: { credits: 'Dir. A. Ruiz' } }, pages: 2 });
    expect(preview).toMatchObject({ pageCount: 4, panelCount: 14 });
    expect(preview.pages).toHaveLength(2);
    const png = Buffer.from(preview.pages[1].dataUrl.split(',')[1], 'base64');
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1100, height: 850 });
    const { channels } = await sharp(png).stats();
    expect(channels[0].stdev).toBeGreaterThan(20);
    fs.mkdirSync(path.join(__dirname, '../../artifacts/pdf'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, '../../artifacts/pdf/preview-page-2.png'), png);
  });

  it('saves, replaces and deletes presets in the project, outside the undo history', async () => {
    const history = await value('history.state');
    await value('export.presets.save', { name: 'Crew 3x2', options });
    const saved = await value<ExportPreset[]>('export.presets.save', { name: 'crew 3x2', options: { ...options, paper: 'a4' } });
    expect(saved).toEqual([{ name: 'crew 3x2', options: { ...options, paper: 'a4', date: undefined } }].map((p) => JSON.parse(JSON.stringify(p))));
    await value('export.presets.save', { name: 'Producer', options: { ...options, grid: { cols: 1, rows: 1 } } });
    expect((await value<ExportPreset[]>('export.presets.list')).map((p) => p.name)).toEqual(['crew 3x2', 'Producer']);
    expect(await value('history.state')).toEqual(history);
    expect((await value<ExportPreset[]>('export.presets.delete', { name: 'CREW 3x2' })).map((p) => p.name)).toEqual(['Producer']);
    expect(await dispatch('export.presets.delete', { name: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    session.close();
    session.open(file);
    expect((await value<ExportPreset[]>('export.presets.list')).map((p) => p.name)).toEqual(['Producer']);
  });
});
