import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ChevronDownIcon } from './view-icons';

interface Props {
  /** The button's face; `on` marks it active (something in the popover is switched on). `title` is its accessible name. */
  label: ReactNode;
  on: boolean;
  title: string;
  testId: string;
  children: ReactNode;
}

/** A toolbar button that opens a small panel of settings under it; a click outside or Esc closes it. */
export function ToolbarPopover({ label, on, title, testId, children }: Props) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => ref.current?.contains(e.target as Node) || setOpen(false);
    const esc = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault(); // Esc closes the popover, not the editor
      setOpen(false);
    };
    window.addEventListener('pointerdown', away, true);
    window.addEventListener('keydown', esc, true);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('keydown', esc, true);
    };
  }, [open]);
  return (
    <div className="tool-popover-anchor" ref={ref}>
      <button
        type="button"
        className={`button button-small${on ? ' is-on' : ''}`}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={title}
        data-testid={testId}
        title={title}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        <ChevronDownIcon />
      </button>
      {open && (
        <div className="tool-popover" role="dialog" aria-label={title} data-testid={`${testId}-panel`}>
          {children}
        </div>
      )}
    </div>
  );
}
