import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { allPanels, center, saveScreenshot, SCREENSHOT_DIR, waitForBoard, until as pollUntil } from './browser';
import { useWebApp } from './fixture';
import { sketchPng } from './images';

const fx = useWebApp();
const until = <T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 60_000) => pollUntil(read, ok, what, timeout, 100);

const HEBREW = 'שלום עולם';
const ARABIC = 'مرحبا بالعالم الجديد';
/** The preview is 1100 px on the long side: a US letter landscape page at 100 dpi. */
const DPI = 100;

/** Ink of a page crop (255 - grey), slightly blurred: two rasterisers anti-alias glyph edges differently. */
async function ink(png: Buffer, box: { x: number; y: number; w: number; h: number }): Promise<Float64Array> {
  const { data } = await sharp(png).extract({ left: box.x, top: box.y, width: box.w, height: box.h }).greyscale().blur(1).raw().toBuffer({ resolveWithObject: true });
  return Float64Array.from(data, (v) => 255 - v);
}

function correlation(a: Float64Array, b: Float64Array): number {
  const mean = (xs: Float64Array) => xs.reduce((s, v) => s + v, 0) / xs.length;
  const [ma, mb] = [mean(a), mean(b)];
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('PDF export of Hebrew, Arabic and emoji (web mode)', () => {
  it('prints what was typed in the inspector in reading order, and the preview shows the same page', { timeout: 240_000 }, async () => {
    await fx.server.call('project.new', { title: 'Souk', aspectRatio: '16:9' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', { patch: { heading: 'INT. SOUK - DAY' } });
    for (let i = 0; i < 2; i++) {
      const panel = await fx.server.call<{ id: string; shotNumber: string }>('panels.create', { sceneId: scene.id, patch: {} });
      await fx.server.call('panels.setImage', { panelId: panel.id, fileName: `${panel.shotNumber}.png`, uploadId: await fx.server.upload('image', await sketchPng(i, panel.shotNumber)) });
    }
    const app = await fx.open();
    const { page } = app;
    let snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 2);
    const [one, two] = allPanels(snap);

    // Typed into the inspector's fields, as a person would.
    const type = async (field: string, text: string) => {
      await page.getByTestId(field).fill(text);
      await page.getByTestId(field).press('Tab');
    };
    await page.mouse.click(center(snap.cards[one.id]).x, center(snap.cards[one.id]).y);
    await waitForBoard(page, (s) => s.selectedPanelId === one.id);
    await type('field-action', HEBREW);
    await type('field-dialogue', `${ARABIC}.`);
    await page.mouse.click(center(snap.cards[two.id]).x, center(snap.cards[two.id]).y);
    await waitForBoard(page, (s) => s.selectedPanelId === two.id);
    await type('field-action', `Maya says ${HEBREW} twice.`);
    await type('field-notes', 'Smile 😀 then 🎬 cut');
    snap = await waitForBoard(page, (s) => s.board.scenes[0].panels[1].notes === 'Smile 😀 then 🎬 cut' && s.board.scenes[0].panels[0].dialogue === `${ARABIC}.`);

    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-export-pdf').click();
    await page.getByTestId('pdf-export-dialog').waitFor();
    const preview = page.getByTestId('pdf-preview-page').first();
    const drawn = () => preview.evaluate((img) => ((img as HTMLImageElement).complete ? (img as HTMLImageElement).src : ''));
    // The default 3x2 preview is also one page of two panels: wait for the page itself to change.
    const before = await until(drawn, Boolean, 'the first preview page is drawn');
    await page.getByTestId('pdf-layout').selectOption('2x1');
    const src = await until(drawn, (s) => s !== '' && s !== before, 'the 2x1 preview page is drawn');
    const previewPng = Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64');
    await saveScreenshot(page, 'export-pdf-rtl-dialog.png');
    // What the dialog shows: the preview page as drawn on screen, scaled into its frame.
    const shown = await preview.screenshot({ path: path.join(SCREENSHOT_DIR, 'export-pdf-rtl-preview.png') });

    const out = path.join(fx.server.home, 'Souk boards.pdf');
    await page.getByTestId('pdf-export-path').fill(out);
    await page.getByTestId('pdf-export-submit').click();
    await page.getByTestId('pdf-export-done').waitFor({ timeout: 60_000 });

    // The PDF's text: words in reading order, emoji as themselves, no empty boxes.
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e\u200e\u200f]/g, '');
    expect(text).toContain(HEBREW);
    expect(text).toContain(ARABIC);
    expect(text).toMatch(new RegExp(`Maya says\\s*${HEBREW}\\s*twice\\.`));
    expect(text).toContain('Smile 😀 then 🎬 cut');
    expect(text).not.toContain('\u25a1');

    // The preview draws the same page as the PDF: the panel text, rendered from the PDF by poppler,
    // has its ink where the preview has it. Right-to-left text drawn backwards or unjoined would not.
    const pdfPng = path.join(fx.server.home, 'souk');
    execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-f', '1', '-l', '1', '-singlefile', out, pdfPng]);
    const printed = fs.readFileSync(`${pdfPng}.png`);
    const words = execFileSync('pdftotext', ['-bbox', out, '-'], { encoding: 'utf8' });
    const boxes = [...words.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] }));
    const reversed = (s: string) => [...s].reverse().join('');
    const rtlWords = boxes.filter((b) => [...HEBREW.split(' '), ...ARABIC.split(' ')].some((w) => b.text.includes(reversed(w))));
    expect(rtlWords.length).toBeGreaterThanOrEqual(7);
    const k = DPI / 72;
    const region = {
      x: Math.floor(Math.min(...rtlWords.map((b) => b.x0)) * k) - 4, y: Math.floor(Math.min(...rtlWords.map((b) => b.y0)) * k) - 4,
      w: Math.ceil((Math.max(...rtlWords.map((b) => b.x1)) - Math.min(...rtlWords.map((b) => b.x0))) * k) + 8,
      h: Math.ceil((Math.max(...rtlWords.map((b) => b.y1)) - Math.min(...rtlWords.map((b) => b.y0))) * k) + 8,
    };
    const [a, b] = await Promise.all([ink(printed, region), ink(previewPng, region)]);
    // The same glyphs in the same places correlate at about 0.96; the preview's text mirrored, or
    // moved by 3 px, correlates at 0.27 and 0.52.
    expect(correlation(a, b)).toBeGreaterThan(0.85);
    // And so does the page as the dialog shows it on screen (scaled down into its frame).
    const { width, height } = await sharp(shown).metadata();
    const f = width! / 1100;
    const small = { x: Math.floor(region.x * f), y: Math.floor(region.y * f), w: Math.ceil(region.w * f), h: Math.ceil(region.h * f) };
    const printedSmall = await sharp(printed).resize(width, height, { fit: 'fill' }).png().toBuffer();
    expect(correlation(await ink(printedSmall, small), await ink(shown, small))).toBeGreaterThan(0.85);
    expect(app.errors).toEqual([]);
  });
});
