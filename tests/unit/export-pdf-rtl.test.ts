import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PDF_OPTIONS, DEFAULT_SHOT_LIST_OPTIONS, type PdfBoardOptions } from '../../shared/domain/export';
import { exportPdfBoards } from '../../electron/core/export/pdf/export-boards';
import { exportShotListPdf } from '../../electron/core/export/shot-list/export-shot-list';
import { fontBook } from '../../electron/core/export/pdf/text/font-book';
import type { Project } from '../../electron/core/project';
import { buildProject, renderPages, run, wordBoxes, type BboxWord } from './export-helpers';
import { tempDir } from './helpers';

const HEBREW = 'שלום עולם';
const ARABIC = 'مرحبا بالعالم الجديد';
const dir = tempDir('bw pdf rtl ');
let project: Project;
const out = (name: string) => path.join(dir, name);
const options = (o: Partial<PdfBoardOptions>): PdfBoardOptions => ({ ...DEFAULT_PDF_OPTIONS, versionLabel: 'Draft 1', date: '2025-03-14', ...o });
/** pdftotext marks right-to-left stretches with embedding controls; the words are what matter. */
const words = (s: string) => s.replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '');

beforeAll(async () => {
  project = await buildProject(out('Rtl.boardwright'), 'Bidi Night', [
    {
      heading: 'INT. SOUK - NIGHT',
      panels: [
        { action: HEBREW, dialogue: `${ARABIC}.` },
        { action: `Maya says ${HEBREW} twice.`, notes: 'Smile 😀 then 🎬 cut 🥲' },
      ],
    },
  ]);
  await exportPdfBoards(project, out('rtl.pdf'), options({ grid: { cols: 2, rows: 1 } }));
}, 120_000);
afterAll(() => project?.close());

describe('PDF boards in Hebrew, Arabic and emoji', () => {
  it('prints right-to-left words in reading order, extractable by pdftotext', async () => {
    const file = out('rtl.pdf');
    const text = words(run('pdftotext', [file, '-']).stdout);
    expect(text).toContain(HEBREW);
    expect(text).toContain(ARABIC);
    // A Latin sentence with a Hebrew phrase inside keeps the words in order (poppler moves the
    // spaces around where direction changes, so only the words are compared).
    expect(text).toMatch(new RegExp(`Maya says\\s*${HEBREW}\\s*twice\\.`));
    // Emoji print as themselves (Symbola), a newer one Symbola lacks as a visible replacement mark, never a box.
    expect(text).toMatch(/Smile 😀 then 🎬 cut \ufffd/);
    expect(text).not.toContain('\u25a1');

    // The Hebrew action and the Arabic dialogue are right-aligned in their cell, the dialogue's label
    // at the start of its line, on the right.
    // -bbox lists each word as drawn, so a right-to-left word's letters come reversed.
    const page = wordBoxes(file)[0];
    const drawn = (w: string) => [...w].reverse().join('');
    const box = (w: string) => page.find((b) => b.text === w || b.text === drawn(w))!;
    const shalom = box('שלום');
    const olam = box('עולם');
    // Right to left: the first word is on the right.
    expect(shalom.xMin).toBeGreaterThan(olam.xMax);
    expect(Math.abs(shalom.xMax - box('Dialogue').xMax)).toBeLessThan(0.5);
    expect(box('Dialogue').xMin).toBeGreaterThan(box('مرحبا').xMax);
    expect(box('مرحبا').xMin).toBeGreaterThan(box('بالعالم').xMax);
    expect(box('1A').xMin).toBeLessThan(olam.xMin - 200);
    // In the Latin sentence the Hebrew words sit between "says" and "twice", still right to left.
    const inLatin = page.filter((b) => b.xMin > shalom.xMax && [drawn('שלום'), drawn('עולם')].includes(b.text));
    const says = box('says');
    const twice = box('twice.');
    expect(inLatin).toHaveLength(2);
    for (const b of inLatin) expect(b.xMin > says.xMax && b.xMax < twice.xMin).toBe(true);
    expect(inLatin.find((b) => b.text === drawn('שלום'))!.xMin).toBeGreaterThan(inLatin.find((b) => b.text === drawn('עולם'))!.xMax);
  });

  it('draws Arabic letters joined, as the rendered page shows', async () => {
    // Rendered, a joined word is few connected shapes: "بالعالم" is "با", "لعا", "لم" (alef does not
    // join the letter after it) and the dot of the beh. Letters drawn apart are seven shapes and a dot.
    const file = out('rtl.pdf');
    const word = wordBoxes(file)[0].find((b) => b.text === [...'بالعالم'].reverse().join(''))!;
    const [png] = renderPages(file, 'rtl-arabic', 1, 1, 200);
    expect(await inkShapes(png, word, 200 / 72)).toBeLessThanOrEqual(5);
  });

  it('right-aligns right-to-left text in the shot list\'s cells too', async () => {
    const file = out('shots.pdf');
    await exportShotListPdf(project, file, { ...DEFAULT_SHOT_LIST_OPTIONS, date: '2025-03-14' });
    const page = wordBoxes(file)[0];
    const at = (w: string) => page.find((b) => b.text === w)!;
    const olam = page.filter((b) => b.text === [...'עולם'].reverse().join('')).sort((a, b) => a.yMin - b.yMin)[0];
    const shalom = page.filter((b) => b.text === [...'שלום'].reverse().join('')).sort((a, b) => a.yMin - b.yMin)[0];
    // Shot 1A's description is Hebrew alone: right to left, flush with the column's right edge, where
    // 1B's Latin description starts at the left edge below it.
    expect(shalom.xMin).toBeGreaterThan(olam.xMax);
    expect(olam.xMin).toBeGreaterThan(at('Maya').xMin + 20);
    expect(words(run('pdftotext', [file, '-']).stdout)).toContain(ARABIC);
  });

  it('uses the Hebrew and Arabic fonts, and the emoji font', () => {
    const fonts = run('pdffonts', [out('rtl.pdf')]).stdout;
    for (const f of ['NotoSansHebrew', 'NotoSansArabic', 'Symbola']) expect(fonts).toContain(f);
    expect(fontBook().allFaces().map((f) => f.key)).toContain('Symbola-Emoji');
  });
});

/** Connected shapes of dark pixels (4-neighbours) inside a word's box, on a page rendered at `k` pixels a point. */
async function inkShapes(png: string, box: BboxWord, k: number): Promise<number> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const x0 = Math.floor(box.xMin * k);
  const y0 = Math.floor(box.yMin * k);
  const w = Math.ceil(box.xMax * k) - x0;
  const h = Math.ceil(box.yMax * k) - y0;
  const dark = (x: number, y: number) => data[(y0 + y) * info.width + x0 + x] < 128;
  const seen = new Uint8Array(w * h);
  let shapes = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (seen[y * w + x] || !dark(x, y)) continue;
      shapes++;
      const stack = [[x, y]];
      seen[y * w + x] = 1;
      while (stack.length) {
        const [px, py] = stack.pop()!;
        for (const [nx, ny] of [[px + 1, py], [px - 1, py], [px, py + 1], [px, py - 1]]) {
          if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[ny * w + nx] || !dark(nx, ny)) continue;
          seen[ny * w + nx] = 1;
          stack.push([nx, ny]);
        }
      }
    }
  }
  return shapes;
}
