import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SHOT_LIST_OPTIONS } from '../../shared/domain/export';
import { csvField, CSV_HEADER } from '../../electron/core/export/shot-list/csv';
import { exportShotListCsv, exportShotListPdf } from '../../electron/core/export/shot-list/export-shot-list';
import type { Project } from '../../electron/core/project';
import { buildProject, pdfPages, renderPages, run } from './export-helpers';
import { tempDir } from './helpers';

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

const dir = tempDir('bw shotlist ü ');
let project: Project;
const many = Array.from({ length: 40 }, (_, i) => ({
  action: `Shot ${i + 1}: the crowd parts as the cart rolls through the market, ${'stalls and awnings flapping, '.repeat(i % 4)}dust in the light.`,
  dialogue: i % 3 === 0 ? `VENDOR: Fresh figs! Number ${i + 1}!` : '',
  shotSize: 'MS', angle: 'high', lensMm: 35, cameraMove: 'truck', durationMs: 2500,
}));

beforeAll(async () => {
  project = await buildProject(path.join(dir, 'Market.boardwright'), 'Market Day', [
    {
      heading: 'EXT. MARKET, NOON - DAY',
      panels: [
        { action: 'She says "no", then leaves,\nslowly.', dialogue: '=SUM(A1) — не формула', notes: '日本語のメモ', shotSize: 'WS', angle: 'low', lensMm: 24, cameraMove: 'pan', durationMs: 3200, status: 'approved', sound: 'Crowd, bells', tags: ['market', 'hero'], transition: 'dissolve' },
        { action: '-', dialogue: '', notes: '', durationMs: 1000 },
      ],
    },
    { heading: 'EXT. STREET - DAY', panels: many },
  ]);
}, 120_000);
afterAll(() => project?.close());

describe('shot list', () => {
  it('writes CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting, one row per shot', async () => {
    const file = path.join(dir, 'Shot list — v1.csv');
    expect(await exportShotListCsv(project, file, { selection: {} })).toEqual({ path: file, pages: 0, panels: 42 });
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows[0]).toEqual(['Scene', 'Scene heading', 'Shot', 'Size', 'Angle', 'Lens (mm)', 'Move', 'Duration (s)', 'Description', 'Dialogue', 'Sound', 'Transition', 'Notes', 'Tags', 'Status']);
    expect(rows).toHaveLength(43);
    expect(rows[1]).toEqual(['1', 'EXT. MARKET, NOON - DAY', '1A', 'WS', 'low', '24', 'pan', '3.2', 'She says "no", then leaves,\nslowly.', "'=SUM(A1) — не формула", 'Crowd, bells', 'Cross-dissolve', '日本語のメモ', 'market, hero', 'approved']);
    expect(rows[2]).toEqual(['1', 'EXT. MARKET, NOON - DAY', '1B', '', '', '', '', '1', "'-", '', '', '', '', '', 'draft']);
    expect(rows[3].slice(0, 3)).toEqual(['2', 'EXT. STREET - DAY', '2A']);
    expect(text).toContain('"She says ""no"", then leaves,\nslowly."');
  });

  it('quotes only what needs it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(2.5)).toBe('2.5');
    expect(csvField('-3')).toBe('-3');
    expect(csvField('@cmd')).toBe("'@cmd");
  });

  it('exports only selected shots, and refuses an empty selection without writing', async () => {
    const file = path.join(dir, 'some.csv');
    expect((await exportShotListCsv(project, file, { selection: { panels: '2B-2D' } })).panels).toBe(3);
    await expect(exportShotListCsv(project, path.join(dir, 'none.csv'), { selection: { scenes: 'harbour' } })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(fs.existsSync(path.join(dir, 'none.csv'))).toBe(false);
  });

  it('prints a PDF table: header row on every page, scene bands, wrapped cells, every shot', async () => {
    const file = path.join(dir, 'Shot list.pdf');
    const r = await exportShotListPdf(project, file, { ...DEFAULT_SHOT_LIST_OPTIONS, versionLabel: 'Prep v3', footer: 'Call sheet attachment', date: '2025-03-14' });
    expect(r.panels).toBe(42);
    expect(pdfPages(file)).toBe(r.pages);
    expect(r.pages).toBeGreaterThan(1);
    for (let p = 1; p <= r.pages; p++) {
      const page = run('pdftotext', ['-f', String(p), '-l', String(p), '-layout', file, '-']).stdout;
      for (const h of ['SCENE', 'SHOT', 'SIZE', 'ANGLE', 'LENS', 'MOVE', 'DUR.', 'DESCRIPTION', 'DIALOGUE', 'NOTES', 'STATUS']) expect(page, `page ${p}`).toContain(h);
      expect(page).toContain(`Page ${p} of ${r.pages}`);
    }
    const all = run('pdftotext', ['-raw', file, '-']).stdout;
    const shots = ['1A', '1B', ...Array.from({ length: 40 }, (_, i) => `2${i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`}`)];
    const at = shots.map((s) => all.search(new RegExp(`(^|\\s)${s}(\\s|$)`)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    for (const s of ['EXT. MARKET, NOON - DAY', '(continued)', 'не формула', '日本語のメモ', 'approved', '24mm', '3.2s', 'Call sheet attachment', 'SHOT LIST']) expect(all).toContain(s);
    renderPages(file, 'shot-list', 1, 2);
  });
});
