import { useEffect } from 'react';
import { api } from '../api/client';
import { useSessionStore } from '../state/session-store';
import { projectSettingsActions } from './project-settings-actions';

/** Ctrl/⌘+, opens Project Settings… in web mode (the app's native menu has the accelerator). */
export function useProjectSettingsShortcut(): void {
  useEffect(() => {
    if (api.shell === 'electron') return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key !== ',') return;
      const session = useSessionStore.getState();
      if (session.phase !== 'board' || session.dialog) return;
      e.preventDefault();
      projectSettingsActions.open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
