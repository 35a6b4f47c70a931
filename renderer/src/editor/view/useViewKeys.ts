import { useEffect } from 'react';
import { useSessionStore } from '../../state/session-store';
import { isTextEntry } from '../../util/platform';
import { useGuidesStore } from './guides-store';
import { useEditorViewStore } from './view-store';

export const ZOOM_STEP = 1.25;

/**
 * The editor's view keys: = / + zoom in, - zoom out, 1 100% (the Fit size), Shift+1 Fit (also
 * straightens and unflips), H flip the view, Shift+R straighten, G rule of thirds; Space held pans
 * and R held rotates with a drag (useViewGestures). Ctrl/⌘ with = - 0 zoom too, as on the board.
 * The view goes back to Fit when the editor closes.
 */
export function useViewKeys(): void {
  useEffect(() => {
    const view = useEditorViewStore.getState;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTextEntry(e.target) || useSessionStore.getState().dialog || e.altKey) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const mod = e.ctrlKey || e.metaKey;
      let handled = true;
      if (key === '=' || key === '+') view().zoomAround(0, 0, ZOOM_STEP);
      else if (key === '-' || key === '_') view().zoomAround(0, 0, 1 / ZOOM_STEP);
      else if (mod) {
        if (key === '0') view().zoomTo(1);
        else handled = false;
      } else if (key === '!' || (e.shiftKey && e.code === 'Digit1')) view().fit();
      else if (key === '1' && !e.shiftKey) view().zoomTo(1);
      else if (key === 'h' && !e.shiftKey) view().flip();
      else if (key === 'r' && e.shiftKey) view().rotateTo(0);
      else if (key === 'r') view().setHeld('rotate');
      else if (key === ' ') view().setHeld('pan');
      else if (key === 'g' && !e.shiftKey) useGuidesStore.getState().toggle('thirds');
      else handled = false;
      if (handled) e.preventDefault();
    };
    const onKeyUp = (e: KeyboardEvent) => {
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const { held, setHeld } = view();
      if ((key === ' ' && held === 'pan') || (key === 'r' && held === 'rotate')) {
        setHeld(null);
        e.preventDefault(); // Space does not press the focused button
      }
    };
    const onBlur = () => view().setHeld(null);
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
      view().setHeld(null);
      view().fit();
    };
  }, []);
}
