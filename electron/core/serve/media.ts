import fs from 'node:fs';
import path from 'node:path';
import { BURN_IN_FONT_FILES } from '../../../shared/domain/burn-in-layout';
import type { Session } from '../session';
import { locateFontsDir } from '../export/pdf/text/font-book';
import { readImageBytes } from '../queries/image-queries';
import { readAudioBytes } from '../audio/audio-queries';
import { readClip, readClipBytes } from '../motion/clip-store';
import { previewImage, type Preview } from '../media/preview';
import { getPanelLayersBody } from '../commands/sketch-commands';
import { CoreError } from '../errors';

const MEDIA_PATH = /^\/media\/(thumb|full)\/([0-9a-f]{64})$/;
/** A display-size copy for a card shown larger than its thumbnail: /media/preview/<width>/<sha256>. */
const PREVIEW_PATH = /^\/media\/preview\/(\d{2,4})\/([0-9a-f]{64})$/;
/** Audio files of the project (the timeline player decodes them with Web Audio). */
const AUDIO_PATH = /^\/media\/audio\/([0-9a-f]{64})$/;
/** Motion clips of the project (the gallery and the timeline player play them in a video element). */
const CLIP_PATH = /^\/media\/clip\/([0-9a-f]{64})$/;
/** A panel's layers as the editor loads them (shared/domain/sketch-pack.ts's binary body); never cached, they change. */
const LAYERS_PATH = /^\/media\/layers\/([A-Za-z0-9_-]{1,64})$/;
/** The bundled fonts the burn-ins use, so the player draws captions with the export's glyphs. */
const FONT_PATH = /^\/media\/fonts\/([A-Za-z0-9-]+\.ttf)$/;

function fontFile(name: string): Preview | null {
  if (!BURN_IN_FONT_FILES.includes(name)) return null;
  try {
    return { type: 'font/ttf', body: fs.readFileSync(path.join(locateFontsDir(), name)) };
  } catch {
    return null;
  }
}

/** The Cache-Control of a media answer: content-addressed media for good, a panel's layers never. */
export const mediaCaching = (media: Pick<Preview, 'cache'>): string => (media.cache === 'no-store' ? 'no-store' : 'private, max-age=31536000, immutable');

/** The body, or 404 when the panel is gone (deleted meanwhile), or 422 with the reason when its strokes cannot be read (damaged). */
function panelLayers(session: Session, panelId: string): Preview | null {
  try {
    return { type: 'application/octet-stream', body: getPanelLayersBody(session.project!, panelId), cache: 'no-store' };
  } catch (e) {
    if (!(e instanceof CoreError)) throw e;
    if (e.code === 'NOT_FOUND') return null;
    return { type: 'text/plain; charset=utf-8', body: Buffer.from(e.message), cache: 'no-store', status: 422 };
  }
}

/** The clip's bytes, or 404 for an unknown clip, or 422 with the reason when some of its bytes are missing (damaged). */
function clipMedia(session: Session, sha256: string): Preview | null {
  const info = readClip(session.project!.db, sha256);
  if (!info) return null;
  try {
    const body = readClipBytes(session.project!.db, sha256);
    return body ? { type: info.mime, body } : null;
  } catch (e) {
    if (!(e instanceof CoreError) || e.code !== 'CORRUPT') throw e;
    return { type: 'text/plain; charset=utf-8', body: Buffer.from(e.message), cache: 'no-store', status: 422 };
  }
}

/**
 * Serves project images for the renderer at /media/thumb/<sha256> and /media/full/<sha256> (at once),
 * and previews at /media/preview/<width>/<sha256> (a promise: one may have to be made first): the same
 * relative URL under app:// in Electron and under http://127.0.0.1 in web mode.
 */
export function mediaResponse(session: Session, urlPath: string): Preview | null | Promise<Preview | null> {
  const font = FONT_PATH.exec(urlPath);
  if (font) return fontFile(font[1]);
  const preview = PREVIEW_PATH.exec(urlPath);
  if (preview) return session.project ? previewImage(session.project.db, preview[2], Number(preview[1])).catch(() => null) : null;
  const audio = AUDIO_PATH.exec(urlPath);
  if (audio && session.project) {
    const blob = readAudioBytes(session.project.db, audio[1]);
    return blob ? { type: blob.mime, body: blob.data } : null;
  }
  const layers = LAYERS_PATH.exec(urlPath);
  if (layers) return session.project ? panelLayers(session, layers[1]) : null;
  const clip = CLIP_PATH.exec(urlPath);
  if (clip && session.project) return clipMedia(session, clip[1]);
  const m = MEDIA_PATH.exec(urlPath);
  const project = session.project;
  if (!m || !project) return null;
  const img = readImageBytes(project.db, m[2], m[1] as 'thumb' | 'full');
  return img ? { type: img.mime, body: img.data } : null;
}
