import { afterBoardShown } from '../board/board-shown';
import { useBoardStore } from '../state/board-store';
import { lazyModule } from '../util/lazy-module';
import { prefetchPanelLayers } from './layers-load';

// The editor's code is not part of the board's: it loads once the board is on screen and the page is
// idle, or when a panel is first opened in it, whichever comes first.
export const editorModule = lazyModule(() => import('./EditorView'));

let idleLoad = false;
/**
 * Loads the editor's code once the board has shown its first screen and the page is idle, so the first
 * double-click waits for none of it (fetching and evaluating it took part of the first open's time).
 */
export function loadEditorWhenIdle(): void {
  if (idleLoad) return;
  idleLoad = true;
  void afterBoardShown().then(() =>
    requestIdleCallback(() => void editorModule.load().catch(() => undefined), { timeout: 2000 }), // a failure is reported when the editor opens
  );
}

/**
 * A double-click's second press on a card: the editor's code and the panel's layers start loading
 * then, not at the release that opens the editor (a hand holds the button down for a tenth of a second).
 */
export function prefetchPanelEditor(panelId: string): void {
  void editorModule.load().catch(() => undefined); // a failure is reported when the editor opens
  prefetchPanelLayers(panelId, useBoardStore.getState().version);
}
