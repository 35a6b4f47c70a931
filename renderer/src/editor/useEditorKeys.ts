import { useEffect, useRef } from 'react';
import { useSessionStore } from '../state/session-store';
import { isTextEntry } from '../util/platform';
import { useEditorStore } from './editor-store';

const TOOL_KEYS = { p: 'pen', l: 'pencil', b: 'brush', e: 'eraser' } as const;

/** The panel editor's keys: Esc closes, ←/→ (or PageUp/PageDown) go to the previous/next panel, tool letters, [ ] size, O onion skin. */
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
      else if (key in TOOL_KEYS) tools.setTool(TOOL_KEYS[key as keyof typeof TOOL_KEYS]);
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
