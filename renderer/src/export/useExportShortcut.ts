import { useEffect } from 'react';
import { api } from '../api/client';
import { useSessionStore } from '../state/session-store';
import { openExport } from './export-store';

/** Ctrl/⌘+E opens Export PDF Boards… in web mode (the app's native menu has the accelerator). */
export function useExportShortcut(): void {
  useEffect(() => {
    if (api.shell === 'electron') return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'e') return;
      const session = useSessionStore.getState();
      if (session.phase !== 'board' || session.dialog) return;
      e.preventDefault();
      openExport('boards');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
