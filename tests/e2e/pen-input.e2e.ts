import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { type PanelLayers, visibleStrokes } from '../../shared/domain/sketch';
import { center, waitForBoard } from './browser';
import { TALL, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();

async function frameOf(page: Page) {
  return (await waitForBoard(page, (s) => !!s.editor?.loaded && !!s.editor.frame)).editor!.frame!;
}

/** A pen event through Chromium's input pipeline (a move with buttons 0 is the pen hovering). */
const pen = (cdp: CDPSession, type: string, x: number, y: number, buttons: number, force = 0.5, tiltX = 0) =>
  cdp.send('Input.dispatchMouseEvent', {
    type, x, y, button: type === 'mouseMoved' && !buttons ? 'none' : 'left', buttons, clickCount: 1, pointerType: 'pen', force, tiltX, tiltY: 0,
  } as never);

/** A one-finger drag through Chromium's touch input. */
async function touchDrag(cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ ...from, id: 1 }] });
  for (let k = 1; k <= 12; k++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + ((to.x - from.x) * k) / 12, y: from.y + ((to.y - from.y) * k) / 12, id: 1 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

describe('pen tablets', () => {
  it('ignores a palm while the pen is near, lets a finger draw when it is not, and keeps pressure and tilt', async () => {
    await fx.server.call('project.new', { title: 'Pen', aspectRatio: '16:9' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', {});
    const panel = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id });
    const app = await fx.open(TALL);
    const { page } = app;
    const snap = await waitReady(page);
    await page.mouse.dblclick(center(snap.cards[panel.id]).x, center(snap.cards[panel.id]).y);
    await page.getByTestId('panel-editor').waitFor();
    const f = await frameOf(page);
    const at = (u: number, v: number) => ({ x: f.x + f.width * u, y: f.y + f.height * v });
    const strokes = async () => visibleStrokes(await fx.server.call<PanelLayers>('sketch.get', { panelId: panel.id }));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });

    // The pen hovers over the frame; the hand resting on the screen touches it: nothing is drawn.
    await pen(cdp, 'mouseMoved', at(0.5, 0.5).x, at(0.5, 0.5).y, 0);
    await touchDrag(cdp, at(0.2, 0.3), at(0.8, 0.3));
    await page.waitForTimeout(400);
    expect(await strokes()).toHaveLength(0);
    expect((await waitForBoard(page, (s) => !!s.editor)).editor!.pending).toBe(0);

    // With the pen away for more than a second, a finger draws.
    await page.waitForTimeout(1200);
    await touchDrag(cdp, at(0.2, 0.4), at(0.8, 0.4));
    await waitForBoard(page, (s) => s.editor?.strokes === 1 && s.editor.pending === 0);

    // (Touch emulation would turn the pen's mouse-type events into touches.)
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    // The pencil held upright at half pressure, then tilted 60°: the tilted one is stored broader.
    await page.getByTestId('tool-pencil').click();
    for (const [v, tilt] of [[0.6, 0], [0.75, 60]] as const) {
      await pen(cdp, 'mousePressed', at(0.2, v).x, at(0.2, v).y, 1, 0.5, tilt);
      for (let k = 1; k <= 10; k++) await pen(cdp, 'mouseMoved', at(0.2 + 0.06 * k, v).x, at(0.2 + 0.06 * k, v).y, 1, 0.5, tilt);
      await pen(cdp, 'mouseReleased', at(0.8, v).x, at(0.8, v).y, 0, 0.5, tilt);
    }
    await waitForBoard(page, (s) => s.editor?.strokes === 3 && s.editor.pending === 0);
    const [finger, upright, tilted] = await strokes();
    expect(finger.points.every(([, , p]) => p > 0)).toBe(true);
    expect(upright.points.every(([, , p]) => Math.abs(p - 0.5) < 0.01)).toBe(true);
    expect(tilted.points.every(([, , p]) => Math.abs(p - 0.75) < 0.01)).toBe(true);
    await cdp.detach();
    expect(app.errors).toEqual([]);
  });
});
