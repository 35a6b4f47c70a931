import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, until, waitForBoard } from './browser';
import { seedBoard } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();

interface OtioItem {
  OTIO_SCHEMA: string;
  name: string;
  source_range: { duration: { value: number; rate: number } } | null;
}
interface Otio {
  tracks: { children: { kind: string; children: OtioItem[] }[] };
}

async function fromFileMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId('menu-file').click();
  await page.getByTestId(`menu-item-${item}`).click();
}

/** Import Editorial Changes… with `bytes` chosen in the file chooser. */
async function importTimeline(page: Page, name: string, bytes: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await fromFileMenu(page, 'import-editorial');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: bytes });
}

const panel = (board: { scenes: { panels: { shotNumber: string; durationMs: number; omitted: boolean }[] }[] }, shot: string) =>
  board.scenes.flatMap((s) => s.panels).find((p) => p.shotNumber === shot)!;

describe('editorial hand-off: a timeline out to the editor, their cut back onto the board', () => {
  it('exports OTIO with its media folder from the File menu, previews an edited cut, applies it as one undoable edit', { timeout: 120_000 }, async () => {
    await seedBoard(fx.server, [{ heading: 'EXT. HARBOUR - NIGHT', panels: 3 }, { heading: 'INT. LAMP ROOM - NIGHT', panels: 2 }], { title: 'Harbour Lights' });
    const app = await fx.open();
    const { page } = app;
    const before = await waitForBoard(page, (s) => s.board.scenes.length === 2);
    expect(panel(before.board, '1A').durationMs).toBe(2000);

    // The export dialog proposes the projects folder, the title and the format's extension.
    await fromFileMenu(page, 'export-editorial');
    const dialog = page.getByTestId('editorial-export');
    await dialog.waitFor();
    const pathField = page.getByTestId('editorial-export-path');
    expect(await pathField.inputValue()).toBe(path.join(fx.server.projectsDir, 'Harbour Lights.xml'));
    await page.getByTestId('editorial-format-otio').click();
    const target = path.join(fx.server.projectsDir, 'Harbour Lights.otio');
    expect(await pathField.inputValue()).toBe(target);
    expect(await page.getByTestId('editorial-media-note').textContent()).toContain('Harbour Lights_media');
    expect(await page.getByTestId('editorial-fps').inputValue()).toBe('24');
    await saveScreenshot(page, 'editorial-export-dialog.png');

    // Enter in the path field exports.
    await pathField.press('Enter');
    await page.getByTestId('editorial-saved-path').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('pdf-export-done').textContent()).toContain('Saved 5 clips');
    expect(await page.getByTestId('editorial-saved-path').getAttribute('title')).toBe(target);
    await saveScreenshot(page, 'editorial-export-done.png');
    const media = path.join(fx.server.projectsDir, 'Harbour Lights_media');
    expect(fs.statSync(media).isDirectory()).toBe(true);
    expect(fs.readdirSync(media).filter((f) => f.endsWith('.png'))).toHaveLength(5);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The editor trims 1A to 30 frames, drops 1C, and adds a pickup shot the board does not have.
    const otio = JSON.parse(fs.readFileSync(target, 'utf8')) as Otio;
    const video = otio.tracks.children.find((t) => t.kind === 'Video')!;
    const clip = (name: string) => video.children.findIndex((c) => c.OTIO_SCHEMA.startsWith('Clip') && c.name === name);
    expect(clip('1A')).toBeGreaterThanOrEqual(0);
    expect(clip('1C')).toBeGreaterThanOrEqual(0);
    video.children[clip('1A')].source_range!.duration.value = 30;
    video.children.splice(clip('1C'), 1);
    const pickup = JSON.parse(JSON.stringify(video.children[clip('2B')])) as OtioItem & { metadata: object; media_references: { DEFAULT_MEDIA: { name: string; target_url: string } } };
    Object.assign(pickup, { name: 'Pickup 7', metadata: {} });
    Object.assign(pickup.media_references.DEFAULT_MEDIA, { name: 'pickup.png', target_url: 'file:///footage/pickup.png' });
    video.children.push(pickup);
    await importTimeline(page, 'Harbour Lights v2.otio', Buffer.from(JSON.stringify(otio, null, 2)));

    const preview = page.getByTestId('conform-preview');
    await preview.waitFor();
    expect(await page.getByTestId('conform-preview-file').textContent()).toBe('Harbour Lights v2.otio');
    expect(await page.getByTestId('conform-preview-totals').textContent()).toBe('OpenTimelineIO · 24 fps · 5 clips, 4 matched to panels');
    const changes = await page.getByTestId('conform-preview-changes').locator('li').allTextContents();
    expect(changes).toContain('Editor trimmed 1A from 2.00 s to 1.25 s');
    expect(changes).toContain('Editor dropped 1C: marked omitted (kept on the board)');
    expect(changes.find((c) => c.startsWith('Clip "Pickup 7"'))).toMatch(/matches no panel: ignored$/);
    expect(await page.getByTestId('conform-counts').locator('span').allTextContents()).toEqual(['1 duration changed', '1 panel dropped (marked omitted)', '1 clip matching no panel (ignored)']);
    await saveScreenshot(page, 'editorial-conform-preview.png');
    // Nothing is written before Apply.
    const unchanged = await fx.server.call<typeof before.board>('board.get', {});
    expect(panel(unchanged, '1A')).toMatchObject({ durationMs: 2000, omitted: false });
    expect(panel(unchanged, '1C').omitted).toBe(false);

    await page.getByTestId('conform-preview-submit').click();
    let snap = await waitForBoard(page, (s) => panel(s.board, '1A').durationMs === 1250 && panel(s.board, '1C').omitted);
    expect(panel(snap.board, '1B')).toMatchObject({ durationMs: 2000, omitted: false });
    await preview.waitFor({ state: 'detached' });
    expect(await page.getByTestId('info-banner').textContent()).toContain('Harbour Lights v2.otio: 1 duration changed, 1 panel dropped (marked omitted)');
    await saveScreenshot(page, 'editorial-conform-applied.png');

    // One undo takes the whole conform back.
    await page.keyboard.press('Control+z');
    snap = await waitForBoard(page, (s) => panel(s.board, '1A').durationMs === 2000 && !panel(s.board, '1C').omitted);
    expect(snap.board.scenes.flatMap((s) => s.panels).some((p) => p.omitted)).toBe(false);
    expect(app.errors).toEqual([]);
  });

  it('a malformed file and another project’s timeline are refused with the app’s error notice, and the board is unchanged', { timeout: 120_000 }, async () => {
    // A timeline of another project, written through the API.
    await seedBoard(fx.server, [{ heading: 'INT. OTHER FILM - DAY', panels: 2, images: false }], { title: 'Other Film' });
    const other = path.join(fx.server.projectsDir, 'Other Film.otio');
    await fx.server.call('export.editorial', { format: 'otio', path: other });
    await until(async () => fs.existsSync(other), (ok) => ok, 'the other project’s timeline is written', 30_000);

    await seedBoard(fx.server, [{ heading: 'EXT. HARBOUR - NIGHT', panels: 2, images: false }], { title: 'Harbour Lights' });
    const app = await fx.open();
    const { page } = app;
    const before = await waitForBoard(page, (s) => s.board.project.title === 'Harbour Lights' && s.board.scenes.length === 1);

    await importTimeline(page, 'broken.otio', Buffer.from('{ "OTIO_SCHEMA": "Timeline.1", "tracks": '));
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Could not read broken.otio');
    await saveScreenshot(page, 'editorial-import-error.png');
    await page.getByTestId('notice-dismiss').click();

    await importTimeline(page, 'Other Film.otio', fs.readFileSync(other));
    await until(() => banner.textContent().catch(() => ''), (t) => (t ?? '').includes('Could not read Other Film.otio'), 'the other project’s timeline is refused');
    expect(await banner.textContent()).toContain('it was exported from another project');
    expect(await page.getByTestId('conform-preview').count()).toBe(0);
    const after = await fx.server.call<typeof before.board>('board.get', {});
    expect(after.scenes).toEqual(before.board.scenes);
    expect(app.errors).toEqual([]);
  });
});
