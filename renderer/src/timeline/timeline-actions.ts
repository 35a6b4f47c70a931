import type { AudioTrack, CameraFraming } from '../../../shared/domain/animatic';
import { frameToMs } from '../../../shared/domain/animatic';
import { api } from '../api/client';
import { refresh, run } from '../state/run';
import { useTimelineStore } from './timeline-store';
import { MAX_AUDIO_BYTES } from '../../../shared/api/uploads';

let loading = 0;

/** Re-reads the timeline (after any change to the board: the core's model is the one truth). */
export async function loadTimeline(): Promise<void> {
  const ticket = ++loading;
  try {
    const t = await api.call('timeline.get', {});
    if (ticket === loading) useTimelineStore.getState().setTimeline(t);
  } catch {
    if (ticket === loading) useTimelineStore.getState().setTimeline(null);
  }
}

/** Edits go through the shared queue (busy indicator, error notice), then the board and timeline reload. */
const edit = (failure: string, task: () => Promise<unknown>) =>
  run(failure, async () => {
    await task();
    await refresh();
  });

export const timelineActions = {
  /**
   * Sets a panel's length to a whole number of frames: its end lands exactly on frame start + frames
   * (the duration is the difference of the two cumulative times, in ms).
   */
  retime: (panelId: string, frames: number) =>
    edit('Could not change the panel duration', async () => {
      const t = useTimelineStore.getState().timeline;
      const seg = t?.segments.find((s) => s.panelId === panelId);
      if (!t || !seg) return;
      const before = t.segments.slice(0, seg.index).reduce((ms, s) => ms + s.nominalMs, 0);
      const end = Math.round(frameToMs(seg.startFrame + Math.max(1, frames), t.rate));
      await api.call('panels.update', { ids: [panelId], patch: { durationMs: Math.max(1, end - before) } });
    }),

  setTransition: (panelId: string, transition: 'cut' | 'dissolve' | 'fade in' | 'fade out', durationMs?: number) =>
    edit('Could not set the transition', () => api.call('panels.setTransition', { ids: [panelId], transition, durationMs })),

  setFraming: (panelId: string, framing: CameraFraming | null) =>
    edit('Could not set the camera move', () => api.call('panels.setFraming', { panelId, framing })),

  importAudio: (file: File, where: { track: AudioTrack; startMs?: number; panelId?: string }) =>
    edit(`Could not add ${file.name}`, async () => {
      if (file.size > MAX_AUDIO_BYTES) throw new Error(`${file.name} is ${(file.size / 1048576).toFixed(0)} MB; audio files up to 200 MB can be added.`);
      if (file.size === 0) throw new Error(`${file.name} is empty.`);
      const uploadId = await api.upload('audio', file);
      await api.call('audio.import', {
        fileName: file.name, uploadId, track: where.track,
        ...(where.panelId ? { kind: 'panel' as const, panelId: where.panelId, startMs: where.startMs ?? 0 } : { kind: 'track' as const, startMs: Math.max(0, Math.round(where.startMs ?? 0)) }),
      });
    }),

  updateAudio: (ids: string[], patch: { volume?: number; muted?: boolean; solo?: boolean; startMs?: number }) =>
    ids.length ? edit('Could not change the audio', () => api.call('audio.update', { ids, patch })) : Promise.resolve(undefined),

  deleteAudio: (ids: string[]) => edit('Could not remove the audio', () => api.call('audio.delete', { ids })),
};
