import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Board } from '../../shared/domain/board';
import type { Timeline } from '../../shared/domain/animatic';
import { saveScreenshot, waitForBoard, until } from './browser';
import { seedBoard, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';
import { toneWav } from '../unit/animatic-helpers';

const fx = useWebApp();

async function playheadFrame(page: Page): Promise<number> {
  return Number(await page.getByTestId('timeline-playhead').getAttribute('data-frame'));
}

describe('the timeline', () => {
  it('plays and pauses (button and Space), the board follows the playhead, and a dragged clip edge retimes to whole frames', { timeout: 180_000 }, async () => {
    const [ids] = await seedBoard(fx.server, [{ heading: 'INT. LIGHTHOUSE - NIGHT', panels: 4 }]);
    await fx.server.call('panels.update', { ids: [ids[0]], patch: { durationMs: 1000, dialogue: 'Is anyone there?' } });
    await fx.server.call('panels.setTransition', { ids: [ids[1]], transition: 'dissolve', durationMs: 500 });
    await fx.server.call('panels.setFraming', { panelId: ids[2], framing: { start: { x: 0, y: 0, w: 1, h: 1 }, end: { x: 0.3, y: 0.2, w: 0.5, h: 0.5 } } });
    await fx.server.call('audio.import', { fileName: 'storm.wav', uploadId: await fx.server.upload('audio', toneWav(6000, 1000, 3000)), kind: 'track', track: 'music', startMs: 500 });
    const app = await fx.open();
    const { page } = app;
    await waitReady(page);
    await page.getByTestId('timeline').waitFor();
    await until(() => page.getByTestId('timeline-clip').count(), (n) => n === 4, 'four clips');
    await page.getByTestId('timeline-audio-clip').waitFor();
    await saveScreenshot(page, 'timeline.png');

    // Play, then pause: the playhead moves, then stays.
    expect(await playheadFrame(page)).toBe(0);
    await page.getByTestId('timeline-play').click();
    await until(() => playheadFrame(page), (f) => f > 30, 'the playhead moves into panel 2');
    await page.getByTestId('timeline-play').click();
    const stopped = await playheadFrame(page);
    await page.waitForTimeout(300);
    expect(await playheadFrame(page)).toBe(stopped);
    // The board follows: the panel under the playhead is selected.
    const t = await fx.server.call<Timeline>('timeline.get', {});
    const under = t.segments.find((s) => stopped >= s.startFrame && stopped < s.startFrame + s.frames)!;
    await waitForBoard(page, (s) => s.selectedPanelId === under.panelId);
    expect(await page.getByTestId('timeline-clipbar').textContent()).toContain(under.shotNumber);

    // Space toggles playback (on release, when the mouse was not used meanwhile).
    await page.mouse.click(5, 5);
    await page.keyboard.press('Space');
    await until(() => page.getByTestId('timeline-play').getAttribute('aria-pressed'), (v) => v === 'true', 'playing after Space');
    await until(() => playheadFrame(page), (f) => f > stopped, 'moving after Space');
    await page.keyboard.press('Space');
    await until(() => page.getByTestId('timeline-play').getAttribute('aria-pressed'), (v) => v === 'false', 'paused after Space');

    // Drag the first clip's right edge: 24 frames at 24 fps become 24 + 12 (48 px a second by default).
    const edge = page.getByTestId('timeline-clip-edge').first();
    const box = (await edge.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 10, y, { steps: 3 });
    await page.mouse.move(box.x + box.width / 2 + 24, y, { steps: 6 });
    await page.mouse.up();
    const board = await until(() => fx.server.call<Board>('board.get'), (b) => b.scenes[0].panels[0].durationMs !== 1000, 'the panel is retimed');
    expect(board.scenes[0].panels[0].durationMs).toBe(1500);
    await until(() => page.getByTestId('timeline-clip').first().getAttribute('data-frames'), (v) => v === '36', 'the clip shows 36 frames');
    const after = await fx.server.call<Timeline>('timeline.get', {});
    expect(after.segments[1].startFrame).toBe(36);
    expect((await fx.server.call<{ undoLabel: string }>('history.state')).undoLabel).toBe('Edit panel 1A');
    await saveScreenshot(page, 'timeline-retimed.png');
    expect(app.errors).toEqual([]);
  });
});
