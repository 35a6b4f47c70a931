import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot, until, waitForBoard } from './browser';
import { dropFiles, seedBoard } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();

const DRAFT_1 = `Title: The Lighthouse

INT. LIGHTHOUSE - NIGHT #1#

= Mara finds the lamp dark.

Rain lashes the windows. MARA (60s) climbs the stairs.

MARA
(out of breath)
Who turned it off?

TOMAS (O.S.)
I did.

CUT TO:

EXT. CLIFF - CONTINUOUS #2#

Tomas stands at the edge, holding the bulb.

INT. KEEPER'S ROOM - DAWN #3#

A cold cup of tea. A logbook, open.
`;

const DRAFT_2 = DRAFT_1.replace('Who turned it off?', 'Who put the light out?')
  .replace("INT. KEEPER'S ROOM - DAWN #3#\n\nA cold cup of tea. A logbook, open.\n", 'EXT. BEACH - DAY #2A#\n\nThe bulb washes up at her feet.\n');

const rows = (page: Page) => page.getByTestId('script-import-scene');

describe('script import: a screenplay becomes the board, and a rewrite updates it', () => {
  it('drop a Fountain file, preview, import, use the script pane, re-import a revision that keeps a sketched panel', async () => {
    await seedBoard(fx.server, [], { title: 'Untitled' });
    const app = await fx.open();
    const { page } = app;
    await page.getByTestId('empty-board').waitFor();

    // Dropped on the board: the preview lists the scenes before anything is written.
    await dropFiles(page, { x: 300, y: 600 }, [{ name: 'lighthouse.fountain', type: 'text/plain', bytes: Buffer.from(DRAFT_1) }]);
    await page.getByTestId('script-import').waitFor();
    expect(await page.getByTestId('script-import-file').textContent()).toBe('lighthouse.fountain');
    expect(await rows(page).count()).toBe(3);
    expect(await rows(page).first().textContent()).toContain('INT. LIGHTHOUSE - NIGHT');
    expect(await rows(page).first().textContent()).toContain('Mara finds the lamp dark.');
    expect(await page.getByTestId('script-import-totals').textContent()).toMatch(/^3 scenes · 5 panels/);
    await page.getByTestId('script-mode-scene').click();
    await until(() => page.getByTestId('script-import-totals').textContent(), (t) => /^3 scenes · 3 panels/.test(t ?? ''), 'one panel per scene');
    await page.getByTestId('script-mode-beats').click();
    await until(() => page.getByTestId('script-import-totals').textContent(), (t) => /^3 scenes · 5 panels/.test(t ?? ''), 'a panel per beat');
    expect((await fx.server.call<{ scenes: unknown[] }>('board.get', {})).scenes).toEqual([]);
    await saveScreenshot(page, 'script-import-preview.png');

    await page.getByTestId('script-import-submit').click();
    let snap = await waitForBoard(page, (s) => s.board.scenes.length === 3 && s.board.scenes.flatMap((x) => x.panels).length === 5);
    expect(snap.board.project.title).toBe('The Lighthouse');
    expect(snap.board.scenes.map((s) => s.scriptNumber)).toEqual(['1', '2', '3']);
    expect(snap.history.undoLabel).toBe('Import script lighthouse.fountain');

    // The script pane: clicking a line selects its panel, selecting a panel lights its lines.
    await page.getByTestId('script-pane').waitFor();
    const line = page.getByTestId('script-line').filter({ hasText: 'Who turned it off?' });
    await line.click();
    const maraLine = snap.board.scenes[0].panels[1];
    snap = await waitForBoard(page, (s) => s.selectedPanelId === maraLine.id);
    expect(await line.getAttribute('class')).toContain('is-lit');
    expect(await page.locator('.script-line.is-lit').allTextContents()).toEqual(['MARA', '(out of breath)', 'Who turned it off?']);
    await saveScreenshot(page, 'script-pane.png');

    // A sketch on that panel, then the rewrite comes in.
    const sketched = await fx.server.call<{ thumbSha256: string }>('sketch.addStroke', {
      panelId: maraLine.id,
      stroke: { tool: 'pen', color: '#202020', size: 0.01, opacity: 1, points: [[0.1, 0.1, 0.5], [0.5, 0.6, 0.5], [0.9, 0.2, 0.5]] },
    });
    expect(sketched.thumbSha256).toMatch(/^[0-9a-f]{64}$/);
    // Drawn by another client: this page reads the project again, and opens its script pane.
    await page.reload();
    await waitForBoard(page, (s) => s.board.scenes[0].panels[1].thumbSha256 === sketched.thumbSha256);
    await page.getByTestId('side-tab-script').click();

    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('script-pane-reimport').click();
    await (await chooser).setFiles({ name: 'lighthouse v2.fountain', mimeType: 'text/plain', buffer: Buffer.from(DRAFT_2) });
    await page.getByTestId('script-import').waitFor();
    const changes = await page.getByTestId('script-import-changes').textContent();
    expect(changes).toContain("Scene 3 INT. KEEPER'S ROOM - DAWN: cut from the script; marked omitted, its 1 panel kept");
    expect(changes).toContain('1B: text changed');
    expect(await page.getByTestId('script-import-omitted').count()).toBe(1);
    await saveScreenshot(page, 'script-reimport-preview.png');
    await page.getByTestId('script-import-submit').click();

    snap = await waitForBoard(page, (s) => s.board.scenes.length === 4 && s.board.scenes[3].omitted);
    const mara = snap.board.scenes[0].panels.find((p) => p.id === maraLine.id)!;
    expect(mara.dialogue).toBe('MARA\n(out of breath)\nWho put the light out?');
    expect(mara.thumbSha256).toBe(sketched.thumbSha256);
    expect(snap.board.scenes.map((s) => [s.scriptNumber, s.omitted])).toEqual([['1', false], ['2', false], ['2A', false], ['3', true]]);
    await saveScreenshot(page, 'script-reimported-board.png');

    // One undo takes the whole re-import back.
    await page.keyboard.press('Control+z');
    snap = await waitForBoard(page, (s) => s.board.scenes.length === 3 && !s.board.scenes.some((x) => x.omitted));
    expect(snap.board.scenes[0].panels[1].dialogue).toBe('MARA\n(out of breath)\nWho turned it off?');
    expect(app.errors).toEqual([]);
  });

  it('a dropped .txt that is not a screenplay is still refused as a picture, and nothing changes', async () => {
    await seedBoard(fx.server, [{ heading: 'INT. CABIN — NIGHT', panels: 1 }]);
    const app = await fx.open();
    const { page } = app;
    const snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 1);
    await dropFiles(page, { x: snap.viewport!.x + snap.viewport!.width - 40, y: snap.viewport!.y + snap.viewport!.height - 40 }, [
      { name: 'call-sheet.txt', type: 'text/plain', bytes: Buffer.from('Call time 06:00. Bring coffee.') },
    ]);
    await page.getByTestId('error-banner').waitFor();
    expect(await page.getByTestId('script-import').count()).toBe(0);
  });
});
