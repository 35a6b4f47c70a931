/**
 * Paths and files an attacker or a careless user hands Boardwright: a NUL in a path, a relative path, a
 * missing folder, SQLite sidecar files a deleted project left behind, a picture too large to decode,
 * and text a spreadsheet would run as a formula. Each is refused with a clear message and nothing is
 * created or changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatch, createHandlers, Session, type Shell } from '../../electron/core/index';
import { Project } from '../../electron/core/project';
import { CoreError } from '../../electron/core/errors';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel, updatePanels } from '../../electron/core/commands/panel-commands';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { csvCell, decisionsToText } from '../../electron/core/decisions/decision-export';
import { csvField } from '../../electron/core/export/shot-list/csv';
import { MAX_INPUT_PIXELS } from '../../electron/core/media/image-import';
import { quickCheck } from '../../electron/core/db/quick-check';
import { snapshot, tempDir, refusal } from './helpers';

const shell: Shell = {
  kind: 'web', projectsDir: null,
  chooseNewProjectPath: async () => null, chooseProjectToOpen: async () => null, chooseCopyPath: async () => null, chooseSavePath: async () => null,
};

/** Every file in `dir` (hidden ones too), sorted. */
const listing = (dir: string) => fs.readdirSync(dir).sort();


describe('paths: a NUL byte, a relative path or a missing folder creates nothing', () => {
  const dir = tempDir('bw-paths-');
  const session = new Session(shell, path.join(dir, 'settings'));
  const dispatch = createDispatch(createHandlers(session), () => {});
  const work = path.join(dir, 'work');
  fs.mkdirSync(work);

  it('project.new answers BAD_INPUT for a NUL byte or a relative path, and leaves no stray SQLite file', async () => {
    for (const p of [path.join(work, 'evil\0tail.boardwright'), path.join(work, 'evil.boardwright\0.boardwright'), 'relative.boardwright']) {
      const r = await dispatch('project.new', { title: 'Evil', path: p });
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      expect((r as { error: { message: string } }).error.message).not.toMatch(/ERR_|at .*\.ts|stack/);
    }
    expect(listing(work)).toEqual([]);
    expect(fs.existsSync('relative.boardwright')).toBe(false);
    expect(refusal(() => Project.create(path.join(work, 'core\0.boardwright'), { title: 'x' })).code).toBe('BAD_INPUT');
    expect(listing(work)).toEqual([]);
  });

  it('saveCopyAs and decisions.export: NUL is BAD_INPUT, a missing folder is FILE_NOT_FOUND, nothing is written', async () => {
    expect(await dispatch('project.new', { title: 'Short', path: path.join(work, 'short.boardwright') })).toMatchObject({ ok: true });
    const before = listing(work);
    const bad = [
      ['project.saveCopyAs', { path: path.join(work, 'copy\0.boardwright') }, 'BAD_INPUT'],
      ['project.saveCopyAs', { path: path.join(work, 'missing', 'copy.boardwright') }, 'FILE_NOT_FOUND'],
      ['decisions.export', { path: path.join(work, 'log\0.csv'), format: 'csv' }, 'BAD_INPUT'],
      ['decisions.export', { path: path.join(work, 'missing', 'log.csv'), format: 'csv' }, 'FILE_NOT_FOUND'],
      ['decisions.export', { path: 'log.csv', format: 'csv' }, 'BAD_INPUT'],
    ] as const;
    for (const [method, input, code] of bad) {
      const r = await dispatch(method, input);
      expect(r, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code } });
    }
    expect(listing(work)).toEqual(before);
    expect(fs.existsSync(path.join(work, 'missing'))).toBe(false);
    session.close();
  });
});

/** A project at `file` whose -wal, copied while it was open, still holds frames of its last edits. */
function staleWalOf(file: string): Buffer {
  const p = Project.create(file, { title: 'Deleted' });
  const scene = createScene(p, { patch: { heading: 'INT. OLD - NIGHT' } });
  for (let i = 0; i < 30; i++) createPanel(p, { sceneId: scene.id, patch: { action: `old ${i} `.repeat(200) } });
  const wal = fs.readFileSync(`${file}-wal`);
  p.close();
  expect(wal.length).toBeGreaterThan(32);
  return wal;
}

const integrity = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
};

describe('SQLite sidecar files a deleted project left behind', () => {
  it('a new project at the same path does not replay the old -wal, and is whole', () => {
    const dir = tempDir('bw-stale-');
    const file = path.join(dir, 'reused.boardwright');
    const wal = staleWalOf(file);
    fs.rmSync(file);
    fs.writeFileSync(`${file}-wal`, wal);
    fs.writeFileSync(`${file}-journal`, Buffer.alloc(512, 7));

    const p = Project.create(file, { title: 'Fresh' });
    expect(p.board().scenes).toEqual([]);
    expect(p.info().title).toBe('Fresh');
    createScene(p, { patch: { heading: 'EXT. NEW - DAY' } });
    p.close();
    expect(integrity(file)).toBe('ok');
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
  });

  it('Save a Copy As over a path with a stale -wal gives a whole copy', async () => {
    const dir = tempDir('bw-stale-copy-');
    const target = path.join(dir, 'copy.boardwright');
    const wal = staleWalOf(target);
    fs.rmSync(target);
    fs.writeFileSync(`${target}-wal`, wal);

    const session = new Session(shell, path.join(dir, 'settings'));
    session.create(path.join(dir, 'original.boardwright'), { title: 'Original' });
    createScene(session.requireProject(), { patch: { heading: 'INT. ORIGINAL - DAY' } });
    await session.saveCopy(target);
    session.close();
    expect(integrity(target)).toBe('ok');
    const copy = Project.open(target);
    expect(copy.board().scenes.map((s) => s.heading)).toEqual(['INT. ORIGINAL - DAY']);
    copy.close();
  });
});

describe('a file just written is checked before it is used', () => {
  it('quickCheck passes a whole project and refuses a damaged one as CORRUPT', () => {
    const dir = tempDir('bw-quick-');
    const file = path.join(dir, 'whole.boardwright');
    const p = Project.create(file, { title: 'Whole' });
    const scene = createScene(p, {});
    for (let i = 0; i < 40; i++) createPanel(p, { sceneId: scene.id, patch: { action: 'x'.repeat(3000) } });
    p.close();
    expect(() => quickCheck(file, 'whole.boardwright')).not.toThrow();
    const buf = fs.readFileSync(file);
    const pageSize = buf.readUInt16BE(16);
    // Damage the middle of the file (table pages), leaving the header and schema page whole.
    for (let i = pageSize * 3; i < pageSize * 6; i++) buf[i] = (i * 31) & 0xff;
    const damaged = path.join(dir, 'damaged.boardwright');
    fs.writeFileSync(damaged, buf);
    expect(refusal(() => quickCheck(damaged, 'damaged.boardwright')).code).toBe('CORRUPT');
  });
});

/** A PNG whose header says 30000 x 30000 (the pixel data is never reached). */
function hugePngHeader(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk('IEND', Buffer.alloc(0))]);
}

describe('pictures', () => {
  it('a 30000 x 30000 PNG is refused as too large, with the limit, and the project is unchanged', async () => {
    const p = Project.create(path.join(tempDir(), 'big.boardwright'), { title: 'Big' });
    const panel = createPanel(p, { sceneId: createScene(p, {}).id });
    const before = snapshot(p.db);
    const err = await setPanelImage(p, panel.id, hugePngHeader(30000, 30000), 'matte.png').catch((e: CoreError) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect(err).toMatchObject({ code: 'TOO_LARGE' });
    expect((err as CoreError).message).toContain('matte.png is too large: 30,000 × 30,000 pixels (900 megapixels)');
    expect((err as CoreError).message).toContain(`up to ${Math.round(MAX_INPUT_PIXELS / 1e6)} megapixels`);
    expect(snapshot(p.db)).toEqual(before);
    p.close();
  });
});

describe('CSV exports defuse spreadsheet formulas', () => {
  const attacks = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '-cmd|calc', '@SUM(A1)', '\t=1', '\r=1'];
  it('the shot list and the decision log prefix = + - @ tab CR with an apostrophe', () => {
    for (const a of attacks) {
      expect(csvField(a).replace(/^"/, '').startsWith("'"), a).toBe(true);
      expect(csvCell(a).replace(/^"/, '').startsWith("'"), a).toBe(true);
    }
  });
  it('plain numbers and ordinary text stay as they are', () => {
    for (const v of ['-5', '+2.5', '-0.25', 'INT. ROOF', 'e-mail']) {
      expect(csvField(v)).toBe(v);
      expect(csvCell(v)).toBe(v);
    }
  });
  it('the decision log CSV carries a defused note end to end', () => {
    const p = Project.create(path.join(tempDir(), 'csv.boardwright'), { title: 'CSV' });
    const panel = createPanel(p, { sceneId: createScene(p, {}).id });
    updatePanels(p, [panel.id], { lensMm: 35 });
    updatePanels(p, [panel.id], { shotSize: '-1+cmd' });
    const text = decisionsToText(p, 'csv');
    expect(text).toContain(",'-1+cmd");
    expect(text).not.toMatch(/,-1\+cmd/);
    p.close();
  });
});
