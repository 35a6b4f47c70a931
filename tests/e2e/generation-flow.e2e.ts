import { describe, expect, it } from 'vitest';
import { useWebApp } from './fixture';
import { allPanels, center, saveScreenshot, waitForBoard } from './browser';

const fx = useWebApp();

describe('generating panel variations in web mode', () => {
  it('four built-in variations, pick one, the decision appears; after a reload all of it is still there', async () => {
    await fx.server.call('project.new', { title: 'The Lighthouse', aspectRatio: '2.39' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', { patch: { heading: 'INT. LIGHTHOUSE STAIRS - NIGHT' } });
    await fx.server.call('panels.create', { sceneId: scene.id, patch: { shotSize: 'WS', angle: 'low', lensMm: 24, action: 'Mara climbs toward the lamp room' } });
    const mara = await fx.server.call<{ id: string }>('characters.create', { name: 'MARA', description: 'keeper, sixties, oilskin coat' });
    const app = await fx.open();
    const { page } = app;

    let snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 1);
    const panel = allPanels(snap)[0];
    const card = center(snap.cards[panel.id]);
    await page.mouse.click(card.x, card.y);
    await waitForBoard(page, (s) => s.selectedPanelId === panel.id);

    // The Generate tab: the composed prompt, the built-in provider, four variations.
    await page.getByTestId('side-tab-generate').click();
    await page.getByTestId('generate-panel').waitFor();
    await page.getByTestId('gen-cast').getByText('MARA').click();
    await expect.poll(() => page.getByTestId('gen-prompt').inputValue()).toContain('In frame: MARA (keeper, sixties, oilskin coat)');
    expect(await page.getByTestId('gen-prompt').inputValue()).toMatch(/^Wide shot, low angle looking up, wide-angle 24mm lens/);
    expect(await page.getByTestId('gen-provider').inputValue()).toBe('builtin');
    await page.getByTestId('gen-prompt').fill(`${await page.getByTestId('gen-prompt').inputValue()} Rain on the windows.`);
    await page.getByTestId('gen-count-4').click();
    await page.getByTestId('gen-seed').fill('42');
    await page.getByTestId('gen-generate').click();
    await expect.poll(() => page.getByTestId('gen-variation').count(), { timeout: 30_000 }).toBe(4);
    await expect.poll(() => page.getByTestId('gen-job').first().getAttribute('data-status')).toBe('succeeded');
    const variations = await fx.server.call<{ id: string; seed: number; provider: string; imageSha256: string }[]>('variations.list', { panelId: panel.id });
    expect(variations.map((v) => v.seed).sort()).toEqual([42, 43, 44, 45]);
    expect(new Set(variations.map((v) => v.imageSha256)).size).toBe(4);
    // Issue 13 item 9: the built-in provider draws at the project's 2.39:1, not 1024x448 (2.29:1).
    const sizes = await page.evaluate(
      (shas) =>
        Promise.all(
          shas.map(
            (sha) =>
              new Promise<[number, number]>((resolve, reject) => {
                const img = new Image();
                img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
                img.onerror = () => reject(new Error(`no picture for ${sha}`));
                img.src = `/media/preview/1024/${sha}`;
              }),
          ),
        ),
      variations.map((v) => v.imageSha256),
    );
    for (const [w, h] of sizes) expect(Math.abs(w / h - 2.39)).toBeLessThan(0.01);
    await saveScreenshot(page, 'generation-gallery.png');

    // Compare two side by side.
    const thumbs = page.getByTestId('gen-variation').locator('.gen-thumb');
    await thumbs.nth(0).click();
    await thumbs.nth(1).click();
    await page.getByTestId('gen-compare').click();
    await page.getByTestId('compare-dialog').waitFor();
    expect(await page.getByTestId('compare-item').count()).toBe(2);
    await saveScreenshot(page, 'generation-compare.png');
    await page.getByTestId('compare-dialog-close').click();

    // Pick the third, with a why.
    await page.getByTestId('gen-pick').nth(2).click();
    await page.getByTestId('pick-why').fill('The low angle sells the climb');
    await page.getByTestId('pick-dialog-submit').click();
    await page.getByTestId('pick-dialog').waitFor({ state: 'detached' });
    snap = await waitForBoard(page, (s) => allPanels(s)[0].imageSha256 !== null && s.thumbnails[panel.id] === 'loaded');
    const picked = allPanels(snap)[0].imageSha256!;
    expect(variations.map((v) => v.imageSha256)).toContain(picked);
    await expect.poll(() => page.locator('[data-testid="gen-variation"][data-current="true"]').count()).toBe(1);

    // The decision log shows the pick, with its why.
    await page.getByTestId('side-tab-log').click();
    const entry = page.locator('[data-testid="log-entry"][data-kind="variation.picked"]');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('The low angle sells the climb');
    expect(await entry.textContent()).toContain('over 3 others');
    await saveScreenshot(page, 'generation-decisions.png');

    // Reload: the variations, the panel image and the decision are in the project file.
    await page.reload();
    snap = await waitForBoard(page, (s) => s.thumbnails[panel.id] === 'loaded');
    expect(allPanels(snap)[0].imageSha256).toBe(picked);
    await page.getByTestId('side-tab-log').click();
    await page.locator('[data-testid="log-entry"][data-kind="variation.picked"]').waitFor();
    const card2 = center(snap.cards[panel.id]);
    await page.mouse.click(card2.x, card2.y);
    await page.getByTestId('side-tab-generate').click();
    await expect.poll(() => page.getByTestId('gen-variation').count()).toBe(4);
    expect(await page.locator('[data-testid="gen-variation"][data-current="true"]').count()).toBe(1);
    const decisions = await fx.server.call<{ kind: string; why: string; data: { alternatives: unknown[] } }[]>('decisions.list', { panelId: panel.id, kinds: ['variation.picked'] });
    expect(decisions).toMatchObject([{ kind: 'variation.picked', why: 'The low angle sells the climb' }]);
    expect(decisions[0].data.alternatives).toHaveLength(3);
    expect(await fx.server.call('characters.cast', { panelId: panel.id })).toEqual([mara.id]);
    await saveScreenshot(page, 'generation-after-reload.png');
    expect(app.errors).toEqual([]);
  });
});
