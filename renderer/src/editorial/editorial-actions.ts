/** What Import Editorial Changes… asks of the core: read an editor's timeline, preview the conform, apply it. */
import { MAX_TIMELINE_BYTES } from '../../../shared/api/uploads';
import { api } from '../api/client';
import { info, refresh } from '../state/run';
import { workingRunner } from '../state/working';
import { checkFileSize, chooseFile } from '../util/file-choice';
import { boardChanges } from './conform-text';
import { useEditorialStore } from './editorial-store';
import { TIMELINE_ACCEPT } from './timeline-files';

const state = () => useEditorialStore.getState();
const working = workingRunner((on) => state().set({ working: on }));

export const editorialActions = {
  /** File > Import Editorial Changes…: the file chooser, then the preview. */
  chooseTimeline(): void {
    chooseFile(TIMELINE_ACCEPT, 'timeline-file-input', (file) => void editorialActions.preview(file));
  },

  /** Reads an edited timeline and shows what conforming the board to it would change; nothing is written yet. */
  preview: (file: File) =>
    working(`Could not read ${file.name}`, async () => {
      checkFileSize(file, MAX_TIMELINE_BYTES, 'an editorial timeline');
      const uploadId = await api.upload('timeline', file);
      state().set({ preview: await api.call('editorial.preview', { uploadId, fileName: file.name }) });
    }),

  cancel: () => state().set({ preview: null }),

  /** Applies the previewed changes as one undoable edit, then shows the board as it now is. */
  apply: () =>
    working('Could not apply the editorial changes', async () => {
      const current = state().preview;
      if (!current) return;
      const summary = await api.call('editorial.apply', { previewId: current.previewId });
      state().set({ preview: null });
      await refresh();
      const changes = boardChanges(summary.counts);
      info(
        'Editorial changes applied',
        changes.length ? `${summary.fileName}: ${changes.join(', ')}. Edit > Undo takes the whole conform back.` : `${summary.fileName}: the board already matched the cut.`,
      );
    }),
};
