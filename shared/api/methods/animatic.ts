/** The animatic: timeline, audio, camera moves, transitions, and MP4 / image-sequence export. */
import { z } from 'zod';
import type { AudioClipInput, Timeline } from '../../domain/animatic';
import { AUDIO_TRACKS, BURN_INS, EXPORT_FPS, EXPORT_HEIGHTS, FRAME_MODES } from '../../domain/animatic';
import { TRANSITIONS } from '../../domain/board-constants';
import { fps, id, ids, method, noInput, outputPath, uploadId } from '../schemas';

export { MAX_AUDIO_BYTES } from '../uploads';

const exportOptions = z
  .object({
    height: z.literal([...EXPORT_HEIGHTS]),
    /** Defaults to the project's rate when it is one of these, else 24. */
    fps: z.literal([...EXPORT_FPS]),
    frame: z.enum(FRAME_MODES),
    burnIns: z.array(z.enum(BURN_INS)).max(BURN_INS.length),
  })
  .partial()
  .strict();

const coordinate = z.number().min(-4).max(5);
const size = z.number().positive().max(8);
const normRect = z.object({ x: coordinate, y: coordinate, w: size, h: size }).strict();
const timeMs = z.number().int().min(0).max(24 * 3_600_000);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A started export: follow it with task.* events, cancel it with tasks.cancel. null: the save dialog was cancelled. */
export interface ExportStarted {
  taskId: string;
  path: string;
}

/** What an export task finishes with (the task.finished event's result). */
export interface VideoExportResult {
  path: string;
  frames: number;
  durationMs: number;
  width: number;
  height: number;
  /** Things the user should know that did not stop the export, e.g. a burn-in that was skipped. */
  warnings: string[];
}

export interface AudioWaveform {
  sha256: string;
  durationMs: number;
  peaksPerSecond: number;
  /** base64 of one byte per bucket: the loudest sample in it, 0..255. */
  peaks: string;
}

export type AudioClipInfo = AudioClipInput;

export const animaticMethods = {
  /** The segment model at a frame rate (default: the project's), exactly as the exporter renders it. */
  'timeline.get': method<Timeline>()(z.object({ fps: fps.optional() }).strict()),

  /**
   * Starts an MP4 export as a task. Without `path`, Electron shows a save dialog; web mode answers
   * UNSUPPORTED and the renderer asks for a path. The ffmpeg binary is checked before the task starts.
   */
  'export.mp4': method<ExportStarted | null>()(z.object({ path: outputPath.optional(), options: exportOptions.optional() }).strict()),
  /** Starts an export of one PNG per frame into a new folder (`path` must not exist yet, or be empty). */
  'export.imageSequence': method<ExportStarted | null>()(
    z.object({ path: outputPath.optional(), options: exportOptions.optional() }).strict(),
  ),

  /** Adds an audio file (WAV, MP3, M4A, OGG, FLAC) as a soundtrack clip at `startMs`, or to a panel. One undo step. */
  'audio.import': method<AudioClipInfo>()(
    z
      .object({
        fileName: z.string().max(1000),
        /** The audio file, sent beforehand on the upload channel. */
        uploadId,
        kind: z.enum(['track', 'panel']),
        track: z.enum(AUDIO_TRACKS).optional(),
        startMs: timeMs.optional(),
        panelId: id.optional(),
      })
      .strict()
      .refine((v) => (v.kind === 'panel') === !!v.panelId, 'Panel audio needs panelId; soundtrack audio takes none'),
  ),
  'audio.list': method<AudioClipInfo[]>()(noInput),
  /** Changes clips (a whole lane at once: volume, mute, solo), as one undo step. */
  'audio.update': method<AudioClipInfo[]>()(
    z
      .object({
        ids,
        patch: z
          .object({ volume: z.number().min(0).max(4), muted: z.boolean(), solo: z.boolean(), startMs: timeMs, track: z.enum(AUDIO_TRACKS) })
          .partial()
          .strict(),
      })
      .strict(),
  ),
  'audio.delete': method<null>()(z.object({ ids }).strict()),
  'audio.waveform': method<AudioWaveform>()(z.object({ sha256 }).strict()),

  /** Sets or clears a panel's camera move (start and end framing on its image). One undo step. */
  'panels.setFraming': method<null>()(
    z.object({ panelId: id, framing: z.object({ start: normRect, end: normRect }).strict().nullable() }).strict(),
  ),
  /** Sets the transition of panels and its duration. One undo step. */
  'panels.setTransition': method<null>()(
    z.object({ ids, transition: z.enum(TRANSITIONS), durationMs: z.number().int().min(0).max(10_000).optional() }).strict(),
  ),
} as const;
