/** Issue 14, Motion: a panel becomes a generated clip, is picked with a why, and plays in the animatic frame by frame. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { center, saveScreenshot, until, waitForBoard } from './browser';
import { seedBoard, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';
import { pictureDistance, playerPicture, showFrame, waitDrawn } from './motion-helpers';

const fx = useWebApp();

/** Frames of panel 2 (1 s after panel 1 at 24 fps), and of its 2 s clip (48 frames) inside its 3 s (72 frames). */
const START = 24;
const CLIP_MID = START + 24;
const CLIP_LAST = START + 47;
const PANEL_LAST = START + 71;

async function pictureAt(page: Page, f: number): Promise<number[]> {
  await showFrame(page, f);
  return playerPicture(page);
}

describe('motion clips', () => {
  it('a built-in clip is generated, previewed on hover, picked with a why, and played frame-exact with loop, in point and undo', { timeout: 240_000 }, async () => {
    const [ids] = await seedBoard(fx.server, [{ heading: 'EXT. HARBOUR - DUSK', panels: 3 }]);
    await fx.server.call('panels.update', { ids: [ids[0], ids[2]], patch: { durationMs: 1000 } });
    await fx.server.call('panels.update', { ids: [ids[1]], patch: { durationMs: 3000, action: 'The ferry slides into the fog' } });
    const app = await fx.open();
    const { page } = app;
    const snap = await waitReady(page);
    const card = center(snap.cards[ids[1]]);
    await page.mouse.click(card.x, card.y);
    await waitForBoard(page, (s) => s.selectedPanelId === ids[1]);

    // Generate → Motion → Built-in, 2 s → Generate clip.
    await page.getByTestId('side-tab-generate').click();
    await page.getByTestId('gen-mode-motion').click();
    await page.getByTestId('motion-panel').waitFor();
    await until(() => page.getByTestId('motion-provider').inputValue(), (v) => v === 'builtin', 'the built-in provider chosen');
    await expect.poll(() => page.getByTestId('gen-prompt').inputValue()).toContain('The ferry slides into the fog');
    await page.getByTestId('motion-seconds-2').click();
    await saveScreenshot(page, 'motion-panel.png');
    await page.getByTestId('motion-generate').click();
    await until(() => page.getByTestId('motion-job').first().getAttribute('data-state'), (s) => s === 'succeeded', 'the clip job done', 60_000);
    const clipThumb = page.locator('[data-testid="gen-variation"][data-clip="true"]');
    await clipThumb.waitFor({ timeout: 15_000 });
    expect(await clipThumb.getByTestId('clip-badge').textContent()).toBe('clip · 2.0 s');

    // Hovering plays the clip in the thumbnail (muted, looped); leaving stops it.
    const video = clipThumb.getByTestId('clip-video');
    expect(await video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    await clipThumb.locator('.gen-thumb').hover();
    await until(() => video.evaluate((v: HTMLVideoElement) => [v.paused, v.muted, v.loop, v.currentTime] as const), ([paused, muted, loop, t]) => !paused && muted && loop && t > 0.2, 'the clip plays on hover');
    await saveScreenshot(page, 'motion-gallery-hover.png');
    await page.mouse.move(5, 5);
    await until(() => video.evaluate((v: HTMLVideoElement) => v.paused), (p) => p, 'the clip stops when the pointer leaves');
    // Keyboard focus plays it too.
    await clipThumb.locator('.gen-thumb').focus();
    await until(() => video.evaluate((v: HTMLVideoElement) => v.paused), (p) => !p, 'the clip plays on keyboard focus');
    await clipThumb.locator('.gen-thumb').blur();
    await until(() => video.evaluate((v: HTMLVideoElement) => v.paused), (p) => p, 'the clip stops when focus leaves');

    // Pick it, with a why: the decision log shows it.
    await clipThumb.getByTestId('gen-pick').click();
    await page.getByTestId('pick-dialog').waitFor();
    await page.getByTestId('pick-why').fill('The push-in lands on the fog bank');
    await saveScreenshot(page, 'motion-pick.png');
    await page.getByTestId('pick-dialog-submit').click();
    await page.getByTestId('pick-dialog').waitFor({ state: 'detached' });
    await until(() => clipThumb.getAttribute('data-current'), (v) => v === 'true', 'the clip is the panel’s');
    await page.getByTestId('side-tab-log').click();
    const entry = page.locator('[data-testid="log-entry"][data-kind="variation.picked"]');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('The push-in lands on the fog bank');

    // The timeline marks the panel's clip with a film strip (and only that one).
    const timelineClip = page.locator(`[data-testid="timeline-clip"][data-panel-id="${ids[1]}"]`);
    await timelineClip.getByTestId('timeline-clip-film').waitFor();
    expect(await page.getByTestId('timeline-clip-film').count()).toBe(1);

    // The player shows the clip's frames: the push-in moves, exactly the same frame each time; a still would not move.
    const first = await pictureAt(page, START);
    const mid = await pictureAt(page, CLIP_MID);
    await saveScreenshot(page, 'motion-player.png');
    const last = await pictureAt(page, CLIP_LAST);
    expect(pictureDistance(first, last), 'the push-in moves').toBeGreaterThan(3);
    expect(pictureDistance(first, mid), 'half way in').toBeGreaterThan(1.5);
    expect(pictureDistance(await pictureAt(page, CLIP_MID), mid), 'the same frame again, from further on').toBeLessThan(0.5);
    const frame23 = await pictureAt(page, START + 23);
    // Stepping one frame (.) shows the next clip frame exactly.
    await page.keyboard.press('.');
    await waitDrawn(page, CLIP_MID);
    expect(pictureDistance(await playerPicture(page), mid), 'the stepped frame is clip frame 24').toBeLessThan(0.5);
    expect(await page.getByTestId('timeline-clipbar-clip').textContent()).toContain('clip 2.0 s · hold');
    // Past the clip's 48 frames, its last frame holds.
    expect(pictureDistance(await pictureAt(page, PANEL_LAST), last), 'held').toBeLessThan(0.5);

    // The inspector: loop, then an in point of 12 frames; each shows in the player, and undo takes them back.
    await page.getByTestId('side-tab-shot').click();
    const inspector = page.getByTestId('clip-inspector');
    expect(await inspector.getByTestId('clip-plays').textContent()).toBe('Plays clip (2.0 s)');
    await inspector.getByTestId('clip-after-loop').click();
    await until(() => inspector.getByTestId('clip-after-loop').getAttribute('aria-checked'), (v) => v === 'true', 'loop chosen');
    await until(() => timelineClip.getByTestId('timeline-clip-film').getAttribute('title'), (v) => !!v?.includes('looped'), 'the timeline knows the loop');
    const looped = await pictureAt(page, PANEL_LAST);
    expect(pictureDistance(looped, frame23), 'looped: frame 71 of the panel is clip frame 23').toBeLessThan(0.5);
    expect(pictureDistance(looped, last)).toBeGreaterThan(1);
    await inspector.getByTestId('clip-in-unit').selectOption('frames');
    await inspector.getByTestId('clip-in').fill('24');
    await inspector.getByTestId('clip-in').press('Enter');
    await until(() => inspector.getByTestId('clip-in').inputValue(), (v) => v === '24', 'in point 24 frames');
    await until(() => fx.server.call<{ scenes: { panels: { clip: { inMs: number } | null }[] }[] }>('board.get', {}), (b) => b.scenes[0].panels[1].clip?.inMs === 1000, 'the in point stored: 1 s');
    expect(pictureDistance(await pictureAt(page, START), mid), 'the panel starts 24 frames into the clip').toBeLessThan(0.5);
    await saveScreenshot(page, 'motion-inspector.png');

    await page.mouse.click(5, 5);
    await page.keyboard.press('Control+z');
    await until(() => inspector.getByTestId('clip-in').inputValue(), (v) => v === '0', 'undo: the in point back to 0');
    expect(pictureDistance(await pictureAt(page, START), first)).toBeLessThan(0.5);
    await page.keyboard.press('Control+z');
    await until(() => inspector.getByTestId('clip-after-hold').getAttribute('aria-checked'), (v) => v === 'true', 'undo: hold again');

    // Use still instead: the panel shows its poster all along; undo brings the clip back.
    await inspector.getByTestId('clip-use-still').click();
    await page.getByTestId('clip-inspector').waitFor({ state: 'detached' });
    await until(() => page.getByTestId('timeline-clip-film').count(), (n) => n === 0, 'the timeline drops the film strip');
    const stillStart = await pictureAt(page, START);
    const stillMid = await pictureAt(page, CLIP_MID);
    await saveScreenshot(page, 'motion-player-still.png');
    expect(pictureDistance(stillMid, stillStart), 'a still does not move').toBeLessThan(0.5);
    await page.mouse.click(5, 5);
    await page.keyboard.press('Control+z');
    await page.getByTestId('clip-inspector').waitFor();
    await timelineClip.getByTestId('timeline-clip-film').waitFor();

    // Playing, the player plays the clip along: once it has drawn the clip's second half, it shows the
    // push-in's late frames, not its first. Timed by the frame the player drew, and compared with the
    // clip's own first and last frames: on a loaded machine a picture taken "early" while playing could
    // already be late, and two such pictures looked alike.
    await showFrame(page, START - 4);
    await page.getByTestId('timeline-play').click();
    await until(() => page.getByTestId('timeline-player').getAttribute('data-frame'), (f) => Number(f) >= START + 30, 'playing into the clip\'s second half');
    const late = await playerPicture(page);
    await page.getByTestId('timeline-play').click();
    expect(pictureDistance(late, first), 'the clip moves while playing').toBeGreaterThan(1.5);
    expect(pictureDistance(late, last), 'it shows the late frames of the push-in').toBeLessThan(pictureDistance(late, first));
    expect(app.errors).toEqual([]);
  });

  it('makes one clip per selected panel, each job named by its shot', { timeout: 180_000 }, async () => {
    const [ids] = await seedBoard(fx.server, [{ heading: 'INT. ENGINE ROOM - NIGHT', panels: 3 }]);
    const app = await fx.open();
    const { page } = app;
    const snap = await waitReady(page);
    const a = center(snap.cards[ids[0]]);
    const b = center(snap.cards[ids[1]]);
    await page.mouse.click(a.x, a.y);
    await page.keyboard.down('Shift');
    await page.mouse.click(b.x, b.y);
    await page.keyboard.up('Shift');
    await waitForBoard(page, (s) => s.selectedPanelIds.length === 2);
    await page.getByTestId('side-tab-generate').click();
    await page.getByTestId('gen-mode-motion').click();
    const go = page.getByTestId('motion-generate');
    await until(() => go.textContent(), (t) => t === 'Generate 2 clips', 'one clip per panel offered');
    await page.getByTestId('motion-seconds-1').click();
    await go.click();
    await until(() => page.locator('[data-testid="motion-job"][data-state="succeeded"]').count(), (n) => n === 2, 'both clips done', 90_000);
    const lines = await page.getByTestId('motion-job').allTextContents();
    expect(lines.some((l) => l.includes('1A ·'))).toBe(true);
    expect(lines.some((l) => l.includes('1B ·'))).toBe(true);
    await saveScreenshot(page, 'motion-two-panels.png');
    for (const id of ids.slice(0, 2)) {
      const variations = await fx.server.call<{ clip: { durationMs: number } | null }[]>('variations.list', { panelId: id });
      expect(variations.filter((v) => v.clip)).toHaveLength(1);
    }
    expect(await fx.server.call<unknown[]>('variations.list', { panelId: ids[2] })).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
