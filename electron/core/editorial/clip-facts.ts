/** The text and metadata a clip carries into an NLE, shared by the writers so every format says the same. */
import type { EditorialClip, MovieSource } from './model';

/** The part of a movie clip's file it plays: its own clip from the in point, or a baked file whole. */
export function movieSource(c: Pick<EditorialClip, 'frames' | 'source'>): MovieSource {
  return c.source ?? { inFrame: 0, fileFrames: c.frames };
}

/** The clip's note: the action, then the dialogue. */
export function clipNote(c: Pick<EditorialClip, 'action' | 'dialogue'>): string {
  const action = c.action.trim();
  const dialogue = c.dialogue.trim();
  return [action, dialogue ? `Dialogue: ${dialogue}` : ''].filter(Boolean).join('\n');
}

/** Panel facts as flat key/value pairs (FCPXML md elements, xmeml comments); empty values left out. */
export function clipFields(c: EditorialClip): [string, string][] {
  const fields: [string, string | number | null][] = [
    ['panelId', c.panelId], ['shotNumber', c.shotNumber], ['scene', c.sceneNumber], ['sceneHeading', c.sceneHeading],
    ['shotSize', c.shotSize], ['angle', c.angle], ['lensMm', c.lensMm], ['cameraMove', c.cameraMove], ['status', c.status],
    ['action', c.action], ['dialogue', c.dialogue], ['notes', c.notes],
  ];
  return fields.filter((f): f is [string, string | number] => f[1] !== null && f[1] !== '').map(([k, v]) => [k, String(v)]);
}

/** The same facts as an object (OTIO's metadata.boardwright). */
export function clipMetadata(c: EditorialClip): Record<string, string | number | null> {
  return {
    panelId: c.panelId, shotNumber: c.shotNumber, sceneId: c.sceneId, scene: c.sceneNumber, sceneHeading: c.sceneHeading,
    shotSize: c.shotSize, angle: c.angle, lensMm: c.lensMm, cameraMove: c.cameraMove, status: c.status,
    action: c.action, dialogue: c.dialogue, notes: c.notes, media: c.media.fileName,
  };
}

/** "Size: CU · Angle: low · Lens: 35mm · Status: draft" for formats with only free-text fields. */
export function shotSummary(c: EditorialClip): string {
  return [
    c.shotSize && `Size: ${c.shotSize}`, c.angle && `Angle: ${c.angle}`, c.lensMm !== null && `Lens: ${c.lensMm}mm`,
    c.cameraMove && `Move: ${c.cameraMove}`, `Status: ${c.status}`,
  ].filter(Boolean).join(' · ');
}

/** The tag xmeml and EDL comments carry the panel id in; readers look for it. */
export const PANEL_TAG = 'boardwright-panel:';
