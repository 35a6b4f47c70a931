import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importAudio, updateAudioClips } from '../../electron/core/audio/audio-commands';
import { exportVideo, resolveOptions } from '../../electron/core/animatic/video-export';
import { readTimeline } from '../../electron/core/animatic/timeline';
import type { Project } from '../../electron/core/project';
import { tempDir } from './helpers';
import { audioOnsetMs, COLOURS, makeAnimaticProject, probe, toneWav } from './animatic-helpers';

const dir = tempDir('bw-animatic-audio ');
let project: Project;
afterAll(() => project?.close());

const ctx = () => ({ signal: new AbortController().signal, progress: () => {} });

describe('MP4 export with audio', { timeout: 240_000 }, () => {
  it('has an AAC stream, and a tone placed at panel 3 starts there to within one frame', async () => {
    project = await makeAnimaticProject(path.join(dir, 'tone.boardwright'), [
      { rgb: COLOURS[0], durationMs: 1130 }, { rgb: COLOURS[1], durationMs: 870 }, { rgb: COLOURS[2], durationMs: 1500 }, { rgb: COLOURS[3], durationMs: 700 },
    ]);
    const timeline = readTimeline(project, 23.976);
    const panel3 = timeline.segments[2];
    // A soundtrack file of silence with a 1 kHz burst 600 ms in, placed so the burst lands on panel 3's first frame.
    const wav = toneWav(2000, 600, 400);
    await importAudio(project, { bytes: wav, fileName: 'burst.wav', kind: 'track', track: 'effects', startMs: Math.round(panel3.startMs - 600) });
    const out = path.join(dir, 'tone.mp4');
    await exportVideo(project, 'mp4', out, resolveOptions(project, { fps: 23.976, height: 720 }), ctx());
    const info = probe(out);
    const audio = info.streams.find((s) => s.codec_type === 'audio');
    expect(audio).toMatchObject({ codec_name: 'aac', sample_rate: '48000' });
    const frameMs = 1001 / 24;
    expect(Math.abs(Number(audio!.duration) * 1000 - timeline.durationMs)).toBeLessThan(frameMs);
    const onset = audioOnsetMs(out)!;
    expect(onset).not.toBeNull();
    expect(Math.abs(onset - panel3.startMs)).toBeLessThan(frameMs);
  });

  it('panel audio starts with its panel; muted tracks are silent; solo keeps only the soloed track', async () => {
    const panel2 = project.board().scenes[0].panels[1];
    const t = readTimeline(project, 24);
    const soundtrack = t.audio[0];
    // Silence the soundtrack; put a burst on panel 2 itself (at 0 ms of its file), before the soundtrack's.
    updateAudioClips(project, [soundtrack.id], { muted: true });
    await importAudio(project, { bytes: toneWav(500, 0, 300), fileName: 'line.wav', kind: 'panel', panelId: panel2.id, track: 'dialogue' });
    const out = path.join(dir, 'panel-audio.mp4');
    await exportVideo(project, 'mp4', out, resolveOptions(project, { fps: 24, height: 720 }), ctx());
    const onset = audioOnsetMs(out)!;
    expect(Math.abs(onset - readTimeline(project, 24).segments[1].startMs)).toBeLessThan(1000 / 24);

    // Solo the (muted) soundtrack's lane instead: muted stays silent, so nothing is heard at all.
    updateAudioClips(project, [soundtrack.id], { solo: true });
    const silent = path.join(dir, 'solo-muted.mp4');
    await exportVideo(project, 'mp4', silent, resolveOptions(project, { fps: 24, height: 720 }), ctx());
    expect(probe(silent).streams.some((s) => s.codec_type === 'audio')).toBe(true);
    expect(audioOnsetMs(silent)).toBeNull();

    // Unmute it: with the soundtrack soloed, panel 2's line is not heard; the first sound is the soundtrack's burst.
    updateAudioClips(project, [soundtrack.id], { muted: false });
    const solo = path.join(dir, 'solo.mp4');
    await exportVideo(project, 'mp4', solo, resolveOptions(project, { fps: 24, height: 720 }), ctx());
    const soloOnset = audioOnsetMs(solo)!;
    expect(Math.abs(soloOnset - (soundtrack.startMs + 600))).toBeLessThan(1000 / 24);
  });
});
