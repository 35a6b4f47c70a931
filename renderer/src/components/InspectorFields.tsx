import { useEffect, useState, type ReactNode } from 'react';

interface Common {
  label: string;
  testId: string;
}

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={`field${wide ? ' field-wide' : ''}`}>
      <span className="field-label">{label}</span>
      {children}
    </label>
  );
}

/**
 * A text or number input that commits on Enter or when it loses focus, and goes back to the stored
 * value on Escape or when `parse` refuses the text (returns undefined).
 */
export function CommitInput<T>({
  label,
  testId,
  value,
  format,
  parse,
  onCommit,
  suffix,
  inputMode,
}: Common & { value: T; format(v: T): string; parse(text: string): T | undefined; onCommit(v: T): void; suffix?: string; inputMode?: 'decimal' | 'text' }) {
  const stored = format(value);
  const [draft, setDraft] = useState(stored);
  useEffect(() => setDraft(stored), [stored]);
  const commit = () => {
    const parsed = parse(draft);
    if (parsed === undefined) return setDraft(stored);
    if (format(parsed) !== stored) onCommit(parsed);
    else setDraft(stored);
  };
  return (
    <Field label={label}>
      <span className="input-wrap">
        <input
          className="input"
          data-testid={testId}
          value={draft}
          inputMode={inputMode}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') {
              setDraft(stored);
              e.stopPropagation();
            }
          }}
        />
        {suffix && <span className="input-suffix">{suffix}</span>}
      </span>
    </Field>
  );
}

/** A multi-line text that commits when it loses focus (or on Ctrl/⌘+Enter). */
export function CommitTextArea({ label, testId, value, onCommit, placeholder }: Common & { value: string; onCommit(v: string): void; placeholder?: string }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <Field label={label} wide>
      <textarea
        className="input textarea"
        data-testid={testId}
        value={draft}
        rows={3}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft !== value && onCommit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.blur();
          if (e.key === 'Escape') {
            setDraft(value);
            e.stopPropagation();
          }
        }}
      />
    </Field>
  );
}

/** A choice from a vocabulary, or none. */
export function SelectField({
  label,
  testId,
  value,
  options,
  onCommit,
  allowNone = true,
}: Common & { value: string | null; options: readonly string[]; onCommit(v: string | null): void; allowNone?: boolean }) {
  const known = value === null || options.includes(value);
  return (
    <Field label={label}>
      <select className="input select" data-testid={testId} value={value ?? ''} onChange={(e) => onCommit(e.target.value || null)}>
        {allowNone && <option value="">—</option>}
        {!known && value !== null && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </Field>
  );
}
