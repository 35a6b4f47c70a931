import type { ReactNode } from 'react';
import { runBoardCommand, type BoardCommand } from '../menu/board-commands';
import { actions } from '../state/actions';
import { findPanel, useBoardStore, useSelectedPanel } from '../state/board-store';
import { shortcut } from '../util/platform';
import { DuplicateIcon, ImageIcon, MergeIcon, PanelIcon, RenumberIcon, SceneIcon, SplitIcon, TrashIcon } from './Icons';
import { chooseImage, ImageInput } from './ImageInput';
import { ViewControls } from './ViewControls';
import { ShotLockBadge } from './ShotLockBadge';

function ToolButton({ testId, title, disabled, command, children }: { testId: string; title: string; disabled?: boolean; command: BoardCommand; children: ReactNode }) {
  return (
    <button type="button" className="icon-button" data-testid={testId} title={title} aria-label={title} disabled={disabled} onClick={() => runBoardCommand(command)}>
      {children}
    </button>
  );
}

/** Actions on the board (add, duplicate, delete, split, merge, renumber, image) and the view controls. */
export function BoardToolbar() {
  const selected = useSelectedPanel();
  const count = useBoardStore((s) => s.selection.size);
  const sceneId = useBoardStore((s) => s.selectedSceneId ?? findPanel(s.board, s.selectedPanelId)?.scene.id ?? null);
  const scenes = useBoardStore((s) => s.board?.scenes);
  const hasScenes = (scenes?.length ?? 0) > 0;
  const sceneIndex = scenes?.findIndex((s) => s.id === sceneId) ?? -1;
  const canMerge = sceneIndex >= 0 && sceneIndex < (scenes?.length ?? 0) - 1;
  const panelTarget = selected ? `after ${selected.panel.shotNumber}` : hasScenes ? 'at the end of the last scene' : 'in a new scene';
  const hint = count > 1 ? `${count} panels selected` : selected ? `${selected.panel.shotNumber} selected` : sceneIndex >= 0 ? `Scene ${sceneIndex + 1} selected` : 'Click a panel to select it';
  return (
    <div className="toolbar" role="toolbar" aria-label="Board">
      <button type="button" className="button" data-testid="add-scene" onClick={() => void actions.addScene(sceneId ?? undefined)} title="Add a scene (after the selected one, else at the end)">
        <SceneIcon />
        Add scene
      </button>
      <button type="button" className="button" data-testid="add-panel" onClick={() => void actions.addPanel()} title={`Add a panel ${panelTarget} (N)`}>
        <PanelIcon />
        Add panel
        <kbd className="kbd">N</kbd>
      </button>
      <span className="toolbar-divider" />
      <div className="button-group">
        <ToolButton testId="duplicate" title={`Duplicate the selected panels (${shortcut('D')})`} disabled={count === 0} command={{ kind: 'duplicate' }}>
          <DuplicateIcon />
        </ToolButton>
        <ToolButton testId="delete" title="Delete the selected panels (Del)" disabled={count === 0} command={{ kind: 'delete' }}>
          <TrashIcon />
        </ToolButton>
      </div>
      <span className="toolbar-divider" />
      <div className="button-group">
        <ToolButton
          testId="split-scene"
          title={selected && selected.index > 0 ? `Split the scene at ${selected.panel.shotNumber}: it and the panels after it start a new scene` : 'Select a panel after the first of its scene to split there'}
          disabled={!selected || selected.index === 0}
          command={{ kind: 'splitScene', panelId: selected?.panel.id ?? '' }}
        >
          <SplitIcon />
        </ToolButton>
        <ToolButton testId="merge-scenes" title="Merge this scene with the next one" disabled={!canMerge} command={{ kind: 'mergeWithNext', sceneId: sceneId ?? '' }}>
          <MergeIcon />
        </ToolButton>
        <ToolButton testId="renumber" title="Renumber all shots (drops manual shot numbers)" disabled={!hasScenes} command={{ kind: 'renumber' }}>
          <RenumberIcon />
        </ToolButton>
      </div>
      <ShotLockBadge />
      <span className="toolbar-divider" />
      <button
        type="button"
        className="button"
        data-testid="add-image"
        disabled={!selected || count > 1}
        onClick={chooseImage}
        title={count > 1 ? 'Select one panel to set its image, or drop image files on the board' : selected ? `Choose an image for panel ${selected.panel.shotNumber} (or drop image files on the board)` : 'Select a panel first, or drop image files on the board'}
      >
        <ImageIcon />
        {selected?.panel.imageSha256 ? 'Replace image…' : 'Add image…'}
      </button>
      <ImageInput />
      <span className="toolbar-spacer" />
      <span className="toolbar-hint" data-testid="selection-hint" title={hint}>
        {hint}
      </span>
      <span className="toolbar-divider" />
      <ViewControls />
    </div>
  );
}
