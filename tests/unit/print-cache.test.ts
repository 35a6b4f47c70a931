import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PDF_OPTIONS } from '../../shared/domain/export';
import { PrintImages, forgetPreparedImages } from '../../electron/core/export/pdf/images/print-images';
import { PrintCache, defaultPrintCacheDir, settlePrintCaches } from '../../electron/core/export/pdf/images/print-cache';
import { exportPdfBoards } from '../../electron/core/export/pdf/export-boards';
import type { Project } from '../../electron/core/project';
import { buildProject, pdfPages } from './export-helpers';
import { tempDir } from './helpers';

const dir = tempDir('bw-print-cache-');
let project: Project;
let shas: string[];

beforeAll(async () => {
  project = await buildProject(path.join(dir, 'Cache.boardwright'), 'Cache', [
    { heading: 'INT. ARCHIVE - DAY', panels: [{ action: 'Shelves.' }, { action: 'Boxes.' }, { action: 'Dust.' }] },
  ]);
  shas = project.db.prepare('SELECT sha256 FROM images').pluck().all() as string[];
}, 60_000);
afterAll(() => project?.close());

const cachedFiles = (root: string) =>
  fs.existsSync(root) ? fs.readdirSync(root).flatMap((sub) => fs.readdirSync(path.join(root, sub)).map((f) => path.join(root, sub, f))) : [];

describe('print-size copies cached on disk', () => {
  it('the first export downscales each picture once and stores it; the next reads the copy, not the original', async () => {
    const root = path.join(dir, 'cache-a');
    const cache = new PrintCache(root);
    const first = new PrintImages(project.db, project.path, new Map(), { cache });
    const a = await first.get(`sha:${shas[0]}`, 500);
    await first.close();
    expect(a).not.toBeNull();
    const files = cachedFiles(root);
    expect(files).toHaveLength(1);
    expect(path.basename(files[0])).toBe(`${shas[0]}@500q84.jpg`);
    expect(fs.readFileSync(files[0]).equals(a!.data)).toBe(true);

    // Mark the cached copy: a second exporter (a new process would be the same) returns exactly it.
    const marked = Buffer.concat([a!.data, Buffer.from('\0cached')]);
    fs.writeFileSync(files[0], marked);
    forgetPreparedImages();
    const second = new PrintImages(project.db, project.path, new Map(), { cache: new PrintCache(root) });
    const b = await second.get(`sha:${shas[0]}`, 500);
    await second.close();
    expect(b!.data.equals(marked)).toBe(true);
    expect([b!.width, b!.height]).toEqual([a!.width, a!.height]);
  });

  it('a damaged cached copy is made again from the original', async () => {
    const root = path.join(dir, 'cache-b');
    const images = new PrintImages(project.db, project.path, new Map(), { cache: new PrintCache(root) });
    const good = await images.get(`sha:${shas[1]}`, 400);
    await images.close();
    const [file] = cachedFiles(root);
    fs.writeFileSync(file, 'not a jpeg');
    forgetPreparedImages();
    const again = new PrintImages(project.db, project.path, new Map(), { cache: new PrintCache(root) });
    const img = await again.get(`sha:${shas[1]}`, 400);
    await again.close();
    expect(img!.data.equals(good!.data)).toBe(true);
  });

  it('an export writes its copies to the cache after the PDF is done, and a second export reads them', async () => {
    const root = path.join(dir, 'cache-later');
    const out = path.join(dir, 'later.pdf');
    forgetPreparedImages();
    await exportPdfBoards(project, out, { ...DEFAULT_PDF_OPTIONS, date: '2025-01-01' }, { cache: new PrintCache(root) });
    expect(pdfPages(out)).toBeGreaterThan(0);
    await settlePrintCaches();
    const files = cachedFiles(root);
    expect(files.map((f) => path.basename(f).slice(0, 64)).sort()).toEqual([...shas].sort());
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);

    // The second export embeds the cached copies: mark them all and find the marks' bytes in the PDF.
    for (const f of files) fs.writeFileSync(f, Buffer.concat([fs.readFileSync(f), Buffer.from('\0CACHED-COPY')]));
    forgetPreparedImages();
    const again = path.join(dir, 'later-2.pdf');
    await exportPdfBoards(project, again, { ...DEFAULT_PDF_OPTIONS, date: '2025-01-01' }, { cache: new PrintCache(root) });
    const pdf = fs.readFileSync(again);
    let marks = 0;
    for (let at = pdf.indexOf('CACHED-COPY'); at >= 0; at = pdf.indexOf('CACHED-COPY', at + 1)) marks++;
    expect(marks).toBe(shas.length);
  });

  it('a cache folder that cannot be written does not stop the export', async () => {
    const blocked = path.join(dir, 'blocked');
    fs.writeFileSync(blocked, 'a file where the cache folder would be');
    const out = path.join(dir, 'boards.pdf');
    await exportPdfBoards(project, out, { ...DEFAULT_PDF_OPTIONS, date: '2025-01-01' }, { cache: new PrintCache(path.join(blocked, 'print')) });
    expect(pdfPages(out)).toBeGreaterThan(0);
  });

  it('keeps to its budget, dropping the least recently used copies first', () => {
    const root = path.join(dir, 'cache-c');
    const cache = new PrintCache(root);
    const keys = ['a', 'b', 'c'].map((c) => `${c.repeat(64)}@100q84`);
    keys.forEach((k, i) => {
      cache.write(k, Buffer.alloc(1000, i));
      const t = new Date(Date.now() - (10 - i) * 60_000);
      fs.utimesSync(path.join(root, k.slice(0, 2), `${k}.jpg`), t, t);
    });
    cache.read(keys[0]); // used now: the newest
    cache.prune(2000);
    expect(cachedFiles(root).map((f) => path.basename(f, '.jpg')).sort()).toEqual([keys[0], keys[2]]);
  });

  it('lives in the platform cache folder, or where BOARDWRIGHT_CACHE_DIR / BOARDWRIGHT_HOME say', () => {
    expect(defaultPrintCacheDir({ BOARDWRIGHT_CACHE_DIR: '/tmp/c' }, 'linux')).toBe('/tmp/c/print');
    expect(defaultPrintCacheDir({ BOARDWRIGHT_HOME: '/tmp/h' }, 'linux')).toBe('/tmp/h/cache/print');
    expect(defaultPrintCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux')).toBe('/x/boardwright/print');
    expect(defaultPrintCacheDir({}, 'darwin')).toMatch(/Library\/Caches\/Boardwright\/print$/);
  });
});
