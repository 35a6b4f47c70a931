import { useEffect, useRef, type ReactNode } from 'react';
import { CloseIcon } from '../components/Icons';

/** A large dialog (compare, bible, settings): Escape or the close button dismisses it. */
export function WideDialog({ title, testId, onClose, children, footer, width = 960 }: { title: string; testId: string; onClose(): void; children: ReactNode; footer?: ReactNode; width?: number }) {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        // Fields save when they lose focus: let the one being typed in save before the dialog goes.
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        close.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <div className="modal-backdrop wide-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal wide-dialog" role="dialog" aria-modal="true" aria-label={title} data-testid={testId} style={{ width: `min(${width}px, calc(100vw - 32px))` }}>
        <div className="wide-head">
          <h2 className="modal-title">{title}</h2>
          <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" data-testid={`${testId}-close`} onClick={onClose}>
            <CloseIcon />
          </button>
        </div>
        <div className="wide-body">{children}</div>
        {footer && <div className="modal-actions">{footer}</div>}
      </div>
    </div>
  );
}
