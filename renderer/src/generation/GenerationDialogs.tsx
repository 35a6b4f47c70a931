import { useState } from 'react';
import { Modal } from '../components/Modal';
import { useBoardStore, useSelectedPanel } from '../state/board-store';
import type { PickDrawing } from '../../../shared/domain/generation';
import { BibleDialog } from './BibleDialog';
import { DrawingChoice, useHasDrawing } from './DrawingChoice';
import { genActions } from './gen-actions';
import { useGenStore } from './gen-store';
import { ProviderSettingsDialog } from './ProviderSettingsDialog';
import { variationFacts, variationLabel } from './Gallery';
import { WideDialog } from './WideDialog';
import { VariationPicture } from '../motion/VariationPicture';

const close = () => useGenStore.setState({ dialog: null });

/** The bible feeds every prompt: the selected panel's (unedited) prompt follows what changed. */
function closeBible() {
  close();
  const id = useBoardStore.getState().selectedPanelId;
  if (id) void genActions.refreshComposed(id);
}

/** Whichever generation dialog is open. */
export function GenerationDialogs() {
  const dialog = useGenStore((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'pick':
      return <PickDialog variationId={dialog.variationId} />;
    case 'compare':
      return <CompareDialog />;
    case 'bible':
      return <BibleDialog onClose={closeBible} />;
    case 'settings':
      return <ProviderSettingsDialog onClose={close} />;
  }
}

function usePanelVariations() {
  const selected = useSelectedPanel();
  const variations = useGenStore((s) => (selected ? s.variations[selected.panel.id] : undefined)) ?? [];
  return { panel: selected?.panel ?? null, variations };
}

/** "Use this one": the why is optional, and goes into the decision log with the pick. */
function PickDialog({ variationId }: { variationId: string }) {
  const { panel, variations } = usePanelVariations();
  const [why, setWhy] = useState('');
  const [drawing, setDrawing] = useState<PickDrawing>('under');
  const hasDrawing = useHasDrawing(panel?.id ?? null);
  const v = variations.find((x) => x.id === variationId);
  if (!panel || !v) return null;
  return (
    <Modal
      title={`Use this variation for ${panel.shotNumber}?`}
      testId="pick-dialog"
      submitLabel="Pick"
      onCancel={close}
      onSubmit={async () => {
        const done = await genActions.pick(v.id, why, undefined, hasDrawing ? drawing : 'under');
        if (done) close();
      }}
    >
      <VariationPicture className="pick-preview" v={v} size="preview" label={variationLabel(v)} />
      <p className="hint">
        {variationLabel(v)} · {variationFacts(v)}
      </p>
      <label className="field">
        <span className="field-label">Why this one? (optional, kept in the decision log)</span>
        <input className="input" data-testid="pick-why" value={why} placeholder="e.g. the eyeline reads best" onChange={(e) => setWhy(e.target.value)} />
      </label>
      {hasDrawing && <DrawingChoice value={drawing} onChange={setDrawing} />}
    </Modal>
  );
}

/** 2–4 variations side by side, full size; picking one logs the others as the alternatives it beat. */
function CompareDialog() {
  const { panel, variations } = usePanelVariations();
  const compare = useGenStore((s) => s.compare);
  const [why, setWhy] = useState('');
  const [drawing, setDrawing] = useState<PickDrawing>('under');
  const hasDrawing = useHasDrawing(panel?.id ?? null);
  const shown = compare.map((id) => variations.find((v) => v.id === id)).filter((v) => v !== undefined);
  if (!panel || shown.length < 2) return null;
  const pick = async (id: string) => {
    const done = await genActions.pick(id, why, shown.map((v) => v.id).filter((x) => x !== id), hasDrawing ? drawing : 'under');
    if (done) useGenStore.setState({ dialog: null, compare: [] });
  };
  return (
    <WideDialog
      title={`Compare ${shown.length} variations of ${panel.shotNumber}`}
      testId="compare-dialog"
      onClose={close}
      width={shown.length > 2 ? 1280 : 1040}
      footer={
        <>
          {hasDrawing && <DrawingChoice value={drawing} onChange={setDrawing} />}
          <input className="input compare-why" data-testid="compare-why" value={why} placeholder="Why the one you pick? (optional, kept in the decision log)" onChange={(e) => setWhy(e.target.value)} />
        </>
      }
    >
      <div className={`compare-grid n${shown.length}`}>
        {shown.map((v) => (
          <figure key={v.id} className="compare-item" data-testid="compare-item">
            <VariationPicture v={v} size="full" label={variationLabel(v)} />
            <figcaption>
              <div>
                <strong>{variationLabel(v)}</strong>
                <div className="hint">{variationFacts(v)}</div>
              </div>
              <button type="button" className="button button-primary button-small" data-testid="compare-pick" disabled={v.current} onClick={() => void pick(v.id)}>
                {v.current ? 'In panel' : 'Pick this'}
              </button>
            </figcaption>
          </figure>
        ))}
      </div>
    </WideDialog>
  );
}
