import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli-runner';
import { buildProject, pdfPages, run } from './export-helpers';
import { makePng, tempDir } from './helpers';

const dir = tempDir('bw cli export ü ');
const file = path.join(dir, 'Le film é.boardwright');

beforeAll(async () => {
  const panels = (n: number, scene: string) => Array.from({ length: n }, (_, i) => ({ action: `${scene} action ${i + 1}.`, dialogue: `${scene} line ${i + 1}` }));
  (await buildProject(file, 'Le Film', [{ heading: 'INT. CAFÉ - JOUR', panels: panels(5, 'Café') }, { heading: 'EXT. RUE - NUIT', panels: panels(4, 'Rue') }])).close();
}, 120_000);

describe('boardwright export pdf / csv', () => {
  it('exports boards with layout, paper, fields, selection and cover flags', async () => {
    const out = path.join(dir, 'sortie des planches.pdf');
    const logo = path.join(dir, 'logo.png');
    fs.writeFileSync(logo, await makePng(200, 80));
    const r = await cli('export', 'pdf', file, out, '--layout', '2x2', '--paper', 'a4', '--orientation', 'portrait', '--fields', 'shot,dialogue', '--scenes', '1', '--panels', '2B-2C', '--cover', '--credit', 'Réalisé par A. Ruiz', '--logo', logo, '--version-label', 'V3', '--footer', 'Confidentiel');
    expect(r).toMatchObject({ code: 0, err: '' });
    // Scene 1: 5 panels at 4 a page = 2 pages; scene 2: 2 panels = 1 page; plus the cover.
    expect(r.out.trim()).toBe(`Wrote ${out}: 7 panels on 4 pages`);
    expect(pdfPages(out)).toBe(4);
    expect(run('pdfinfo', [out]).stdout).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = run('pdftotext', [out, '-']).stdout;
    for (const s of ['Réalisé par A. Ruiz', 'Café line 5', 'Rue line 2', 'Rue line 3', 'V3', 'Confidentiel']) expect(text).toContain(s);
    expect(text).not.toContain('Rue line 1');
    expect(text).not.toContain('Café action 1.'); // action was not among --fields
  });

  it('defaults to 3x2 on letter landscape, and can print the shot list table', async () => {
    const out = path.join(dir, 'boards.pdf');
    expect((await cli('export', 'pdf', file, out)).code).toBe(0);
    expect(pdfPages(out)).toBe(2);
    expect(run('pdfinfo', [out]).stdout).toMatch(/Page size:\s+792 x 612 pts/);
    const table = path.join(dir, 'shots.pdf');
    const r = await cli('export', 'pdf', file, table, '--shot-list');
    expect(r.out).toMatch(/shot list of 9 shots on 1 page/);
    expect(run('pdftotext', [table, '-']).stdout).toContain('DESCRIPTION');
  });

  it('exports the shot list as CSV', async () => {
    const out = path.join(dir, 'liste des plans.csv');
    const r = await cli('export', 'csv', file, out, '--scenes', 'rue');
    expect(r).toMatchObject({ code: 0 });
    expect(r.out.trim()).toBe(`Wrote ${out}: 4 shots`);
    const lines = fs.readFileSync(out, 'utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('2,EXT. RUE - NUIT,2A,,,,,2,Rue action 1.,Rue line 1,,,,,draft');
    // Chosen columns, in the order asked.
    expect((await cli('export', 'csv', file, out, '--scenes', 'rue', '--columns', 'shot, status,dialogue')).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8').split('\r\n').slice(0, 2)).toEqual(['\ufeffShot,Status,Dialogue', '2A,draft,Rue line 1']);
    expect((await cli('export', 'csv', file, out, '--columns', 'shot,colour')).code).toBe(2);
  });

  it('exits 2 on bad usage and 1 on a user error, writing nothing', async () => {
    const out = path.join(dir, 'bad.pdf');
    for (const args of [['--layout', '5x1'], ['--layout', 'big'], ['--paper', 'legal'], ['--orientation', 'sideways'], ['--fields', 'shot,colour'], ['--date', 'today'], ['--nope']]) {
      const r = await cli('export', 'pdf', file, out, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^boardwright export: /);
    }
    expect((await cli('export', 'pdf', file)).code).toBe(2);
    expect((await cli('export', 'pdf', file, out, 'extra')).code).toBe(2);
    const empty = await cli('export', 'pdf', file, out, '--panels', '7Q');
    expect(empty).toMatchObject({ code: 1, err: 'boardwright export: There is no shot 7Q in this project.\n' });
    expect((await cli('export', 'pdf', path.join(dir, 'missing.boardwright'), out)).code).toBe(1);
    expect((await cli('export', 'pdf', file, path.join(dir, 'board.png'))).err).toMatch(/ending in \.pdf/);
    expect((await cli('export', 'csv', file, path.join(dir, 'x.csv'), '--scenes', '9')).code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
    expect((await cli('export', 'docx', file, out)).code).toBe(2);
  });

  it('explains itself with --help', async () => {
    const pdf = await cli('export', 'pdf', '--help');
    expect(pdf).toMatchObject({ code: 0 });
    expect(pdf.out).toMatch(/^Usage: boardwright export pdf FILE OUT\.pdf \[--layout COLSxROWS\]/);
    expect(pdf.out).toContain('"1A,1C,2A-2D"');
    expect((await cli('export', 'csv', '-h')).out).toMatch(/^Usage: boardwright export csv FILE OUT\.csv/);
  });
});
