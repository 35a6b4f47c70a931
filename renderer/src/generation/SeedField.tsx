import { randomSeed } from './format';

interface Props {
  testId: string;
  value: string;
  disabled?: boolean;
  className?: string;
  onChange(seed: string): void;
}

/** A seed: digits only, empty for a random one each time, with a button for a new random seed. */
export function SeedField({ testId, value, disabled, className = 'field', onChange }: Props) {
  return (
    <label className={className}>
      <span className="field-label">Seed</span>
      <span className="input-wrap">
        <input className="input" data-testid={testId} inputMode="numeric" placeholder="random" disabled={disabled} value={value} onChange={(e) => onChange(e.target.value.replace(/[^0-9]/g, ''))} />
        <button type="button" className="input-suffix-button" title="A new random seed" aria-label="Random seed" disabled={disabled} onClick={() => onChange(randomSeed())}>
          ⚄
        </button>
      </span>
    </label>
  );
}
