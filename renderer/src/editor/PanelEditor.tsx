import { Suspense, lazy, useEffect } from 'react';
import { findPanel, useBoardStore } from '../state/board-store';
import { useViewStore } from '../state/view-store';
import { prefetchPanelLayers } from './layers-load';

// The editor's code is not part of the board's: it loads once the board is idle (or when a panel is
// opened first), so that opening the editor waits for the panel's layers only.
type EditorViewComponent = typeof import('./EditorView').EditorView;
/** The editor once its code is here: rendered directly, as lazy() would suspend its first render once more. */
let loaded: EditorViewComponent | null = null;
const loadEditorCode = () =>
  import('./EditorView').then((m) => {
    loaded = m.EditorView;
    return m;
  });
const LazyEditorView = lazy(() => loadEditorCode().then((m) => ({ default: m.EditorView })));

function useEditorCodeWhenIdle(): void {
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(() => void loadEditorCode().catch(() => undefined), { timeout: 4000 });
    return () => cancelIdleCallback(id);
  }, []);
}

/** The panel editor, when a panel is open in it (Enter or double-click on the board). */
export function PanelEditor() {
  const panelId = useViewStore((s) => s.editorPanelId);
  const exists = useBoardStore((s) => !!findPanel(s.board, panelId));
  const version = useBoardStore((s) => s.version);
  useEditorCodeWhenIdle();
  // The layers start loading with the editor's code, not after it has rendered. Started here while
  // rendering (idempotent per panel and version), not in an effect: the editor's own load runs in its
  // effect, and a child's effects run before its parent's, so an effect here would load twice per edit.
  if (panelId && exists) prefetchPanelLayers(panelId, version);
  useEffect(() => {
    // The panel went away (deleted, or its creation undone): back to the board.
    if (panelId && !exists && useBoardStore.getState().board) useViewStore.getState().openEditor(null);
  }, [panelId, exists]);
  if (!panelId || !exists) return null;
  const EditorView = loaded;
  return EditorView ? (
    <EditorView panelId={panelId} />
  ) : (
    <Suspense fallback={null}>
      <LazyEditorView panelId={panelId} />
    </Suspense>
  );
}
