import { useEffect, useState } from 'react';
import { findPanel, useBoardStore } from '../state/board-store';
import { useViewStore } from '../state/view-store';
import { errorMessage } from '../api/errors';
import { notice } from '../state/attempt';
import { useLazyModule } from '../util/lazy-module';
import { panelLayersSettled, prefetchPanelLayers } from './layers-load';
import { editorModule, loadEditorWhenIdle } from './editor-prefetch';

/**
 * How long an opening editor waits for the panel's layers before it shows without them (the panel's
 * picture standing in until they come). Shown with them, it renders once instead of twice: on a large
 * sketch the first, empty render held up the layers' arrival on the page's one thread.
 */
export const LAYERS_WAIT_MS = 150;

/** The panel editor, when a panel is open in it (Enter or double-click on the board). */
export function PanelEditor() {
  const panelId = useViewStore((s) => s.editorPanelId);
  const exists = useBoardStore((s) => !!findPanel(s.board, panelId));
  const version = useBoardStore((s) => s.version);
  const open = !!panelId && exists;
  // The layers start loading with the editor's code, not after it has rendered. Started here while
  // rendering (idempotent per panel and version), not in an effect: the editor's own load runs in its
  // effect, and a child's effects run before its parent's, so an effect here would load twice per edit.
  if (open) prefetchPanelLayers(panelId, version);
  const editor = useLazyModule(editorModule, open, (e) => {
    notice('error', 'The panel editor could not open', `Its code did not load (${errorMessage(e)}). Try again.`);
    useViewStore.getState().openEditor(null);
  });
  useEffect(loadEditorWhenIdle, []);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (!open) {
      setWaited(false);
      return;
    }
    if (waited) return;
    let live = true;
    const show = () => live && setWaited(true);
    const timer = setTimeout(show, LAYERS_WAIT_MS);
    void panelLayersSettled(panelId, version).then(show);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, waited, panelId, version]);
  useEffect(() => {
    // The panel went away (deleted, or its creation undone): back to the board.
    if (panelId && !exists && useBoardStore.getState().board) useViewStore.getState().openEditor(null);
  }, [panelId, exists]);
  return open && editor && waited ? <editor.EditorView panelId={panelId} /> : null;
}
