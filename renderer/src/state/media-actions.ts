import { api } from '../api/client';
import { ApiCallError } from '../api/errors';
import { findPanel, useBoardStore } from './board-store';
import { refresh, run } from './run';
import { useSessionStore } from './session-store';
import { MAX_IMAGE_BYTES } from '../../../shared/api/uploads';

const IMAGE_EXTENSIONS = /\.(png|jpe?g|webp|gif|tiff?|avif)$/i;

const boardState = () => useBoardStore.getState();

/** Where dropped or pasted images go: into a panel (replacing its picture) or new panels at a place. */
export type ImageTarget = { kind: 'panel'; panelId: string } | { kind: 'slot'; sceneId: string; index: number } | { kind: 'end' };

/** Whether a file looks like an image (its type, else its name); the core has the last word. */
export function looksLikeImage(file: File): boolean {
  return file.type ? file.type.startsWith('image/') : IMAGE_EXTENSIONS.test(file.name);
}

/** Names the dropped files that were left out because they are not images. */
function skippedNotice(skipped: readonly File[], added: number): void {
  const names = skipped.slice(0, 3).map((f) => f.name).join(', ') + (skipped.length > 3 ? ` and ${skipped.length - 3} more` : '');
  useSessionStore.getState().showNotice({
    kind: 'error',
    title: `${added} ${added === 1 ? 'image was' : 'images were'} added`,
    message: `${names} ${skipped.length === 1 ? 'is not an image and was' : 'are not images and were'} left out. Use PNG, JPEG, WebP, GIF, TIFF or AVIF files.`,
    code: 'NOT_AN_IMAGE',
  });
}

/** Refuses the whole drop when any file is not an image, so nothing changes. */
function checkImages(files: readonly File[]): void {
  const bad = files.filter((f) => !looksLikeImage(f));
  if (bad.length === 1 && files.length === 1) {
    throw new ApiCallError('NOT_AN_IMAGE', `${bad[0].name} is not an image. Use PNG, JPEG, WebP, GIF, TIFF or AVIF files; nothing was added.`);
  }
  if (bad.length > 0) {
    const names = bad.slice(0, 3).map((f) => f.name).join(', ') + (bad.length > 3 ? ` and ${bad.length - 3} more` : '');
    throw new ApiCallError('NOT_AN_IMAGE', `${names} ${bad.length === 1 ? 'is not an image' : 'are not images'}. Use PNG, JPEG, WebP, GIF, TIFF or AVIF files; nothing was added.`);
  }
  for (const f of files) {
    if (f.size > MAX_IMAGE_BYTES) throw new Error(`${f.name} is ${(f.size / 1048576).toFixed(0)} MB; images up to 200 MB can be added.`);
    if (f.size === 0) throw new Error(`${f.name} is empty.`);
  }
}

/** Sends each file on the upload channel, one at a time (raw bytes, no base64). */
async function upload(files: readonly File[]): Promise<{ fileName: string; uploadId: string }[]> {
  const out: { fileName: string; uploadId: string }[] = [];
  for (const f of files) out.push({ fileName: f.name || 'pasted image.png', uploadId: await api.upload('image', f) });
  return out;
}

async function replaceImage(panelId: string, file: File): Promise<void> {
  const [data] = await upload([file]);
  await api.call('panels.setImage', { panelId, ...data });
  await refresh();
  boardState().select(panelId, true);
}

/** New panels, one per file in order, at a scene index (default: the end of the last scene, made if needed). */
async function addPanels(files: readonly File[], sceneId: string | null, index: number | undefined): Promise<void> {
  let scene = sceneId ?? boardState().board?.scenes.at(-1)?.id;
  if (!scene) scene = (await api.call('scenes.create', {})).id;
  const panels = await api.call('panels.addImages', { sceneId: scene, ...(index === undefined ? {} : { index }), files: await upload(files) });
  await refresh();
  const ids = panels.map((p) => p.id);
  boardState().setSelection(ids, ids.at(-1) ?? null, ids[0] ?? null, true);
}

export const mediaActions = {
  /** Reads an image the user chose and sets it on a panel. A file the core refuses changes nothing. */
  setImage: (panelId: string, file: File) =>
    run('Could not use that file', async () => {
      checkImages([file]);
      await replaceImage(panelId, file);
    }),

  /**
   * Image files dropped on the board. Onto a panel, one file replaces its picture (the core keeps the
   * old one as a variation) and several become new panels after it; elsewhere, one new panel per file.
   */
  dropImages: (dropped: File[], target: ImageTarget) =>
    run(dropped.length > 1 ? 'Could not add those files' : 'Could not add that file', async () => {
      if (dropped.length === 0) return;
      // The images go in; the files that are not are named, and left out (when all are, nothing changes).
      const files = dropped.filter(looksLikeImage);
      const skipped = dropped.filter((f) => !looksLikeImage(f));
      checkImages(files.length ? files : dropped);
      if (target.kind === 'panel' && files.length === 1 && dropped.length === 1) return replaceImage(target.panelId, files[0]);
      const at = target.kind === 'panel' ? findPanel(boardState().board, target.panelId) : null;
      if (target.kind === 'panel') await addPanels(files, at?.scene.id ?? null, at ? at.index + 1 : undefined);
      else if (target.kind === 'slot') await addPanels(files, target.sceneId, target.index);
      else await addPanels(files, null, undefined);
      if (skipped.length) skippedNotice(skipped, files.length);
    }),

  /**
   * An image pasted from the clipboard: into the one selected panel, else as a new panel after the
   * selection (or at the end of the board). With `asNew`, always a new panel.
   */
  pasteImage: (file: File, asNew = false) =>
    run('Could not paste the image', async () => {
      checkImages([file]);
      const { board, selection, selectedPanelId } = boardState();
      const focus = findPanel(board, selectedPanelId);
      if (!asNew && focus && selection.size === 1) return replaceImage(focus.panel.id, file);
      return addPanels([file], focus?.scene.id ?? null, focus ? focus.index + 1 : undefined);
    }),
};
