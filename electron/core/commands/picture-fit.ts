import { centreCrop, hasMove } from '../../../shared/domain/animatic-frame';
import { aspectValue, type AspectRatio, type PictureFit } from '../../../shared/domain/project';
import { parseFraming, readImageSizes } from '../animatic/timeline-queries';
import type { ChangeRecorder } from '../history/recorder';
import type { Project } from '../project';
import { listPanelRows } from '../queries/panel-queries';
import { now } from './ids';

/** Crops this close to the whole picture are the whole picture (no framing stored). */
const WHOLE = 1e-6;

/**
 * Fits every panel's picture to a new aspect ratio, inside the caller's edit: `crop` frames the centre
 * of the picture that fills the new frame (a still framing), `letterbox` clears the framing so the
 * whole picture shows with bars, `keep` changes nothing. A panel with a camera move keeps its move
 * (each of its frames is already shown at the project's aspect); a panel without a picture has nothing to fit.
 * Returns how many panels changed.
 */
export function fitPictures(rec: ChangeRecorder, project: Project, aspect: AspectRatio, fit: PictureFit): number {
  if (fit === 'keep') return 0;
  const panels = listPanelRows(project.db).map((p) => ({ id: p.id, picture: p.composite_sha256 ?? p.image_sha256, framing: parseFraming(p.camera_framing) }));
  const sizes = readImageSizes(project.db, panels.flatMap((p) => (p.picture ? [p.picture] : [])));
  let changed = 0;
  for (const panel of panels) {
    const size = panel.picture ? sizes.get(panel.picture) : undefined;
    if (!size?.width || !size.height || hasMove(panel.framing)) continue;
    const rect = fit === 'crop' ? centreCrop(size.width / size.height, aspectValue(aspect)) : null;
    const json = rect && (rect.w < 1 - WHOLE || rect.h < 1 - WHOLE) ? JSON.stringify({ start: rect, end: rect }) : null;
    const before = rec.changes.length;
    rec.update('panels', { id: panel.id }, { camera_framing: json });
    if (rec.changes.length > before) {
      rec.update('panels', { id: panel.id }, { updated_at: now() });
      changed++;
    }
  }
  return changed;
}
