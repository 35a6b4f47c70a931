import { useEffect } from 'react';
import { api } from '../api/client';
import { actions } from '../state/actions';
import { useSessionStore } from '../state/session-store';
import { isTextEntry } from '../util/platform';
import { runMenuCommand } from './commands';

/**
 * Board shortcuts: Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z and Ctrl+Y redo, N adds a panel. Typing in a field
 * keeps its own undo. In Electron the native menu's accelerators deliver Undo and Redo as menu
 * commands, so they are handled here only in web mode.
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
      if (!mod && !e.altKey && !e.shiftKey && key === 'n' && !e.repeat) {
        e.preventDefault();
        void actions.addPanel();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
