import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useWebApp } from './fixture';
import { allPanels, center, saveScreenshot, waitForBoard } from './browser';

const fx = useWebApp();

describe('the decision log shows changes of mind', () => {
  it('first entries are hidden until asked for, a why is added after the fact from the log and the inspector, and the dataset exports from the File menu', async () => {
    await fx.server.call('project.new', { title: 'The Lighthouse', aspectRatio: '2.39' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', { patch: { heading: 'INT. LIGHTHOUSE STAIRS - NIGHT' } });
    const made = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id });
    const { page } = await fx.open();
    const snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 1);
    const panel = allPanels(snap)[0];
    expect(panel.id).toBe(made.id);
    const card = center(snap.cards[panel.id]);
    await page.mouse.click(card.x, card.y);
    await waitForBoard(page, (s) => s.selectedPanelId === panel.id);

    // Filling in a new panel: first entries, not decisions.
    await page.getByTestId('field-shot-size').selectOption('EWS');
    await page.getByTestId('field-lens').fill('24');
    await page.getByTestId('field-lens').press('Tab');
    await expect.poll(async () => (await fx.server.call<unknown[]>('decisions.list', { includeInitial: true })).length).toBe(2);
    await page.getByTestId('side-tab-log').click();
    const entries = page.getByTestId('log-entry');
    await page.getByTestId('log-list').getByText('Nothing logged yet').waitFor();
    expect(await entries.count()).toBe(0);
    await page.getByTestId('log-show-initial').check();
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-initial')))).toEqual(['true', 'true']);
    await saveScreenshot(page, 'decision-log-first-entries.png');
    await page.getByTestId('log-show-initial').uncheck();
    await expect.poll(() => entries.count()).toBe(0);

    // A change of mind shows.
    await page.getByTestId('side-tab-shot').click();
    await page.getByTestId('field-shot-size').selectOption('CU');
    await page.getByTestId('side-tab-log').click();
    await expect.poll(() => entries.count()).toBe(1);
    const entry = entries.first();
    expect(await entry.getAttribute('data-kind')).toBe('shot.size');
    await expect.poll(() => entry.locator('.log-what').textContent()).toBe('EWS → CU');

    // The why, after the fact, from the log.
    await entry.getByTestId('why-edit').click();
    await entry.getByTestId('why-input').fill('Closer: the stairs matter less than her face');
    await entry.getByTestId('why-input').press('Enter');
    await expect.poll(() => entry.getByTestId('log-why-text').textContent()).toBe('Why: Closer: the stairs matter less than her face');
    const [logged] = await fx.server.call<{ id: string; why: string }[]>('decisions.list', {});
    expect(logged.why).toBe('Closer: the stairs matter less than her face');
    expect(await entry.getByTestId('why-edit').textContent()).toBe('Edit why');
    await saveScreenshot(page, 'decision-log-why.png');

    // ... and from the inspector, on the panel's last decision.
    await page.getByTestId('side-tab-shot').click();
    const last = page.getByTestId('inspector-decision');
    await expect.poll(() => last.locator('.log-what').textContent()).toBe('Shot size: EWS → CU');
    await last.getByTestId('why-edit').click();
    await last.getByTestId('why-input').fill('Her face carries the scene');
    await last.getByTestId('why-save').click();
    await expect.poll(async () => (await fx.server.call<{ why: string }[]>('decisions.list', {}))[0].why).toBe('Her face carries the scene');
    await last.getByText('Why: Her face carries the scene').waitFor();
    await saveScreenshot(page, 'inspector-last-decision.png');

    // File > Export Decision Dataset…: web mode asks for the folder, then reports what it wrote.
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-export-dataset').click();
    const folder = path.join(fx.server.projectsDir, 'The Lighthouse - dataset');
    expect(await page.getByTestId('dataset-export-path').inputValue()).toBe(folder);
    await page.getByTestId('dataset-export-submit').click();
    await page.getByTestId('dataset-export-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('dataset-export-done').textContent()).toContain('1 panel, 3 decisions, 0 generations');
    await saveScreenshot(page, 'dataset-export.png');
    const decisions = fs.readFileSync(path.join(folder, 'decisions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(decisions.map((d) => [d.kind, d.initial, d.why])).toEqual([
      ['shot.size', true, ''],
      ['shot.lens', true, ''],
      ['shot.size', false, 'Her face carries the scene'],
    ]);
  });
});
