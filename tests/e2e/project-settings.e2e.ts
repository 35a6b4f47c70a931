/** Project Settings (issue 13, item 8): title, aspect ratio, frame rate and default duration after creation; how pictures fit. */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { colorDistance, sampleColor, SCREENSHOT_DIR, until, waitForBoard } from './browser';
import { useWebApp } from './fixture';

const fx = useWebApp();
const ORANGE: [number, number, number] = [240, 130, 30];
const GREEN: [number, number, number] = [40, 180, 60];
type Box = { x: number; y: number; width: number; height: number };

/** A 16:9 picture: orange, with green bands along its top and bottom (11 % each: a 2.39 centre crop cuts 12.8 %). */
function bandedPicture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360">
    <rect width="640" height="360" fill="rgb(${GREEN})"/><rect y="40" width="640" height="280" fill="rgb(${ORANGE})"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The colour just inside the top edge of a picture box, in the middle (5 % down). */
const topOf = (page: Page, box: Box) => sampleColor(page, { x: box.x + box.width / 2, y: box.y + box.height * 0.05 }, 4);
/** Where the player draws the picture: the project's aspect, letterboxed in its canvas. */
function playerPicture(canvas: Box, aspect: number): Box {
  const width = Math.min(canvas.width, canvas.height * aspect);
  const height = width / aspect;
  return { x: canvas.x + (canvas.width - width) / 2, y: canvas.y + (canvas.height - height) / 2, width, height };
}
const near = (target: readonly number[]) => (c: readonly number[]) => colorDistance(c, target) < 40;

async function shoot(page: Page, name: string, clip: Box): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  await page.screenshot({ path: file, clip });
  return file;
}

describe('Project Settings', () => {
  it('changes title, aspect (crop centre), frame rate and default duration as one edit; cards and timeline show the new frame; Undo restores', async () => {
    await fx.server.call('project.new', { title: 'Lighthouse', aspectRatio: '16:9' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', { patch: { heading: 'EXT. LIGHTHOUSE - DUSK' } });
    const panel = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id });
    await fx.server.call('panels.setImage', { panelId: panel.id, fileName: 'banded.png', uploadId: await fx.server.upload('image', await bandedPicture()) });
    const app = await fx.open();
    const { page } = app;
    let snap = await waitForBoard(page, (s) => s.thumbnails[panel.id] === 'loaded');
    const player = (await page.getByTestId('timeline-player').boundingBox())!;

    // Before: a 16:9 frame, the whole picture (green band at its top) on the card and in the player.
    expect(snap.frames[panel.id].width / snap.frames[panel.id].height).toBeCloseTo(16 / 9, 1);
    await until(() => topOf(page, snap.frames[panel.id]), near(GREEN), 'card top before');
    await until(() => topOf(page, playerPicture(player, 16 / 9)), near(GREEN), 'player top before');
    await shoot(page, 'project-settings-card-before.png', snap.cards[panel.id]);

    // Ctrl+, opens the settings; Escape cancels and changes nothing.
    await page.mouse.click(5, 200);
    await page.keyboard.press('Control+,');
    await page.getByTestId('project-settings').waitFor();
    await page.getByTestId('project-settings-title').fill('Changed my mind');
    await page.keyboard.press('Escape');
    await page.getByTestId('project-settings').waitFor({ state: 'detached' });
    snap = await waitForBoard(page, () => true);
    expect(snap.board.project.title).toBe('Lighthouse');
    expect(snap.history.canUndo).toBe(true);
    expect(snap.history.undoLabel).not.toBe('Edit project settings');

    // File > Project Settings…: the form holds the project's values.
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-project-settings').click();
    const dialog = page.getByTestId('project-settings');
    await dialog.waitFor();
    expect(await page.getByTestId('project-settings-title').inputValue()).toBe('Lighthouse');
    expect(await page.getByTestId('project-settings-aspect').inputValue()).toBe('16:9');
    expect(await page.getByTestId('project-settings-fps').inputValue()).toBe('24');
    expect(await page.getByTestId('project-settings-duration').inputValue()).toBe('2');
    expect(await page.getByTestId('project-settings-fit').count()).toBe(0);

    await page.getByTestId('project-settings-title').fill('Lighthouse (Scope)');
    await page.getByTestId('project-settings-aspect').selectOption('2.39');
    await page.getByTestId('project-settings-fps').selectOption('25');
    await page.getByTestId('project-settings-duration').fill('3');
    // A new aspect with pictures on the board: the dialog asks how they fit before it saves.
    await page.getByTestId('project-settings-fit').waitFor();
    const question = await page.getByTestId('project-settings-fit').textContent();
    for (const words of ['How does the picture fit the new frame?', 'Letterbox (keep whole picture)', 'Crop centre', 'Keep as is']) expect(question).toContain(words);
    expect(await page.getByTestId('project-settings-submit').isDisabled()).toBe(true);
    await page.getByTestId('fit-crop').check();
    await shoot(page, 'project-settings-dialog.png', (await dialog.boundingBox())!);
    await page.getByTestId('project-settings-submit').click();
    await dialog.waitFor({ state: 'detached' });

    snap = await waitForBoard(page, (s) => s.board.project.aspectRatio === '2.39' && s.thumbnails[panel.id] === 'loaded');
    expect(snap.board.project).toMatchObject({ title: 'Lighthouse (Scope)', aspectRatio: '2.39', fps: 25, defaultDurationMs: 3000 });
    expect(snap.history.undoLabel).toBe('Edit project settings');
    const crop = snap.board.scenes[0].panels[0].framing!;
    expect(crop.start).toEqual(crop.end);
    expect(crop.start.h).toBeCloseTo(16 / 9 / 2.39, 6);
    expect(await page.getByTestId('project-title').textContent()).toBe('Lighthouse (Scope)');
    expect(await page.locator('.topbar .chip').allTextContents()).toEqual(expect.arrayContaining(['2.39:1 · Scope', '25 fps']));

    // The card: a 2.39 frame filled by the centre of the picture (no green band, no bars at the sides).
    const frame = snap.frames[panel.id];
    expect(frame.width / frame.height).toBeCloseTo(2.39, 1);
    await until(() => topOf(page, frame), near(ORANGE), 'card top after the crop');
    expect(colorDistance(await sampleColor(page, { x: frame.x + 4, y: frame.y + frame.height / 2 }, 4), ORANGE)).toBeLessThan(40);
    await shoot(page, 'project-settings-card-crop.png', snap.cards[panel.id]);
    // The timeline's player: a 2.39 picture, cropped the same way.
    await until(() => topOf(page, playerPicture(player, 2.39)), near(ORANGE), 'player top after the crop');
    const above = playerPicture(player, 2.39).y - 3;
    if (above > player.y + 2) expect(colorDistance(await sampleColor(page, { x: player.x + player.width / 2, y: above }, 2), [0, 0, 0])).toBeLessThan(20);
    await shoot(page, 'project-settings-player-crop.png', player);

    // One Undo restores every setting and the framing.
    await page.getByTestId('undo-button').click();
    snap = await waitForBoard(page, (s) => s.board.project.aspectRatio === '16:9');
    expect(snap.board.project).toMatchObject({ title: 'Lighthouse', aspectRatio: '16:9', fps: 24, defaultDurationMs: 2000 });
    expect(snap.board.scenes[0].panels[0].framing).toBeNull();
    await until(() => topOf(page, snap.frames[panel.id]), near(GREEN), 'card top after undo');
    await until(() => topOf(page, playerPicture(player, 16 / 9)), near(GREEN), 'player top after undo');
    expect(app.errors).toEqual([]);
  });

  it('a new project gets the frame rate picked in the New Project form', async () => {
    const app = await fx.open();
    const { page } = app;
    await page.getByTestId('start-screen').waitFor();
    expect(await page.getByTestId('new-fps').inputValue()).toBe('24');
    await page.getByTestId('new-title').fill('Fifty');
    await page.getByTestId('new-fps').selectOption('50');
    await page.getByTestId('new-create').click();
    const snap = await waitForBoard(page, (s) => s.board.project.title === 'Fifty');
    expect(snap.board.project.fps).toBe(50);
    expect((await fx.server.call<{ fps: number }>('project.current', {})).fps).toBe(50);

    // File > New… has the field too.
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-new').click();
    await page.getByTestId('new-dialog').waitFor();
    await page.getByTestId('new-title').fill('PAL');
    await page.getByTestId('new-fps').selectOption('25');
    await page.getByTestId('new-dialog-submit').click();
    await waitForBoard(page, (s) => s.board.project.title === 'PAL');
    expect((await fx.server.call<{ fps: number }>('project.current', {})).fps).toBe(25);
    expect(app.errors).toEqual([]);
  });
});
