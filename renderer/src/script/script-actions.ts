/** What the script UI asks of the core: preview a screenplay, import it, board it, and the pane's data. */
import type { ScriptPanelMode } from '../../../shared/domain/script';
import { MAX_SCRIPT_BYTES } from '../../../shared/api/uploads';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { refresh } from '../state/run';
import { useSessionStore } from '../state/session-store';
import { workingRunner } from '../state/working';
import { checkFileSize, chooseFile } from '../util/file-choice';
import { useGenStore } from '../generation/gen-store';
import { SCRIPT_ACCEPT } from './script-files';
import { useScriptStore } from './script-store';

const state = () => useScriptStore.getState();
const notice = (kind: 'error' | 'info', title: string, message: string, action?: { label: string; run: () => void }) =>
  useSessionStore.getState().showNotice({ kind, title, message, action });

const working = workingRunner((on) => state().set({ working: on }));

export const scriptActions = {
  /** File > Import Script…: the file chooser, then the preview. */
  chooseFile(): void {
    chooseFile(SCRIPT_ACCEPT, 'script-file-input', (file) => void scriptActions.preview(file));
  },

  /** Reads a screenplay and shows what importing it would change. */
  preview: (file: File, mode: ScriptPanelMode = 'beats') =>
    working(`Could not read ${file.name}`, async () => {
      checkFileSize(file, MAX_SCRIPT_BYTES, 'a screenplay');
      const uploadId = await api.upload('script', file);
      const preview = await api.call('script.preview', { uploadId, fileName: file.name, mode });
      state().set({ preview });
    }),

  /** The dialog's "one panel per beat / per scene" choice: the same script planned again. */
  setMode: (mode: ScriptPanelMode) =>
    working('Could not plan the import', async () => {
      const current = state().preview;
      if (!current) return;
      state().set({ preview: await api.call('script.preview', { previewId: current.previewId, mode }) });
    }),

  cancel: () => state().set({ preview: null }),

  /** One click imports: one undoable edit. Then the board, the pane, and an offer to board the script. */
  confirm: () =>
    working('Could not import the script', async () => {
      const current = state().preview;
      if (!current) return;
      const summary = await api.call('script.import', { previewId: current.previewId });
      state().set({ preview: null });
      await refresh();
      await scriptActions.loadView();
      useGenStore.setState({ tab: 'script' });
      const panels = summary.scenes.reduce((n, s) => n + s.panels, 0);
      notice('info', summary.reimport ? 'Script re-imported' : 'Script imported', `${summary.fileName}: ${summary.scenes.length} scenes, ${panels} panels.`, {
        label: 'Board the Script',
        run: () => void scriptActions.boardEmpty(),
      });
    }),

  /** "Board the script": a first picture for every empty panel with the Generate tab's provider. */
  boardEmpty: () =>
    working('Could not board the script', async () => {
      const providerId = useGenStore.getState().providerId;
      const jobs = await api.call('script.boardEmpty', { providerId });
      useGenStore.setState({ tab: 'generate' });
      notice('info', 'Boarding the script', jobs.length ? `${jobs.length} panels are being drawn; follow them in the Generate tab.` : 'Every panel already has a picture.');
    }),

  loadView: async () => {
    try {
      state().set({ view: await api.call('script.get', {}) });
    } catch (e) {
      notice('error', 'Could not show the script', errorMessage(e));
    }
  },
};
