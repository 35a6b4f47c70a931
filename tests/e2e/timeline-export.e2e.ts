import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../shared/domain/animatic';
import { saveScreenshot, until as pollUntil } from './browser';
import { seedBoard, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();

const until = <T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 60_000) => pollUntil(read, ok, what, timeout, 100);

describe('the timeline: camera move, transition and MP4 export', () => {
  it('edits a camera move and a transition, then exports from File > Export Animatic with progress', { timeout: 240_000 }, async () => {
    const [ids] = await seedBoard(fx.server, [{ heading: 'EXT. PIER - DAWN', panels: 3 }]);
    const app = await fx.open();
    const { page } = app;
    await waitReady(page);
    await page.getByTestId('timeline-clip').first().waitFor();

    // Camera move on panel 1A: open the editor, drag the end frame, save.
    await page.getByTestId('timeline-edit-move').click();
    const editor = page.getByTestId('camera-move-editor');
    await editor.waitFor();
    const end = (await page.getByTestId('camera-end').boundingBox())!;
    await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
    await page.mouse.down();
    await page.mouse.move(end.x + end.width / 2 + 30, end.y + end.height / 2 + 10, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(400); // let the looping preview draw a few frames for the screenshot
    await saveScreenshot(page, 'timeline-camera-move.png');
    await page.getByTestId('camera-save').click();
    let t = await until(() => fx.server.call<Timeline>('timeline.get', {}), (tl) => !!tl.segments[0].framing, 'the move is saved');
    const { start, end: endRect } = t.segments[0].framing!;
    expect(endRect.x).toBeGreaterThan(start.x);
    expect(endRect.w).toBeLessThan(start.w);

    // A cross-dissolve into 1B from the clip bar, after moving the playhead there.
    await page.getByTestId('timeline-clip').nth(1).click({ position: { x: 30, y: 30 } });
    await until(() => page.getByTestId('timeline-clipbar').textContent(), (s) => !!s?.startsWith('1B'), 'clip bar on 1B');
    await page.getByTestId('timeline-transition').selectOption('dissolve');
    t = await until(() => fx.server.call<Timeline>('timeline.get', {}), (tl) => tl.segments[1].transitionIn === 'dissolve', 'the dissolve is set');
    expect(t.segments[1].inBefore + t.segments[1].inAfter).toBe(12);
    await page.getByTestId('timeline-transition-ms').fill('1000');
    await page.getByTestId('timeline-transition-ms').press('Enter');
    t = await until(() => fx.server.call<Timeline>('timeline.get', {}), (tl) => tl.segments[1].inBefore + tl.segments[1].inAfter === 24, 'a 1 s dissolve');
    await saveScreenshot(page, 'timeline-dissolve.png');

    // File > Export Animatic (MP4)…, 720p with burn-ins, to a path with spaces and accents.
    await page.getByRole('button', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'Export Animatic (MP4)…' }).click();
    const dialog = page.getByTestId('export-animatic');
    await dialog.waitFor();
    await page.getByTestId('export-height').selectOption('720');
    await dialog.getByLabel('Timecode').check();
    await dialog.getByLabel('Sound captions').check();
    const out = path.join(fx.server.projectsDir, 'Pier animatic é.mp4');
    await page.getByTestId('export-path').fill(out);
    await saveScreenshot(page, 'timeline-export-dialog.png');
    await page.getByTestId('export-start').click();
    await page.getByTestId('export-done').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('export-done').textContent()).toContain(out);
    expect(fs.existsSync(out)).toBe(true);
    await page.getByTestId('export-close').click();
    expect(app.errors).toEqual([]);
  });
});
