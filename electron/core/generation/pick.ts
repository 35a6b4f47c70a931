/**
 * Picking a variation makes it the panel's image: an edit (one undo step) that also writes the
 * "variation picked" entry of the decision log, with the alternatives it beat. Undo removes both.
 * A clip variation puts its poster in the panel and its clip on it; a still takes any clip off.
 * The picture lands as the reference layer under the artist's strokes, or (`drawing: 'replace'`)
 * replaces the drawing too: the unlocked stroke layers are cleared in the same undo step (locked
 * layers keep their strokes, as with Clear sketch).
 */
import type { Panel } from '../../../shared/domain/board';
import type { PickDrawing } from '../../../shared/domain/generation';
import { newId, now } from '../commands/ids';
import { editPanelPicture, readPictureState } from '../commands/panel-picture';
import type { Db } from '../db/connection';
import { recordDecision } from '../decisions/decision-log';
import { CoreError } from '../errors';
import type { Project } from '../project';
import type { StoredImage } from '../queries/image-queries';
import { hasVariation } from '../queries/layer-queries';
import { clearLayer } from '../sketch/layer-ops';
import { getVariation, listVariations } from './job-rows';

/** An image already in the file, in the shape the picture edit takes (storing it again is a no-op). */
function readStoredImage(db: Db, sha256: string): StoredImage | undefined {
  const r = db.prepare('SELECT i.*, d.data FROM images i JOIN image_data d ON d.sha256 = i.sha256 WHERE i.sha256 = ?').get(sha256) as
    | Record<string, unknown>
    | undefined;
  if (!r) return undefined;
  return {
    sha256,
    mime: r.mime as string,
    width: r.width as number,
    height: r.height as number,
    byteSize: r.byte_size as number,
    data: r.data as Buffer,
    thumb: r.thumb as Buffer,
    thumbMime: r.thumb_mime as string,
    thumbWidth: r.thumb_width as number,
    thumbHeight: r.thumb_height as number,
    sourceName: (r.source_name as string | null) ?? null,
  };
}

export interface PickOptions {
  why?: string;
  alternativeIds?: string[];
  drawing?: PickDrawing;
}

export async function pickVariation(project: Project, variationId: string, opts: PickOptions = {}): Promise<Panel> {
  const picked = getVariation(project.db, variationId);
  if (!picked) throw new CoreError('NOT_FOUND', `No variation with id ${variationId}.`);
  const panel = project.panel(picked.panelId);
  if (picked.current) return panel;
  const image = readStoredImage(project.db, picked.imageSha256);
  if (!image) throw new CoreError('NOT_FOUND', 'The image of this variation is missing from the project.');
  const wanted = opts.alternativeIds ? new Set(opts.alternativeIds) : null;
  const alternatives = listVariations(project.db, picked.panelId)
    .filter((v) => v.id !== picked.id && (wanted ? wanted.has(v.id) : true))
    .map((v) => ({ variationId: v.id, imageSha256: v.imageSha256, provider: v.provider, model: v.model, seed: v.seed, promptVersionId: v.promptVersionId }));
  // Only strokes that can go are replaced (the label and the log say so only then); locked layers stay, as in Clear sketch.
  const replace = opts.drawing === 'replace' && readPictureState(project, picked.panelId).layers.some((l) => !l.locked && l.strokes.length > 0);
  const label = `Pick variation for panel ${panel.shotNumber}${replace ? ', replacing the drawing' : ''}`;
  return editPanelPicture(project, picked.panelId, label, {
    image,
    ...(replace ? { layers: clearLayer() } : {}),
    also: (rec, before) => {
      const old = before.imageSha;
      if (picked.clip) rec.update('panels', { id: picked.panelId }, { clip_sha256: picked.clip.sha256, clip_in_ms: 0 });
      // The picture it replaces stays in the gallery, as an imported image would.
      if (old && old !== picked.imageSha256 && !hasVariation(project.db, picked.panelId, old)) {
        rec.insert('variations', { id: newId(), panel_id: picked.panelId, image_sha256: old, provider: 'import', created_at: now() });
      }
      recordDecision(rec, {
        kind: 'variation.picked',
        panelId: picked.panelId,
        sceneId: panel.sceneId,
        shotNumber: panel.shotNumber,
        field: 'image',
        oldValue: old,
        newValue: picked.imageSha256,
        why: opts.why?.trim() ?? '',
        data: {
          variationId: picked.id,
          provider: picked.provider,
          model: picked.model,
          seed: picked.seed,
          promptVersionId: picked.promptVersionId,
          ...(picked.clip ? { clipSha256: picked.clip.sha256, clipDurationMs: picked.clip.durationMs, params: picked.params } : {}),
          alternatives,
          ...(replace ? { drawing: 'replaced' } : {}),
        },
      });
    },
  });
}
