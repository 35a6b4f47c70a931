import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PDF_OPTIONS, type PdfBoardOptions } from '../../shared/domain/export';
import { aspectValue } from '../../shared/domain/project';
import { exportPdfBoards } from '../../electron/core/export/pdf/export-boards';
import { gridCells, pageFrame } from '../../electron/core/export/pdf/layout/geometry';
import type { Project } from '../../electron/core/project';
import { buildProject, pdfPages, renderPages, run, wordBoxes, type BboxWord } from './export-helpers';
import { makePng, snapshot, tempDir } from './helpers';

const LONG = 'Longtext steam rolls out across the counter while the cook keeps stirring. ';
const DIALOGUE = ['Hello? Anyone here?', 'Who let you in?', 'Не трогай это.', '誰ですか？', 'Get out. Now.', 'Wait for me!', 'Too late.'];
const dir = tempDir('bw pdf ünï ');
let project: Project;
const out = (name: string) => path.join(dir, name);
const options = (o: Partial<PdfBoardOptions>): PdfBoardOptions => ({ ...DEFAULT_PDF_OPTIONS, versionLabel: 'Draft 2', date: '2025-03-14', ...o });

beforeAll(async () => {
  project = await buildProject(out('Night Kitchen.boardwright'), 'The Night Kitchen', [
    {
      heading: 'INT. KITCHEN - NIGHT',
      panels: [
        { action: 'Maya pushes the swing door open.', dialogue: DIALOGUE[0], shotSize: 'WS', angle: 'eye level', lensMm: 24, cameraMove: 'dolly in', durationMs: 3500 },
        { action: 'The cook turns, ladle in hand.', dialogue: DIALOGUE[1], shotSize: 'MCU', angle: 'low', lensMm: 50, cameraMove: 'pan' },
        { action: LONG.repeat(14), dialogue: DIALOGUE[2], notes: 'Practical light only.', shotSize: 'ECU', cameraMove: 'zoom in' },
        { action: '鍋の中で何かが動く。', dialogue: DIALOGUE[3], shotSize: 'CU', cameraMove: 'handheld' },
        { action: 'Wide of the kitchen.', dialogue: DIALOGUE[4] },
        { action: 'Maya backs away.', dialogue: DIALOGUE[5], notes: 'Café crème — naïve façade.', cameraMove: 'dolly out' },
        { action: 'The door swings shut.', dialogue: DIALOGUE[6], cameraMove: 'static' },
      ],
      withoutPicture: [4],
    },
    { heading: 'EXT. ALLEY - NIGHT', panels: [{ action: 'Rain on cobbles.', cameraMove: 'truck' }, { action: 'Crane up.', cameraMove: 'crane' }, { action: 'Black.', cameraMove: 'tilt' }] },
  ]);
}, 120_000);
afterAll(() => project?.close());

describe('PDF boards', () => {
  it('has as many pages as the layout arithmetic says, and every page is valid', async () => {
    const cases: [string, Partial<PdfBoardOptions>, number][] = [
      ['3x2 scenes apart', { grid: { cols: 3, rows: 2 } }, 2 + 1],
      ['4x3 run on', { grid: { cols: 4, rows: 3 }, sceneBreaks: false }, 1],
      ['4x2 a4', { grid: { cols: 4, rows: 2 }, paper: 'a4' }, 1 + 1],
      ['1x1 notes beside, cover', { grid: { cols: 1, rows: 1 }, cover: { credits: 'Directed by Ana Ruiz' } }, 10 + 1],
      ['1x3 portrait beside', { grid: { cols: 1, rows: 3 }, orientation: 'portrait', paper: 'tabloid' }, 3 + 1],
      ['2x1 a3 run on', { grid: { cols: 2, rows: 1 }, sceneBreaks: false, paper: 'a3' }, 5],
    ];
    for (const [name, o, pages] of cases) {
      const file = out(`${name}.pdf`);
      const summary = await exportPdfBoards(project, file, options(o));
      expect(summary).toEqual({ path: file, pages, panels: 10 });
      expect(pdfPages(file), name).toBe(pages);
      expect(run('pdfinfo', [file]).stdout).toMatch(/Title:\s+The Night Kitchen/);
    }
    const a4 = run('pdfinfo', [out('4x2 a4.pdf')]).stdout;
    expect(a4).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    expect(run('pdfinfo', [out('1x3 portrait beside.pdf')]).stdout).toMatch(/Page size:\s+792 x 1224 pts/);
    renderPages(out('1x1 notes beside, cover.pdf'), 'boards-1x1-cover', 1, 2);
    renderPages(out('1x3 portrait beside.pdf'), 'boards-1x3-portrait', 1, 1);
    renderPages(out('4x3 run on.pdf'), 'boards-4x3', 1, 1);
  });

  it('prints every shot number and dialogue line in reading order, Cyrillic and Japanese included', async () => {
    const file = out('reading.pdf');
    await exportPdfBoards(project, file, options({}));
    // -raw keeps the content stream order, which is the order the boards are read in.
    const raw = run('pdftotext', ['-raw', file, '-']).stdout;
    const shots = ['1A', '1B', '1C', '1D', '1E', '1F', '1G', '2A', '2B', '2C'];
    const at = (s: string) => raw.indexOf(s);
    for (const s of [...shots, ...DIALOGUE]) expect(at(s), s).toBeGreaterThanOrEqual(0);
    expect(shots.map(at)).toEqual([...shots.map(at)].sort((a, b) => a - b));
    expect(DIALOGUE.map(at)).toEqual([...DIALOGUE.map(at)].sort((a, b) => a - b));
    // Default (physical layout analysis) mode finds them too, with the header's facts.
    const text = run('pdftotext', [file, '-']).stdout;
    for (const s of ['鍋の中で何かが動く。', 'Не трогай это.', 'Café crème — naïve façade.', 'The Night Kitchen', 'SCENE 2', 'EXT. ALLEY - NIGHT', 'Page 3 of 3', 'Draft 2', '2025-03-14', '3.5s', 'WS · Eye level · 24mm · Dolly in']) {
      expect(text, s).toContain(s);
    }
    // Every font is embedded.
    const fonts = run('pdffonts', [file]).stdout.trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) expect(line).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+$/);
  });

  it('keeps all text inside its cell, the header or the footer; long text shrinks and ends in an ellipsis', async () => {
    const file = out('bbox.pdf');
    const o = options({ footer: 'Confidential — do not circulate' });
    await exportPdfBoards(project, file, o);
    const frame = pageFrame(o.paper, o.orientation, true);
    const cells = gridCells(frame.body, o.grid);
    const inside = (w: BboxWord, b: { x: number; y: number; w: number; h: number }) =>
      w.xMin >= b.x - 0.5 && w.xMax <= b.x + b.w + 0.5 && w.yMin >= b.y - 0.5 && w.yMax <= b.y + b.h + 0.5;
    const pages = wordBoxes(file);
    expect(pages).toHaveLength(3);
    for (const words of pages) {
      for (const w of words) {
        const where = [frame.header, frame.footer!, ...cells].findIndex((b) => inside(w, b));
        expect(where, `"${w.text}" at ${w.xMin},${w.yMin}-${w.xMax},${w.yMax}`).toBeGreaterThanOrEqual(0);
      }
    }
    // The long action is all in the third cell, at a smaller size, cut with an ellipsis before the dialogue.
    const long = pages[0].filter((w) => w.text.startsWith('Longtext'));
    expect(long.length).toBeGreaterThan(3);
    for (const w of long) expect(inside(w, cells[2])).toBe(true);
    expect(long[0].yMax - long[0].yMin).toBeLessThan(pages[0].find((w) => w.text === 'Maya')!.yMax - pages[0].find((w) => w.text === 'Maya')!.yMin);
    const cell2 = pages[0].filter((w) => inside(w, cells[2]));
    expect(cell2.some((w) => w.text.endsWith('…'))).toBe(true);
    expect(cell2.map((w) => w.text).join(' ')).toContain('Не трогай это.');
  });

  it('draws the pictures: page 1 renders and every picture cell has an image, the panel without one shows an empty frame', async () => {
    const file = out('pixels.pdf');
    const o = options({});
    await exportPdfBoards(project, file, o);
    const [png] = renderPages(file, 'boards-3x2', 1, 1, 72);
    const frame = pageFrame(o.paper, o.orientation, false);
    const cells = gridCells(frame.body, o.grid);
    const fh = cells[0].w / aspectValue('16:9');
    const stats = await Promise.all(
      cells.map(async (c) => {
        const region = { left: Math.round(c.x + c.w * 0.2), top: Math.round(c.y + fh * 0.2), width: Math.round(c.w * 0.6), height: Math.round(fh * 0.6) };
        // stats() reads its input: crop first.
        const s = await sharp(await sharp(png).extract(region).png().toBuffer()).stats();
        return { mean: s.channels.slice(0, 3).reduce((a, ch) => a + ch.mean, 0) / 3, spread: Math.max(...s.channels.slice(0, 3).map((ch) => ch.stdev)) };
      }),
    );
    stats.forEach((s, i) => {
      if (i === 4) expect(s.spread, 'empty frame').toBeLessThan(12);
      else expect(s.spread, `cell ${i}`).toBeGreaterThan(20);
    });
    expect(stats[4].mean).toBeGreaterThan(200);
  });

  it('prints a cover with title, logo and credits', async () => {
    const file = out('cover.pdf');
    const logo = (await makePng(300, 120, [30, 90, 200])).toString('base64');
    await exportPdfBoards(project, file, options({ cover: { title: 'La Cuisine de Nuit', credits: 'Réalisé par Ana Ruiz\n監督 山田太郎', logoBase64: logo }, footer: 'Confidential' }));
    const page1 = run('pdftotext', ['-f', '1', '-l', '1', file, '-']).stdout;
    for (const s of ['La Cuisine de Nuit', 'Storyboards', 'Draft 2', 'Réalisé par Ana Ruiz', '監督 山田太郎', '2 scenes', '10 shots', 'Confidential']) expect(page1).toContain(s);
    expect(run('pdfimages', ['-f', '1', '-l', '1', '-list', file]).stdout.trim().split('\n').length).toBe(3);
    renderPages(file, 'boards-cover', 1, 1);
  });

  it('refuses an empty selection or a bad logo with a clear error, writing nothing and changing nothing', async () => {
    const before = snapshot(project.db);
    const file = out('empty.pdf');
    await expect(exportPdfBoards(project, file, options({ selection: { panels: '9Z' } }))).rejects.toMatchObject({ code: 'BAD_INPUT', message: 'There is no shot 9Z in this project.' });
    await expect(exportPdfBoards(project, file, options({ selection: { scenes: 'garage' } }))).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(exportPdfBoards(project, file, options({ cover: { logoBase64: Buffer.from('not an image').toString('base64') } }))).rejects.toMatchObject({ code: 'NOT_AN_IMAGE' });
    await expect(exportPdfBoards(project, out('boards.txt'), options({}))).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('.pdf') });
    await expect(exportPdfBoards(project, path.join(dir, 'no such folder', 'b.pdf'), options({}))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(fs.existsSync(file)).toBe(false);
    expect(snapshot(project.db)).toEqual(before);
  });

  it('offers every shot field: sound, transition, tags and status print when ticked, not by default', async () => {
    const small = await buildProject(out('Fields.boardwright'), 'Fields', [
      { heading: 'INT. BOATHOUSE - NIGHT', panels: [{ action: 'Oars drip.', sound: 'Rain on the tin roof', transition: 'dissolve', tags: ['water', 'night'], status: 'review' }] },
    ]);
    const all = out('all fields.pdf');
    await exportPdfBoards(small, all, options({ fields: ['shot', 'action', 'sound', 'transition', 'tags', 'status'] }));
    const text = run('pdftotext', ['-raw', all, '-']).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Sound Rain on the tin roof');
    expect(text).toContain('Transition Cross-dissolve Status Review Tags water, night');
    const usual = out('usual fields.pdf');
    await exportPdfBoards(small, usual, options({}));
    const plain = run('pdftotext', ['-raw', usual, '-']).stdout;
    expect(plain).toContain('Oars drip.');
    expect(plain).not.toContain('Rain on the tin roof');
    small.close();
  });

  it('exports only the selected scenes or shots', async () => {
    const file = out('selected.pdf');
    const r = await exportPdfBoards(project, file, options({ selection: { scenes: 'alley', panels: '1B-1C' } }));
    expect(r).toMatchObject({ panels: 5, pages: 2 });
    const text = run('pdftotext', ['-raw', file, '-']).stdout;
    expect(['1B', '1C', '2A', '2B', '2C'].every((s) => text.includes(s))).toBe(true);
    expect(['1A', '1D'].some((s) => new RegExp(`\\b${s}\\b`).test(text))).toBe(false);
  });

  it('a cancelled export leaves no file, not even a partial one', async () => {
    const sub = path.join(dir, 'cancel here');
    fs.mkdirSync(sub);
    const controller = new AbortController();
    const task = exportPdfBoards(project, path.join(sub, 'boards.pdf'), options({ grid: { cols: 1, rows: 1 } }), {
      signal: controller.signal,
      progress: (done) => done >= 2 && controller.abort(),
    });
    await expect(task).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.readdirSync(sub)).toEqual([]);
  });

  it('writes to paths with spaces and non-ASCII characters', async () => {
    const sub = path.join(dir, 'Тест 日本 café');
    fs.mkdirSync(sub);
    const file = path.join(sub, 'My boards — v2 ✓.pdf');
    const r = await exportPdfBoards(project, file, options({ selection: { scenes: '2' } }));
    expect(r.path).toBe(file);
    expect(pdfPages(file)).toBe(1);
    expect(fs.readdirSync(sub)).toEqual(['My boards — v2 ✓.pdf']);
  });
});
