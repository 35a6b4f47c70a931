import type { ClipInfo, PanelClip } from '../../../shared/domain/clip';
import type { Panel, PanelStatus, Scene } from '../../../shared/domain/board';
import type { AspectRatio, ProjectInfo } from '../../../shared/domain/project';
import type { ClipColumns, PanelRow, ProjectRow, SceneRow } from '../queries/rows';
import { shotNumber } from './shot-numbers';
import { parseFraming } from '../animatic/timeline-queries';

export function toPanel(row: PanelRow, sceneNumber: number | string, index: number): Panel {
  return {
    id: row.id,
    sceneId: row.scene_id,
    shotNumber: shotNumber(sceneNumber, index, row.shot_number_override ?? row.locked_shot_number),
    shotNumberOverride: row.shot_number_override,
    durationMs: row.duration_ms,
    shotSize: row.shot_size,
    angle: row.angle,
    lensMm: row.lens_mm,
    cameraMove: row.camera_move,
    action: row.action,
    dialogue: row.dialogue,
    sound: row.sound,
    transition: row.transition,
    notes: row.notes,
    status: row.status as PanelStatus,
    tags: JSON.parse(row.tags) as string[],
    imageSha256: row.image_sha256,
    thumbSha256: row.composite_sha256 ?? row.image_sha256,
    omitted: row.omitted === 1,
    scriptElement: row.script_element,
    framing: parseFraming(row.camera_framing),
    promptVersionId: row.prompt_version_id,
    clip: toPanelClip(row),
  };
}

function toPanelClip(row: PanelRow): PanelClip | null {
  const clip = toClipInfo(row);
  return clip && { ...clip, inMs: row.clip_in_ms, after: row.clip_after === 'loop' ? 'loop' : 'hold' };
}

/** A clip's measures as joined to a panel or variation row, or null when the row has none. */
export function toClipInfo(row: ClipColumns): ClipInfo | null {
  if (!row.clip_sha256 || row.clip_frames === null) return null;
  return {
    sha256: row.clip_sha256,
    width: row.clip_width!,
    height: row.clip_height!,
    fpsNum: row.clip_fps_num!,
    fpsDen: row.clip_fps_den!,
    frames: row.clip_frames,
    durationMs: row.clip_duration_ms!,
    posterSha256: row.clip_poster_sha256!,
  };
}

export function toScene(row: SceneRow, number: number): Scene {
  return { id: row.id, number, heading: row.heading, synopsis: row.synopsis, scriptNumber: row.script_number, omitted: row.omitted === 1 };
}

export function toProjectInfo(row: ProjectRow, path: string, schemaVersion: number, readOnly = false): ProjectInfo {
  return {
    path,
    title: row.title,
    aspectRatio: row.aspect_ratio as AspectRatio,
    fps: row.fps,
    defaultDurationMs: row.default_duration_ms,
    styleNotes: row.style_notes,
    shotNumbersLocked: row.shot_numbers_locked === 1,
    schemaVersion,
    readOnly,
  };
}
