import { useEffect, useState } from 'react';
import { boardView } from './board-view';

/**
 * Resolves once the board has shown its first screen of cards with their thumbnails (or after
 * `capMs`). What can wait (the timeline's model, the side panel's and the timeline's contents)
 * waits for it, so opening a long project puts the board on screen first.
 */
export function afterBoardShown(capMs = 4000): Promise<void> {
  const started = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      if (boardView.readyAt !== null || performance.now() - started > capMs) resolve();
      else setTimeout(check, 30);
    };
    check();
  });
}

/** False until the board has shown its first screen (see afterBoardShown), then true for good. */
export function useBoardShown(capMs = 1500): boolean {
  const [shown, setShown] = useState(() => boardView.readyAt !== null);
  useEffect(() => {
    if (shown) return;
    let live = true;
    void afterBoardShown(capMs).then(() => live && setShown(true));
    return () => {
      live = false;
    };
  }, [shown, capMs]);
  return shown;
}
