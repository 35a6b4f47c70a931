import { useEffect } from 'react';
import { api } from '../api/client';
import { useSessionStore } from '../state/session-store';
import { useViewStore } from '../state/view-store';
import { isTextEntry } from '../util/platform';
import { boardKey } from './board-keys';
import { runMenuCommand } from './commands';

/**
 * App shortcuts: Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z and Ctrl+Y redo (everywhere: board, inspector when
 * not typing, panel editor), then the board's own keys (menu/board-keys.ts) unless the panel editor
 * is open. Typing in a field keeps its own undo. In Electron the native menu's accelerators deliver
 * Undo and Redo as menu commands, so they are handled here only in web mode.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const session = useSessionStore.getState();
      if (session.phase !== 'board' || session.dialog || e.defaultPrevented || isTextEntry(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && !e.altKey && (key === 'z' || key === 'y')) {
        if (api.shell === 'electron') return;
        e.preventDefault();
        runMenuCommand({ kind: key === 'y' || e.shiftKey ? 'redo' : 'undo' });
        return;
      }
      if (useViewStore.getState().editorPanelId) return;
      if (boardKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
