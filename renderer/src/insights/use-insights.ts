import { useEffect, useRef, useState } from 'react';
import type { Insights } from '../../../shared/domain/insights';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { useBoardStore } from '../state/board-store';

/** Board edits come in bursts (a drag, typing): read the figures again once they settle. */
const SETTLE_MS = 250;

/** The figures for the chosen scenes (all when none), read again after every board change. */
export function useInsights(sceneIds: readonly string[]): { insights: Insights | null; error: string | null } {
  const version = useBoardStore((s) => s.version);
  const [insights, setInsights] = useState<Insights | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = sceneIds.join(',');
  // The first read is at once; later ones wait for the board to settle.
  const loaded = useRef(false);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api
        .call('insights.get', key ? { sceneIds: key.split(',') } : {})
        .then((figures) => {
          if (!live) return;
          loaded.current = true;
          setInsights(figures);
          setError(null);
        })
        .catch((e: unknown) => live && setError(errorMessage(e)));
    }, loaded.current ? SETTLE_MS : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, version]);
  return { insights, error };
}
