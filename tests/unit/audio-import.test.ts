import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteAudioClips, importAudio, updateAudioClips } from '../../electron/core/audio/audio-commands';
import { listAudioClips, readWaveform } from '../../electron/core/audio/audio-queries';
import { sniffAudio } from '../../electron/core/audio/audio-format';
import { deletePanels } from '../../electron/core/commands/panel-commands';
import type { Project } from '../../electron/core/project';
import { makePng, snapshot, tempDir } from './helpers';
import { COLOURS, makeAnimaticProject, toneWav } from './animatic-helpers';

const dir = tempDir('bw-audio ');
let project: Project;
afterAll(() => project?.close());

/** The same 1 s tone (silence, then a burst at 400 ms) in each format, made with the system ffmpeg. */
function encodeAs(ext: string): Buffer {
  const wav = path.join(dir, 'tone.wav');
  if (!fs.existsSync(wav)) fs.writeFileSync(wav, toneWav(1000, 400, 300));
  if (ext === 'wav') return fs.readFileSync(wav);
  const out = path.join(dir, `tone.${ext}`);
  const codec = { mp3: ['-c:a', 'libmp3lame', '-b:a', '128k'], m4a: ['-c:a', 'aac', '-b:a', '128k'], ogg: ['-c:a', 'libvorbis'], flac: ['-c:a', 'flac'] }[ext]!;
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', wav, ...codec, out]);
  return fs.readFileSync(out);
}

describe('audio import', { timeout: 120_000 }, () => {
  it('imports WAV, MP3, M4A, OGG and FLAC: measured, summarised as a waveform, stored once by SHA-256', async () => {
    project = await makeAnimaticProject(path.join(dir, 'sound.boardwright'), [
      { rgb: COLOURS[0], durationMs: 1000 }, { rgb: COLOURS[1], durationMs: 1000 }, { rgb: COLOURS[2], durationMs: 1000 },
    ]);
    const expected: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mpeg', m4a: 'audio/mp4', ogg: 'audio/ogg', flac: 'audio/flac' };
    for (const ext of Object.keys(expected)) {
      const bytes = encodeAs(ext);
      expect(sniffAudio(bytes)?.mime).toBe(expected[ext]);
      const clip = await importAudio(project, { bytes, fileName: `tone.${ext}`, kind: 'track', track: 'effects', startMs: 250 });
      expect(clip).toMatchObject({ kind: 'track', track: 'effects', startMs: 250, volume: 1, muted: false, solo: false, sourceName: `tone.${ext}` });
      // Lossy encoders pad a little; the length is still the tone's.
      expect(Math.abs(clip.fileDurationMs - 1000)).toBeLessThan(80);
      const wave = readWaveform(project.db, clip.sha256)!;
      expect(Math.abs(wave.waveform!.length - 100)).toBeLessThanOrEqual(8);
      // Quiet before the burst at 400 ms, loud during it.
      expect(Math.max(...wave.waveform!.subarray(0, 30))).toBeLessThan(10);
      expect(Math.max(...wave.waveform!.subarray(45, 65))).toBeGreaterThan(120);
    }
    expect(project.history().undoLabel).toBe('Add audio tone.flac to Effects');
    const again = await importAudio(project, { bytes: encodeAs('wav'), fileName: 'same.wav', kind: 'panel', panelId: project.board().scenes[0].panels[2].id });
    expect(again).toMatchObject({ kind: 'panel', track: 'dialogue', startMs: 0 });
    expect(project.db.prepare('SELECT COUNT(*) FROM audio_blobs').pluck().get()).toBe(5);
    expect(listAudioClips(project.db)).toHaveLength(6);
  });

  it('refuses files that are not audio, or do not decode, and changes nothing', async () => {
    const before = snapshot(project.db);
    const history = project.history();
    const cases: [string, Buffer, RegExp][] = [
      ['notes.txt', Buffer.from('INT. KITCHEN - NIGHT\nThe kettle boils.\n'), /notes\.txt is not an audio file Boardwright can use \(WAV, MP3, M4A, OGG or FLAC\)/],
      ['frame.png', await makePng(64, 36), /frame\.png is not an audio file/],
      ['broken.wav', Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(64, 7)]), /broken\.wav could not be read as WAV audio/],
      ['empty.mp3', Buffer.alloc(0), /empty\.mp3 is empty/],
    ];
    for (const [name, bytes, message] of cases) {
      await expect(importAudio(project, { bytes, fileName: name, kind: 'track' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(message) });
    }
    await expect(importAudio(project, { bytes: encodeAs('wav'), fileName: 'x.wav', kind: 'panel', panelId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(snapshot(project.db)).toEqual(before);
    expect(project.history()).toEqual(history);
  });

  it('volume, mute, solo and moves are undoable edits; panel audio goes and comes back with its panel', async () => {
    const clips = listAudioClips(project.db);
    const effects = clips.filter((c) => c.track === 'effects').map((c) => c.id);
    updateAudioClips(project, effects, { volume: 0.5, muted: true });
    expect(project.history().undoLabel).toBe('Mute audio');
    expect(listAudioClips(project.db).filter((c) => c.track === 'effects').every((c) => c.volume === 0.5 && c.muted)).toBe(true);
    project.undo();
    expect(listAudioClips(project.db).filter((c) => c.track === 'effects').every((c) => c.volume === 1 && !c.muted)).toBe(true);
    updateAudioClips(project, [effects[0]], { startMs: 1500, solo: true });
    expect(listAudioClips(project.db).find((c) => c.id === effects[0])).toMatchObject({ startMs: 1500, solo: true });

    const panelClip = clips.find((c) => c.kind === 'panel')!;
    deletePanels(project, [panelClip.panelId!]);
    expect(listAudioClips(project.db).some((c) => c.id === panelClip.id)).toBe(false);
    project.undo();
    expect(listAudioClips(project.db).find((c) => c.id === panelClip.id)).toMatchObject({ panelId: panelClip.panelId });

    deleteAudioClips(project, [effects[1]]);
    expect(listAudioClips(project.db)).toHaveLength(5);
    project.undo();
    expect(listAudioClips(project.db)).toHaveLength(6);
    expect(() => updateAudioClips(project, ['missing'], { volume: 1 })).toThrow(/No audio clip/);
  });
});
