import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-runner';
import { Project } from '../../electron/core/project';
import { CURRENT_SCHEMA_VERSION } from '../../electron/core/db/migrations/index';
import { makePng, sha256File, tempDir } from './helpers';

describe('boardwright CLI', () => {
  const dir = tempDir('bw cli ünï ');
  const file = path.join(dir, 'Mon film é.boardwright');

  it('new, add, set, list --json, check', async () => {
    expect((await cli('new', file, '--title', 'Mon Film', '--aspect', '2.39', '--fps', '25')).code).toBe(0);
    const imgs = await Promise.all([0, 1, 2].map(async (i) => {
      const f = path.join(dir, `shot ${i}.png`);
      fs.writeFileSync(f, await makePng(320, 134, [i * 80, 60, 200 - i * 60]));
      return f;
    }));
    const added = await cli('add', file, ...imgs, '--scene', 'INT. KITCHEN - NIGHT', '--duration', '2.5');
    expect(added).toMatchObject({ code: 0 });
    expect(added.out.trim().split('\n')).toEqual(['Added panel 1A (shot 0.png)', 'Added panel 1B (shot 1.png)', 'Added panel 1C (shot 2.png)']);
    expect((await cli('add', file, imgs[0], '--scene', 'EXT. GARDEN - NIGHT')).code).toBe(0);

    const set = await cli('set', file, '1B', '--shot-size', 'cu', '--angle', 'low', '--lens', '85mm', '--move', 'dolly in', '--action', 'She turns.', '--dialogue', 'Qui est là ?', '--notes', 'Hold the beat', '--status', 'review', '--duration', '3');
    expect(set.code).toBe(0);

    const listed = await cli('list', file, '--json');
    expect(listed.code).toBe(0);
    const json = JSON.parse(listed.out);
    expect(json).toMatchObject({ title: 'Mon Film', aspectRatio: '2.39', fps: 25 });
    expect(json.scenes.map((s: { heading: string }) => s.heading)).toEqual(['INT. KITCHEN - NIGHT', 'EXT. GARDEN - NIGHT']);
    expect(json.scenes[0]).toMatchObject({ number: null, omitted: false, synopsis: '' });
    expect(json.scenes[0].panels[1]).toMatchObject({
      status: 'review', omitted: false, tags: [], transition: null, sound: '',
      shotNumber: '1B', durationMs: 3000, shotSize: 'CU', angle: 'low', lens: 85, move: 'dolly in',
      action: 'She turns.', dialogue: 'Qui est là ?', notes: 'Hold the beat', imageSha256: sha256File(imgs[1]),
    });
    expect(Object.keys(json.scenes[0].panels[0]).sort()).toEqual(
      ['id', 'shotNumber', 'durationMs', 'shotSize', 'angle', 'lens', 'move', 'action', 'dialogue', 'sound', 'notes', 'tags', 'transition', 'status', 'omitted', 'imageSha256'].sort(),
    );
    expect(json.scenes[1].panels[0].shotNumber).toBe('2A');

    const check = await cli('check', file);
    expect(check.code).toBe(0);
    expect(check.out).toContain(`schema version ${CURRENT_SCHEMA_VERSION} (`);
    expect(check.out).toMatch(/panels\s+4/);
    expect(check.out).toMatch(/integrity_check\s+ok/);
  });

  it('set is undoable like any edit', async () => {
    const p = Project.open(file);
    expect(p.history().undoLabel).toBe('Edit panel 1B');
    p.undo();
    expect(p.board().scenes[0].panels[1].shotSize).toBeNull();
    p.close();
  });

  it('set takes every shot field the inspector shows: sound, tags, transition, shot number', async () => {
    const r = await cli('set', file, '2A', '--sound', 'Rain on tin', '--tags', 'night, rain,night', '--transition', 'Dissolve', '--shot-number', '12X');
    expect(r).toMatchObject({ code: 0 });
    const panel = JSON.parse((await cli('list', file, '--json')).out).scenes[1].panels[0];
    expect(panel).toMatchObject({ shotNumber: '12X', sound: 'Rain on tin', tags: ['night', 'rain'], transition: 'dissolve' });
    expect((await cli('set', file, '12X', '--transition', 'wipe')).code).toBe(2);
    // A shot number another panel has is refused: exit 1, the file as it was.
    const before = sha256File(file);
    const dup = await cli('set', file, '12X', '--shot-number', '1a');
    expect(dup).toMatchObject({ code: 1 });
    expect(dup.err).toMatch(/Shot number 1a is already taken by another panel/);
    expect(sha256File(file)).toBe(before);
    expect((await cli('set', file, '12X', '--transition', '', '--shot-number', '')).code).toBe(0);
    expect(JSON.parse((await cli('list', file, '--json')).out).scenes[1].panels[0]).toMatchObject({ shotNumber: '2A', transition: null });
  });

  it('set-project changes the title, aspect ratio, frame rate and default duration, as one undoable edit', async () => {
    const r = await cli('set-project', file, '--title', 'Mon Film (v2)', '--aspect', '1.85', '--fps', '23.976', '--default-duration', '1.5');
    expect(r).toMatchObject({ code: 0 });
    expect(r.out.trim()).toBe('Updated Mon film é.boardwright: "Mon Film (v2)", 1.85, 23.976 fps, panels 1.5 s by default');
    expect(JSON.parse((await cli('list', file, '--json')).out)).toMatchObject({ title: 'Mon Film (v2)', aspectRatio: '1.85', fps: 23.976 });
    for (const bad of [['--aspect', '2:1'], ['--fps', '0'], ['--default-duration', 'soon'], []]) {
      expect((await cli('set-project', file, ...bad)).code, bad.join(' ')).toBe(2);
    }
    const p = Project.open(file);
    expect(p.history().undoLabel).toBe('Edit project settings');
    p.undo();
    expect(p.info()).toMatchObject({ title: 'Mon Film', aspectRatio: '2.39', fps: 25 });
    p.close();
  });

  it('user errors exit 1 with a one-line message and change nothing', async () => {
    const before = sha256File(file);
    const text = path.join(dir, 'readme.txt');
    fs.writeFileSync(text, 'hello');
    for (const argv of [
      ['add', file, text],
      ['add', file, path.join(dir, 'missing.png')],
      ['set', file, '9Z', '--notes', 'x'],
      ['list', text.replace('.txt', '.boardwright')],
      ['check', text],
      ['new', file],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
    expect(sha256File(file)).toBe(before);
  });

  it('bad usage exits 2', async () => {
    for (const argv of [[], ['frobnicate'], ['set', file], ['set', file, '1A'], ['set', file, '1A', '--duration', 'soon'], ['new', file, '--aspect', '3:1'], ['list', file, '--colour'], ['add', file]]) {
      expect((await cli(...argv)).code, argv.join(' ')).toBe(2);
    }
  });

  it('runs as `npx boardwright` from the repo', () => {
    const r = spawnSync('npx', ['boardwright', 'list', file, '--json'], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).title).toBe('Mon Film');
  });
});
