import { useBoardStore } from '../state/board-store';
import { lazyModule } from '../util/lazy-module';
import { prefetchPanelLayers } from './layers-load';

// The editor's code loads when a panel is first opened in it, not with the board.
export const editorModule = lazyModule(() => import('./EditorView'));

/**
 * A double-click's second press on a card: the editor's code and the panel's layers start loading
 * then, not at the release that opens the editor (a hand holds the button down for a tenth of a second).
 */
export function prefetchPanelEditor(panelId: string): void {
  void editorModule.load().catch(() => undefined); // a failure is reported when the editor opens
  prefetchPanelLayers(panelId, useBoardStore.getState().version);
}
