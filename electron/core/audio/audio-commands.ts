import type { AudioClipInput, AudioTrack } from '../../../shared/domain/animatic';
import { AUDIO_TRACK_LABELS } from '../../../shared/domain/animatic';
import { CoreError } from '../errors';
import type { Project } from '../project';
import { newId } from '../commands/ids';
import { requirePanel } from '../commands/panel-commands';
import { prepareAudio } from './audio-decode';
import { getAudioClip, storeAudio } from './audio-queries';

export interface AudioImport {
  bytes: Buffer;
  fileName: string;
  kind: 'track' | 'panel';
  track?: AudioTrack;
  startMs?: number;
  panelId?: string;
}

/**
 * Adds an audio file as a soundtrack clip at a time, or as a panel's own audio (which then moves with
 * the panel). The file is checked and measured first, so a bad file changes nothing. One undo step.
 */
export async function importAudio(project: Project, input: AudioImport): Promise<AudioClipInput> {
  if (input.kind === 'panel') {
    if (!input.panelId) throw new CoreError('BAD_INPUT', 'Panel audio needs a panel.');
    requirePanel(project, input.panelId);
  }
  const audio = await prepareAudio(input.bytes, input.fileName || null);
  const id = newId();
  const track = input.track ?? (input.kind === 'panel' ? 'dialogue' : 'music');
  const where = input.kind === 'panel' ? ` to panel ${project.panel(input.panelId!).shotNumber}` : ` to ${AUDIO_TRACK_LABELS[track]}`;
  project.edit(`Add audio ${input.fileName || ''}${where}`.replace(/\s+/g, ' '), (rec) => {
    storeAudio(project.db, audio);
    rec.insert('audio_clips', {
      id,
      kind: input.kind,
      track,
      panel_id: input.kind === 'panel' ? input.panelId! : null,
      audio_sha256: audio.sha256,
      start_ms: input.startMs ?? 0,
      offset_ms: 0,
      duration_ms: null,
      volume: 1,
      muted: 0,
      solo: 0,
    });
  });
  return getAudioClip(project.db, id)!;
}

export interface AudioPatch {
  volume?: number;
  muted?: boolean;
  solo?: boolean;
  startMs?: number;
  track?: AudioTrack;
}

function requireClip(project: Project, id: string): AudioClipInput {
  const clip = getAudioClip(project.db, id);
  if (!clip) throw new CoreError('NOT_FOUND', `No audio clip with id ${id}.`);
  return clip;
}

function describe(patch: AudioPatch): string {
  if (patch.muted !== undefined) return patch.muted ? 'Mute audio' : 'Unmute audio';
  if (patch.solo !== undefined) return patch.solo ? 'Solo audio' : 'Unsolo audio';
  if (patch.volume !== undefined) return 'Change audio volume';
  if (patch.startMs !== undefined) return 'Move audio';
  return 'Change audio';
}

/** Applies one patch to clips (a lane's volume, mute or solo is set on all its clips), as one undo step. */
export function updateAudioClips(project: Project, ids: string[], patch: AudioPatch): AudioClipInput[] {
  for (const id of ids) requireClip(project, id);
  const row: Record<string, number | string> = {};
  if (patch.volume !== undefined) row.volume = patch.volume;
  if (patch.muted !== undefined) row.muted = patch.muted ? 1 : 0;
  if (patch.solo !== undefined) row.solo = patch.solo ? 1 : 0;
  if (patch.startMs !== undefined) row.start_ms = patch.startMs;
  if (patch.track !== undefined) row.track = patch.track;
  project.edit(describe(patch), (rec) => {
    for (const id of ids) rec.update('audio_clips', { id }, row);
  });
  return ids.map((id) => requireClip(project, id));
}

/** Removes clips (the stored file stays, like images, so undo brings them back whole). */
export function deleteAudioClips(project: Project, ids: string[]): void {
  for (const id of ids) requireClip(project, id);
  project.edit(ids.length === 1 ? 'Remove audio' : `Remove ${ids.length} audio clips`, (rec) => {
    for (const id of ids) rec.delete('audio_clips', { id });
  });
}
