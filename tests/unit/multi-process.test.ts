/**
 * One writer per project file. A second writer (another process, another window of the same process,
 * the CLI) is refused at once with the file and the holder's pid, and may open the project read-only;
 * a lock left by a killed process is taken over; a write lock held by another program fails fast.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { Session, type Shell } from '../../electron/core/index';
import { CoreError } from '../../electron/core/errors';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel, updatePanels } from '../../electron/core/commands/panel-commands';
import { BUSY_TIMEOUT_MS } from '../../electron/core/db/connection';
import { lockFileOf } from '../../electron/core/db/project-lock';
import { sha256File, tempDir, refusal } from './helpers';
import { buildOnce, runCliProcess, startWeb, type WebProcess } from './processes';

const shell: Shell = {
  kind: 'web', projectsDir: null,
  chooseNewProjectPath: async () => null, chooseProjectToOpen: async () => null, chooseCopyPath: async () => null, chooseSavePath: async () => null,
};


describe('a project open in another Boardwright process', () => {
  const home = tempDir('bw-two-');
  const file = path.join(home, 'Shared.boardwright');
  let web: WebProcess;
  let panelId = '';

  beforeAll(async () => {
    buildOnce();
    const p = Project.create(file, { title: 'Shared' });
    panelId = createPanel(p, { sceneId: createScene(p, { patch: { heading: 'INT. STUDIO - DAY' } }).id }).id;
    p.close();
    web = await startWeb(file, home);
    expect(await web.call('panels.update', { ids: [panelId], patch: { notes: 'written by web mode' } })).toMatchObject({ ok: true });
  });
  afterAll(() => web?.kill());

  it('a second writer in this process is refused at once, naming the file and the pid', () => {
    const started = performance.now();
    const err = refusal(() => Project.open(file));
    const ms = performance.now() - started;
    console.log(`second writer refused in ${ms.toFixed(1)} ms`);
    expect(err.code).toBe('FILE_IN_USE');
    expect(err.message).toBe(`Shared.boardwright is open in another Boardwright process (pid ${web.child.pid}). Close it there, or open it read-only.`);
  });

  it('a second web server on the same file does not start, and says why', async () => {
    const err = await startWeb(file, home).then(
      (w) => (w.kill(), ''),
      (e: Error) => e.message,
    );
    expect(err).toContain(`Shared.boardwright is open in another Boardwright process (pid ${web.child.pid})`);
  });

  it('a CLI edit is refused with exit 1; the CLI reads (list) work while web mode writes', async () => {
    const before = sha256File(file);
    const set = await runCliProcess(['set', file, '1A', '--notes', 'from the CLI']);
    expect(set.code).toBe(1);
    expect(set.err.trim()).toBe(`boardwright set: Shared.boardwright is open in another Boardwright process (pid ${web.child.pid}). Close it there, or open it read-only.`);
    expect(sha256File(file)).toBe(before);
    const list = await runCliProcess(['list', file, '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out).scenes[0].panels[0].notes).toBe('written by web mode');
  });

  it('opens read-only beside the writer: sees its edits, refuses edits, and leaves the lock alone', async () => {
    const ro = Project.open(file, { readOnly: true });
    expect(ro.readOnly).toBe(true);
    expect(ro.info().readOnly).toBe(true);
    expect(ro.panel(panelId).notes).toBe('written by web mode');
    expect(refusal(() => updatePanels(ro, [panelId], { notes: 'sneaky' })).code).toBe('READ_ONLY');
    expect(await web.call('panels.update', { ids: [panelId], patch: { notes: 'second edit' } })).toMatchObject({ ok: true });
    expect(ro.panel(panelId).notes).toBe('second edit');
    ro.close();
    expect(JSON.parse(fs.readFileSync(lockFileOf(file), 'utf8')).pid).toBe(web.child.pid);
  });

  it('Save a Copy As onto the file the other process has open is refused, and the file is untouched', async () => {
    const session = new Session(shell, path.join(home, 'settings'));
    session.create(path.join(home, 'Other.boardwright'), { title: 'Other' });
    const before = sha256File(file);
    const err = await session.saveCopy(file).catch((e: CoreError) => e);
    expect(err).toMatchObject({ code: 'FILE_IN_USE' });
    expect(sha256File(file)).toBe(before);
    session.close();
  });

  it('once that process is killed, its lock is stale and the project opens for writing', async () => {
    await web.kill();
    expect(fs.existsSync(lockFileOf(file))).toBe(true);
    const p = Project.open(file);
    expect(p.panel(panelId).notes).toBe('second edit');
    expect(JSON.parse(fs.readFileSync(lockFileOf(file), 'utf8')).pid).toBe(process.pid);
    p.close();
    expect(fs.existsSync(lockFileOf(file))).toBe(false);
  });
});

describe('locks in one process, stale and unreadable locks', () => {
  it('a second window (session) of the same process is refused; after the first closes it opens', () => {
    const dir = tempDir('bw-window-');
    const file = path.join(dir, 'One.boardwright');
    const a = new Session(shell, path.join(dir, 's1'));
    const b = new Session(shell, path.join(dir, 's2'));
    a.create(file, { title: 'One' });
    const err = refusal(() => b.open(file));
    expect(err).toMatchObject({ code: 'FILE_IN_USE', message: `One.boardwright is already open in this Boardwright process (pid ${process.pid}).` });
    expect(a.requireProject().info().title).toBe('One');
    a.close();
    expect(b.open(file).title).toBe('One');
    b.close();
  });

  it('takes over a lock whose pid is gone, whose pid was reused by another process, or that is unreadable', () => {
    const dir = tempDir('bw-stale-lock-');
    const file = path.join(dir, 'Stale.boardwright');
    Project.create(file, { title: 'Stale' }).close();
    const stale = [
      JSON.stringify({ app: 'Boardwright', pid: 2 ** 22 + 12345, host: os.hostname(), started: 1, token: 'gone' }),
      '{"app":"Boardwri', // cut short by a crash
      '',
    ];
    // A live pid (this test's) that started at another time is another process now: Linux tells.
    if (process.platform === 'linux') stale.push(JSON.stringify({ app: 'Boardwright', pid: process.pid, host: os.hostname(), started: 1, token: 'reused' }));
    for (const body of stale) {
      fs.writeFileSync(lockFileOf(file), body);
      const p = Project.open(file);
      expect(JSON.parse(fs.readFileSync(lockFileOf(file), 'utf8')).pid).toBe(process.pid);
      p.close();
      expect(fs.existsSync(lockFileOf(file))).toBe(false);
    }
  });

  it('a lock from another computer (a shared folder) is respected', () => {
    const dir = tempDir('bw-remote-lock-');
    const file = path.join(dir, 'Remote.boardwright');
    Project.create(file, { title: 'Remote' }).close();
    fs.writeFileSync(lockFileOf(file), JSON.stringify({ app: 'Boardwright', pid: 4242, host: 'edit-suite-2', started: null, token: 'x' }));
    expect(refusal(() => Project.open(file)).message).toBe('Remote.boardwright is open in another Boardwright process (pid 4242 on edit-suite-2). Close it there, or open it read-only.');
  });
});

describe('a write lock held by another program', () => {
  it('fails the edit fast with FILE_IN_USE naming the file, and changes nothing', () => {
    const dir = tempDir('bw-busy-');
    const file = path.join(dir, 'Busy.boardwright');
    const p = Project.create(file, { title: 'Busy' });
    const panel = createPanel(p, { sceneId: createScene(p, {}).id });
    expect(p.db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(BUSY_TIMEOUT_MS).toBeLessThan(2000);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    const err = refusal(() => updatePanels(p, [panel.id], { notes: 'blocked' }));
    console.log(`busy edit failed after ${(performance.now() - started).toFixed(0)} ms`);
    other.exec('ROLLBACK');
    other.close();
    expect(err).toMatchObject({ code: 'FILE_IN_USE' });
    expect(err.message).toBe('Busy.boardwright is busy: another program is writing to it. Try again in a moment; nothing was changed.');
    expect(p.panel(panel.id).notes).toBe('');
    expect(p.history().undoLabel).toBe('Add panel');
    p.close();
  });
});
