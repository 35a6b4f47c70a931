import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

interface Props {
  title: string;
  testId: string;
  submitLabel: string;
  submitDisabled?: boolean;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

/** A small centred dialog with a form: Enter submits, Escape or a click outside cancels. */
export function Modal({ title, testId, submitLabel, submitDisabled, onSubmit, onCancel, children }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        cancel.current();
      }
    };
    window.addEventListener('keydown', onKey);
    const first = formRef.current?.querySelector<HTMLInputElement>('input, select, textarea');
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!submitDisabled) onSubmit();
  };
  return (
    <div className="modal-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onCancel()}>
      <form ref={formRef} className="modal" role="dialog" aria-modal="true" aria-label={title} data-testid={testId} onSubmit={submit}>
        <h2 className="modal-title">{title}</h2>
        <div className="modal-body">{children}</div>
        <div className="modal-actions">
          <button type="button" className="button" data-testid={`${testId}-cancel`} onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid={`${testId}-submit`} disabled={submitDisabled}>
            {submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
