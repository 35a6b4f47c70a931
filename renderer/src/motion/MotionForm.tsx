import { useId } from 'react';
import type { VideoProviderInfo } from '../../../shared/domain/motion';
import { RadioButtons } from '../components/RadioButtons';
import { SeedField } from '../generation/SeedField';
import { motionActions } from './motion-actions';
import { currentProvider, useMotionStore } from './motion-store';

/** The image-to-video settings: provider, model, clip length, and a seed and a negative prompt where the provider takes them. */
export function MotionForm() {
  const providers = useMotionStore((s) => s.providers);
  const provider = useMotionStore(currentProvider);
  const providerId = useMotionStore((s) => s.providerId);
  return (
    <div className="gen-section motion-form">
      <label className="field">
        <span className="field-label">Video provider</span>
        <select className="input select" data-testid="motion-provider" value={providerId} onChange={(e) => motionActions.setProvider(e.target.value)}>
          {(providers ?? []).map((p) => (
            <option key={p.id} value={p.id} disabled={!p.ready} title={p.ready ? undefined : (p.setup ?? 'Not set up')}>
              {p.label}
              {p.ready ? '' : ' — not set up'}
            </option>
          ))}
          {!providers && <option value={providerId}>Loading…</option>}
        </select>
      </label>
      <SetupHints providers={providers} />
      {provider && <ProviderFields provider={provider} />}
    </div>
  );
}

/** Providers that are not ready, and what each needs (the menu cannot show a tooltip everywhere). */
function SetupHints({ providers }: { providers: VideoProviderInfo[] | null }) {
  const missing = (providers ?? []).filter((p) => !p.ready && p.setup);
  if (missing.length === 0) return null;
  return (
    <details className="motion-setup" data-testid="motion-setup">
      <summary>
        {missing.length} provider{missing.length === 1 ? '' : 's'} not set up
      </summary>
      <ul>
        {missing.map((p) => (
          <li key={p.id}>
            <strong>{p.label}:</strong> {p.setup}
          </li>
        ))}
      </ul>
    </details>
  );
}

function ProviderFields({ provider }: { provider: VideoProviderInfo }) {
  const listId = useId();
  const model = useMotionStore((s) => s.model);
  const seconds = useMotionStore((s) => s.seconds);
  const seed = useMotionStore((s) => s.seed);
  const negative = useMotionStore((s) => s.negative);
  return (
    <>
      <label className="field">
        <span className="field-label">Model</span>
        <input
          className="input"
          data-testid="motion-model"
          list={listId}
          value={model}
          placeholder={provider.defaultModel}
          spellCheck={false}
          onChange={(e) => useMotionStore.setState({ model: e.target.value })}
        />
        <datalist id={listId}>
          {provider.models.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      </label>
      <div className="field">
        <span className="field-label">Clip length</span>
        <RadioButtons
          label="Clip length"
          options={provider.durations.map((d) => ({ value: d, label: `${d} s`, testId: `motion-seconds-${d}` }))}
          value={seconds}
          onChange={(d) => useMotionStore.setState({ seconds: d })}
          className="motion-durations"
          buttonClass="motion-duration"
        />
      </div>
      {provider.seed && <SeedField testId="motion-seed" value={seed} onChange={(v) => useMotionStore.setState({ seed: v })} />}
      {provider.negativePrompt && (
        <label className="field">
          <span className="field-label">Leave out (negative prompt)</span>
          <input className="input" data-testid="motion-negative" value={negative} onChange={(e) => useMotionStore.setState({ negative: e.target.value })} />
        </label>
      )}
    </>
  );
}
