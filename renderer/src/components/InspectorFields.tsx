import { useEffect, useState, type ReactNode } from 'react';

interface Common {
  label: string;
  testId: string;
  /** The selected panels disagree: the field shows "Mixed" and an edit sets all of them. */
  mixed?: boolean;
}

const MIXED = 'Mixed';
const MIXED_OPTION = '__mixed__';

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
 * value on Escape or when `parse` refuses the text (returns undefined). Mixed: empty with a "Mixed"
 * placeholder; leaving it empty changes nothing.
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
  mixed,
  placeholder,
}: Common & {
  value: T;
  format(v: T): string;
  parse(text: string): T | undefined;
  onCommit(v: T): void;
  suffix?: string;
  inputMode?: 'decimal' | 'text';
  placeholder?: string;
}) {
  const stored = mixed ? '' : format(value);
  const [draft, setDraft] = useState(stored);
  useEffect(() => setDraft(stored), [stored]);
  const commit = () => {
    if (mixed && draft.trim() === '') return setDraft('');
    const parsed = parse(draft);
    if (parsed === undefined) return setDraft(stored);
    if (mixed || format(parsed) !== stored) onCommit(parsed);
    else setDraft(stored);
  };
  return (
    <Field label={label}>
      <span className="input-wrap">
        <input
          className="input"
          data-testid={testId}
          data-mixed={mixed || undefined}
          value={draft}
          inputMode={inputMode}
          placeholder={mixed ? MIXED : placeholder}
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

/** A multi-line text that commits when it loses focus (or on Ctrl/⌘+Enter). Mixed: typing replaces it in every selected panel. */
export function CommitTextArea({ label, testId, value, onCommit, placeholder, mixed }: Common & { value: string; onCommit(v: string): void; placeholder?: string }) {
  const stored = mixed ? '' : value;
  const [draft, setDraft] = useState(stored);
  useEffect(() => setDraft(stored), [stored]);
  return (
    <Field label={label} wide>
      <textarea
        className="input textarea"
        data-testid={testId}
        data-mixed={mixed || undefined}
        value={draft}
        rows={3}
        placeholder={mixed ? `${MIXED} — typing replaces it in every selected panel` : placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => (mixed ? draft !== '' : draft !== value) && onCommit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.blur();
          if (e.key === 'Escape') {
            setDraft(stored);
            e.stopPropagation();
          }
        }}
      />
    </Field>
  );
}

/** A choice from a vocabulary, or none; "Mixed" when the selected panels disagree. */
export function SelectField({
  label,
  testId,
  value,
  options,
  onCommit,
  allowNone = true,
  mixed,
  labels,
}: Common & { value: string | null; options: readonly string[]; onCommit(v: string | null): void; allowNone?: boolean; labels?: Readonly<Record<string, string>> }) {
  const known = value === null || options.includes(value);
  return (
    <Field label={label}>
      <select
        className={`input select${mixed ? ' is-mixed' : ''}`}
        data-testid={testId}
        data-mixed={mixed || undefined}
        value={mixed ? MIXED_OPTION : (value ?? '')}
        onChange={(e) => e.target.value !== MIXED_OPTION && onCommit(e.target.value || null)}
      >
        {mixed && (
          <option value={MIXED_OPTION} disabled hidden>
            {MIXED}
          </option>
        )}
        {allowNone && <option value="">—</option>}
        {!mixed && !known && value !== null && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {labels?.[o] ?? o}
          </option>
        ))}
      </select>
    </Field>
  );
}
