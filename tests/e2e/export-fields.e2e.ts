/** Issue 13, item 1: what the user types in the inspector (sound, tags, transition, status) reaches the PDF and the CSV. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot, until, waitForBoard } from './browser';
import { seedBoard } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();

async function selectPanel(page: Page, id: string, cards: number) {
  const snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === cards);
  const card = snap.cards[id];
  await page.mouse.click(card.x + card.width / 2, card.y + card.height / 2);
  await waitForBoard(page, (s) => s.selectedPanelId === id);
}

/** Types into an inspector field and leaves it, which commits the edit. */
async function typeField(page: Page, testId: string, text: string) {
  const field = page.getByTestId(testId);
  await field.click();
  await field.fill(text);
  await page.keyboard.press('Tab');
}

const csvRows = (file: string) => fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '').split('\r\n').filter(Boolean);

describe('every shot field reaches the exports (web mode)', () => {
  it('sound, tags, transition and status typed in the inspector print in the PDF and fill the CSV columns the user picked', { timeout: 180_000 }, async () => {
    const [ids] = await seedBoard(fx.server, [{ heading: 'INT. ATTIC - NIGHT', panels: 2, images: false }], { title: 'Fields' });
    const app = await fx.open();
    const { page } = app;
    await selectPanel(page, ids[1], 2);
    await until(() => page.getByTestId('field-sound').count(), (n) => n > 0, 'the inspector shows the sound field');
    await typeField(page, 'field-sound', 'SFX: floorboard creaks');
    await typeField(page, 'field-tags', 'night, VFX');
    await page.getByTestId('field-transition').selectOption('dissolve');
    await page.getByTestId('field-status').selectOption('approved');
    await until(
      () => fx.server.call<{ scenes: { panels: { id: string; sound: string; tags: string[]; transition: string | null; status: string }[] }[] }>('board.get', {}),
      (b) => {
        const p = b.scenes[0].panels.find((x) => x.id === ids[1]);
        return p?.sound === 'SFX: floorboard creaks' && p.tags.join() === 'night,VFX' && p.transition === 'dissolve' && p.status === 'approved';
      },
      'the four fields are stored',
    );

    const dir = fs.mkdtempSync(path.join(fx.server.home, 'fields-'));
    await page.keyboard.press('Control+e');
    const dialog = page.getByTestId('pdf-export-dialog');
    await dialog.waitFor();
    for (const f of ['sound', 'transition', 'tags', 'status']) await page.getByTestId(`pdf-field-${f}`).check();
    const pdf = path.join(dir, 'boards.pdf');
    await page.getByTestId('pdf-export-path').fill(pdf);
    await page.getByTestId('pdf-export-submit').click();
    await until(async () => fs.existsSync(pdf), Boolean, 'the PDF is written');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const s of ['SFX: floorboard creaks', 'night', 'VFX', 'Cross-dissolve', 'Approved']) expect(text).toContain(s);

    // The CSV with only the columns ticked, in the CSV's own order.
    await page.getByTestId('pdf-tab-shotlist').click();
    await page.getByTestId('pdf-shotlist-csv').check();
    for (const c of ['scene', 'heading', 'size', 'angle', 'lens', 'move', 'duration', 'action', 'dialogue', 'notes']) await page.getByTestId(`csv-column-${c}`).uncheck();
    expect(await page.getByTestId('shotlist-columns').textContent()).toBe('Shot, Sound, Transition, Tags, Status');
    await saveScreenshot(page, 'export-csv-columns.png');
    const csv = path.join(dir, 'shots.csv');
    await page.getByTestId('pdf-export-path').fill(csv);
    await page.getByTestId('pdf-export-submit').click();
    await until(async () => fs.existsSync(csv), Boolean, 'the CSV is written');
    const rows = csvRows(csv);
    expect(rows[0]).toBe('Shot,Sound,Transition,Tags,Status');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatch(/^1B,SFX: floorboard creaks,Cross-dissolve,"night, VFX",approved$/i);

    // No column ticked: the dialog says so and does not export.
    for (const c of ['shot', 'sound', 'transition', 'tags', 'status']) await page.getByTestId(`csv-column-${c}`).uncheck();
    await page.getByText('Choose at least one column.').waitFor();
    expect(await page.getByTestId('pdf-export-submit').isDisabled()).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
