import { useEffect } from 'react';
import { actions } from '../state/actions';
import { looksLikeImage } from '../state/media-actions';
import { useSessionStore } from '../state/session-store';
import { isTextEntry } from '../util/platform';

/**
 * Ctrl/⌘+V with an image on the clipboard: into the selected panel, or as a new panel
 * (Ctrl/⌘+Shift+V always makes a new one). Text pastes into fields are left alone.
 */
export function usePasteImages(): void {
  useEffect(() => {
    let asNew = false;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'v') asNew = e.shiftKey;
    };
    const onPaste = (e: ClipboardEvent) => {
      const session = useSessionStore.getState();
      if (session.phase !== 'board' || session.dialog || isTextEntry(e.target)) return;
      const files = Array.from(e.clipboardData?.items ?? [])
        .filter((i) => i.kind === 'file')
        .map((i) => i.getAsFile())
        .filter((f): f is File => !!f);
      if (files.length === 0) return;
      e.preventDefault();
      const image = files.find(looksLikeImage) ?? files[0];
      void actions.pasteImage(image, asNew);
      asNew = false;
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('paste', onPaste);
    };
  }, []);
}
