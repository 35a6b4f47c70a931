import { useEffect } from 'react';
import type { Panel } from '../../../shared/domain/board';
import { PROVIDER_LABELS } from '../../../shared/domain/generation';
import { pictureSha, useBoardStore, useSelectedPanel } from '../state/board-store';
import { CastPicker } from './CastPicker';
import { genActions } from './gen-actions';
import { isActive, jobsOfPanel, useGenStore } from './gen-store';
import { Gallery } from './Gallery';
import { JobList } from './JobList';
import { PromptEditor } from './PromptEditor';
import { SeedField } from './SeedField';
import { GenerateModeSwitch } from '../motion/GenerateModeSwitch';
import { useMotionStore } from '../motion/motion-store';
import { MotionPanel } from '../motion/MotionPanel';

/** The Generate tab: stills (variations of the selected panel) or motion (clips of the selected panels). */
export function GeneratePanel() {
  const mode = useMotionStore((s) => s.mode);
  return (
    <div className="gen-tab">
      <GenerateModeSwitch />
      {mode === 'motion' ? <MotionPanel /> : <StillsPanel />}
    </div>
  );
}

/** Generate variations of the selected panel: provider, prompt, count and seed, jobs, and the gallery. */
function StillsPanel() {
  const selected = useSelectedPanel();
  const version = useBoardStore((s) => s.version);
  const providers = useGenStore((s) => s.providers);
  useEffect(() => {
    if (!providers) void genActions.loadProviders();
  }, [providers]);
  const panelId = selected?.panel.id ?? null;
  useEffect(() => {
    if (panelId) void genActions.loadPanel(panelId);
  }, [panelId, version]);

  if (!selected) {
    return (
      <div className="gen-panel gen-empty" data-testid="generate-panel">
        <h2 className="inspector-title">Generate</h2>
        <p className="hint">Select a panel to see it four ways: the shot, the style bible and the cast become the prompt.</p>
        <GenFooterButtons />
      </div>
    );
  }
  return <PanelGenerator key={selected.panel.id} panel={selected.panel} />;
}

function GenFooterButtons() {
  return (
    <div className="gen-row gen-links">
      <button type="button" className="button button-small" data-testid="open-bible" onClick={() => useGenStore.setState({ dialog: { kind: 'bible' } })}>
        Characters & style…
      </button>
      <button type="button" className="button button-small" data-testid="open-provider-settings" onClick={() => useGenStore.setState({ dialog: { kind: 'settings' } })}>
        Providers…
      </button>
    </div>
  );
}

function PanelGenerator({ panel }: { panel: Panel }) {
  const providers = useGenStore((s) => s.providers);
  const providerId = useGenStore((s) => s.providerId);
  const count = useGenStore((s) => s.count);
  const seed = useGenStore((s) => s.seed);
  const composed = useGenStore((s) => s.composed[panel.id]);
  const allJobs = useGenStore((s) => s.jobs);
  const provider = providers?.find((p) => p.id === providerId);
  const jobs = jobsOfPanel(allJobs, panel.id);
  const running = jobs.some(isActive);
  // Capabilities are those of the model chosen in the provider's settings (OpenAI's dall-e-3 cannot refine).
  const modelTakesImages = !!provider && (provider.capabilities.initImage || provider.capabilities.referenceImages);
  const canRefine = !!pictureSha(panel) && modelTakesImages;
  const refineHint = canRefine
    ? 'Send the current panel (sketch included) as the starting image'
    : provider && !modelTakesImages
      ? `${provider.label} with ${provider.model || provider.defaultModel} cannot start from an image: choose another model or provider`
      : 'Needs a panel picture';
  const ready = !!provider?.configured;

  return (
    <div className="gen-panel" data-testid="generate-panel">
      <div className="inspector-header">
        <span className="inspector-kicker">Generate</span>
        <h2 className="inspector-title">{panel.shotNumber}</h2>
      </div>
      <div className="gen-section">
        <label className="field">
          <span className="field-label">Provider</span>
          <select className="input select" data-testid="gen-provider" value={providerId} onChange={(e) => genActions.setProvider(e.target.value as typeof providerId)}>
            {(providers ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
                {p.configured ? '' : ' — not set up'}
              </option>
            ))}
            {!providers && <option value={providerId}>{PROVIDER_LABELS[providerId]}</option>}
          </select>
        </label>
        {provider && !provider.configured && (
          <p className="gen-warning" data-testid="gen-provider-missing">
            {provider.missing}{' '}
            <button type="button" className="link-button" onClick={() => useGenStore.setState({ dialog: { kind: 'settings' } })}>
              Provider settings
            </button>
          </p>
        )}
      </div>
      <CastPicker panelId={panel.id} />
      <PromptEditor panelId={panel.id} composed={composed} provider={provider} />
      <div className="gen-row gen-controls">
        <div className="field">
          <span className="field-label">Variations</span>
          <div className="segmented gen-count" role="radiogroup" aria-label="Variations">
            {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
              <button key={n} type="button" role="radio" aria-checked={count === n} className={`segment${count === n ? ' is-on' : ''}`} data-testid={`gen-count-${n}`} onClick={() => useGenStore.setState({ count: n })}>
                {n}
              </button>
            ))}
          </div>
        </div>
        <SeedField
          className="field gen-seed"
          testId="gen-seed"
          value={seed}
          disabled={provider ? !provider.capabilities.seed : false}
          onChange={(v) => useGenStore.setState({ seed: v })}
        />
      </div>
      <div className="gen-row">
        <button type="button" className="button button-primary gen-go" data-testid="gen-generate" disabled={!ready || !composed} onClick={() => void genActions.start(panel.id)}>
          Generate {count}
        </button>
        <button
          type="button"
          className="button"
          data-testid="gen-refine"
          disabled={!ready || !canRefine}
          title={refineHint}
          onClick={() => void genActions.start(panel.id, { refine: true })}
        >
          Refine
        </button>
        {running && <span className="hint">Working…</span>}
      </div>
      <JobList jobs={jobs} />
      <Gallery panel={panel} />
      <GenFooterButtons />
    </div>
  );
}
