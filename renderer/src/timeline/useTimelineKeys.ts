import { useEffect } from 'react';
import { useSessionStore } from '../state/session-store';
import { useViewStore } from '../state/view-store';
import { isTextEntry } from '../util/platform';
import { pause, seekToEnd, seekToStart, shuttle, step, togglePlay } from './playback';
import { useTimelineStore } from './timeline-store';

/**
 * Transport keys (on the board, not while typing or with a dialog or editor open): Space play/pause,
 * J/K/L shuttle, comma/period step a frame, Home/End go to the start/end (of the loop range when
 * looping), I/O mark the loop range. Ctrl+Home/End select the first/last panel (menu/board-keys.ts).
 * Space toggles on release, and not
 * when the mouse was used meanwhile: holding Space while dragging pans the board.
 */
export function useTimelineKeys(): void {
  useEffect(() => {
    let spaceDown = false;
    let spaceUsed = false;
    const blocked = (e: KeyboardEvent) => {
      const s = useTimelineStore.getState();
      return (
        useSessionStore.getState().phase !== 'board' || useSessionStore.getState().dialog || s.exportOpen || s.moveEditorPanelId ||
        useViewStore.getState().editorPanelId || !s.timeline || e.ctrlKey || e.metaKey || e.altKey || isTextEntry(e.target)
      );
    };
    const onDown = (e: KeyboardEvent) => {
      if (e.code === 'Space') {
        if (!e.repeat) {
          spaceDown = true;
          spaceUsed = false;
        }
        if (!blocked(e)) e.preventDefault();
        return;
      }
      if (blocked(e) || e.defaultPrevented) return;
      const s = useTimelineStore.getState();
      const key = e.key.toLowerCase();
      const total = s.timeline!.totalFrames;
      let used = true;
      if (key === 'l' && !e.shiftKey) shuttle(1);
      else if (key === 'j') shuttle(-1);
      else if (key === 'k') pause();
      else if (key === ',') step(-1);
      else if (key === '.') step(1);
      else if (key === 'home' && !e.shiftKey) seekToStart();
      else if (key === 'end' && !e.shiftKey) seekToEnd();
      else if (key === 'i') s.set({ range: { in: s.frame, out: Math.max(s.frame, s.range?.out ?? total - 1) }, loop: true });
      else if (key === 'o') s.set({ range: { in: Math.min(s.frame, s.range?.in ?? 0), out: s.frame }, loop: true });
      else if (key === 'l' && e.shiftKey) s.set({ loop: !s.loop });
      else used = false;
      if (used) e.preventDefault();
    };
    const onUp = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || !spaceDown) return;
      spaceDown = false;
      if (!spaceUsed && !blocked(e)) {
        e.preventDefault();
        togglePlay();
      }
    };
    const onPointer = () => {
      if (spaceDown) spaceUsed = true;
    };
    window.addEventListener('keydown', onDown);
    window.addEventListener('keyup', onUp);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onDown);
      window.removeEventListener('keyup', onUp);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, []);
}
