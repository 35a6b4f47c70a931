import { useEffect, useRef } from 'react';
import { useSessionStore } from '../state/session-store';
import { isTextEntry } from '../util/platform';
import { useEditorStore } from './editor-store';
import { toolForKey } from './tools/editor-tools';

/** The panel editor's keys: Esc closes, ←/→ (or PageUp/PageDown) go to the previous/next panel, tool letters (V select, P L B E, N line, U rectangle/ellipse, A arrows, F fill, T text), [ ] size, O onion skin. */
export function useEditorKeys(handlers: { close(): void; prev(): void; next(): void }): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTextEntry(e.target) || useSessionStore.getState().dialog) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const tools = useEditorStore.getState();
      let handled = true;
      if (key === 'Escape') {
        if (useSessionStore.getState().notice) return; // Esc dismisses the message first
        ref.current.close();
      } else if (key === 'ArrowLeft' || key === 'PageUp') ref.current.prev();
      else if (key === 'ArrowRight' || key === 'PageDown') ref.current.next();
      else if (toolForKey(key, tools.tool)) tools.setTool(toolForKey(key, tools.tool)!);
      else if (key === '[') tools.setSize(tools.sizes[tools.tool] - 1);
      else if (key === ']') tools.setSize(tools.sizes[tools.tool] + 1);
      else if (key === 'o') tools.toggleOnion();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
