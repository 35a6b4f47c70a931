import { useEffect, useMemo } from 'react';
import type { Panel } from '../../../shared/domain/board';
import { genActions } from '../generation/gen-actions';
import { useGenStore } from '../generation/gen-store';
import { Gallery } from '../generation/Gallery';
import { PromptEditor } from '../generation/PromptEditor';
import { findPanel, pictureSha, selectedPanels, useBoardStore } from '../state/board-store';
import { motionActions } from './motion-actions';
import { currentProvider, isMotionActive, motionJobsOf, useMotionStore } from './motion-store';
import { MotionForm } from './MotionForm';
import { MotionJobList } from './MotionJobList';

/** The selected panels (the focused one when the selection is empty), in board order. */
function useMotionPanels(): Panel[] {
  const board = useBoardStore((s) => s.board);
  const selection = useBoardStore((s) => s.selection);
  const focused = useBoardStore((s) => s.selectedPanelId);
  return useMemo(() => {
    const many = selectedPanels(board, selection);
    if (many.length > 0) return many;
    const one = findPanel(board, focused);
    return one ? [one.panel] : [];
  }, [board, selection, focused]);
}

/** Motion: the selected panels' pictures become short clips (one job per panel); their jobs, and the gallery. */
export function MotionPanel() {
  const panels = useMotionPanels();
  const version = useBoardStore((s) => s.version);
  const providers = useMotionStore((s) => s.providers);
  const ids = panels.map((p) => p.id).join();
  useEffect(() => {
    if (!providers) void motionActions.loadProviders();
  }, [providers]);
  useEffect(() => {
    if (!ids) return;
    // One panel: its prompt, jobs and gallery. Several: the project's jobs, in one call.
    const single = ids.includes(',') ? null : ids;
    void motionActions.loadJobs(single ?? undefined);
    if (single) void genActions.loadPanel(single);
  }, [ids, version]);

  if (panels.length === 0) {
    return (
      <div className="gen-panel gen-empty" data-testid="motion-panel">
        <p className="hint">Select one or more panels with pictures: each becomes a short clip that plays in the animatic.</p>
      </div>
    );
  }
  const one = panels.length === 1 ? panels[0] : null;
  return (
    <div className="gen-panel" data-testid="motion-panel">
      <div className="inspector-header">
        <span className="inspector-kicker">Motion</span>
        <h2 className="inspector-title">{one ? one.shotNumber : `${panels.length} panels`}</h2>
      </div>
      <MotionForm />
      {one ? <OnePanelPrompt panel={one} /> : <p className="hint">Each panel sends its own prompt, composed from its shot as the Stills prompt is. Select one panel to watch its clips and pick one.</p>}
      <GenerateClipRow panels={panels} />
      <PanelJobs panels={panels} />
      {one && <Gallery panel={one} />}
    </div>
  );
}

function OnePanelPrompt({ panel }: { panel: Panel }) {
  const composed = useGenStore((s) => s.composed[panel.id]);
  return <PromptEditor panelId={panel.id} composed={composed} provider={undefined} />;
}

function GenerateClipRow({ panels }: { panels: Panel[] }) {
  const provider = useMotionStore(currentProvider);
  const withPicture = panels.filter((p) => pictureSha(p));
  const missing = panels.length - withPicture.length;
  const label = withPicture.length > 1 ? `Generate ${withPicture.length} clips` : 'Generate clip';
  return (
    <div className="gen-section">
      <div className="gen-row">
        <button
          type="button"
          className="button button-primary gen-go"
          data-testid="motion-generate"
          disabled={!provider?.ready || withPicture.length === 0}
          title={provider && !provider.ready ? (provider.setup ?? undefined) : 'One clip per panel, starting from its picture'}
          onClick={() => void motionActions.start(withPicture.map((p) => p.id))}
        >
          {label}
        </button>
      </div>
      {missing > 0 && (
        <p className="hint" data-testid="motion-no-picture">
          {missing === panels.length ? 'A clip starts from the panel picture: add or generate one first.' : `${missing} panel${missing === 1 ? ' has' : 's have'} no picture and will be left out.`}
        </p>
      )}
    </div>
  );
}

function PanelJobs({ panels }: { panels: Panel[] }) {
  const all = useMotionStore((s) => s.jobs);
  const jobs = motionJobsOf(all, panels.map((p) => p.id));
  const shots = new Map(panels.map((p) => [p.id, p.shotNumber]));
  const running = jobs.filter(isMotionActive).length;
  return (
    <>
      {running > 0 && <span className="hint" role="status">{running === 1 ? 'Rendering a clip…' : `Rendering ${running} clips…`}</span>}
      <MotionJobList jobs={jobs} shotOf={panels.length > 1 ? (id) => (id ? (shots.get(id) ?? null) : null) : undefined} />
    </>
  );
}
