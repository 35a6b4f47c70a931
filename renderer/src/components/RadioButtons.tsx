import type { KeyboardEvent, ReactNode } from 'react';

export interface RadioOption<T> {
  value: T;
  label: ReactNode;
  hint?: string;
  testId?: string;
}

interface Props<T> {
  /** The group's accessible name. */
  label: string;
  options: readonly RadioOption<T>[];
  value: T;
  onChange(value: T): void;
  className: string;
  /** Each button's class; the chosen one also gets `is-on`. */
  buttonClass: string;
}

/**
 * A row of buttons of which one is chosen, as a radio group: Tab reaches the chosen one, the arrow
 * keys move the choice (and the focus) to the previous or next.
 */
export function RadioButtons<T extends string | number>({ label, options, value, onChange, className, buttonClass }: Props<T>) {
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const at = options.findIndex((o) => o.value === value);
    const next = (at + step + options.length) % options.length;
    onChange(options[next].value);
    (e.currentTarget.children[next] as HTMLElement | undefined)?.focus();
  };
  return (
    <div className={className} role="radiogroup" aria-label={label} onKeyDown={onKey}>
      {options.map((o) => (
        <button
          key={String(o.value)}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          tabIndex={o.value === value ? 0 : -1}
          className={`${buttonClass}${o.value === value ? ' is-on' : ''}`}
          data-testid={o.testId}
          title={o.hint}
          onClick={() => o.value !== value && onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
