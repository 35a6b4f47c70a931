import path from 'node:path';
import type { VideoExportOptions } from '../../../../shared/domain/animatic';
import { CoreError } from '../../errors';
import type { Session } from '../../session';
import { deleteAudioClips, importAudio, updateAudioClips } from '../../audio/audio-commands';
import { PEAKS_PER_SECOND } from '../../audio/audio-decode';
import { listAudioClips, readWaveform } from '../../audio/audio-queries';
import { setPanelFraming, setPanelTransition } from '../../animatic/framing-commands';
import { readTimeline } from '../../animatic/timeline';
import { checkVideoExport, exportVideo, resolveOptions, type VideoKind } from '../../animatic/video-export';
import type { UploadStore } from '../../uploads/upload-store';
import type { HandlersOf } from './types';

type AnimaticMethod =
  | 'timeline.get' | 'export.mp4' | 'export.imageSequence'
  | 'audio.import' | 'audio.list' | 'audio.update' | 'audio.delete' | 'audio.waveform'
  | 'panels.setFraming' | 'panels.setTransition';

export function animaticHandlers(session: Session, uploads: UploadStore): HandlersOf<AnimaticMethod> {
  const project = () => session.requireProject();

  /** Checks, asks for a path when none was given (Electron), then runs the export as a cancellable task. */
  const startExport = async (kind: VideoKind, file: string | undefined, partial: Partial<VideoExportOptions> | undefined) => {
    const p = project();
    const options = resolveOptions(p, partial);
    const title = p.info().title || 'Animatic';
    const target =
      file ??
      (await session.shell.chooseSavePath(
        kind === 'mp4'
          ? { title: 'Export Animatic (MP4)', defaultName: `${title} - animatic.mp4`, filters: [{ name: 'MP4 video', extensions: ['mp4'] }] }
          : { title: 'Export Image Sequence', defaultName: `${title} - frames`, filters: [] },
      ));
    if (!target) {
      if (session.shell.kind === 'web') throw new CoreError('UNSUPPORTED', 'Web mode has no save dialog: give the path to export to.');
      return null;
    }
    const abs = await checkVideoExport(p, kind, target);
    const label = kind === 'mp4' ? `Exporting ${path.basename(abs)}` : `Exporting frames to ${path.basename(abs)}`;
    const { taskId } = session.tasks.start(label, (ctx) => exportVideo(p, kind, abs, options, ctx));
    return { taskId, path: abs };
  };

  return {
    'timeline.get': ({ fps }) => readTimeline(project(), fps),
    'export.mp4': ({ path: file, options }) => startExport('mp4', file, options),
    'export.imageSequence': ({ path: file, options }) => startExport('png', file, options),
    'audio.import': ({ fileName, uploadId, kind, track, startMs, panelId }) => {
      const p = project();
      return importAudio(p, { bytes: uploads.take(uploadId, 'audio'), fileName, kind, track, startMs, panelId });
    },
    'audio.list': () => listAudioClips(project().db),
    'audio.update': ({ ids, patch }) => updateAudioClips(project(), ids, patch),
    'audio.delete': ({ ids }) => {
      deleteAudioClips(project(), ids);
      return null;
    },
    'audio.waveform': ({ sha256 }) => {
      const w = readWaveform(project().db, sha256);
      if (!w) throw new CoreError('NOT_FOUND', 'No such audio in this project.');
      return { sha256, durationMs: w.durationMs, peaksPerSecond: PEAKS_PER_SECOND, peaks: (w.waveform ?? Buffer.alloc(0)).toString('base64') };
    },
    'panels.setFraming': ({ panelId, framing }) => {
      setPanelFraming(project(), panelId, framing);
      return null;
    },
    'panels.setTransition': ({ ids, transition, durationMs }) => {
      setPanelTransition(project(), ids, transition, durationMs);
      return null;
    },
  };
}
