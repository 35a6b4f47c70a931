import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useWebApp } from './fixture';
import { allPanels, center, saveScreenshot, waitForBoard } from './browser';
import { solidPng } from './images';

const fx = useWebApp();

describe('characters, style bible, provider settings and the decision log in web mode', () => {
  it('edits the bible and cast, shows provider settings without keys, logs shot changes and notes, exports the log', async () => {
    await fx.server.call('project.new', { title: 'Harbour', aspectRatio: '16:9' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', { patch: { heading: 'EXT. HARBOUR - DAWN' } });
    const panel = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id, patch: { shotSize: 'MS', action: 'Tom coils the rope' } });
    const app = await fx.open();
    const { page } = app;
    const snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 1);
    const card = center(snap.cards[panel.id]);
    await page.mouse.click(card.x, card.y);
    await waitForBoard(page, (s) => s.selectedPanelId === panel.id);

    // The style bible and a character, from the Generate tab.
    await page.getByTestId('side-tab-generate').click();
    await page.getByTestId('open-bible').click();
    await page.getByTestId('bible-dialog').waitFor();
    await page.getByTestId('bible-medium').fill('charcoal storyboard sketch');
    await page.getByTestId('bible-palette').click();
    await page.getByTestId('bible-palette').fill('grey dawn, one red buoy');
    await page.getByTestId('bible-new-name').fill('TOM');
    await page.getByTestId('bible-new-add').click();
    await page.getByTestId('bible-character').waitFor();
    await page.getByTestId('bible-character-description').fill('fisherman, forties, yellow oilskins');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('bible-add-reference').click()]);
    await chooser.setFiles({ name: 'dawn.png', mimeType: 'image/png', buffer: await solidPng([120, 130, 150], 320, 180) });
    await expect.poll(async () => (await fx.server.call<{ references: unknown[] }>('style.get')).references.length).toBe(1);
    await page.getByTestId('bible-medium').click();
    await saveScreenshot(page, 'generation-bible.png');
    await page.getByTestId('bible-dialog-close').click();
    await expect.poll(async () => (await fx.server.call<{ description: string }[]>('characters.list'))[0]?.description).toBe('fisherman, forties, yellow oilskins');
    expect((await fx.server.call<{ bible: { medium: string; palette: string } }>('style.get')).bible).toMatchObject({ medium: 'charcoal storyboard sketch', palette: 'grey dawn, one red buoy' });

    // Cast him; the prompt follows.
    await page.getByTestId('gen-cast').getByText('TOM').click();
    await expect.poll(() => page.getByTestId('gen-prompt').inputValue()).toMatch(/^Charcoal storyboard sketch\. Medium shot\. Tom coils the rope\. In frame: TOM \(fisherman, forties, yellow oilskins\)/);
    expect(await page.getByTestId('gen-prompt').inputValue()).toContain('Palette: grey dawn, one red buoy');

    // A provider that is not set up says what to set; Generate waits for it.
    await page.getByTestId('gen-provider').selectOption('openai');
    expect(await page.getByTestId('gen-provider-missing').textContent()).toMatch(/OPENAI_API_KEY/);
    expect(await page.getByTestId('gen-generate').isDisabled()).toBe(true);
    await saveScreenshot(page, 'generation-panel-cast.png');

    // Provider settings in web mode: which variables are set, never a key field.
    await page.getByTestId('open-provider-settings').click();
    await page.getByTestId('provider-settings').waitFor();
    expect(await page.getByTestId('provider-openai').textContent()).toContain('OPENAI_API_KEY: not set');
    expect(await page.locator('[data-testid="provider-settings"] input[type="password"]').count()).toBe(0);
    await page.getByTestId('test-builtin').click();
    await expect.poll(() => page.getByTestId('test-result-builtin').textContent()).toMatch(/offline/);
    await page.getByTestId('test-openai').click();
    await expect.poll(() => page.getByTestId('test-result-openai').textContent()).toMatch(/OPENAI_API_KEY/);
    await saveScreenshot(page, 'generation-providers.png');
    await page.getByTestId('provider-settings-close').click();

    // Shot changes are logged with old and new values; a note with a why; filters; export.
    await page.getByTestId('side-tab-shot').click();
    await page.getByTestId('field-shot-size').selectOption('CU');
    await expect.poll(async () => (await fx.server.call<unknown[]>('decisions.list', { kinds: ['shot.size'] })).length).toBe(1);
    await page.getByTestId('side-tab-log').click();
    await page.getByTestId('log-note').fill('Stay on his hands');
    await page.getByTestId('log-why').fill('The rope is the scene');
    await page.getByTestId('log-add-note').click();
    await expect.poll(() => page.getByTestId('log-entry').count()).toBe(2);
    // Newest first.
    expect(await page.getByTestId('log-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['note', 'shot.size']);
    await page.getByTestId('log-kind').selectOption('shot.size');
    await expect.poll(() => page.getByTestId('log-entry').count()).toBe(1);
    expect(await page.getByTestId('log-entry').textContent()).toContain('MS → CU');
    await page.getByTestId('log-kind').selectOption('');
    await page.getByTestId('log-export-csv').click();
    const out = path.join(fx.server.projectsDir, 'harbour-decisions.csv');
    await page.getByTestId('export-decisions-path').fill(out);
    await page.getByTestId('export-decisions-dialog-submit').click();
    await expect.poll(() => fs.existsSync(out)).toBe(true);
    const csv = fs.readFileSync(out, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^time,kind,shot,/);
    expect(csv.filter((l) => l.includes('shot.size,1A'))).toHaveLength(1);
    expect(csv.filter((l) => l.includes('note,1A'))).toHaveLength(1);
    await saveScreenshot(page, 'generation-log.png');
    expect(app.errors).toEqual([]);
  });
});
