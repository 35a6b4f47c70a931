import { useEffect } from 'react';
import { runMenuCommand } from './commands';

/** In Electron, carries out the commands of the native menu (its accelerators include Undo and Redo). */
export function useNativeMenu(): void {
  useEffect(() => window.boardwright?.onMenuCommand(runMenuCommand), []);
}
