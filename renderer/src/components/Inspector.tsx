import { useDeferredValue } from 'react';
import type { SceneWithPanels } from '../../../shared/domain/board';
import { actions } from '../state/actions';
import { panelCount, runningTimeMs, selectedPanels, useBoardStore } from '../state/board-store';
import { formatRunningTime, formatSeconds, plural } from '../util/format';
import { aspectLabel } from './aspect-labels';
import { CommitInput, CommitTextArea } from './InspectorFields';
import { PanelInspector } from './PanelInspector';
import { PathText } from './PathText';

/**
 * The side panel: the selected panel(s), else the selected scene, else a summary of the project.
 * It follows the selection a beat behind the board, in a render React can interrupt: a click draws
 * the card's highlight at once, and the panel's fields (a render of 50-90 ms for a full panel) no
 * longer hold up the next press, such as a double-click's second one, which starts loading the editor.
 */
export function Inspector() {
  const board = useBoardStore((s) => s.board);
  const selection = useDeferredValue(useBoardStore((s) => s.selection));
  const sceneId = useDeferredValue(useBoardStore((s) => s.selectedSceneId));
  const panels = selectedPanels(board, selection);
  const scene = board?.scenes.find((s) => s.id === sceneId);
  let body;
  if (panels.length > 0) {
    const scenes = new Set(panels.map((p) => p.sceneId));
    const first = board!.scenes.find((s) => s.id === panels[0].sceneId)!;
    const label = scenes.size > 1 ? `${scenes.size} scenes` : first.heading.trim() || `Scene ${first.number}`;
    body = <PanelInspector panels={panels} sceneLabel={label} />;
  } else if (scene) {
    body = <SceneInspector scene={scene} />;
  } else {
    body = <ProjectSummary />;
  }
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}

function SceneInspector({ scene }: { scene: SceneWithPanels }) {
  const update = (patch: { heading?: string; synopsis?: string }) => void actions.updateScene(scene.id, patch);
  const withImages = scene.panels.filter((p) => p.imageSha256).length;
  const approved = scene.panels.filter((p) => p.status === 'approved').length;
  return (
    <div className="inspector-content" key={scene.id}>
      <div className="inspector-header">
        <span className="inspector-kicker">Scene {scene.number}</span>
        <h2 className="inspector-title" data-testid="inspector-scene-title">
          {scene.heading.trim() || `Scene ${scene.number}`}
        </h2>
        <span className="inspector-sub">
          {plural(scene.panels.length, 'panel')} · {formatRunningTime(runningTimeMs(scene.panels))}
        </span>
      </div>
      <div className="field-grid">
        <CommitInput label="Heading" testId="scene-heading" value={scene.heading} format={(v) => v} parse={(t) => t.trim().slice(0, 500)} onCommit={(heading) => update({ heading })} placeholder="INT. KITCHEN — NIGHT" />
        <CommitTextArea label="Synopsis" testId="scene-synopsis" value={scene.synopsis} onCommit={(synopsis) => update({ synopsis })} placeholder="What happens in this scene" />
      </div>
      <dl className="summary">
        <Row k="Panels with images" v={`${withImages} of ${scene.panels.length}`} />
        <Row k="Approved" v={`${approved} of ${scene.panels.length}`} />
        <Row k="Average shot" v={scene.panels.length ? formatSeconds(Math.round(runningTimeMs(scene.panels) / scene.panels.length)) : '—'} />
      </dl>
      <p className="hint">Drag the header to move the scene. Right-click it to merge, renumber or delete.</p>
    </div>
  );
}

function Row({ k, v }: { k: string; v: string }) {
  return (
    <div className="summary-row">
      <dt>{k}</dt>
      <dd>{v}</dd>
    </div>
  );
}

function ProjectSummary() {
  const board = useBoardStore((s) => s.board);
  if (!board) return null;
  const { project } = board;
  const rows: [string, string][] = [
    ['Aspect ratio', aspectLabel(project.aspectRatio)],
    ['Frame rate', `${project.fps} fps`],
    ['Default duration', formatSeconds(project.defaultDurationMs)],
    ['Scenes', String(board.scenes.length)],
    ['Panels', String(panelCount(board))],
    ['Running time', formatRunningTime(runningTimeMs(board.scenes.flatMap((s) => s.panels)))],
  ];
  return (
    <div className="inspector-content">
      <div className="inspector-header">
        <span className="inspector-kicker">Project</span>
        <h2 className="inspector-title">{project.title}</h2>
        <PathText className="inspector-sub inspector-path" path={project.path} />
      </div>
      <dl className="summary">
        {rows.map(([k, v]) => (
          <Row key={k} k={k} v={v} />
        ))}
      </dl>
      <p className="hint">Select a panel to see and edit its shot details. Drop image files on the board to add panels.</p>
    </div>
  );
}
