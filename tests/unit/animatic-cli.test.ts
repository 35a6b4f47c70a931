import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-runner';
import { tempDir } from './helpers';
import { COLOURS, makeAnimaticProject, probe } from './animatic-helpers';

describe('boardwright export mp4', { timeout: 240_000 }, () => {
  const dir = tempDir('bw-cli-mp4 é ');
  const file = path.join(dir, 'Court métrage.boardwright');

  it('writes the animatic with the asked rate, size and burn-ins', async () => {
    (await makeAnimaticProject(file, [{ rgb: COLOURS[0], durationMs: 600, dialogue: 'Allô ?', sound: 'SFX: porte qui claque' }, { rgb: COLOURS[1], durationMs: 400 }])).close();
    const out = path.join(dir, 'sortie finale.mp4');
    const r = await cli('export', 'mp4', file, out, '--fps', '25', '--height', '720', '--burn-in', 'shot,dialogue,sound,timecode');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out.trim()).toBe(`Wrote ${out} (1280x720 at 25 fps, 1.00 s)`);
    const v = probe(out).streams[0];
    expect(v).toMatchObject({ codec_name: 'h264', width: 1280, height: 720, r_frame_rate: '25/1', nb_frames: '25' });
    const frames = await cli('export', 'frames', file, path.join(dir, 'frames'), '--fps', '24', '--height', '720', '--native');
    expect(frames.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'frames'))).toHaveLength(24);
  });

  it('bad options are usage errors (2); an empty project or a missing file is a problem (1)', async () => {
    expect(await cli('export', 'mp4', file, path.join(dir, 'a.mp4'), '--fps', '12')).toMatchObject({ code: 2, err: expect.stringContaining('--fps must be one of 23.976, 24, 25, 30') });
    expect(await cli('export', 'mp4', file, path.join(dir, 'a.mp4'), '--burn-in', 'shot,logo')).toMatchObject({ code: 2, err: expect.stringContaining('"logo"') });
    expect((await cli('export', 'mp4', file)).code).toBe(2);
    const empty = path.join(dir, 'empty.boardwright');
    (await makeAnimaticProject(empty, [])).close();
    expect(await cli('export', 'mp4', empty, path.join(dir, 'b.mp4'))).toMatchObject({ code: 1, err: expect.stringContaining('no panels') });
    expect(await cli('export', 'mp4', path.join(dir, 'missing.boardwright'), path.join(dir, 'c.mp4'))).toMatchObject({ code: 1 });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.mp4'))).toEqual(['sortie finale.mp4']);
  });
});
