/** True on macOS, where shortcuts use ⌘ instead of Ctrl. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** A shortcut label for menus and tooltips, e.g. shortcut('Z', { shift: true }) → "Ctrl+Shift+Z" or "⇧⌘Z". */
export function shortcut(key: string, opts: { shift?: boolean; mod?: boolean } = {}): string {
  const mod = opts.mod ?? true;
  if (IS_MAC) return `${opts.shift ? '⇧' : ''}${mod ? '⌘' : ''}${key}`;
  return [mod ? 'Ctrl' : '', opts.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** Whether a keyboard event comes from a place where the user types text. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'file', 'submit', 'reset', 'range', 'color'].includes(target.type);
  return false;
}
