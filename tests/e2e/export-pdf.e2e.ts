import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, waitForBoard, until as pollUntil } from './browser';
import { useWebApp } from './fixture';
import { sketchPng } from './images';
import type { RunningWebServer } from './web-server';

const fx = useWebApp();

/** A small board through the API: two scenes, pictures, camera data and some text. */
async function seed(server: RunningWebServer): Promise<void> {
  await server.call('project.new', { title: 'Harbour Lights', aspectRatio: '2.39' });
  const scenes = [
    { heading: 'EXT. HARBOUR - NIGHT', panels: [
      { action: 'Fog rolls over the water.', shotSize: 'EWS', cameraMove: 'pan', dialogue: '' },
      { action: 'Mara climbs the lighthouse stairs.', shotSize: 'WS', cameraMove: 'tilt', dialogue: 'MARA: Almost there.' },
      { action: 'The lamp room door creaks open.', shotSize: 'MS', cameraMove: 'dolly in', dialogue: '' },
      { action: 'Close on the lens: a crack.', shotSize: 'ECU', cameraMove: 'zoom in', dialogue: 'MARA: Не может быть.' },
    ] },
    { heading: 'INT. LAMP ROOM - NIGHT', panels: [
      { action: 'She reaches for the wrench.', shotSize: 'CU', cameraMove: 'handheld', dialogue: 'MARA: 今だ。' },
      { action: 'Light sweeps the bay.', shotSize: 'WS', cameraMove: 'dolly out', dialogue: '' },
    ] },
  ];
  let n = 0;
  for (const s of scenes) {
    const scene = await server.call<{ id: string }>('scenes.create', { patch: { heading: s.heading } });
    for (const patch of s.panels) {
      const panel = await server.call<{ id: string; shotNumber: string }>('panels.create', { sceneId: scene.id, patch });
      const png = await sketchPng(n++, panel.shotNumber, 960, 402);
      await server.call('panels.setImage', { panelId: panel.id, fileName: `${panel.shotNumber}.png`, uploadId: await server.upload('image', png) });
    }
  }
}

const until = <T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 60_000) => pollUntil(read, ok, what, timeout, 100);

describe('export dialog (web mode)', () => {
  it('opens from File, previews the first pages, and exports boards and a shot list to a path with spaces and accents', { timeout: 240_000 }, async () => {
    await seed(fx.server);
    const app = await fx.open();
    const { page } = app;
    await waitForBoard(page, (s) => s.board.scenes.length === 2);

    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-export-pdf').click();
    const dialog = page.getByTestId('pdf-export-dialog');
    await dialog.waitFor();

    // The live preview: the first two pages, drawn by the core from the same layout as the PDF.
    const meta = page.getByTestId('pdf-preview-meta');
    await until(() => meta.textContent(), (t) => t === '2 pages · 6 panels', 'preview of 3x2 with scene breaks');
    const pages = page.getByTestId('pdf-preview-page');
    await until(() => pages.count(), (n) => n === 2, 'two preview pages');
    const width = await pages.first().evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(width).toBe(1100);
    await saveScreenshot(page, 'export-dialog-3x2.png');

    // Options change the preview: 4x3, one run of pages, a cover.
    await page.getByTestId('pdf-layout').selectOption('4x3');
    await page.getByTestId('pdf-scene-breaks').uncheck();
    await until(() => meta.textContent(), (t) => t === '1 page · 6 panels', 'preview of 4x3 run on');
    await page.getByTestId('pdf-cover').check();
    await page.getByTestId('pdf-cover-credits').fill('Directed by Ana Ruiz');
    await page.getByTestId('pdf-version').fill('Draft 2');
    await until(() => meta.textContent(), (t) => t === '2 pages · 6 panels', 'preview with a cover');
    await saveScreenshot(page, 'export-dialog-cover.png');

    // Saved as a preset in the project.
    await page.getByTestId('pdf-preset-save').click();
    await page.getByTestId('pdf-preset-name').fill('Crew 4×3 + cover');
    await page.getByTestId('pdf-preset-confirm').click();
    const presets = await until(() => fx.server.call<{ name: string; options: { grid: { cols: number } } }[]>('export.presets.list', {}), (l) => l.length === 1, 'the preset is saved');
    expect(presets[0]).toMatchObject({ name: 'Crew 4×3 + cover', options: { grid: { cols: 4, rows: 3 }, versionLabel: 'Draft 2', sceneBreaks: false } });
    // The dialog shows the preset once its own save call has returned (the server may answer the list first).
    expect(await until(() => page.getByTestId('pdf-preset').inputValue(), (v) => v === 'Crew 4×3 + cover', 'the dialog shows the saved preset')).toBe('Crew 4×3 + cover');

    // A selection that matches nothing is explained in the preview, and cannot be exported.
    await page.getByTestId('pdf-shots').fill('9Z');
    await until(() => page.getByTestId('pdf-preview-error').textContent(), (t) => t === 'There is no shot 9Z in this project.', 'empty selection message');
    await page.getByTestId('pdf-shots').fill('1B-1D, 2A');
    await until(() => meta.textContent(), (t) => t === '2 pages · 4 panels', 'preview of the chosen shots');

    // Export in web mode: the path is typed in the dialog.
    const out = path.join(fx.server.home, 'Exports für Crew', 'Harbour Lights — boards v2.pdf');
    fs.mkdirSync(path.dirname(out));
    await page.getByTestId('pdf-export-path').fill(out);
    await page.getByTestId('pdf-export-submit').click();
    await page.getByTestId('pdf-export-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('pdf-export-done').textContent()).toContain('4 panels on 2 pages');
    expect(fs.existsSync(out)).toBe(true);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    for (const s of ['Directed by Ana Ruiz', '1B', '1D', '2A', 'Не может быть.', '今だ。', 'Draft 2']) expect(text).toContain(s);
    await saveScreenshot(page, 'export-dialog-done.png');

    // Shot list as CSV from the other tab.
    await page.getByTestId('pdf-tab-shotlist').click();
    await page.getByTestId('pdf-shotlist-csv').check();
    await page.getByTestId('pdf-shots').fill('');
    const csv = path.join(path.dirname(out), 'shot list ü.csv');
    await page.getByTestId('pdf-export-path').fill(csv);
    await page.getByTestId('pdf-export-submit').click();
    await until(async () => fs.existsSync(csv), Boolean, 'the CSV is written');
    const rows = fs.readFileSync(csv, 'utf8').split('\r\n');
    expect(rows[0].startsWith('\ufeffScene,Scene heading,Shot')).toBe(true);
    expect(rows.filter(Boolean)).toHaveLength(7);

    // Escape closes; Ctrl+E opens it again on the boards tab.
    await page.getByTestId('pdf-export-close').click();
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+e');
    await dialog.waitFor();
    expect(await page.getByTestId('pdf-tab-boards').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  });
});
